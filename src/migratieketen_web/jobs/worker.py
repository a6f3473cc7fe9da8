# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""The worker process: django-tasks-db's worker plus registration and recovery.

The task loop itself (claim a task under a row lock, run it, store the outcome) is
django-tasks-db's `Worker`, run in batch mode until the queue is empty. Around it this
module adds what restarts need: the worker registers itself (so others can tell when
it died), fails the jobs of dead workers at start-up, beats its heart, queues the
periodic tasks, and stops when the process that started it (`migratieketen serve`)
is gone.
"""

from __future__ import annotations

import os
import random
import time
from dataclasses import dataclass, field

from django.db import close_old_connections

from django_tasks import DEFAULT_TASK_BACKEND_ALIAS, DEFAULT_TASK_QUEUE_NAME
from django_tasks_db.management.commands.db_worker import Worker

from migratieketen import logs
from migratieketen_web.jobs import liveness, periodic
from migratieketen_web.jobs.recovery import recover_interrupted

logger = logs.get_logger(__name__)

HOUSEKEEPING_EVERY_SECONDS = 60.0


@dataclass
class JobWorker:
    interval: float = 1.0
    queues: tuple[str, ...] = (DEFAULT_TASK_QUEUE_NAME,)
    backend: str = DEFAULT_TASK_BACKEND_ALIAS
    batch: bool = False  # run what is queued, then stop (tests, cron-style use)
    parent_pid: int | None = None  # stop when this process is gone
    handle_signals: bool = True  # SIGTERM/SIGINT: finish the running task, then stop
    worker_id: str = field(default_factory=liveness.new_worker_id)
    _last_housekeeping: float = 0.0

    def _tasks(self) -> Worker:
        return Worker(
            queue_names=list(self.queues),
            interval=0,
            batch=True,
            backend_name=self.backend,
            startup_delay=False,
            max_tasks=None,
            worker_id=self.worker_id,
            excluded_queue_names=[],
        )

    def _orphaned(self) -> bool:
        return self.parent_pid is not None and os.getppid() != self.parent_pid

    def _housekeeping(self, force: bool = False) -> None:
        """Heartbeat always; recovery and periodic scheduling once a minute."""
        liveness.heartbeat(self.worker_id, force=force)
        now = time.monotonic()
        if not force and now - self._last_housekeeping < HOUSEKEEPING_EVERY_SECONDS:
            return
        self._last_housekeeping = now
        for job in recover_interrupted():
            logger.warning("Onderbroken taak als mislukt gemarkeerd: %s", job.uuid)
        periodic.schedule_due()

    def run(self) -> None:
        liveness.register(self.worker_id)
        logger.info("Rekenwerker %s gestart (pid %s)", self.worker_id, os.getpid())
        tasks = self._tasks()
        if self.handle_signals:
            tasks.configure_signals()
        try:
            self._housekeeping(force=True)
            if not self.batch and self.interval:
                time.sleep(random.random() * 0.2)  # noqa: S311 - spread start-ups
            while tasks.running and not self._orphaned():
                close_old_connections()
                self._housekeeping()
                tasks.run()  # every ready task, then back here
                if self.batch:
                    break
                if tasks.running:
                    time.sleep(self.interval)
        finally:
            if self.handle_signals:
                tasks.reset_signals()
            liveness.stopped(self.worker_id)
            logger.info("Rekenwerker %s gestopt", self.worker_id)
