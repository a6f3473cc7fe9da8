# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Prognose tasks: compute and store the forecast for one data vintage and settings."""

from __future__ import annotations

from typing import Any

from django_tasks import TaskContext, task

from migratieketen_web.jobs import services as jobs
from migratieketen_web.jobs.models import Job
from migratieketen_web.prognoses import services


# Below the default priority: a visitor's scenario run goes before the minute-long
# forecast when both wait for a worker.
@task(takes_context=True, priority=-10)
def compute_forecast(
    context: TaskContext, job_id: str, folder: str, settings: dict[str, Any]
) -> dict[str, str]:
    """Queued by services.start_background (one job per vintage and settings)."""

    def body(job: Job, progress: jobs.Progress) -> None:
        services.execute_forecast(job, progress, folder, settings)

    return jobs.run(context, job_id, body)
