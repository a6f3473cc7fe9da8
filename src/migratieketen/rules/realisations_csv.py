# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Import of realisations (vergunninghouders gehuisvest) from CSV, all or nothing.

Every row and column problem is collected with its row number and column name, in Dutch;
if there is any problem nothing is returned, so a caller (the Django app) never stores a
partial import. The values are checked by `realisation_schema`, the same schema the web
form and the API use.

Columns: gemeentecode, datum_huisvesting (JJJJ-MM-DD), aantal_personen, and optional
soort (regulier | nareiziger | zelf_gevonden), kenmerk (unique per file) and
aantal_huishoudens.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Collection
from dataclasses import dataclass
from datetime import date

from migratieketen.data.csv_guard import refuse_unreadable_csv
from migratieketen.rules.monitor import Realisation
from migratieketen.rules.realisation_schema import (
    check_realisation,
    parse_whole_number,
)

REQUIRED = ("gemeentecode", "datum_huisvesting", "aantal_personen")
OPTIONAL = ("soort", "kenmerk", "aantal_huishoudens")
GM_CODE = re.compile(r"^GM\d{4}$")
# Schema field -> CSV column.
COLUMNS = {
    "housed_on": "datum_huisvesting",
    "persons": "aantal_personen",
    "households": "aantal_huishoudens",
    "kind": "soort",
    "reference": "kenmerk",
}


@dataclass(frozen=True, slots=True)
class ImportIssue:
    row: int  # 1 = header row; 0 = the file as a whole
    column: str
    message: str

    def text(self) -> str:
        where = f"rij {self.row}" if self.row else "bestand"
        col = f", kolom '{self.column}'" if self.column else ""
        return f"{where}{col}: {self.message}"


class RealisationImportError(ValueError):
    """The file was rejected as a whole; `issues` lists every problem found."""

    def __init__(self, issues: list[ImportIssue]) -> None:
        self.issues = issues
        head = "; ".join(i.text() for i in issues[:5])
        more = f" (en nog {len(issues) - 5})" if len(issues) > 5 else ""
        super().__init__(f"Import geweigerd, niets opgeslagen: {head}{more}")


def _header(first_row: list[str]) -> list[str]:
    header = [h.strip().lower() for h in first_row]
    issues: list[ImportIssue] = []
    for col in REQUIRED:
        if col not in header:
            issues.append(ImportIssue(1, col, "verplichte kolom ontbreekt"))
    for col in header:
        if col not in REQUIRED + OPTIONAL:
            issues.append(ImportIssue(1, col, "onbekende kolom"))
    if len(set(header)) != len(header):
        issues.append(ImportIssue(1, "", "een kolomnaam komt dubbel voor"))
    if issues:
        raise RealisationImportError(issues)
    return header


def _row(
    rowno: int, cell: dict[str, str], known: Collection[str], today: date
) -> tuple[Realisation | None, list[ImportIssue]]:
    """One data row checked against the schema: the realisation, or its problems."""
    issues: list[ImportIssue] = []
    code = cell["gemeentecode"].upper()
    if not GM_CODE.match(code):
        issues.append(
            ImportIssue(rowno, "gemeentecode", f"'{code}' is geen GMxxxx-code")
        )
    elif code not in known:
        issues.append(ImportIssue(rowno, "gemeentecode", f"onbekende gemeente {code}"))
    housed: date | None = None
    try:
        housed = date.fromisoformat(cell["datum_huisvesting"])
    except ValueError:
        issues.append(
            ImportIssue(rowno, "datum_huisvesting", "geen datum in de vorm JJJJ-MM-DD")
        )
    numbers: dict[str, int | None] = {}
    for field in ("persons", "households"):
        raw = cell.get(COLUMNS[field], "")
        numbers[field] = parse_whole_number(raw) if raw else None
        if raw and numbers[field] is None:
            issues.append(
                ImportIssue(rowno, COLUMNS[field], f"'{raw}' is geen geheel getal")
            )
    if not cell["aantal_personen"]:
        issues.append(ImportIssue(rowno, "aantal_personen", "verplicht"))
    kind = cell.get("soort", "") or "regulier"
    ref = cell.get("kenmerk", "")
    for issue in check_realisation(
        housed_on=housed,
        persons=numbers["persons"],
        households=numbers["households"],
        kind=kind,
        reference=ref,
        today=today,
    ):
        issues.append(ImportIssue(rowno, COLUMNS[issue.field], issue.message))
    if issues or housed is None or numbers["persons"] is None:
        return None, issues
    return Realisation(
        code, housed, numbers["persons"], kind, ref, numbers["households"]
    ), []


@refuse_unreadable_csv(lambda m: RealisationImportError([ImportIssue(0, "", m)]))
def parse_realisations(
    text: str,
    known_gemeenten: Collection[str],
    today: date,
) -> list[Realisation]:
    """Parse and validate the whole file; raise RealisationImportError on any problem."""
    text = text.lstrip("\ufeff")
    if not text.strip():
        raise RealisationImportError([ImportIssue(0, "", "het bestand is leeg")])
    first = text.splitlines()[0]
    delimiter = ";" if first.count(";") > first.count(",") else ","
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    header = _header(next(reader))
    idx = {c: header.index(c) for c in header}
    out: list[Realisation] = []
    issues: list[ImportIssue] = []
    seen_refs: dict[str, int] = {}
    for rowno, row in enumerate(reader, start=2):
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            issues.append(
                ImportIssue(rowno, "", f"{len(row)} kolommen, verwacht {len(header)}")
            )
            continue
        cell = {c: row[i].strip() for c, i in idx.items()}
        realisation, problems = _row(rowno, cell, known_gemeenten, today)
        ref = cell.get("kenmerk", "")
        if ref and ref in seen_refs:
            problems.append(
                ImportIssue(
                    rowno, "kenmerk", f"kenmerk al gebruikt in rij {seen_refs[ref]}"
                )
            )
        elif ref:
            seen_refs[ref] = rowno
        issues.extend(problems)
        if realisation is not None and not problems:
            out.append(realisation)
    if issues:
        raise RealisationImportError(issues)
    if not out:
        raise RealisationImportError([ImportIssue(0, "", "geen gegevensregels")])
    return out
