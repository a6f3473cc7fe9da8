# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""A coarser plan (e.g. quarterly blocks) as the warm start of a finer MIP (monthly):
the start is feasible and keeps its plan and cost, and the finer solve is never worse than
its start (hypothesis), nor, when both are proven optimal, than the solve without it."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from migratieketen.plan.opvang.formulation import solve, solve_fixed
from migratieketen.plan.opvang.model import Instance
from migratieketen.plan.opvang.warmstart import open_months, plan_start

from .test_opvang_properties import instances

SLOW = settings(
    max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)


@SLOW
@given(instances(), st.integers(2, 3))
def test_a_coarser_plan_is_a_feasible_start_at_its_cost(
    inst: Instance, coarse_step: int
) -> None:
    fine = replace(inst, step=1)
    coarse = solve(replace(fine, step=coarse_step), time_limit=20)
    pinned = solve_fixed(fine, plan_start(fine, coarse))  # SolverError if infeasible
    assert np.array_equal(pinned.places, coarse.places)
    assert np.array_equal(pinned.opened, coarse.opened)
    assert np.array_equal(pinned.closed, coarse.closed)
    # the same cost, except the Spreidingswet shortfall: priced month by month in the
    # fine model, against the block's mean target in the coarse one (never less)
    tol = 1e-6 * max(abs(coarse.objective), 1.0)
    assert pinned.objective >= coarse.objective - tol
    if not fine.targets:
        assert pinned.objective <= coarse.objective + tol


@SLOW
@given(instances(), st.integers(2, 3))
def test_the_warm_started_solve_is_never_worse(
    inst: Instance, coarse_step: int
) -> None:
    fine = replace(inst, step=1)
    coarse = solve(replace(fine, step=coarse_step), time_limit=20)
    start = plan_start(fine, coarse)
    pinned = solve_fixed(fine, start)
    warm = solve(fine, start=start, time_limit=20)
    cold = solve(fine, time_limit=20)
    tol = 1e-6 * max(abs(pinned.objective), 1.0)
    assert warm.objective <= pinned.objective + tol
    if warm.solution.optimal and cold.solution.optimal:
        gap = 2e-4 * max(abs(cold.objective), 1.0)  # both within mip_gap 1e-4
        assert warm.objective <= cold.objective + gap


def test_a_plan_that_changes_inside_a_block_is_refused() -> None:
    from .opvang_support import candidate, instance

    cands = [candidate(0, "WK000101", "flexibel", 10, 200, 0)]
    demand = np.tile(np.r_[0.0, 400, 400, 400, 400, 400], (2, 1))
    monthly = instance(cands, demand, {"WK000101": 200})
    plan = solve(monthly, time_limit=20)
    assert plan.opened[0] == 1  # opens in the second month: inside the first quarter
    with pytest.raises(ValueError, match="binnen een beslisblok"):
        plan_start(replace(monthly, step=3), plan)
    assert open_months(plan, 6)[0].tolist() == [False, True, True, True, True, True]
