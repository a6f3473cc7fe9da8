# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Tasks that run every so often (cleanup), scheduled by the workers themselves.

Why no cron or beat process: the database backend can defer a task (`run_after`), so
a worker only has to make sure each periodic task has one queued run. It does that at
start-up (so a cleanup also runs "on start") and once a minute, under a lock row, so
several workers never queue the same task twice.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

from django.utils import timezone
from django.utils.module_loading import autodiscover_modules, import_string

from django_tasks import DEFAULT_TASK_BACKEND_ALIAS, TaskResultStatus, task_backends
from django_tasks.base import Task
from django_tasks_db.backend import DatabaseBackend
from django_tasks_db.models import DBTaskResult

# module path of the task -> seconds between runs
PERIODIC: dict[str, float] = {}


def every(seconds: float) -> Callable[[Task[..., Any]], Task[..., Any]]:
    """Decorator for a task (below @task()) that should run every `seconds`."""

    def register(task: Task[..., Any]) -> Task[..., Any]:
        PERIODIC[task.module_path] = float(seconds)
        return task

    return register


def schedule_due() -> list[str]:
    """Queue each periodic task that has no queued or running instance; return them."""
    if not isinstance(task_backends[DEFAULT_TASK_BACKEND_ALIAS], DatabaseBackend):
        return []
    from migratieketen_web.jobs.services import serialised

    autodiscover_modules("tasks")
    queued = []
    now = timezone.now()
    with serialised("periodiek"):
        for path, interval in sorted(PERIODIC.items()):
            runs = DBTaskResult.objects.filter(task_path=path)
            if runs.filter(
                status__in=(TaskResultStatus.READY, TaskResultStatus.RUNNING)
            ).exists():
                continue
            last = runs.exclude(finished_at=None).order_by("-finished_at").first()
            due = now
            if last is not None and last.finished_at is not None:
                due = max(now, last.finished_at + timedelta(seconds=interval))
            import_string(path).using(run_after=due).enqueue()
            queued.append(path)
    return queued
