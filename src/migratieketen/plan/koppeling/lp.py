# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""The assignment LP behind every optimising policy, solved by column generation.

max  sum_jg V[j,g] x[j,g]
s.t. sum_g x[j,g] <= supply[j]                      (a household is placed once)
     lower[g] <= sum_j persons[j] x[j,g] <= upper[g]  (capacity in persons)
     sum_{j in k} sum_g S[j,g] x[j,g] + slack_k >= rhs_k  (optional fairness rows)

A 20,000 x 342 problem has 6.8 million pairs, but an optimal basis uses few: we start
from each household's best few gemeenten, price every pair with the duals, and add the
ones with positive reduced cost until none is left, so the result is the exact LP optimum.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

import numpy as np
from numpy.typing import NDArray
from scipy import sparse

from migratieketen.plan.highs import INF, IncrementalLp

FloatArray = NDArray[np.float64]
BoolArray = NDArray[np.bool_]

START_COLUMNS = 12
LEAN_EXTRA = 2  # with lean_start: first pairs per row beyond its supply
ADD_COLUMNS = 32
ALL_COLUMNS_BELOW = 40_000  # pairs: a small problem gets every column at once
TOLERANCE = 1e-9


@dataclass(frozen=True, slots=True)
class SideRow:
    """sum over members of S[j, g] x[j, g] >= rhs, soft with a penalty per unit short."""

    members: BoolArray
    rhs: float
    penalty: float


@dataclass(frozen=True, slots=True)
class AssignmentLp:
    values: FloatArray  # (n, G), -inf where the pair is not allowed
    persons: FloatArray  # (n,)
    supply: FloatArray  # (n,) 1 for a real household, a weight for a sampled one
    upper: FloatArray  # (G,) capacity in persons
    lower: FloatArray | None = None  # (G,) minimum persons (frontier), else none
    side_scores: FloatArray | None = None  # (n, G) S for the side rows
    side_rows: tuple[SideRow, ...] = field(default_factory=tuple)
    # Capacity prices expected near the optimum (e.g. last week's): the first columns
    # are each household's best by value minus persons x price, so fewer rounds follow.
    hint_prices: FloatArray | None = None
    # Pricing rounds; fewer gives a feasible plan and approximate prices, faster.
    max_rounds: int = 200
    # Start each row from its best (supply + LEAN_EXTRA) pairs instead of START_COLUMNS:
    # the same optimum, a much faster first solve where most rows are single households
    # (the noisy year), but another of several optimal plans (see resolving.py).
    lean_start: bool = False


@dataclass(frozen=True, slots=True)
class AssignmentSolution:
    rows: NDArray[np.int64]
    cols: NDArray[np.int64]
    amount: FloatArray
    capacity_dual: FloatArray  # (G,) price of one person of capacity, >= 0
    objective: float
    side_shortfall: FloatArray
    lower_shortfall: FloatArray  # persons short of `lower` per gemeente (empty if none)
    rounds: int

    def dense_share(self, n: int, g: int) -> FloatArray:
        out = np.zeros((n, g))
        np.add.at(out, (self.rows, self.cols), self.amount)
        return out


def _column_block(
    problem: AssignmentLp, rows: NDArray[np.int64], cols: NDArray[np.int64]
) -> tuple[FloatArray, sparse.csc_matrix]:
    n, g = problem.values.shape
    n_side = len(problem.side_rows)
    count = len(rows)
    entries_r = [rows, n + cols]
    entries_v = [np.ones(count), problem.persons[rows]]
    if n_side:
        assert problem.side_scores is not None
        for k, side in enumerate(problem.side_rows):
            hit = side.members[rows]
            entries_r.append(np.full(int(hit.sum()), n + g + k))
            entries_v.append(problem.side_scores[rows[hit], cols[hit]])
    col_ids = [np.arange(count), np.arange(count)]
    col_ids += [np.nonzero(side.members[rows])[0] for side in problem.side_rows]
    matrix = sparse.csc_matrix(
        (
            np.concatenate(entries_v),
            (np.concatenate(entries_r), np.concatenate(col_ids)),
        ),
        shape=(n + g + n_side, count),
    )
    return problem.values[rows, cols], matrix


