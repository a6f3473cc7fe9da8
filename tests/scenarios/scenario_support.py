# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Scenario runs made by hand (queued, running) for tests of limits and pages."""

from __future__ import annotations

from typing import Any

from migratieketen.chain import builtin_scenario
from migratieketen_web.jobs.models import Job, JobStatus
from migratieketen_web.scenarios.models import ScenarioRun


def make_run(
    status: str = JobStatus.RUNNING, progress: int = 0, name: str = "bezig", **job: Any
) -> ScenarioRun:
    """A run with its job in `status`, as the job runner would have left it."""
    definition = builtin_scenario("basis").to_dict()
    record = Job.objects.create(
        kind="scenario", title=name, status=status, progress=progress, **job
    )
    return ScenarioRun.objects.create(
        job=record,
        name=name,
        inflow_choice="basis",
        definition=definition,
        seed=1,
        runs=10,
    )
