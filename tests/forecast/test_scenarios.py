# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Scenario generators: plain data, reproducible by seed, shaped as asked."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from migratieketen.data import asylum
from migratieketen.forecast.scenarios import (
    InflowScenarioError,
    historical_replay,
    regime_switch,
    stylised_shock,
)


@pytest.fixture(scope="module")
def series(shared_data_dir: Path) -> tuple[asylum.PeriodSeries, asylum.PeriodSeries]:
    return (
        asylum.load_first_requests_quarterly(shared_data_dir),
        asylum.load_nareizigers_quarterly(shared_data_dir),
    )


def test_replay_2015_scales_the_2015_shape(series) -> None:  # type: ignore[no-untyped-def]
    first, nar = series
    s = historical_replay(first, nar, "2015-Q1", quarters=4)
    assert s.periods == ("2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4")
    base_2014 = np.mean([first.value(f"2014-Q{q}") for q in range(1, 5)])
    today = np.mean(first.values[-4:])
    expected = (
        today * np.array([first.value(f"2015-Q{q}") for q in range(1, 5)]) / base_2014
    )
    np.testing.assert_allclose(s.paths["eerste_asielverzoeken"][0], expected)
    with pytest.raises(InflowScenarioError, match="2025-Q1, 2025-Q2"):
        historical_replay(first, nar, "2024-Q1", quarters=8)


def test_stylised_peak_and_trough(series) -> None:  # type: ignore[no-untyped-def]
    first, nar = series
    peak = stylised_shock(first, nar, size=1.0, onset=2, duration=1, quarters=6)
    base = np.mean(first.values[-4:])
    path = peak.paths["eerste_asielverzoeken"][0]
    np.testing.assert_allclose(path[[0, 1, 3, 4, 5]], base)
    assert path[2] == pytest.approx(2 * base)
    trough = stylised_shock(first, nar, size=-0.5, onset=0, duration=4, quarters=4)
    assert np.all(
        trough.paths["totale_instroom"] < peak.paths["totale_instroom"][:, :4] + 1e-9
    )
    with pytest.raises(InflowScenarioError):
        stylised_shock(first, nar, size=-1.5, onset=0, duration=2)


def test_regime_switch_reproducible_by_seed(series) -> None:  # type: ignore[no-untyped-def]
    first, nar = series
    a = regime_switch(first, nar, seed=5, n_paths=30)
    b = regime_switch(first, nar, seed=5, n_paths=30)
    c = regime_switch(first, nar, seed=6, n_paths=30)
    assert json.dumps(a.to_dict()) == json.dumps(b.to_dict())
    assert not np.array_equal(a.paths["totale_instroom"], c.paths["totale_instroom"])
    assert a.to_dict()["seed"] == 5 and a.description
    assert a.to_csv().splitlines()[0] == "scenario,pad,periode,reeks,waarde"
    with pytest.raises(InflowScenarioError):
        regime_switch(first, nar, seed=1, start_regime="onbekend")
