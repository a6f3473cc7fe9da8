# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Scenario-batch decomposition (SAA with replications) against the monolithic MIP."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from migratieketen.plan.opvang.batches import (
    cvar,
    evaluated_objective,
    solve_in_batches,
    split,
)
from migratieketen.plan.opvang.formulation import solve
from migratieketen.plan.opvang.policies import plan_outcome

from .opvang_support import candidate, instance


def _inst(seed: int = 3, paths: int = 12, risk: float = 0.0):  # type: ignore[no-untyped-def]
    rng = np.random.default_rng(seed)
    base = np.array([100, 100, 150, 300, 450, 450, 400, 350], dtype=float)
    demand = np.rint(base * rng.lognormal(0, 0.35, size=(paths, 1)))
    cands = [candidate(i, f"WK00010{i}", "flexibel", 20, 200, 1) for i in range(4)]
    rooms = {f"WK00010{i}": 200 for i in range(4)}
    return instance(cands, demand, rooms, existing=100, risk=risk)


def _same_plan(a, b) -> bool:  # type: ignore[no-untyped-def]
    return bool(
        np.array_equal(a.places, b.places) and np.array_equal(a.opened, b.opened)
    )


@settings(max_examples=8, deadline=None)
@given(seed=st.integers(0, 10_000), batches=st.integers(2, 4))
def test_chosen_plan_is_the_cheapest_batch_plan(seed: int, batches: int) -> None:
    inst = _inst(seed % 50)
    res = solve_in_batches(inst, batches, seed=seed)
    assert len(res.plans) == batches
    assert any(res.solved is p for p in res.plans)
    costs = [
        evaluated_objective(inst, p, plan_outcome("p", inst, p)) for p in res.plans
    ]
    assert res.upper_bound == pytest.approx(min(costs))
    assert res.evaluated == pytest.approx(costs)
    # every batch plan is feasible for the full problem, so the monolithic optimum is
    # no dearer than the chosen plan's evaluated objective
    assert solve(inst).objective <= res.upper_bound + 1e-6 * abs(res.upper_bound)


def test_batches_partition_the_paths() -> None:
    inst = _inst(paths=11)
    parts = split(inst, 3, seed=5)
    rows = np.concatenate([p.demand for p in parts])
    assert sorted(map(tuple, rows)) == sorted(map(tuple, inst.demand))
    with pytest.raises(ValueError):
        split(inst, 12)


def test_deterministic_per_seed() -> None:
    inst = _inst(7)
    a, b = solve_in_batches(inst, 3, seed=1), solve_in_batches(inst, 3, seed=1)
    assert a.chosen == b.chosen and _same_plan(a.solved, b.solved)
    assert np.array_equal(a.evaluated, b.evaluated)
    assert np.array_equal(a.batch_objectives, b.batch_objectives)


def test_one_batch_is_the_monolithic_solve() -> None:
    inst = _inst(11)
    mono = solve(inst)
    res = solve_in_batches(inst, 1)
    assert _same_plan(mono, res.solved)
    assert res.lower_bound == pytest.approx(mono.objective, rel=1e-9)
    assert res.upper_bound == pytest.approx(mono.objective, rel=1e-6)
    assert abs(res.gap) < 1e-6


def test_evaluated_objective_with_risk_matches_the_mip() -> None:
    inst = _inst(5, risk=2.0)
    solved = solve(inst)
    value = evaluated_objective(inst, solved, plan_outcome("s", inst, solved))
    assert value == pytest.approx(solved.objective, rel=1e-6)


def test_cvar_is_the_tail_mean() -> None:
    values = np.arange(1.0, 11.0)  # 1..10
    assert cvar(values, 0.9) == pytest.approx(10.0)
    assert cvar(values, 0.8) == pytest.approx(9.5)
    assert cvar(values, 0.0) == pytest.approx(values.mean())


def test_batches_on_dask_equal_local() -> None:
    inst = _inst(13)
    local = solve_in_batches(inst, 3, seed=2)
    dask = solve_in_batches(
        inst, 3, seed=2, backend="dask", n_workers=1, processes=False
    )
    assert dask.chosen == local.chosen and _same_plan(dask.solved, local.solved)
    assert np.allclose(dask.evaluated, local.evaluated)
