# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Which worker processes are alive: registration, heartbeat, and the check itself.

Why not only a heartbeat: a worker computing one long chunk cannot beat, so a short
timeout would fail healthy jobs and a long one would keep a killed worker's job
(and its slot) for minutes. On the same machine the process itself answers at once:
does the process id still exist, with the same start time? Only workers on other
machines fall back to the heartbeat (JOBS_WORKER_STALE_SECONDS).
"""

from __future__ import annotations

import os
import socket
import time
from datetime import timedelta
from functools import cache
from pathlib import Path

from django.conf import settings
from django.utils import timezone
from django.utils.crypto import get_random_string

from migratieketen_web.jobs.models import WorkerProcess

HEARTBEAT_EVERY_SECONDS = 5.0
_last_beat: dict[str, float] = {}


@cache
def host_key() -> str:
    """Host name plus boot id: a reboot (new process ids) is another host."""
    boot = Path("/proc/sys/kernel/random/boot_id")
    boot_id = boot.read_text().strip() if boot.is_file() else ""
    return f"{socket.gethostname()}/{boot_id}"[:200]


def _stat(pid: int) -> list[str]:
    """Fields 3 and on of /proc/<pid>/stat (state first); [] where unknown."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return []
    # The command name (field 2) may hold spaces, so split after its ')'.
    return stat.rsplit(")", 1)[1].split()


def process_start(pid: int) -> int:
    """Start time of process `pid` in clock ticks since boot (0 where unknown)."""
    fields = _stat(pid)
    return int(fields[19]) if len(fields) > 19 else 0


def process_exists(pid: int, started: int) -> bool:
    """Is process `pid` running and the same one (not a reused id, not a zombie)?"""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        pass  # exists, owned by another user
    fields = _stat(pid)
    if fields and fields[0] in ("Z", "X"):
        return False  # killed, not yet reaped by its parent
    return not started or not fields or int(fields[19]) == started


def new_worker_id() -> str:
    return f"{socket.gethostname()[:30]}-{os.getpid()}-{get_random_string(8)}"


def register(worker_id: str) -> WorkerProcess:
    pid = os.getpid()
    return WorkerProcess.objects.create(
        worker_id=worker_id,
        host=host_key(),
        pid=pid,
        pid_started=process_start(pid),
        heartbeat_at=timezone.now(),
    )


def heartbeat(worker_id: str, force: bool = False) -> None:
    """Tell others this worker lives; cheap to call often (at most one write per 5 s)."""
    if not worker_id:
        return
    now = time.monotonic()
    if not force and now - _last_beat.get(worker_id, 0.0) < HEARTBEAT_EVERY_SECONDS:
        return
    _last_beat[worker_id] = now
    WorkerProcess.objects.filter(worker_id=worker_id).update(
        heartbeat_at=timezone.now()
    )


def stopped(worker_id: str) -> None:
    WorkerProcess.objects.filter(worker_id=worker_id, stopped_at=None).update(
        stopped_at=timezone.now()
    )


def stale_seconds() -> int:
    return int(getattr(settings, "JOBS_WORKER_STALE_SECONDS", 600))


def is_alive(worker: WorkerProcess) -> bool:
    if worker.stopped_at is not None:
        return False
    if worker.host == host_key():
        return process_exists(worker.pid, worker.pid_started)
    limit = timezone.now() - timedelta(seconds=stale_seconds())
    return worker.heartbeat_at >= limit


def live_workers() -> list[WorkerProcess]:
    return [w for w in WorkerProcess.objects.filter(stopped_at=None) if is_alive(w)]