def _initial_pairs(
    values: FloatArray, k: int, supply: FloatArray | None = None
) -> tuple[NDArray[np.int64], NDArray[np.int64]]:
    """Each row's best k pairs, or with `supply` its best (supply + LEAN_EXTRA), at
    most k: a household (supply 1) sits in one or two pairs of an optimal basis, a type
    of many merged households spreads over more gemeenten."""
    n, g = values.shape
    k = g if n * g <= ALL_COLUMNS_BELOW else min(k, g)
    top = np.argpartition(-values, k - 1, axis=1)[:, :k]
    if supply is None or k == g:
        rows, cols = np.repeat(np.arange(n), k), top.ravel()
    else:
        best = np.take_along_axis(values, top, axis=1)
        top = np.take_along_axis(top, np.argsort(-best, axis=1, kind="stable"), axis=1)
        wanted = np.minimum(k, np.ceil(supply).astype(np.int64) + LEAN_EXTRA)
        take = np.arange(k)[None, :] < wanted[:, None]
        rows = np.broadcast_to(np.arange(n)[:, None], (n, k))[take]
        cols = top[take]
    keep = np.isfinite(values[rows, cols])
    return rows[keep], cols[keep]


def _reduced_costs(problem: AssignmentLp, dual: FloatArray) -> FloatArray:
    n, g = problem.values.shape
    item, cap = dual[:n], dual[n : n + g]
    rc = problem.values - item[:, None] - problem.persons[:, None] * cap[None, :]
    for k, side in enumerate(problem.side_rows):
        assert problem.side_scores is not None
        y = dual[n + g + k]
        if y != 0.0:
            rc[side.members] -= y * problem.side_scores[side.members]
    return rc


def _entering(
    rc: FloatArray, present: BoolArray
) -> tuple[NDArray[np.int64], NDArray[np.int64]]:
    rc = np.where(present, -np.inf, rc)
    pricing = np.nonzero(rc.max(axis=1, initial=-np.inf) > TOLERANCE)[0]
    rc = rc[pricing]  # most rows have no entering pair after the first rounds
    k = min(ADD_COLUMNS, rc.shape[1])
    top = np.argpartition(-rc, k - 1, axis=1)[:, :k]
    rows = np.repeat(np.arange(rc.shape[0]), k)
    cols = top.ravel()
    keep = rc[rows, cols] > TOLERANCE
    return pricing[rows[keep]], cols[keep]


def _build(problem: AssignmentLp) -> IncrementalLp:
    n, g = problem.values.shape
    lower = problem.lower if problem.lower is not None else np.zeros(g)
    row_lower = np.concatenate(
        [np.full(n, -INF), lower, [s.rhs for s in problem.side_rows]]
    )
    row_upper = np.concatenate(
        [problem.supply, problem.upper, np.full(len(problem.side_rows), INF)]
    )
    lp = IncrementalLp(row_lower, row_upper)
    if problem.side_rows:  # one slack column per side row, so it is never infeasible
        k = len(problem.side_rows)
        slack = sparse.csc_matrix(
            (np.ones(k), (n + g + np.arange(k), np.arange(k))), shape=(n + g + k, k)
        )
        lp.add_columns(
            np.array([-s.penalty for s in problem.side_rows]), np.full(k, INF), slack
        )
    if problem.lower is not None:  # the same for minimum intakes (frontier)
        finite = np.abs(problem.values[np.isfinite(problem.values)])
        penalty = 10.0 * (float(finite.max()) if finite.size else 0.0) + 10.0
        slack = sparse.csc_matrix(
            (np.ones(g), (n + np.arange(g), np.arange(g))),
            shape=(n + g + len(problem.side_rows), g),
        )
        lp.add_columns(np.full(g, -penalty), problem.lower.astype(np.float64), slack)
    return lp


def _whole_only(problem: AssignmentLp) -> AssignmentLp:
    """Drop pairs where not even one whole household fits: they only split households."""
    if problem.persons.size == 0 or problem.upper.size == 0:
        return problem
    if float(problem.upper.min()) >= float(problem.persons.max()) - 1e-9:
        return problem  # every household fits everywhere (the usual case)
    fits = problem.upper[None, :] >= problem.persons[:, None] - 1e-9
    return replace(problem, values=np.where(fits, problem.values, -np.inf))


def _identical_rows(key: FloatArray) -> tuple[NDArray[np.int64], NDArray[np.int64]]:
    """First row of each group of byte-identical rows, and each row's group.

    A dictionary over the rows' bytes: linear in the size of `key`, where sorting the
    rows (np.unique with an axis) took a sixth of the dynamic year. Groups are numbered
    in order of first appearance.
    """
    groups: dict[bytes, int] = {}
    first: list[int] = []
    inverse = np.empty(len(key), dtype=np.int64)
    for i, row in enumerate(key):
        group = groups.setdefault(row.tobytes(), len(first))
        if group == len(first):
            first.append(i)
        inverse[i] = group
    return np.array(first, dtype=np.int64), inverse


