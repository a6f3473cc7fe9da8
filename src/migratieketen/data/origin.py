# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Inhabitants by origin (herkomstland) per gemeente, KWB 2024: counts, for later use.

CBS splits the population into origin Nederland, Europa (exclusief Nederland) and buiten
Europa. "Europa excl. NL" includes the second generation, non-EU Europe and displaced
persons from Ukraine, so it is at best a proxy for where EU labour migrants live, never a
count of them; the provenance note says so wherever the figure is shown.
"""

from __future__ import annotations

from dataclasses import dataclass

from migratieketen.data.csvtable import CsvTable
from migratieketen.data.issues import IssueList
from migratieketen.data.provenance import Provenance
from migratieketen.data.sources import origin_provenance

PARTS = ("herkomst_nederland", "herkomst_europa_excl_nl", "herkomst_buiten_europa")


@dataclass(frozen=True, slots=True)
class OriginCounts:
    nederland: int
    europa_excl_nl: int
    buiten_europa: int

    @property
    def total(self) -> int:
        return self.nederland + self.europa_excl_nl + self.buiten_europa


@dataclass(frozen=True, slots=True)
class OriginTable:
    counts: dict[str, OriginCounts]  # gemeentecode -> counts on 1 January 2024
    provenance: Provenance


def check_origin(
    table: CsvTable, population: dict[str, int], issues: IssueList
) -> None:
    """The three parts add up to the inhabitants, which equal KWB 2024's gemeente figure."""
    name = table.spec.filename
    for row, line in zip(table.rows, table.lines, strict=True):
        parts = [row.get(p) for p in PARTS]
        total = row.get("inwoners_2024")
        if not all(isinstance(v, int) for v in [*parts, total]):
            continue  # the per-cell error is already reported
        code = str(row["gemeentecode" if "gemeentecode" in row else "gemeente_code"])
        if sum(v for v in parts if isinstance(v, int)) != total:
            issues.add(
                name, line, "inwoners_2024",
                f"{code}: de drie herkomstgroepen tellen niet op tot {total}",
            )  # fmt: skip
        expected = population.get(code)
        if expected is not None and expected != total:
            issues.add(
                name, line, "inwoners_2024",
                f"{code}: {total} wijkt af van inwoners_2024 in gemeenten_2024.csv "
                f"({expected})",
            )  # fmt: skip


def origin_table(table: CsvTable) -> OriginTable:
    counts = {
        str(r["gemeente_code"]): OriginCounts(
            int(r["herkomst_nederland"]),  # type: ignore[arg-type]
            int(r["herkomst_europa_excl_nl"]),  # type: ignore[arg-type]
            int(r["herkomst_buiten_europa"]),  # type: ignore[arg-type]
        )
        for r in table.rows
    }
    return OriginTable(counts, origin_provenance())
