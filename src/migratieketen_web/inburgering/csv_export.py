# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""CSV export of the persons an actor may read; safe against formula injection.

A cell that a spreadsheet would run as a formula (starting with = + - @, a tab or a
carriage return) gets a leading apostrophe (OWASP 'CSV injection'). The BSN is never
exported: the register only holds its keyed hash.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

from migratieketen_web.inburgering.models import STEP_DATES, Person

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
HEADER = [
    "uuid",
    "gemeente",
    "naam",
    "geboortedatum",
    "nationaliteit",
    "grond",
    "startdatum",
    "route",
    *[name for name, _ in STEP_DATES],
    "termijn_einde",
    "signalen",
]


def safe_cell(value: object) -> str:
    text = "" if value is None else str(value)
    if text.startswith(FORMULA_START):
        return "'" + text
    return text


def export_rows(rows: Iterable[list[object]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(HEADER)
    for row in rows:
        writer.writerow([safe_cell(v) for v in row])
    return "\ufeff" + buffer.getvalue()


def person_row(person: Person, term_end: object, signals: list[str]) -> list[object]:
    return [
        person.uuid,
        person.gemeente.code,
        person.name,
        person.birth_date,
        person.nationality,
        person.ground,
        person.duty_start,
        person.route,
        *[getattr(person, name) for name, _ in STEP_DATES],
        term_end,
        ", ".join(signals),
    ]