def _aggregate(problem: AssignmentLp) -> tuple[AssignmentLp, NDArray[np.int64]]:
    """Merge interchangeable households (same values, persons and side rows).

    Under a group-level score model most households share a type; merging them is exact
    and removes the degeneracy that makes the simplex method crawl.
    """
    parts = [problem.values, problem.persons[:, None]]
    parts += [side.members[:, None].astype(np.float64) for side in problem.side_rows]
    if problem.side_scores is not None and problem.side_rows:
        parts.append(problem.side_scores)
    first, inverse = _identical_rows(
        np.ascontiguousarray(np.concatenate(parts, axis=1))
    )
    if len(first) == len(inverse):
        return problem, np.arange(len(inverse), dtype=np.int64)
    supply = np.bincount(inverse, weights=problem.supply, minlength=len(first)).astype(
        np.float64
    )
    merged = replace(
        problem,
        values=problem.values[first],
        persons=problem.persons[first],
        supply=supply,
        side_scores=None if problem.side_scores is None else problem.side_scores[first],
        side_rows=tuple(
            replace(side, members=side.members[first]) for side in problem.side_rows
        ),
    )
    return merged, inverse.astype(np.int64)


def _spread(
    rows: NDArray[np.int64],
    cols: NDArray[np.int64],
    amount: FloatArray,
    inverse: NDArray[np.int64],
    supply: FloatArray,
) -> tuple[NDArray[np.int64], NDArray[np.int64], FloatArray]:
    """Hand a type's amounts to its households in order, each up to its own supply."""
    members: dict[int, list[int]] = {}
    for i, t in enumerate(inverse):
        members.setdefault(int(t), []).append(i)
    out_r: list[int] = []
    out_c: list[int] = []
    out_a: list[float] = []
    order = np.lexsort((-amount, rows))
    cursor: dict[int, tuple[int, float]] = {}
    for k in order:
        t, left = int(rows[k]), float(amount[k])
        pos, room = cursor.get(t, (0, float(supply[members[t][0]])))
        while left > 1e-9 and pos < len(members[t]):
            take = min(left, room)
            out_r.append(members[t][pos])
            out_c.append(int(cols[k]))
            out_a.append(take)
            left -= take
            room -= take
            if room <= 1e-9:
                pos += 1
                room = float(supply[members[t][pos]]) if pos < len(members[t]) else 0.0
        cursor[t] = (pos, room)
    return (
        np.array(out_r, dtype=np.int64),
        np.array(out_c, dtype=np.int64),
        np.array(out_a, dtype=np.float64),
    )


def solve_assignment(problem: AssignmentLp) -> AssignmentSolution:
    """The exact LP optimum, with the capacity duals (the potentials of Ahani et al.).

    Pairs where the gemeente cannot take even one whole household are left out, which
    tightens the relaxation towards whole households without losing any of them.
    Interchangeable households are solved as one type and handed back one by one.
    """
    original = _whole_only(problem)
    problem, inverse = _aggregate(original)
    solution = _solve(problem)
    if len(inverse) == len(problem.values):
        return solution
    rows, cols, amount = _spread(
        solution.rows, solution.cols, solution.amount, inverse, original.supply
    )
    return replace(solution, rows=rows, cols=cols, amount=amount)


def _solve(problem: AssignmentLp) -> AssignmentSolution:
    n, g = problem.values.shape
    lp = _build(problem)
    n_side = len(problem.side_rows)
    n_slack = n_side + (g if problem.lower is not None else 0)
    present = np.zeros((n, g), dtype=bool)
    start = problem.values
    if problem.hint_prices is not None:
        start = start - problem.persons[:, None] * problem.hint_prices[None, :]
    rows, cols = _initial_pairs(
        start, START_COLUMNS, problem.supply if problem.lean_start else None
    )
    all_rows: list[NDArray[np.int64]] = []
    all_cols: list[NDArray[np.int64]] = []
    rounds = 0
    while True:
        if len(rows):
            cost, matrix = _column_block(problem, rows, cols)
            lp.add_columns(cost, np.minimum(problem.supply[rows], INF), matrix)
            present[rows, cols] = True
            all_rows.append(rows)
            all_cols.append(cols)
        solution = lp.solve()
        rounds += 1
        rows, cols = _entering(_reduced_costs(problem, solution.row_dual), present)
        if len(rows) == 0 or rounds >= problem.max_rounds:
            break
    r = np.concatenate(all_rows) if all_rows else np.zeros(0, dtype=np.int64)
    c = np.concatenate(all_cols) if all_cols else np.zeros(0, dtype=np.int64)
    x = solution.col_value[n_slack:]
    used = x > 1e-9
    return AssignmentSolution(
        rows=r[used],
        cols=c[used],
        amount=x[used],
        capacity_dual=np.maximum(0.0, solution.row_dual[n : n + g]),
        objective=solution.objective,
        side_shortfall=solution.col_value[:n_side],
        lower_shortfall=solution.col_value[n_side:n_slack],
        rounds=rounds,
    )
