# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""From an LP solution to indivisible households.

A basic LP optimum splits at most one household per binding constraint, so almost all
households are already whole. Those are fixed; the split ones (a few hundred at most,
one per full gemeente) are then placed by a small integer programme over their best
gemeenten with room, and anything left at its best gemeente that still has room.
"""

from __future__ import annotations

import numpy as np
from scipy import sparse

from migratieketen.plan.highs import INF, IncrementalLp
from migratieketen.plan.koppeling.lp import (
    AssignmentLp,
    AssignmentSolution,
    solve_assignment,
)
from migratieketen.plan.koppeling.model import BoolArray, FloatArray, IntArray
from migratieketen.plan.koppeling.online import Ledger, place_best_first

WHOLE = 1.0 - 1e-6
REPAIR_COLUMNS = 12  # best gemeenten per split household offered to the repair
REPAIR_NODES = 2000  # a work limit, so the repair does not depend on machine load
REPAIR_SECONDS = 30.0  # safety net only


def repair(
    ledger: Ledger,
    households: IntArray,
    values: FloatArray,
    allowed: BoolArray,
    persons: FloatArray,
) -> None:
    """Place split households with a small integer programme over the capacity left."""
    n, g = values.shape
    fits = allowed[households] & (
        ledger.remaining[None, :] >= persons[households, None] - 1e-9
    )
    ranked = np.where(fits, values, -np.inf)
    k = min(REPAIR_COLUMNS, g)
    top = np.argsort(-ranked, axis=1, kind="stable")[:, :k]
    rows = np.repeat(np.arange(n), k)
    cols = top.ravel()
    keep = np.isfinite(ranked[rows, cols])
    rows, cols = rows[keep], cols[keep]
    if len(rows) == 0:
        return
    lp = IncrementalLp(
        np.full(n + g, -INF),
        np.concatenate([np.ones(n), np.maximum(ledger.remaining, 0)]),
    )
    matrix = sparse.csc_matrix(
        (
            np.concatenate([np.ones(len(rows)), persons[households[rows]]]),
            (np.concatenate([rows, n + cols]), np.tile(np.arange(len(rows)), 2)),
        ),
        shape=(n + g, len(rows)),
    )
    lp.add_columns(
        ranked[rows, cols] - ranked[rows, cols].min() + 1.0, np.ones(len(rows)), matrix
    )
    x = lp.solve_integer(REPAIR_SECONDS, max_nodes=REPAIR_NODES)
    if x is None:
        return
    for j in np.nonzero(x > 0.5)[0]:
        i = int(households[rows[j]])
        if ledger.remaining[cols[j]] >= persons[i] - 1e-9:
            ledger.place(i, int(cols[j]), persons[i])


def solve_and_round(
    ledger: Ledger,
    members: IntArray,
    problem: AssignmentLp,
    allowed: BoolArray,
    persons: FloatArray,
) -> AssignmentSolution:
    """Solve the LP for `members` (rows of `problem`), place them, return the LP."""
    solution = solve_assignment(problem)
    n, g = problem.values.shape
    share = solution.dense_share(n, g)
    best = share.argmax(axis=1)
    whole = share[np.arange(n), best] >= WHOLE
    for k in np.nonzero(whole)[0]:
        ledger.place(int(members[k]), int(best[k]), persons[members[k]])
    rest = np.nonzero(~whole)[0]
    placed_share = share[rest].sum(axis=1)
    rest = rest[np.argsort(-placed_share, kind="stable")]
    if len(rest):
        repair(ledger, members[rest], problem.values[rest], allowed, persons)
        rest = rest[ledger.gemeente[members[rest]] < 0]
    place_best_first(ledger, members[rest], problem.values[rest], allowed, persons)
    return solution
