# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Import of realisations (vergunninghouders gehuisvest) from CSV, all or nothing.

Every row and column problem is collected with its row number and column name, in Dutch;
if there is any problem nothing is returned, so a caller (the Django app) never stores a
partial import.

Columns: gemeentecode, datum_huisvesting (JJJJ-MM-DD), aantal_personen, and optional
soort (regulier | nareiziger | zelf_gevonden) and kenmerk (unique per file).
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Collection
from dataclasses import dataclass
from datetime import date

from migratieketen.rules.monitor import Realisation

REQUIRED = ("gemeentecode", "datum_huisvesting", "aantal_personen")
OPTIONAL = ("soort", "kenmerk")
KINDS = ("regulier", "nareiziger", "zelf_gevonden")
GM_CODE = re.compile(r"^GM\d{4}$")
MAX_PERSONS_PER_ROW = 50


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
    header = [h.strip().lower() for h in next(reader)]
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
    idx = {c: header.index(c) for c in header}
    out: list[Realisation] = []
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
        before = len(issues)
        code = cell["gemeentecode"].upper()
        if not GM_CODE.match(code):
            issues.append(
                ImportIssue(rowno, "gemeentecode", f"'{code}' is geen GMxxxx-code")
            )
        elif code not in known_gemeenten:
            issues.append(
                ImportIssue(rowno, "gemeentecode", f"onbekende gemeente {code}")
            )
        housed: date | None = None
        try:
            housed = date.fromisoformat(cell["datum_huisvesting"])
        except ValueError:
            issues.append(
                ImportIssue(
                    rowno, "datum_huisvesting", "geen datum in de vorm JJJJ-MM-DD"
                )
            )
        if housed is not None and housed > today:
            issues.append(
                ImportIssue(rowno, "datum_huisvesting", "datum ligt in de toekomst")
            )
        raw = cell["aantal_personen"]
        persons = int(raw) if raw.isdigit() else 0
        if not raw.isdigit() or not 1 <= persons <= MAX_PERSONS_PER_ROW:
            issues.append(
                ImportIssue(
                    rowno,
                    "aantal_personen",
                    f"'{raw}' is geen geheel getal van 1 tot en met {MAX_PERSONS_PER_ROW}",
                )
            )
        kind = cell.get("soort", "") or "regulier"
        if kind not in KINDS:
            issues.append(
                ImportIssue(
                    rowno, "soort", f"'{kind}' is niet een van {', '.join(KINDS)}"
                )
            )
        ref = cell.get("kenmerk", "")
        if ref:
            if ref in seen_refs:
                issues.append(
                    ImportIssue(
                        rowno, "kenmerk", f"kenmerk al gebruikt in rij {seen_refs[ref]}"
                    )
                )
            else:
                seen_refs[ref] = rowno
        if len(issues) == before and housed is not None:
            out.append(Realisation(code, housed, persons, kind, ref))
    if issues:
        raise RealisationImportError(issues)
    if not out:
        raise RealisationImportError([ImportIssue(0, "", "geen gegevensregels")])
    return out
