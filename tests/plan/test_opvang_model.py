# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""The MIP against hand-computable cases, and its objective against the evaluator."""

from __future__ import annotations

import numpy as np
import pytest

from migratieketen.plan.opvang.formulation import solve
from migratieketen.plan.opvang.policies import deterministic, plan_outcome, reactive
from migratieketen.plan.opvang.run import empty_plan

from .opvang_support import NORMS, candidate, instance


def _peak() -> np.ndarray:
    rng = np.random.default_rng(3)
    base = np.array([100, 100, 150, 300, 450, 450, 400, 350], dtype=float)
    return np.rint(base * rng.lognormal(0, 0.25, size=(12, 1)))


def test_objective_equals_evaluated_expected_cost() -> None:
    cands = [
        candidate(0, "WK000101", "regulier", 50, 300, 2),
        candidate(1, "WK000101", "kleinschalig", 10, 100, 1),
        candidate(2, "WK000102", "flexibel", 20, 200, 1),
    ]
    inst = instance(cands, _peak(), {"WK000101": 350, "WK000102": 150}, existing=100)
    solved = solve(inst)
    out = plan_outcome("stochastisch", inst, solved)
    assert solved.solution.optimal
    assert out.cost.mean() == pytest.approx(solved.objective, rel=1e-6)


def test_stochastic_no_dearer_than_deterministic_and_cheaper_than_crisis() -> None:
    cands = [candidate(i, f"WK00010{i}", "flexibel", 20, 200, 1) for i in range(4)]
    rooms = {f"WK00010{i}": 200 for i in range(4)}
    inst = instance(cands, _peak(), rooms, existing=100)
    stoch = plan_outcome("s", inst, solve(inst))
    det = plan_outcome("d", inst, deterministic(inst))
    nothing = plan_outcome("n", inst, empty_plan(inst))
    assert stoch.cost.mean() <= det.cost.mean() + 1e-6
    assert stoch.cost.mean() < nothing.cost.mean()
    assert stoch.crisis.mean() < nothing.crisis.mean()


def test_no_capacity_needed_opens_nothing() -> None:
    cands = [candidate(0, "WK000101", "regulier", 50, 300, 0)]
    inst = instance(cands, np.full((3, 6), 80.0), {"WK000101": 300}, existing=100)
    solved = solve(inst)
    assert (solved.opened == -1).all()
    assert plan_outcome("s", inst, solved).crisis.sum() == 0


def test_risk_weight_lowers_tail_crisis() -> None:
    cands = [candidate(i, f"WK00010{i}", "regulier", 0, 100, 1) for i in range(5)]
    rooms = {f"WK00010{i}": 100 for i in range(5)}
    plain = instance(cands, _peak(), rooms, existing=100)
    risky = instance(cands, _peak(), rooms, existing=100, risk=4.0)
    a = plan_outcome("a", plain, solve(plain))
    b = plan_outcome("b", risky, solve(risky))
    assert np.percentile(b.crisis, 95) <= np.percentile(a.crisis, 95) + 1e-6


def test_reactive_orders_noodopvang_when_full() -> None:
    inst = instance([candidate(0, "WK000101", "regulier", 0, 10, 0)],
                    np.full((1, 8), 500.0), {"WK000101": 10}, existing=100)  # fmt: skip
    out = reactive(inst)
    lead = int(NORMS.per_type("doorlooptijd_maanden", "noodopvang"))
    assert out.openings[0] >= 1
    # before the lead time everything above 100 places is crisis shelter
    assert out.crisis[0] >= lead * 400


def test_warm_start_from_the_median_plan_reaches_the_same_optimum() -> None:
    cands = [candidate(i, f"WK00010{i}", "flexibel", 20, 200, 1) for i in range(4)]
    rooms = {f"WK00010{i}": 200 for i in range(4)}
    inst = instance(cands, _peak(), rooms, existing=100)
    cold = solve(inst)
    warm = solve(inst, start=deterministic(inst))
    assert cold.solution.optimal and warm.solution.optimal
    assert warm.objective == pytest.approx(cold.objective, rel=1e-6)


def test_a_tiny_time_limit_still_gives_a_feasible_plan() -> None:
    cands = [candidate(i, f"WK0001{i:02d}", "regulier", 50, 300, 1) for i in range(30)]
    rooms = {f"WK0001{i:02d}": 300 for i in range(30)}
    rng = np.random.default_rng(1)
    inst = instance(
        cands, np.rint(2000 * rng.lognormal(0, 0.3, (20, 12))), rooms, existing=500
    )
    solved = solve(inst, time_limit=0.01)  # "nothing open" is always an incumbent
    assert plan_outcome("s", inst, solved).cost.mean() > 0


def test_scoring_on_dask_equals_local() -> None:
    cands = [candidate(i, f"WK00010{i}", "flexibel", 20, 200, 1) for i in range(3)]
    inst = instance(
        cands, _peak(), {f"WK00010{i}": 200 for i in range(3)}, existing=100
    )
    solved = solve(inst)
    rng = np.random.default_rng(9)
    many = np.rint(300 * rng.lognormal(0, 0.4, size=(600, inst.months)))
    local = plan_outcome("s", inst, solved, many)
    dask = plan_outcome(
        "s", inst, solved, many, backend="dask", n_workers=1, processes=False
    )
    assert np.allclose(local.cost, dask.cost) and np.allclose(local.crisis, dask.crisis)
