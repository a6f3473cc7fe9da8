# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Expected figures computed with the core rules from the files, not from the DB."""

from __future__ import annotations

from migratieketen.data.population_history import PopulationTable
from migratieketen.rules import huisvestingswet as hw


def expected_taakstelling(table: PopulationTable, half_year: str, code: str) -> int:
    """Art. 29 lid 1 for one gemeente, on the CBS population read by the core loader."""
    hy = hw.HalfYear.parse(half_year)
    vg = hw.national_number(hy).value("final")
    result = hw.compute_taakstelling(
        vg, table.populations, national_population=table.national_total, half_year=hy
    )
    return result.per_gemeente[code].taakstelling


def csv_bytes(
    *rows: str,
    header: str = "gemeentecode;datum_huisvesting;aantal_personen;soort;kenmerk",
) -> bytes:
    return ("\n".join([header, *rows]) + "\n").encode("utf-8")
