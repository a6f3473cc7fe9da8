# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Koppeling tasks: compute one run (queued by services.start_run), and remove
uploads past their retention."""

from __future__ import annotations

from django_tasks import TaskContext, task

from migratieketen_web.jobs import periodic
from migratieketen_web.jobs import services as jobs
from migratieketen_web.koppeling import services


@task(takes_context=True)
def compute_koppeling(context: TaskContext, job_id: str) -> dict[str, str]:
    return jobs.run(context, job_id, services.execute_run)


@periodic.every(6 * 3600)
@task()
def remove_old_inputs() -> dict[str, int]:
    """Empty uploads past MIGRATIEKETEN_KOPPELING_INPUT_RETENTION_DAYS."""
    return {"verwijderd": services.remove_old_inputs()}
