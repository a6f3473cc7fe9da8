# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Jobs cut off by a dead worker are marked failed, with a Dutch reason, at once.

Called when a worker starts, every minute by each live worker, and by a start that
finds the cap reached. A task claimed by a worker that is no longer alive (see
`liveness`) can never finish: its task result and its job are marked failed, so the
job's slot is free again and the user reads why. Queued tasks are not touched: the
next worker picks them up. Why failed and not run again: a job that killed its
worker (out of memory, say) would kill the next one too; the user can start it again
with one click, and a domain may decide to retry (the forecast does).
"""

from __future__ import annotations

import uuid
from datetime import timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from migratieketen import logs
from migratieketen_web.jobs import liveness
from migratieketen_web.jobs.models import (
    ACTIVE_STATUSES,
    FailureKind,
    Job,
    JobStatus,
    WorkerProcess,
)

logger = logs.get_logger(__name__)


class WorkerLost(Exception):
    """Stored on the task result of a task whose worker died while running it."""


def interrupted_message() -> str:
    return _(
        "De berekening is onderbroken: de rekenwerker stopte (bijvoorbeeld door een "
        "herstart). Start de berekening opnieuw."
    )


def _dead_workers() -> tuple[set[str], set[str]]:
    """(ids of workers that died, ids of workers alive); the dead are marked stopped."""
    now = timezone.now()
    dead: set[str] = set()
    alive: set[str] = set()
    for worker in WorkerProcess.objects.filter(stopped_at=None):
        (alive if liveness.is_alive(worker) else dead).add(worker.worker_id)
    WorkerProcess.objects.filter(worker_id__in=dead).update(stopped_at=now)
    return dead, alive


def _lost_tasks(alive: set[str]) -> list[DBTaskResult]:
    """Running tasks whose worker is not alive (or unknown and silent for too long)."""
    registered = set(WorkerProcess.objects.values_list("worker_id", flat=True))
    stale = timezone.now() - timedelta(seconds=liveness.stale_seconds())
    lost = []
    for result in DBTaskResult.objects.filter(status=TaskResultStatus.RUNNING):
        worker = str(result.worker_ids[-1]) if result.worker_ids else ""
        if worker in alive:
            continue
        started = result.started_at or result.enqueued_at
        if worker in registered or started < stale:
            lost.append(result)
    return lost


def _ended_task_ids(jobs: list[Job]) -> set[str]:
    """Task ids of active jobs whose task already ended (the worker died between the
    task's last write and the job's): such a job is as lost as a running one."""
    ids = set()
    for job in jobs:
        try:
            ids.add(uuid.UUID(job.task_id))
        except ValueError:
            continue  # no task yet, or another backend's id
    ended = DBTaskResult.objects.filter(
        id__in=ids,
        status__in=(TaskResultStatus.FAILED, TaskResultStatus.SUCCESSFUL),
    ).values_list("id", flat=True)
    return {str(i) for i in ended}


def recover_interrupted() -> list[Job]:
    """Fail the tasks and jobs of dead workers; return the jobs so marked."""
    dead, alive = _dead_workers()
    lost = _lost_tasks(alive)
    message = interrupted_message()
    for result in lost:
        result.set_failed(WorkerLost(message))
    lost_ids = {str(r.id) for r in lost}
    with transaction.atomic():
        active = list(
            Job.objects.select_for_update().filter(status__in=ACTIVE_STATUSES)
        )
        ended = _ended_task_ids(active)
        jobs = [
            job
            for job in active
            if job.task_id in lost_ids
            or job.task_id in ended
            or (job.status == JobStatus.RUNNING and job.worker_id in dead)
        ]
        Job.objects.filter(pk__in=[j.pk for j in jobs]).update(
            status=JobStatus.FAILED,
            error=message,
            failure=FailureKind.INTERRUPTED,
            finished_at=timezone.now(),
        )
    for job in jobs:
        logger.warning(
            "Taak %s (%s) onderbroken: rekenwerker gestopt", job.uuid, job.kind
        )
    return jobs
