# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Invariants of the opvang plan and the policies on random tiny instances (hypothesis)."""

from __future__ import annotations

import numpy as np
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from migratieketen.plan.opvang.evaluate import fill
from migratieketen.plan.opvang.formulation import solve
from migratieketen.plan.opvang.model import Instance
from migratieketen.plan.opvang.norms import TYPES
from migratieketen.plan.opvang.policies import (
    hybrid,
    plan_outcome,
    reactive,
    reactive_schedule,
    type_capacity,
)
from migratieketen.plan.opvang.run import empty_plan

from .opvang_support import NORMS, candidate, instance

WIJKEN = ("WK000101", "WK000102")
SLOW = settings(
    max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)


@st.composite
def instances(draw: st.DrawFn) -> Instance:
    n = draw(st.integers(1, 4))
    months = draw(st.integers(3, 7))
    paths = draw(st.integers(1, 4))
    cands = []
    for i in range(n):
        kind = draw(st.sampled_from(TYPES))
        low = draw(st.integers(0, 60))
        high = draw(st.integers(low, 500))
        cands.append(
            candidate(i, draw(st.sampled_from(WIJKEN)), kind, low, high,
                      draw(st.integers(0, months)), max_months=draw(st.integers(1, 12)))
        )  # fmt: skip
    rooms = {w: draw(st.integers(0, 400)) for w in WIJKEN}
    level = draw(st.integers(0, 600))
    noise = draw(
        st.lists(st.integers(0, 300), min_size=paths * months, max_size=paths * months)
    )
    demand = level + np.asarray(noise, dtype=float).reshape(paths, months)
    return instance(
        cands, demand, rooms, existing=draw(st.integers(0, 300)),
        step=draw(st.integers(1, 2)), targets=draw(st.booleans()),
        risk=draw(st.sampled_from([0.0, 1.0])),
    )  # fmt: skip


@SLOW
@given(instances())
def test_no_location_opens_before_its_lead_time(inst: Instance) -> None:
    solved = solve(inst, time_limit=20)
    first = inst.first_month()
    for i in range(len(inst.candidates)):
        assert not solved.places[i, : first[i]].any()
        if solved.opened[i] >= 0:
            assert solved.opened[i] >= first[i]


@SLOW
@given(instances())
def test_proportionality_and_type_maximum_hold(inst: Instance) -> None:
    solved = solve(inst, time_limit=20)
    per_wijk: dict[str, np.ndarray] = {}
    for i, c in enumerate(inst.candidates):
        p = solved.places[i]
        assert p.max() <= min(c.max_places, NORMS.per_type("max_plaatsen", c.kind))
        assert np.all((p == 0) | (p >= c.min_places))
        per_wijk[c.wijk] = per_wijk.get(c.wijk, 0) + p
    for wijk, p in per_wijk.items():
        assert p.max() <= inst.wijk_room[wijk]


@SLOW
@given(instances())
def test_capacity_plus_crisis_equals_demand(inst: Instance) -> None:
    solved = solve(inst, time_limit=20)
    cap = type_capacity(inst, solved.places)
    occ, crisis = fill(cap, inst.demand, inst.extra_cost())
    assert np.allclose(occ.sum(axis=1) + crisis, inst.demand)
    assert np.all(occ <= cap[None] + 1e-9) and np.all(crisis >= 0)
    nood, _, _ = reactive_schedule(inst, inst.demand)
    rcap = np.repeat(inst.existing[None], len(inst.demand), axis=0)
    rcap[:, TYPES.index("noodopvang")] += nood
    occ, crisis = fill(rcap, inst.demand, inst.extra_cost())
    assert np.allclose(occ.sum(axis=1) + crisis, inst.demand)


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(instances())
def test_same_instance_same_plan(inst: Instance) -> None:
    a, b = solve(inst, time_limit=20), solve(inst, time_limit=20)
    assert np.array_equal(a.places, b.places)
    assert np.array_equal(a.opened, b.opened)


@settings(max_examples=20, deadline=None)
@given(instances())
def test_reactive_noodopvang_arrives_only_after_its_lead_time(inst: Instance) -> None:
    lead = int(NORMS.per_type("doorlooptijd_maanden", "noodopvang"))
    nood, opened, closed = reactive_schedule(inst, inst.demand)
    assert not nood[:, :lead].any()
    assert np.all(nood >= 0) and np.all(closed <= opened + 1e-9)


@SLOW
@given(instances())
def test_hybrid_never_leaves_more_crisis_than_its_plan(inst: Instance) -> None:
    """Reactive noodopvang on top of the plan only adds places: per path, crisis
    shelter can only fall, and the plan's own locations and costs stay in."""
    solved = solve(inst, time_limit=20)
    plan, both = plan_outcome("p", inst, solved), hybrid("h", inst, solved)
    assert np.all(both.crisis <= plan.crisis + 1e-9)
    assert np.all(both.openings >= plan.openings) and both.violations == plan.violations
    assert np.all(both.closings <= both.openings + 1e-9)


@settings(max_examples=20, deadline=None)
@given(instances())
def test_hybrid_without_plan_is_the_reactive_policy(inst: Instance) -> None:
    """With no planned location the hybrid is exactly the status quo."""
    none, status_quo = hybrid("h", inst, empty_plan(inst)), reactive(inst)
    assert np.allclose(none.cost, status_quo.cost)
    assert np.allclose(none.crisis, status_quo.crisis)
    assert np.allclose(none.openings, status_quo.openings)
