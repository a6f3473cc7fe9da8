# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Invariants of every koppeling policy on random small problems (hypothesis)."""

from __future__ import annotations

import numpy as np
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from migratieketen.plan.koppeling import MODES, run_policy
from migratieketen.plan.koppeling.model import Problem

from .koppeling_support import CODES, PROVINCES, household, problem


@st.composite
def problems(draw: st.DrawFn) -> Problem:
    g = draw(st.integers(2, 5))
    n = draw(st.integers(1, 14))
    capacity = draw(st.lists(st.integers(0, 9), min_size=g, max_size=g))
    days = sorted(draw(st.lists(st.integers(0, 120), min_size=n, max_size=n)))
    out = []
    for i, day in enumerate(days):
        persons = draw(st.integers(1, 5))
        kind = draw(st.sampled_from(["vrij", "vrij", "vrij", "gemeente", "regio"]))
        extra = {}
        if kind == "gemeente":
            extra["gemeente_verplicht"] = draw(st.sampled_from(CODES[: g + 1]))
        elif kind == "regio":
            extra["regio_verplicht"] = draw(st.sampled_from(sorted(set(PROVINCES[:g]))))
        adults = draw(st.integers(1, persons))
        out.append(household(i, day, persons, adults, **extra))
    raw = draw(
        st.lists(
            st.one_of(st.floats(0, 3, allow_nan=False), st.just(float("nan"))),
            min_size=n * g,
            max_size=n * g,
        )
    )
    return problem(out, capacity, np.array(raw).reshape(n, g))


def _check_feasible(p: Problem, mode: str) -> float:
    a = run_policy(p, mode, seed=3)
    allowed = p.allowed()
    received = a.received(p.persons, len(p.gemeenten.codes))
    assert (received <= p.gemeenten.capacity + 1e-9).all(), mode
    for i, h in enumerate(p.households):
        g = int(a.gemeente[i])
        if g < 0:
            assert a.reasons.get(i), f"{mode}: household {h.id} without reason"
            room = allowed[i] & (p.gemeenten.capacity - received >= h.persons)
            assert not room.any(), f"{mode}: {h.id} left out while there was room"
            continue
        assert i not in a.reasons
        assert allowed[i, g], f"{mode}: {h.id} placed where not allowed"
        if h.gemeente_verplicht:
            assert p.gemeenten.codes[g] == h.gemeente_verplicht
        if h.regio_verplicht:
            assert p.gemeenten.provinces[g] == h.regio_verplicht
    return a.total(p.scores.values)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(problems())
def test_every_policy_respects_constraints_and_hindsight_bounds_it(p: Problem) -> None:
    totals = {mode: _check_feasible(p, mode) for mode in MODES}
    best = totals["hindsight"]
    for mode, total in totals.items():
        assert total <= best * (1 + 1e-6) + 1e-9, (mode, total, best)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(problems())
def test_same_input_and_seed_give_the_same_result(p: Problem) -> None:
    for mode in MODES:
        first = run_policy(p, mode, seed=11)
        second = run_policy(p, mode, seed=11)
        assert np.array_equal(first.gemeente, second.gemeente), mode
        assert dict(first.reasons) == dict(second.reasons), mode
