# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Forward scenarios start from the history replay's end state, and housing supply
responds to the taakstelling through the woningmarkt module (issue 13, item 3)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from migratieketen.chain import ChainConfigError, builtin_scenario, run_ensemble
from migratieketen.chain.builtin import historie
from migratieketen.chain.engine import final_state
from migratieketen.chain.inputs import build_inputs
from migratieketen.chain.opening import history_end_state
from migratieketen.chain.scenario import ChainScenario, Inflow, Levers
from migratieketen.woningmarkt.coupling import taakstelling_response


def test_a_forward_scenario_opens_with_the_replays_end_state(
    shared_data_dir: Path,
) -> None:
    scenario = builtin_scenario("basis")
    assert (scenario.start, scenario.opening) == ("2025-01", "historie")
    inputs = build_inputs(scenario, shared_data_dir)
    opening = inputs.opening_state
    assert opening is not None and opening.month == "2024-12"
    replay = final_state(
        build_inputs(historie("2024-12", runs=1), shared_data_dir, inputs.gemeenten)
    )
    in_coa = replay.q_first + replay.q_repeat + replay.rejected
    in_coa += replay.waiting.sum(axis=1)
    assert opening.persons_in_coa == pytest.approx(float(in_coa[0]))
    # the end of 2024 was far from the old calm start (18,601 persons in COA)
    assert opening.persons_in_coa > 50_000
    np.testing.assert_array_equal(opening.waiting, replay.waiting[0])
    result = run_ensemble(scenario, inputs=inputs, runs=20, seed=3)
    first = result.series("coa_statushouders", 50)[0]
    assert abs(first - opening.waiting.sum()) < 0.2 * opening.waiting.sum()
    assert np.all(np.abs(result.balance[:, 0] - result.balance[:, 1:].sum(axis=1)) < 1)


def test_the_opening_is_the_month_before_the_start(shared_data_dir: Path) -> None:
    scenario = builtin_scenario("basis")
    gemeenten = build_inputs(scenario, shared_data_dir).gemeenten
    mid = history_end_state(shared_data_dir, "2020-01", gemeenten)
    assert mid.month == "2019-12"
    assert (
        mid.persons_in_coa
        < history_end_state(shared_data_dir, "2025-01", gemeenten).persons_in_coa
    )


def test_an_opening_after_the_observed_history_is_refused(
    shared_data_dir: Path,
) -> None:
    scenario = builtin_scenario("basis")
    scenario.start = "2026-01"
    with pytest.raises(ChainConfigError, match="loopt tot 2024-12"):
        build_inputs(scenario, shared_data_dir)
    with pytest.raises(ChainConfigError, match="beginstand"):
        ChainScenario.from_dict({"name": "x", "opening": "gisteren"})
    with pytest.raises(ChainConfigError, match="niet allebei"):
        ChainScenario.from_dict(
            {"name": "x", "opening": "historie", "initial_statushouders": 5.0}
        )


def _sustained(shared_data_dir: Path, respond: bool) -> np.ndarray:
    scenario = ChainScenario(
        name="aanhoudend",
        start="2025-01",
        months=96,
        opening="historie",
        inflow=Inflow(kind="constant", per_month=3500),
        levers=Levers(taakstelling_response=respond),
        runs=40,
        seed=5,
    )
    result = run_ensemble(scenario, shared_data_dir)
    return np.asarray(result.series("coa_statushouders", 50))


def test_sustained_inflow_no_longer_grows_the_backlog_without_end(
    shared_data_dir: Path,
) -> None:
    fixed = _sustained(shared_data_dir, respond=False)
    responding = _sustained(shared_data_dir, respond=True)
    # with the old fixed supply the backlog keeps growing in the last years ...
    assert fixed[-1] - fixed[-25] > 2_000
    # ... when gemeenten respond to the taakstelling it levels off, far lower
    assert abs(responding[-1] - responding[-25]) < 0.1 * responding[-1]
    assert responding[-1] < 0.7 * fixed[-1]


@settings(max_examples=60, deadline=None)
@given(
    target=st.floats(0, 5_000),
    lettings=st.floats(1, 2_000),
    base=st.floats(0, 0.3),
    ppd=st.floats(0.5, 4),
    response=st.floats(0, 1),
    ceiling=st.floats(0, 0.5),
    previous=st.floats(0, 500),
)
def test_the_response_stays_within_the_ceiling_and_grows_with_the_gap(
    target: float,
    lettings: float,
    base: float,
    ppd: float,
    response: float,
    ceiling: float,
    previous: float,
) -> None:
    def extra(r: float, t: float) -> float:
        return float(
            taakstelling_response(
                np.array([[t]]),
                np.array([[lettings]]),
                np.array([base]),
                np.array([ppd]),
                np.array([r]),
                np.array([ceiling]),
                np.array([[previous]]),
            )[0, 0]
        )

    room = lettings * max(ceiling - base, 0.0) * ppd
    value = extra(response, target)
    assert -1e-9 <= value <= room + 1e-9
    assert extra(response, target + 100) >= value - 1e-9
    if previous == 0:
        assert extra(min(1.0, response + 0.1), target) >= value - 1e-9
