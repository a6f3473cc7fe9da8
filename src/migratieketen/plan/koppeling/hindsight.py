# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Hindsight optimum: every arrival of the period known in advance.

No policy that decides as households arrive can do better, so it is the yardstick
("share of the hindsight optimum", Ahani et al. 2024). Small problems are solved as an
exact integer programme. Large ones (a year: 6.8 million pairs) as the LP optimum
rounded to whole households; the LP value is then reported as an upper bound next to
it, so the gap is visible (it is a few split households at most).
"""

from __future__ import annotations

import time

import numpy as np
from scipy import sparse

from migratieketen.plan.highs import INF, IncrementalLp
from migratieketen.plan.koppeling.batch import FairnessGuard, placement_bonus
from migratieketen.plan.koppeling.lp import AssignmentLp
from migratieketen.plan.koppeling.model import (
    UNASSIGNED,
    Assignment,
    BoolArray,
    IntArray,
    Problem,
)
from migratieketen.plan.koppeling.online import Ledger, place_best_first
from migratieketen.plan.koppeling.rounding import solve_and_round

EXACT_PAIRS = 20_000  # allowed pairs up to which the integer programme is solved whole
EXACT_SECONDS = 60.0


def _exact(problem: Problem, allowed: BoolArray) -> IntArray | None:
    """The integer optimum by HiGHS branch-and-bound, or None if not proven in time."""
    rows, cols = np.nonzero(allowed)
    n, g = allowed.shape
    capacity = problem.gemeenten.capacity.astype(np.float64)
    lp = IncrementalLp(np.full(n + g, -INF), np.concatenate([np.ones(n), capacity]))
    matrix = sparse.csc_matrix(
        (
            np.concatenate([np.ones(len(rows)), problem.persons[rows]]),
            (np.concatenate([rows, n + cols]), np.tile(np.arange(len(rows)), 2)),
        ),
        shape=(n + g, len(rows)),
    )
    lp.add_columns(problem.scores.values[rows, cols], np.ones(len(rows)), matrix)
    x = lp.solve_integer(EXACT_SECONDS, require_optimal=True)
    if x is None:
        return None
    out = np.full(n, UNASSIGNED, dtype=np.int64)
    chosen = x > 0.5
    out[rows[chosen]] = cols[chosen]
    return out


def hindsight(problem: Problem, guard: FairnessGuard | None = None) -> Assignment:
    started = time.perf_counter()
    allowed = problem.allowed()
    ledger = Ledger.open(problem)
    if guard is None and int(allowed.sum()) <= EXACT_PAIRS:
        exact = _exact(problem, allowed)
        if exact is not None:
            for i in np.nonzero(exact >= 0)[0]:
                ledger.place(int(i), int(exact[i]), problem.persons[i])
            rest = np.nonzero(exact < 0)[0]  # zero-score households: link where room
            values = np.where(allowed[rest], problem.scores.values[rest], -np.inf)
            place_best_first(ledger, rest, values, allowed, problem.persons)
            return Assignment(
                policy="hindsight",
                gemeente=ledger.gemeente,
                reasons=ledger.reasons(problem, allowed),
                seconds=time.perf_counter() - started,
                upper_bound=ledger_total(problem, ledger.gemeente),
            )
    members = np.arange(problem.n, dtype=np.int64)
    scores = problem.scores.values
    lp = AssignmentLp(
        values=np.where(allowed, scores, -np.inf),
        persons=problem.persons,
        supply=np.ones(problem.n),
        upper=problem.gemeenten.capacity.astype(np.float64),
        side_scores=np.where(allowed, scores, 0.0) if guard else None,
        side_rows=guard.rows(members, 10.0 * placement_bonus(scores)) if guard else (),
    )
    bound = solve_and_round(ledger, members, lp, allowed, problem.persons)
    return Assignment(
        policy="hindsight",
        gemeente=ledger.gemeente,
        reasons=ledger.reasons(problem, allowed),
        seconds=time.perf_counter() - started,
        upper_bound=bound if guard is None else None,
    )


def ledger_total(problem: Problem, gemeente: IntArray) -> float:
    rows = np.nonzero(gemeente >= 0)[0]
    return float(problem.scores.values[rows, gemeente[rows]].sum())
