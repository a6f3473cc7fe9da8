# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""`manage.py jobs_worker`: run queued jobs (what `migratieketen worker` starts)."""

from __future__ import annotations

import logging
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from migratieketen_web.jobs.worker import JobWorker


class Command(BaseCommand):
    help = (
        "Voer taken uit de wachtrij uit (scenarioruns, prognose, opruimen). "
        "Stoppen met Ctrl+C: de lopende taak wordt eerst afgemaakt."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--interval",
            type=float,
            default=1.0,
            help="Seconden wachten als de wachtrij leeg is.",
        )
        parser.add_argument(
            "--batch",
            action="store_true",
            help="Voer uit wat in de wachtrij staat en stop dan.",
        )
        parser.add_argument(
            "--ouder-pid",
            type=int,
            default=None,
            help="Stop zodra dit proces (bv. 'migratieketen serve') weg is.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        level = logging.INFO if options["verbosity"] else logging.WARNING
        # Task starts and ends (django_tasks) and our own messages; the backend's
        # loop messages only from -v 2 on.
        for name in ("migratieketen_web.jobs", "django_tasks"):
            logging.getLogger(name).setLevel(level)
        verbose = options["verbosity"] > 1
        logging.getLogger("django_tasks_db").setLevel(
            logging.INFO if verbose else logging.WARNING
        )
        JobWorker(
            interval=options["interval"],
            batch=options["batch"],
            parent_pid=options["ouder_pid"],
        ).run()
