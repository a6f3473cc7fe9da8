# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Historic CBS population files: validation and the reference-date lookup."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from migratieketen.data.population_history import (
    HISTORIC_FILES,
    PopulationError,
    load_historic_population,
    population_on,
)


def test_2016_file(shared_data_dir: Path) -> None:
    t = population_on(date(2016, 1, 1), shared_data_dir)
    assert len(t.populations) == 390 and t.national_total == 16_979_120
    assert t.populations["Tholen"] == 25421
    assert t.names["'s-Gravenhage (gemeente)"] == "'s-Gravenhage"
    assert not t.keyed_by_code


def test_2018_file_uses_cbs_total_not_the_sum(shared_data_dir: Path) -> None:
    t = population_on(date(2018, 1, 1), shared_data_dir)
    assert len(t.populations) == 355
    assert sum(t.populations.values()) == 17_181_083
    assert t.national_total == 17_181_084
    assert any("wijkt 1 af" in n for n in t.notes)


def test_data_layer_years(shared_data_dir: Path) -> None:
    t = population_on(date(2024, 1, 1), shared_data_dir)
    assert t.keyed_by_code and t.populations["GM0363"] == 931_298
    assert t.national_total == 17_942_942
    assert t.province_codes["GM0363"] == "PV27"


def test_unavailable_year_lists_what_exists(shared_data_dir: Path) -> None:
    with pytest.raises(PopulationError, match="wel voor: 2016, 2018, 2022"):
        population_on(date(2019, 1, 1), shared_data_dir)
    with pytest.raises(PopulationError, match="1 januari"):
        population_on(date(2024, 7, 1), shared_data_dir)


def _corrupt(shared: Path, tmp: Path, edit: str) -> Path:
    src = (shared / HISTORIC_FILES[date(2016, 1, 1)].filename).read_text(
        encoding="utf-8"
    )
    lines = src.splitlines()
    if edit == "header":
        lines = [ln.replace("gemeente,inwoners", "naam,aantal") for ln in lines]
    elif edit == "negative":
        lines = [ln.replace("Tholen,25421", "Tholen,-3") for ln in lines]
    elif edit == "duplicate":
        lines.append("Tholen,25421")
    elif edit == "missing_row":
        lines = [ln for ln in lines if not ln.startswith("Tholen,")]
    elif edit == "sum":
        lines = [ln.replace("Tholen,25421", "Tholen,25422") for ln in lines]
    out = tmp / "pop.csv"
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return out


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        ("header", "kopregel"),
        ("negative", "geen positief"),
        ("duplicate", "dubbel"),
        ("missing_row", "verwacht 390"),
        ("sum", "wijkt af van CBS-totaal"),
    ],
)
def test_corrupted_file_is_rejected(
    shared_data_dir: Path, tmp_path: Path, edit: str, message: str
) -> None:
    path = _corrupt(shared_data_dir, tmp_path, edit)
    with pytest.raises(PopulationError, match=message):
        load_historic_population(path, HISTORIC_FILES[date(2016, 1, 1)])


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(PopulationError, match="ontbreekt"):
        population_on(date(2016, 1, 1), tmp_path)


def test_population_on_1_january_2025_feeds_the_taakstelling_2026(
    shared_data_dir: Path,
) -> None:
    """70072NED (1-1-2025) is the population of the half-years of 2026 (art. 29)."""
    from migratieketen.rules import service

    table = population_on(date(2025, 1, 1), shared_data_dir)
    assert table.national_total == 18_044_027 and len(table.populations) == 342
    assert table.provenance.table_id == "70072NED"
    run = service.run_taakstelling("2026-1", shared_data_dir, vg=10_000)
    assert run.result.national_population == 18_044_027
    assert run.result.per_gemeente["GM0518"].taakstelling == 316  # 315.31 -> ceil
