# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""The chain-facing API: step by step with the chain's links = the model's own run."""

from __future__ import annotations

import numpy as np
import pytest

from migratieketen.woningmarkt import Policy, WoningmarktError, resolve_values
from migratieketen.woningmarkt.coupling import ChainCoupling, statushouder_capacity
from migratieketen.woningmarkt.lanes import build_lanes, settings_for
from migratieketen.woningmarkt.run import run_block

from .support import market


def test_driving_the_model_step_by_step_gives_the_same_run() -> None:
    markets = [market(4000, 60), market(20_000, 200, 1)]
    policy = Policy(0.1)
    reference = build_lanes(
        markets, 5, resolve_values(), seed=1, years=3, steps_per_year=12
    )
    raw = run_block(reference, settings_for([policy], reference.steps, 12))
    coupling = ChainCoupling(markets, policy, 5, seed=1, years=3)
    left = np.zeros(reference.runs)
    for t in range(reference.steps):
        left += coupling.step(reference.links[t])
    np.testing.assert_allclose(
        coupling.state.housed[0], raw.state.housed[0], rtol=1e-12
    )
    np.testing.assert_allclose(left, raw.realised[0].sum(axis=1), rtol=1e-12)
    assert np.all(coupling.waiting_in_coa() >= 0)
    with pytest.raises(WoningmarktError, match="looptijd"):
        coupling.step(np.zeros(reference.runs))


def test_bad_links_are_refused() -> None:
    coupling = ChainCoupling([market()], Policy(0.1), 3, years=1)
    with pytest.raises(WoningmarktError, match="gekoppelde statushouders"):
        coupling.step(np.array([1.0, -1.0, 0.0]))


def test_capacity_summary_scales_with_the_priority_share() -> None:
    m = [market(10_000, 50)]
    low = statushouder_capacity(m, Policy(0.1))
    high = statushouder_capacity(m, Policy(0.2))
    expected = 0.1 * 10_000 * 0.069 / 12 * 1.85
    assert low["priority_persons_per_step"][0] == pytest.approx(expected)
    assert high["priority_persons_per_step"][0] == pytest.approx(2 * expected)
