# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""The hindsight yardstick above the exact size: rounded LP, then the candidate MIP."""

from __future__ import annotations

import numpy as np
import pytest

from migratieketen.plan.koppeling import hindsight as hs
from migratieketen.plan.koppeling.model import Problem
from migratieketen.plan.koppeling.run import MODES, run_policy

from .koppeling_support import household, problem


def fragmented(seed: int) -> Problem:
    """Small capacities, households of 1-3 persons, scores with pair-level noise:
    where rounding an LP optimum to whole households loses most."""
    rng = np.random.default_rng(seed)
    n = 40
    persons = rng.integers(1, 4, size=n)
    days = np.sort(rng.integers(0, 180, size=n))
    households = [household(i, int(days[i]), persons=int(persons[i])) for i in range(n)]
    capacity = rng.integers(2, 7, size=6)
    return problem(households, capacity.tolist(), rng.uniform(0, 1, (n, 6)))


def totals(p: Problem, monkeypatch: pytest.MonkeyPatch, **limits: int) -> float:
    with monkeypatch.context() as m:
        for name, value in limits.items():
            m.setattr(hs, name, value)
        a = hs.hindsight(p)
    assert a.upper_bound is not None
    expected = hs.EXACT if not limits else hs.ROUNDED
    if limits.get("CANDIDATES"):
        expected = hs.CANDIDATE
    assert a.method == expected
    total = a.total(p.scores.values)
    assert total <= a.upper_bound + 1e-9
    return total


def test_candidate_mip_recovers_what_rounding_loses(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    gains = []
    for seed in range(6):
        p = fragmented(seed)
        exact = totals(p, monkeypatch)  # the whole integer programme
        rounded = totals(p, monkeypatch, EXACT_PAIRS=0, CANDIDATE_PAIRS=0)
        candidate = totals(p, monkeypatch, EXACT_PAIRS=0, CANDIDATES=3)
        assert rounded - 1e-9 <= candidate <= exact + 1e-9
        assert candidate >= exact * (1 - hs.CANDIDATE_GAP) - 1e-9 or candidate > rounded
        gains.append(candidate - rounded)
    assert max(gains) > 0.01  # on these instances rounding alone leaves value behind


def test_candidate_hindsight_bounds_every_policy(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(hs, "EXACT_PAIRS", 0)
    for seed in range(3):
        p = fragmented(seed)
        best = hs.hindsight(p).total(p.scores.values)
        for mode in MODES:
            total = run_policy(p, mode, seed=seed).total(p.scores.values)
            assert total <= best * (1 + hs.CANDIDATE_GAP) + 1e-9, (seed, mode)
