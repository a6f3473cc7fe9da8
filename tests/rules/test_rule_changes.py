# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""A change in the law is a new dated value; earlier periods keep their own rules.

The cabinet plans to end the taakstelling/priority for vergunninghouders and to repeal
the Spreidingswet. Here a copy of the parameter tree gets such a dated repeal, and the
rules must apply it from that date only.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from migratieketen.rules import huisvestingswet as hw
from migratieketen.rules import parameters
from migratieketen.rules import spreidingswet as sw


@pytest.fixture
def repealed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    root = tmp_path / "parameters"
    shutil.copytree(parameters.PARAMETER_ROOT, root)
    for rel, line in [
        (
            "huisvestingswet/taakstelling_van_kracht.yaml",
            "  2027-01-01: {value: false}\n",
        ),
        ("spreidingswet/van_kracht.yaml", "  2026-07-01: {value: false}\n"),
        (
            "huisvestingswet/voorrang_vergunninghouders.yaml",
            "  2026-01-01: {value: verboden}\n",
        ),
    ]:
        with (root / rel).open("a", encoding="utf-8") as fh:
            fh.write(line)
    parameters.load_parameter.cache_clear()
    monkeypatch.setattr(parameters, "PARAMETER_ROOT", root)
    yield root
    parameters.load_parameter.cache_clear()


def test_repeal_applies_from_its_date_only(repealed: Path) -> None:
    assert hw.taakstelling_in_force(hw.HalfYear(2026, 2))
    assert not hw.taakstelling_in_force(hw.HalfYear(2027, 1))
    assert sw.in_force(date(2026, 6, 30)) and not sw.in_force(date(2026, 7, 1))
    voorrang = parameters.load_parameter("huisvestingswet/voorrang_vergunninghouders")
    assert voorrang.value_at(date(2016, 1, 1)) == "verplicht"
    assert voorrang.value_at(date(2025, 1, 1)) == "toegestaan"
    assert voorrang.value_at(date(2026, 1, 1)) == "verboden"
    # Old periods still compute exactly as before.
    res = hw.compute_taakstelling(
        13000,
        {"Tholen": 25421, "rest": 16979120 - 25421},
        half_year=hw.HalfYear(2017, 1),
    )
    assert res.per_gemeente["Tholen"].taakstelling == 20


def test_current_tree_has_no_repeal_yet() -> None:
    assert hw.taakstelling_in_force(hw.HalfYear(2030, 1))
    assert sw.in_force(date(2030, 1, 1))
