# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""The stress instances are valid and reproducible, and every policy keeps its
invariants on them (tight capacity, many ties, unscored pairs)."""

from __future__ import annotations

import numpy as np
import pytest

from migratieketen.plan.koppeling import MODES, run_policy
from migratieketen.plan.koppeling.stress import (
    SCORE_KINDS,
    StressSpec,
    draw_spec,
    stress_problem,
)

from .test_koppeling_properties import _check_feasible


def test_same_spec_gives_the_same_problem() -> None:
    a, b = stress_problem(draw_spec(5)), stress_problem(draw_spec(5))
    assert a.households == b.households
    assert np.array_equal(a.scores.values, b.scores.values, equal_nan=True)
    assert np.array_equal(a.gemeenten.capacity, b.gemeenten.capacity)


def test_spec_range_covers_the_stress_cases() -> None:
    specs = [draw_spec(s) for s in range(1, 41)]
    assert {s.scores for s in specs} == set(SCORE_KINDS)
    assert all(50 <= s.households <= 500 and 5 <= s.gemeenten <= 40 for s in specs)
    assert all(0.8 <= s.tightness <= 1.2 for s in specs)
    assert any(s.tied_share > 0 for s in specs)


@pytest.mark.parametrize("kind", ["heavy", "ties", "sparse"])
def test_every_policy_keeps_its_invariants_on_a_tight_instance(kind: str) -> None:
    spec = StressSpec(
        seed=3, households=60, gemeenten=6, scores=kind, arrivals="bursty",
        tightness=0.8, tied_share=0.2, region_share=0.2, days=60,
    )  # fmt: skip
    p = stress_problem(spec)
    totals = {mode: _check_feasible(p, mode) for mode in MODES}
    assert all(t <= totals["hindsight"] * (1 + 1e-6) + 1e-9 for t in totals.values())
    first = run_policy(p, "dynamisch", seed=4)
    again = run_policy(p, "dynamisch", seed=4)
    assert np.array_equal(first.gemeente, again.gemeente)
