# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""The rules against the reference tables in ../shared/reference/tables, row by row."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import pytest
from rules_support import REFERENCE_DIR, dec, population, resolve_key

from migratieketen.rules import huisvestingswet as hw


def _rows(name: str) -> list[dict[str, str]]:
    path = REFERENCE_DIR / "tables" / name
    with path.open(encoding="utf-8") as fh:
        return list(csv.DictReader(ln for ln in fh if not ln.startswith("#")))


VECTORS = _rows("taakstelling_computed_vectors.csv")


@pytest.mark.parametrize(
    "row", VECTORS, ids=[f"{r['half_year']}-{r['gemeente']}" for r in VECTORS]
)
def test_computed_vector(row: dict[str, str]) -> None:
    """Every computed vector (exact, ceil, half-up) to the unit, with our own loaders."""
    hy = hw.HalfYear.parse(row["half_year"].replace("(adj)", ""))
    assert hy.reference_date == date.fromisoformat(row["ref_date"])
    table = population(hy.reference_date)
    key = resolve_key(table, row["gemeente"])
    assert table.populations[key] == int(row["pop_g"])
    assert table.national_total == int(row["pop_nl"])
    version = "final" if "(adj)" in row["half_year"] else "initial"
    vg = hw.national_number(hy).value(version)
    assert vg == int(row["vg"])
    results = {
        mode: hw.compute_taakstelling(
            vg, table.populations, table.national_total, mode, half_year=hy
        ).per_gemeente[key]
        for mode in ("ceil", "half_up")
    }
    assert dec(results["ceil"].exact, 4) == row["exact"]
    assert results["ceil"].taakstelling == int(row["ceil"])
    assert results["half_up"].taakstelling == int(row["round_half_up"])
    if row["published"]:
        published = int(row["published"])
        # Documented in cases/huisvestingswet.yaml; here only which mode matches.
        matching = {m for m, r in results.items() if r.taakstelling == published}
        assert matching, f"no rounding mode gives the published {published}"


NATIONAL = _rows("taakstelling_national_halfyears.csv")


@pytest.mark.parametrize("row", NATIONAL, ids=[r["half_year"] for r in NATIONAL])
def test_national_vg_parameters_match_published(row: dict[str, str]) -> None:
    """The dated vg parameter holds every published national half-year figure."""
    hy = hw.HalfYear.parse(row["half_year"])
    if row["vg_initial"] == "NOT_FOUND":
        with pytest.raises(hw.TaakstellingError):
            hw.national_number(hy)
        return
    nn = hw.national_number(hy)
    assert nn.initial == int(row["vg_initial"])
    final = row["vg_final_after_adjustment"]
    expected_revised = int(final) if final.isdigit() else None
    assert nn.revised == expected_revised


def test_reference_dir_present() -> None:
    assert Path(REFERENCE_DIR, "rules.md").is_file()
