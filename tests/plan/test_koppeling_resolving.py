# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""The weekly decision rule of the re-solving dynamic policy (resolving.py)."""

from __future__ import annotations

import numpy as np
import pytest

from migratieketen.plan.koppeling.model import Problem
from migratieketen.plan.koppeling.resolving import ResolveSettings, resolving_dynamic
from migratieketen.plan.koppeling.stress import draw_spec, stress_problem


@pytest.mark.parametrize("scenarios", [1, 4])
def test_split_futures_respect_capacity_and_repeat(scenarios: int) -> None:
    p: Problem = stress_problem(draw_spec(7))
    settings = ResolveSettings(seed=7, scenarios=scenarios)
    first = resolving_dynamic(p, settings)
    again = resolving_dynamic(p, settings)
    np.testing.assert_array_equal(first.gemeente, again.gemeente)
    placed = first.gemeente >= 0
    used = np.bincount(
        first.gemeente[placed],
        weights=p.persons[placed],
        minlength=len(p.gemeenten.codes),
    )
    assert np.all(used <= p.gemeenten.capacity + 1e-9)
    assert np.all(p.allowed()[np.nonzero(placed)[0], first.gemeente[placed]])
    assert set(np.nonzero(~placed)[0]) == set(first.reasons)
