# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Run queued tasks with the real database backend and worker, inside a test.

`database_tasks` switches the task backend to django-tasks-db (as in production)
and `run_queued()` runs the real worker in batch mode in this process. The worker
recycles stale connections between tasks (`close_old_connections`); inside a test's
transaction that would close the test's own connection, so it is switched off here,
as Django's test client does for requests. The tests in test_worker_processes.py
run workers as separate processes with nothing switched off.
"""

from __future__ import annotations

from typing import Any

import pytest
from django_tasks_db.management.commands import db_worker

from migratieketen_web.jobs import worker as job_worker
from migratieketen_web.jobs.worker import JobWorker

DATABASE_TASKS = {
    "default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}
}


@pytest.fixture
def database_tasks(settings: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    settings.TASKS = DATABASE_TASKS
    monkeypatch.setattr(db_worker, "close_old_connections", lambda: None)
    monkeypatch.setattr(job_worker, "close_old_connections", lambda: None)


def run_queued() -> str:
    """Run every queued task with a real worker, then stop; return its worker id."""
    worker = JobWorker(batch=True, handle_signals=False, interval=0)
    worker.run()
    return worker.worker_id
