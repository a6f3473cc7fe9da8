# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""``manage.py openapi``: write (or ``--check``) src/migratieketen_web/api/openapi.yaml."""

from __future__ import annotations

import os
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from migratieketen_web.api.openapi_document import (
    DOCUMENT_PATH,
    REGENERATE_COMMAND,
    render_document,
)


class Command(BaseCommand):
    help = (
        "Genereer het OpenAPI-document van /api/v1 (gevalideerd, zonder "
        "waarschuwingen) naar src/migratieketen_web/api/openapi.yaml."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--check",
            action="store_true",
            help="Niets schrijven; fout als het vastgelegde document verouderd is.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        document = render_document()
        current = (
            DOCUMENT_PATH.read_text(encoding="utf-8") if DOCUMENT_PATH.exists() else ""
        )
        if options["check"]:
            if current != document:
                raise CommandError(
                    f"{DOCUMENT_PATH.name} is verouderd; voer uit: {REGENERATE_COMMAND}"
                )
            self.stdout.write(f"{DOCUMENT_PATH.name} is actueel.")
            return
        if current == document:
            self.stdout.write(f"{DOCUMENT_PATH.name} was al actueel.")
            return
        temporary = DOCUMENT_PATH.with_suffix(".yaml.tmp")
        temporary.write_text(document, encoding="utf-8")
        os.replace(temporary, DOCUMENT_PATH)  # no half-written document
        self.stdout.write(f"{DOCUMENT_PATH.name} bijgewerkt.")
