# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Conservation and Little's law hold in every run, for random markets and policies."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from migratieketen.woningmarkt import NewBuild, Policy, Tussenvoorziening
from migratieketen.woningmarkt.result import (
    CONSERVATION_TOLERANCE,
    ModelInvariantError,
    check_invariants,
    simulate,
)

from .support import market, run

policies = st.builds(
    Policy,
    priority_share=st.floats(0, 1),
    urgency_category=st.booleans(),
    tussenvoorzieningen=st.lists(
        st.builds(
            Tussenvoorziening,
            places=st.floats(0, 400),
            start_week=st.integers(0, 150),
            weeks=st.one_of(st.none(), st.integers(1, 150)),
        ),
        max_size=2,
    ).map(tuple),
    persons_per_dwelling=st.one_of(st.none(), st.floats(0.5, 8)),
    extra_new_build_per_year=st.floats(0, 300),
    new_build=st.lists(
        st.builds(NewBuild, dwellings=st.floats(0, 200), week=st.integers(0, 200)),
        max_size=2,
    ).map(tuple),
)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    policy=policies,
    stock=st.floats(100, 80_000),
    taak=st.integers(0, 800),
    urbanity=st.integers(1, 5),
    short_wait=st.floats(0.1, 12),
    monthly=st.booleans(),
    seed=st.integers(0, 2**16),
)
def test_every_run_conserves_persons_and_dwellings_and_obeys_little(
    policy: Policy,
    stock: float,
    taak: int,
    urbanity: int,
    short_wait: float,
    monthly: bool,
    seed: int,
) -> None:
    raw = run(
        market(stock, taak, urbanity),
        [policy, Policy()],
        runs=4,
        seed=seed,
        overrides={f"regular_initial_wait_years_{urbanity}": short_wait},
        record=True,
        steps_per_year=12 if monthly else 52,
    )
    checks, little = check_invariants(raw)  # raises when a run breaks one
    assert max(checks.values()) <= CONSERVATION_TOLERANCE
    assert set(little) == {
        "statushouders_coa",
        "statushouders_woning",
        "urgent",
        "regulier",
    }


def test_a_broken_run_is_caught() -> None:
    raw = run(market(), [Policy(0.2)], runs=3, record=True)
    raw.totals["urgent"][0, 1] += 0.5  # half a household housed twice
    with pytest.raises(ModelInvariantError, match="personen"):
        check_invariants(raw)


def test_a_wrong_departure_curve_breaks_little() -> None:
    raw = run(market(), [Policy(0.2)], runs=3, record=True)
    curve = raw.curves["out_of_coa"]
    bad = dataclasses.replace(raw, curves={**raw.curves, "out_of_coa": curve * 0.5})
    with pytest.raises(ModelInvariantError, match="Little"):
        check_invariants(bad)


def test_simulate_reports_the_checks_of_every_run() -> None:
    result = simulate(market(), Policy(0.3), runs=20, years=2)
    assert max(result.checks.values()) < 1e-12
    assert max(result.little.values()) < 1e-9
    assert result.to_dict()["controles"]["little_max_relatieve_afwijking"]


def test_tussenvoorziening_never_holds_more_than_its_places_at_an_entry() -> None:
    raw = run(
        market(taak=200), [Policy(0.02, tussenvoorzieningen=(Tussenvoorziening(30),))]
    )
    occupied = raw.state.out_of_coa - raw.state.housed
    assert float(raw.tv_overfill.max()) <= 1e-9
    assert float(occupied.max()) <= 30 + 1e-9
    assert np.all(occupied > 0)
