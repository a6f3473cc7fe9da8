# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Scenario tasks: the ensemble of one run, and the cleanup of old anonymous runs."""

from __future__ import annotations

from django_tasks import TaskContext, task

from migratieketen_web.jobs import periodic
from migratieketen_web.jobs import services as jobs
from migratieketen_web.scenarios import services


@task(takes_context=True)
def run_scenario(context: TaskContext, job_id: str) -> dict[str, str]:
    """Compute the run of job `job_id` (queued by services.start_run)."""
    return jobs.run(context, job_id, services.execute_run)


@periodic.every(6 * 3600)
@task()
def cleanup_anonymous_runs() -> dict[str, int]:
    """Delete anonymous, unpublished runs past MIGRATIEKETEN_SCENARIOS_RETENTION_DAYS."""
    return {"verwijderd": services.cleanup_anonymous_runs()}
