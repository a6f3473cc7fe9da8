# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Opvang tasks: solve one plan in the worker."""

from __future__ import annotations

from django_tasks import TaskContext, task

from migratieketen_web.jobs import services as jobs
from migratieketen_web.opvang import services


@task(takes_context=True)
def run_opvang_plan(context: TaskContext, job_id: str) -> dict[str, str]:
    """Compute the plan of job `job_id` (queued by services.start_plan)."""
    return jobs.run(context, job_id, services.execute_plan)
