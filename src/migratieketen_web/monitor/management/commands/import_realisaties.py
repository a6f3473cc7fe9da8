# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""`manage.py import_realisaties FILE`: the CSV upload of the web page, for scripts.

Same rules as the page: all or nothing, the same file twice changes nothing, rows
already in the register are not counted twice. Exit status 1 when refused.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from migratieketen_web.api.permissions import SERVER_OPERATOR
from migratieketen_web.monitor.register import (
    AlreadyImported,
    ImportRejected,
    import_realisations,
)


class Command(BaseCommand):
    help = "Importeer realisaties (gehuisveste vergunninghouders) uit een CSV-bestand."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("bestand", type=Path, help="CSV-bestand (UTF-8).")

    def handle(self, *args: Any, **options: Any) -> None:
        path: Path = options["bestand"]
        if not path.is_file():
            raise CommandError(f"Bestand niet gevonden: {path}")
        try:
            outcome = import_realisations(path.read_bytes(), path.name, SERVER_OPERATOR)
        except AlreadyImported as exc:
            self.stdout.write(str(exc))
            return
        except ImportRejected as exc:
            for line in exc.issues:
                self.stderr.write(line)
            raise CommandError(
                f"Import geweigerd, niets opgeslagen ({len(exc.issues)} problemen)."
            ) from exc
        self.stdout.write(
            f"Import gelukt: {outcome.added} regels toegevoegd, "
            f"{outcome.already_present} waren al aanwezig."
        )
