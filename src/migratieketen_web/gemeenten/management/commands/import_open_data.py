# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""`manage.py import_open_data [DIR]`: validate and import a data folder, all or nothing."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from migratieketen_web.gemeenten.importer import GeometryImportError, import_data_dir
from migratieketen_web.gemeenten.services import DataValidationError, default_data_dir


class Command(BaseCommand):
    help = "Lees een map met open data in (standaard MIGRATIEKETEN_DATA_DIR)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("data_dir", nargs="?", help="map met de open data")

    def handle(self, *args: Any, **options: Any) -> None:
        data_dir = (
            Path(options["data_dir"]) if options["data_dir"] else default_data_dir()
        )
        if not data_dir.is_dir():
            raise CommandError(f"Map niet gevonden: {data_dir}")
        try:
            result = import_data_dir(data_dir)
        except DataValidationError as exc:
            for issue in exc.issues:
                self.stderr.write(f"- {issue}")
            raise CommandError(
                f"Niets ingelezen: {len(exc.issues)} problemen in {data_dir}."
            ) from exc
        except GeometryImportError as exc:
            raise CommandError(f"Niets ingelezen: {exc}") from exc
        self.stdout.write(
            self.style.SUCCESS(
                f"Ingelezen in {result.seconds:.2f} s: {result.provinces} provincies, "
                f"{result.gemeenten} gemeenten, {result.wijken} wijken, "
                f"{result.indicators} indicatoren "
                f"(controlegetal {result.vintage.checksum[:12]})."
            )
        )
