# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Persons in = persons out + persons in stock, in every run of random scenarios."""

from __future__ import annotations

import numpy as np
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from migratieketen.chain.engine import SERIES
from migratieketen.chain.ensemble import run_ensemble
from migratieketen.chain.gemeenten import synthetic_gemeenten
from migratieketen.chain.scenario import CapacityStep, ChainScenario, Inflow, Levers

GEMEENTEN = synthetic_gemeenten(12, seed=3)


@st.composite
def scenarios(draw: st.DrawFn) -> ChainScenario:
    kind = draw(st.sampled_from(["constant", "monthly", "peak"]))
    months = draw(st.integers(1, 48))
    inflow = Inflow(
        kind=kind,
        per_month=draw(st.floats(0, 20_000)),
        monthly=draw(st.lists(st.floats(0, 30_000), min_size=months, max_size=months)),
        peak_per_month=draw(st.floats(0, 50_000)),
        peak_month="2026-0" + str(draw(st.integers(1, 9))),
        width_months=draw(st.floats(0.5, 12)),
    )
    levers = Levers(
        urgency_scheme=draw(st.booleans()),
        tussenvoorziening_places=draw(st.floats(0, 20_000)),
        extra_ind_decisions_per_month=draw(st.floats(0, 5_000)),
        extra_housing_pct=draw(st.floats(-100, 300)),
        noodopvang_auto_scale=draw(st.booleans()),
    )
    params = {
        "ind_decisions_per_month": draw(st.floats(0, 20_000)),
        "recognition_rate_first": draw(st.floats(0, 1)),
        "closed_share": draw(st.floats(0, 1)),
        "housing_rate": draw(st.floats(0.01, 1)),
        "nareizigers_ratio": draw(st.floats(0, 3)),
        "nareizigers_share_to_coa": draw(st.floats(0, 1)),
        "rejected_share_departure": draw(st.floats(0, 1)),
        "rejected_months_in_coa": draw(st.floats(1, 24)),
        "statushouder_share_of_lettings": draw(st.floats(0, 1)),
    }
    return ChainScenario(
        name="random",
        start="2026-01",
        months=months,
        inflow=inflow,
        capacity=[CapacityStep("2026-01", 1000.0, 100.0, 500.0)],
        levers=levers,
        parameters=params,
        runs=draw(st.integers(1, 30)),
        seed=draw(st.integers(0, 2**31)),
        initial_asylum_seekers=draw(st.floats(0, 100_000)),
        initial_statushouders=draw(st.floats(0, 50_000)),
    )


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(scenarios())
def test_persons_are_conserved_in_every_run(scenario: ChainScenario) -> None:
    result = run_ensemble(scenario, gemeenten=GEMEENTEN, chunk_size=7)
    opening_plus_in, out, stock = result.balance.T
    scale = np.maximum(opening_plus_in, 1.0)
    assert np.all(np.abs(opening_plus_in - out - stock) <= 1e-6 * scale)
    assert np.all(out >= -1e-6) and np.all(stock >= -1e-6)


@settings(max_examples=30, deadline=None)
@given(scenarios())
def test_no_stock_or_occupancy_goes_negative(scenario: ChainScenario) -> None:
    result = run_ensemble(scenario, gemeenten=GEMEENTEN, keep_runs=True)
    assert result.per_run is not None
    for name in ("coa_total", "ind_queue", "coa_statushouders", "occ_crisis"):
        assert result.per_run[:, SERIES.index(name)].min() >= -1e-3
    occ = result.per_run[
        :,
        [
            SERIES.index(n)
            for n in ("occ_regular", "occ_small_scale", "occ_noodopvang", "occ_crisis")
        ],
    ].sum(axis=1)
    total = result.per_run[:, SERIES.index("coa_total")]
    np.testing.assert_allclose(occ, total, rtol=1e-4, atol=1e-2)


@settings(max_examples=15, deadline=None)
@given(
    until=st.sampled_from(["2013-06", "2015-12", "2020-03", "2024-12"]),
    rate=st.floats(0.01, 1),
    share=st.floats(0, 1),
    factor=st.floats(0.5, 3),
)
def test_history_replay_conserves_persons(
    shared_data_dir: object, until: str, rate: float, share: float, factor: float
) -> None:
    from migratieketen.chain.builtin import historie

    scenario = historie(until, runs=8, seed=1)
    scenario.parameters = {
        "housing_rate": rate,
        "nareizigers_share_to_coa": share,
        "history_persons_per_decision": factor,
    }
    result = run_ensemble(scenario, shared_data_dir)  # type: ignore[arg-type]
    opening_plus_in, out, stock = result.balance.T
    assert np.all(np.abs(opening_plus_in - out - stock) <= 1e-6 * opening_plus_in)
