# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Housekeeping of the job runner itself (periodic, queued by the workers)."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.utils import timezone

from django_tasks import TaskResultStatus, task
from django_tasks_db.models import DBTaskResult

from migratieketen_web.jobs import periodic
from migratieketen_web.jobs.models import ACTIVE_STATUSES, Job


@periodic.every(24 * 3600)
@task()
def prune_finished() -> dict[str, int]:
    """Delete finished task results, and finished jobs that show no result, older
    than JOBS_RETENTION_DAYS. Jobs with a result (a scenario run) stay: their domain
    decides when they go (scenarios.tasks.cleanup_anonymous_runs)."""
    before = timezone.now() - timedelta(days=settings.JOBS_RETENTION_DAYS)
    tasks, _ = DBTaskResult.objects.filter(
        status__in=(TaskResultStatus.SUCCESSFUL, TaskResultStatus.FAILED),
        finished_at__lt=before,
    ).delete()
    jobs, _ = (
        Job.objects.filter(result_type=None, created_at__lt=before)
        .exclude(status__in=ACTIVE_STATUSES)
        .delete()
    )
    return {"taakresultaten": tasks, "taken": jobs}
