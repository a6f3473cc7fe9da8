# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""`migratieketen worker`, and the worker processes `migratieketen serve` starts.

Why processes and not threads in the web server: a job then survives nothing it
should not (a worker killed mid-run leaves a job that the next worker marks failed at
start-up, see migratieketen_web.jobs.recovery) and several web processes can share
workers. `serve` starts its workers as child processes, starts a new one when one
dies, and stops them when it stops; the workers also stop by themselves when `serve`
is gone (--ouder-pid).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from types import FrameType
from typing import Annotated

import typer
from rich.console import Console

console = Console()
err_console = Console(stderr=True)
# A worker that dies this soon after starting, this often in a row, is not restarted.
CRASH_SECONDS = 10.0
MAX_QUICK_CRASHES = 3
# On stop: this long to finish the running task, then it is aborted (its job marked
# 'onderbroken'), and after ABORT_SECONDS more the process is killed.
GRACE_SECONDS = 10.0
ABORT_SECONDS = 5.0


def worker(
    batch: Annotated[
        bool, typer.Option("--batch", help="Voer de wachtrij uit en stop dan.")
    ] = False,
    ouder_pid: Annotated[
        int | None,
        typer.Option("--ouder-pid", help="Stop zodra dit proces weg is."),
    ] = None,
) -> None:
    """Voer taken uit de wachtrij uit (scenarioruns, prognose, opruimen).

    'migratieketen serve' start zelf rekenwerkers; start deze los als de website in
    meerdere processen of op meerdere machines draait. Stoppen met Ctrl+C: de lopende
    taak wordt eerst afgemaakt (nog eens Ctrl+C breekt haar af).
    """
    from migratieketen_cli.web_commands import _setup_django

    _setup_django()
    from django.core.management import call_command
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connection)
    if executor.migration_plan(executor.loader.graph.leaf_nodes()):
        err_console.print(
            "[red]De database is niet bijgewerkt.[/red] Voer eerst 'migratieketen "
            "serve' of 'python manage.py migrate' uit."
        )
        raise typer.Exit(1)
    args = ["jobs_worker"] + (["--batch"] if batch else [])
    if ouder_pid is not None:
        args += ["--ouder-pid", str(ouder_pid)]
    call_command(*args)


class WorkerChildren:
    """The worker processes of `serve`: started, restarted when they die, stopped."""

    def __init__(self, count: int) -> None:
        self.count = count
        self.processes: list[subprocess.Popen[bytes]] = []
        self.started: dict[int, float] = {}
        self.quick_crashes = 0
        self.stopping = False

    def _spawn(self) -> subprocess.Popen[bytes]:
        command = [sys.executable, "-m", "migratieketen_cli", "worker"]
        # Its own session: Ctrl+C in the terminal reaches `serve` only, which then
        # stops its workers in order (stop()).
        process = subprocess.Popen(
            [*command, "--ouder-pid", str(os.getpid())], start_new_session=True
        )
        self.started[process.pid] = time.monotonic()
        console.print(f"Rekenwerker gestart (pid {process.pid})")
        return process

    def start(self) -> None:
        self.processes = [self._spawn() for _ in range(self.count)]
        if self.count and hasattr(signal, "SIGCHLD"):  # not on Windows
            signal.signal(signal.SIGCHLD, self._on_child_exit)

    def _on_child_exit(self, signum: int, frame: FrameType | None) -> None:
        """A worker died: reap it and start a new one (which recovers its job)."""
        if self.stopping:
            return
        for i, process in enumerate(self.processes):
            code = process.poll()
            if code is None:
                continue
            lived = time.monotonic() - self.started.pop(process.pid, 0.0)
            self.quick_crashes = self.quick_crashes + 1 if lived < CRASH_SECONDS else 0
            if self.quick_crashes > MAX_QUICK_CRASHES:
                err_console.print(
                    f"[red]Rekenwerker (pid {process.pid}) stopt steeds direct "
                    f"(code {code}); niet opnieuw gestart.[/red] Zie de meldingen "
                    "hierboven; 'migratieketen worker' start er een met de hand."
                )
                continue
            err_console.print(
                f"[yellow]Rekenwerker (pid {process.pid}) gestopt (code {code}); "
                "een nieuwe wordt gestart.[/yellow]"
            )
            self.processes[i] = self._spawn()

    def _terminate_all(self) -> None:
        for process in self.processes:
            if process.poll() is None:
                process.terminate()

    def _wait_all(self, seconds: float) -> bool:
        deadline = time.monotonic() + seconds
        for process in self.processes:
            try:
                process.wait(timeout=max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                return False
        return True

    def stop(self) -> None:
        """Stop the workers: first let them finish their task, then abort it (the
        job is marked 'onderbroken'), then kill them."""
        self.stopping = True
        for sig in (signal.SIGINT, signal.SIGTERM):
            signal.signal(sig, signal.SIG_IGN)  # a second Ctrl+C must not cut this
        self._terminate_all()
        if self._wait_all(GRACE_SECONDS):
            return
        console.print("Lopende taken worden afgebroken ...")
        self._terminate_all()  # the second signal aborts the running task
        if self._wait_all(ABORT_SECONDS):
            return
        for process in self.processes:
            if process.poll() is None:
                process.kill()
                process.wait()


def register(app: typer.Typer) -> None:
    app.command("worker")(worker)
