# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""The column-generation LP behind every optimising koppeling policy is exact.

`solve_assignment` starts from a few pairs per household and adds pairs by their reduced
cost; whatever it starts from, it must end at the optimum of the LP with every pair a
column (scipy's HiGHS on the full matrix), or the prices and plans built on it are wrong.
"""

from __future__ import annotations

from unittest import mock

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.optimize import linprog

from migratieketen.plan.koppeling import lp as lp_module
from migratieketen.plan.koppeling.lp import AssignmentLp, solve_assignment


@st.composite
def assignment_lps(draw: st.DrawFn) -> AssignmentLp:
    n = draw(st.integers(1, 25))
    g = draw(st.integers(1, 10))
    rng = np.random.default_rng(draw(st.integers(0, 2**32 - 1)))
    values = np.round(rng.uniform(0, 10, size=(n, g)), 2)
    values[rng.uniform(size=(n, g)) < draw(st.floats(0, 0.5))] = -np.inf
    merged = draw(st.booleans())  # types with a large supply, as after merging
    supply = rng.integers(1, 40, size=n) if merged else np.ones(n)
    hint = rng.uniform(0, 2, size=g) if draw(st.booleans()) else None
    lean = draw(st.booleans())
    return AssignmentLp(
        values=values,
        persons=rng.integers(1, 7, size=n).astype(np.float64),
        supply=supply.astype(np.float64),
        upper=rng.integers(0, 30, size=g).astype(np.float64),
        hint_prices=hint,
        lean_start=lean,
    )


def full_lp_optimum(problem: AssignmentLp) -> float:
    """The same LP with every allowed pair a column, where a whole household fits."""
    n, g = problem.values.shape
    fits = problem.upper[None, :] >= problem.persons[:, None]
    rows, cols = np.nonzero(np.isfinite(problem.values) & fits)
    if len(rows) == 0:
        return 0.0
    a = np.zeros((n + g, len(rows)))
    a[rows, np.arange(len(rows))] = 1.0
    a[n + cols, np.arange(len(rows))] = problem.persons[rows]
    result = linprog(
        -problem.values[rows, cols],
        A_ub=a,
        b_ub=np.concatenate([problem.supply, problem.upper]),
        bounds=(0, None),
        method="highs",
    )
    assert result.status == 0
    return float(-result.fun)


@settings(max_examples=60, deadline=None)
@given(assignment_lps(), st.integers(1, 4))
def test_column_generation_reaches_the_full_lp_optimum(
    problem: AssignmentLp, start_columns: int
) -> None:
    # Force column generation (a real instance does that above 40,000 pairs) and start
    # from very few pairs, so the pricing rounds have to find the rest.
    with (
        mock.patch.object(lp_module, "ALL_COLUMNS_BELOW", 0),
        mock.patch.object(lp_module, "START_COLUMNS", start_columns),
        mock.patch.object(lp_module, "ADD_COLUMNS", 2),
    ):
        solution = solve_assignment(problem)
    assert np.isclose(solution.objective, full_lp_optimum(problem), atol=1e-6)
    n, g = problem.values.shape
    share = solution.dense_share(n, g)
    assert np.all(share.sum(axis=1) <= problem.supply + 1e-7)
    assert np.all(share.T @ problem.persons <= problem.upper + 1e-7)
    assert np.all(share[~np.isfinite(problem.values)] == 0)
    assert np.all(solution.capacity_dual >= 0)


def test_first_columns_follow_supply() -> None:
    """With a lean start a single household starts from its LEAN_EXTRA + 1 best
    gemeenten, a merged type of many households from more, up to START_COLUMNS; an
    unallowed pair never; without, every row from START_COLUMNS."""
    g = 300
    values = np.tile(np.arange(g, dtype=np.float64), (3, 1))
    values[2, g - 2] = -np.inf
    with mock.patch.object(lp_module, "ALL_COLUMNS_BELOW", 0):
        rows, cols = lp_module._initial_pairs(values, 12, np.array([1.0, 50.0, 1.0]))
    single = 1 + lp_module.LEAN_EXTRA
    assert sorted(cols[rows == 0]) == list(range(g - single, g))
    assert sorted(cols[rows == 1]) == list(range(g - 12, g))
    assert g - 2 not in cols[rows == 2]
    assert len(cols[rows == 2]) == single
    with mock.patch.object(lp_module, "ALL_COLUMNS_BELOW", 0):
        rows, cols = lp_module._initial_pairs(values, 12)
    assert np.bincount(rows).tolist() == [12, 12, 12]
