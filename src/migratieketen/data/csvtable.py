# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Read one CSV of the data folder into typed rows, reporting every bad cell.

Why not pandas: the loader needs the exact line and column of each problem and a
Dutch message for it; the files are small, so the csv module is fast enough.
"""

from __future__ import annotations

import csv
import io
import math
import re
from dataclasses import dataclass, field
from pathlib import Path

from migratieketen.data.issues import IssueList
from migratieketen.data.schema import ColumnType, CsvSpec

Cell = str | int | float | bool | None


@dataclass(slots=True)
class CsvTable:
    spec: CsvSpec
    rows: list[dict[str, Cell]] = field(default_factory=list)
    lines: list[int] = field(default_factory=list)  # file line of each row

    def by_key(self) -> dict[str, dict[str, Cell]]:
        return {str(r[self.spec.key]): r for r in self.rows}

    def line_of(self) -> dict[str, int]:
        return {
            str(r[self.spec.key]): line
            for r, line in zip(self.rows, self.lines, strict=True)
        }


def parse_cell(raw: str, type_: ColumnType) -> tuple[Cell, str | None]:
    """(value, None) or (None, Dutch error message). Empty input is (None, None)."""
    text = raw.strip()
    if text == "":
        return None, None
    if type_ in (ColumnType.TEXT, ColumnType.CODE):
        return text, None
    if type_ is ColumnType.YESNO:
        low = text.lower()
        if low in ("ja", "nee"):
            return low == "ja", None
        return None, f"'{raw}' is geen 'ja' of 'nee'"
    if type_ is ColumnType.INT:
        try:
            return int(text), None
        except ValueError:
            return None, f"'{raw}' is geen geheel getal"
    try:
        number = float(text)
    except ValueError:
        return None, f"'{raw}' is geen getal"
    if not math.isfinite(number):
        return None, f"'{raw}' is geen eindig getal"
    if type_ is ColumnType.PCT and not 0.0 <= number <= 100.0:
        return None, f"{raw} ligt niet tussen 0 en 100 (procent)"
    return number, None


def read_csv(path: Path, spec: CsvSpec, issues: IssueList) -> CsvTable | None:
    """Parse `path` per `spec`; problems go to `issues`. None if the file is unusable."""
    name = spec.filename
    if not path.is_file():
        issues.add(name, None, None, f"bestand ontbreekt in {path.parent}")
        return None
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        issues.add(name, None, None, f"geen geldige UTF-8-tekst ({exc.reason})")
        return None
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = [h.strip() for h in next(reader)]
    except StopIteration:
        issues.add(name, None, None, "bestand is leeg")
        return None
    missing = [c.name for c in spec.columns if c.name not in header]
    for col_name in missing:
        issues.add(name, 1, col_name, "verplichte kolom ontbreekt")
    dupes = {h for h in header if header.count(h) > 1}
    for col_name in sorted(dupes):
        issues.add(name, 1, col_name, "kolomnaam komt meer dan eens voor")
    if missing or dupes:
        return None
    index = {h: i for i, h in enumerate(header)}
    key_re = re.compile(spec.key_pattern)
    table = CsvTable(spec)
    seen: dict[str, int] = {}
    for line, raw_row in enumerate(reader, start=2):
        if not raw_row or all(not c.strip() for c in raw_row):
            continue
        if len(raw_row) != len(header):
            issues.add(
                name,
                line,
                None,
                f"{len(raw_row)} velden in plaats van {len(header)}",
            )
            continue
        row: dict[str, Cell] = {}
        for col in spec.columns:
            raw = raw_row[index[col.name]]
            value, error = parse_cell(raw, col.type)
            if error is not None:
                issues.add(name, line, col.name, error)
            elif value is None and col.nonempty:
                issues.add(name, line, col.name, "waarde ontbreekt (leeg)")
            row[col.name] = value
        key = row.get(spec.key)
        if isinstance(key, str):
            if not key_re.match(key):
                issues.add(
                    name,
                    line,
                    spec.key,
                    f"'{key}' is geen geldige code (verwacht {spec.key_pattern})",
                )
            elif key in seen:
                issues.add(
                    name,
                    line,
                    spec.key,
                    f"code {key} komt dubbel voor (ook in rij {seen[key]})",
                )
            else:
                seen[key] = line
        table.rows.append(row)
        table.lines.append(line)
    if not table.rows:
        issues.add(name, None, None, "bestand bevat geen gegevensrijen")
    return table
