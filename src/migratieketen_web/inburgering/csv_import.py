# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""CSV import of inburgeraars: all or nothing, errors as 'rij n, kolom c: why'.

Every row is checked with the same rules as the form and the API (services.validate)
plus duplicates within the file; one bad row refuses the whole file and nothing is
stored. Messages never repeat a BSN or a name. Row 1 is the header, as a spreadsheet
numbers it.
"""

from __future__ import annotations

import csv
import io
from datetime import date, datetime
from typing import Any

from migratieketen_web.accounts.isolation import Actor
from migratieketen_web.inburgering import services
from migratieketen_web.inburgering.models import Person
from migratieketen_web.inburgering.services import (
    BsnError,
    normalise_bsn,
    refuse_unreadable_csv,
)

COLUMNS: dict[str, str] = {
    "bsn": "bsn",
    "naam": "name",
    "geboortedatum": "birth_date",
    "nationaliteit": "nationality",
    "grond": "ground",
    "startdatum": "duty_start",
    "route": "route",
    "brede_intake": "brede_intake_started",
    "pip": "pip_date",
    "route_start": "route_started",
    "knm": "knm_done",
    "map": "map_done",
    "pvt": "pvt_done",
    "route_afgerond": "route_done",
    "laatste_voortgang": "last_progress",
    "verlengd_tot": "extended_until",
    "ontheffing": "exempted_on",
    "bijstand_start": "bijstand_started",
    "bijstand_einde": "bijstand_ended",
}
REQUIRED = ("bsn", "naam", "geboortedatum", "nationaliteit", "grond", "startdatum")
FIELD_COLUMNS = {v: k for k, v in COLUMNS.items()}
MAX_ROWS = 20_000


class ImportRejected(Exception):
    """The file was refused as a whole; nothing was stored."""

    def __init__(self, issues: list[str]) -> None:
        self.issues = issues
        super().__init__("Import geweigerd, niets opgeslagen: " + "; ".join(issues[:5]))


def parse_date(text: str) -> date:
    """JJJJ-MM-DD or DD-MM-JJJJ; ValueError in Dutch."""
    value = text.strip()
    for fmt in ("%Y-%m-%d", "%d-%m-%Y"):
        try:
            return datetime.strptime(value, fmt).date()
        except ValueError:
            continue
    raise ValueError("geen datum; gebruik JJJJ-MM-DD of DD-MM-JJJJ")


def _reader(content: bytes) -> csv.DictReader[str]:
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ImportRejected(["Het bestand is geen UTF-8-tekst."]) from exc
    first = text.splitlines()[0] if text.strip() else ""
    delimiter = ";" if first.count(";") > first.count(",") else ","
    return csv.DictReader(io.StringIO(text), delimiter=delimiter)


def _check_header(reader: csv.DictReader[str]) -> None:
    header = [h.strip().lower() for h in reader.fieldnames or []]
    issues = [f"Kolom '{h}' is onbekend." for h in header if h not in COLUMNS]
    issues += [f"Kolom '{c}' ontbreekt." for c in REQUIRED if c not in header]
    if not header:
        issues = ["Het bestand is leeg of heeft geen kopregel."]
    if issues:
        raise ImportRejected(issues)
    reader.fieldnames = header


def _row_input(
    gemeente: str, row: dict[str, Any], number: int, issues: list[str]
) -> services.PersonInput | None:
    values = {k: (row.get(k) or "").strip() for k in COLUMNS}
    dates: dict[str, date | None] = {}
    bad = False
    for column, field in COLUMNS.items():
        if column in ("bsn", "naam", "nationaliteit", "grond", "route"):
            continue
        if not values[column]:
            if column in REQUIRED:
                issues.append(f"Rij {number}, kolom {column}: verplicht.")
                bad = True
            continue
        try:
            dates[field] = parse_date(values[column])
        except ValueError as exc:
            issues.append(f"Rij {number}, kolom {column}: {exc}.")
            bad = True
    birth_date, duty_start = (
        dates.pop("birth_date", None),
        dates.pop("duty_start", None),
    )
    if bad or birth_date is None or duty_start is None:
        return None
    return services.PersonInput(
        gemeente,
        values["bsn"],
        values["naam"],
        birth_date,
        values["nationaliteit"],
        values["grond"].lower(),
        duty_start,
        values["route"].lower(),
        dates,
    )


def _check_row(data: services.PersonInput, number: int, issues: list[str]) -> None:
    try:
        services.validate(data)
    except services.RegisterError as exc:
        for field, messages in exc.errors.items():
            column = FIELD_COLUMNS.get(field, field)
            issues.extend(f"Rij {number}, kolom {column}: {m}" for m in messages)


@refuse_unreadable_csv(lambda m: ImportRejected([m]))
def parse(content: bytes, gemeente: str) -> list[services.PersonInput]:
    """Every row checked; ImportRejected with all issues if any row is wrong."""
    reader = _reader(content)
    _check_header(reader)
    inputs: list[services.PersonInput] = []
    issues: list[str] = []
    seen: dict[str, int] = {}
    for number, row in enumerate(reader, start=2):
        if number - 1 > MAX_ROWS:
            raise ImportRejected([f"Meer dan {MAX_ROWS} regels; splits het bestand."])
        if None in row:
            issues.append(f"Rij {number}: meer waarden dan kolommen.")
            continue
        data = _row_input(gemeente, row, number, issues)
        if data is None:
            continue
        _check_row(data, number, issues)
        try:
            key = normalise_bsn(data.bsn)
        except BsnError:
            continue
        if key in seen:
            issues.append(f"Rij {number}, kolom bsn: zelfde BSN als rij {seen[key]}.")
        seen[key] = number
        inputs.append(data)
    if issues:
        raise ImportRejected(issues)
    if not inputs:
        raise ImportRejected(["Het bestand bevat geen gegevensregels."])
    return inputs


def import_csv(actor: Actor, gemeente: str, content: bytes, user: Any) -> list[Person]:
    """Parse, check against the register and store every row, or nothing."""
    inputs = parse(content, gemeente)
    try:
        return services.import_persons(actor, gemeente, inputs, user)
    except services.DuplicateInRegister as exc:
        raise ImportRejected(
            [f"Rij {i + 2}, kolom bsn: staat al in het register." for i in exc.indexes]
        ) from exc
