# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""The weekly decision rule of the re-solving dynamic policy (resolving.py)."""

from __future__ import annotations

import numpy as np
import pytest

from migratieketen.plan.koppeling.model import Problem
from migratieketen.plan.koppeling.resolving import ResolveSettings
from migratieketen.plan.koppeling.stress import draw_spec, stress_problem

from .koppeling_support import assert_repeatable_within_capacity


@pytest.mark.parametrize("scenarios", [1, 4])
def test_split_futures_respect_capacity_and_repeat(scenarios: int) -> None:
    p: Problem = stress_problem(draw_spec(7))
    settings = ResolveSettings(seed=7, scenarios=scenarios)
    first = assert_repeatable_within_capacity(p, settings)
    placed = first.gemeente >= 0
    assert set(np.nonzero(~placed)[0]) == set(first.reasons)
