# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Hindsight optimum: every arrival of the period known in advance.

No policy that decides as households arrive can do better, so it is the yardstick
("share of the hindsight optimum", Ahani et al. 2024). Small problems are solved as an
exact integer programme. Larger ones start from the LP optimum rounded to whole
households: a basic LP optimum splits up to one household per full gemeente, and with
small capacities (a few persons per gemeente) or individual-level scores those split
households lose much of their value in the rounding (7.4 % of the optimum on 500
households over 341 gemeenten, 1.3 % on a noisy half-year of 3,000). An integer
programme over each household's best gemeenten at the LP's capacity prices, started
from the rounded solution, wins that back; only where even that is too large (a
year: 6.8 million pairs) does the rounded LP stand. The LP value is always reported
as the upper bound next to it, so the remaining gap is visible.
"""

from __future__ import annotations

import time

import numpy as np
from scipy import sparse

from migratieketen.plan.highs import (
    INF,
    IncrementalLp,
    MipSolution,
    SolverError,
    solve_mip,
)
from migratieketen.plan.koppeling.batch import FairnessGuard, placement_bonus
from migratieketen.plan.koppeling.lp import AssignmentLp, AssignmentSolution
from migratieketen.plan.koppeling.model import (
    UNASSIGNED,
    Assignment,
    BoolArray,
    FloatArray,
    IntArray,
    Problem,
)
from migratieketen.plan.koppeling.online import Ledger, place_best_first
from migratieketen.plan.koppeling.rounding import solve_and_round

EXACT_PAIRS = 20_000  # allowed pairs up to which the integer programme is solved whole
EXACT_SECONDS = 60.0
# Above EXACT_PAIRS: the integer programme over each household's best gemeenten (score
# minus persons x LP capacity price): CANDIDATES of them, FEW_CANDIDATES above
# MANY_HOUSEHOLDS (its root node dominates the time: 3,000 households x 341 gemeenten
# took 182 s with 8 and 29 s with 4, for 2893.7 against 2892.9), and none above
# CANDIDATE_PAIRS pairs. It stops at a relative gap of CANDIDATE_GAP or after
# CANDIDATE_NODES branch-and-bound nodes (work limits, so the same input gives the same
# yardstick on a busy machine); CANDIDATE_SECONDS is only a safety net.
CANDIDATES = 8
FEW_CANDIDATES = 4
MANY_HOUSEHOLDS = 1500
CANDIDATE_PAIRS = 25_000
CANDIDATE_GAP = 1e-3
CANDIDATE_NODES = 500
CANDIDATE_SECONDS = 600.0
EXACT = "exact (bewezen optimum)"
CANDIDATE = "geheeltallig programma over de beste gemeenten per huishouden (tot 0,1 %)"
ROUNDED = "LP-optimum afgerond op hele huishoudens"


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
            ledger = _ledger_from(problem, allowed, exact)
            return Assignment(
                policy="hindsight",
                gemeente=ledger.gemeente,
                reasons=ledger.reasons(problem, allowed),
                seconds=time.perf_counter() - started,
                upper_bound=ledger_total(problem, ledger.gemeente),
                method=EXACT,
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
    solution = solve_and_round(ledger, members, lp, allowed, problem.persons)
    method = ROUNDED
    if guard is None:
        better = _candidate_mip(problem, allowed, ledger.gemeente, solution)
        if better is not None:
            method = CANDIDATE
            ledger = _ledger_from(problem, allowed, better)
    return Assignment(
        policy="hindsight",
        gemeente=ledger.gemeente,
        reasons=ledger.reasons(problem, allowed),
        seconds=time.perf_counter() - started,
        upper_bound=solution.objective if guard is None else None,
        method=method,
    )


def _ledger_from(problem: Problem, allowed: BoolArray, gemeente: IntArray) -> Ledger:
    """A solver's whole assignment in a fresh ledger; the households it left out (zero
    score) are linked where there is still room."""
    ledger = Ledger.open(problem)
    for i in np.nonzero(gemeente >= 0)[0]:
        ledger.place(int(i), int(gemeente[i]), problem.persons[i])
    rest = np.nonzero(gemeente < 0)[0]
    values = np.where(allowed[rest], problem.scores.values[rest], -np.inf)
    place_best_first(ledger, rest, values, allowed, problem.persons)
    return ledger


def candidates_per_household(n: int) -> int:
    return CANDIDATES if n <= MANY_HOUSEHOLDS else FEW_CANDIDATES


def _candidate_pairs(
    problem: Problem, allowed: BoolArray, prices: FloatArray, start: IntArray, k: int
) -> tuple[IntArray, IntArray]:
    """Each household's k best gemeenten at the LP prices, plus its start."""
    capacity = problem.gemeenten.capacity.astype(np.float64)
    persons = problem.persons
    fits = allowed & (capacity[None, :] >= persons[:, None] - 1e-9)
    adjusted = np.where(
        fits, problem.scores.values - persons[:, None] * prices[None, :], -np.inf
    )
    n, g = adjusted.shape
    top = np.argpartition(-adjusted, k - 1, axis=1)[:, :k]
    rows = np.repeat(np.arange(n), k)
    cols = top.ravel()
    keep = np.isfinite(adjusted[rows, cols])
    placed = np.nonzero(start >= 0)[0]
    pairs = np.unique(
        np.concatenate([rows[keep] * g + cols[keep], placed * g + start[placed]])
    )
    return pairs // g, pairs % g


def _candidate_mip(
    problem: Problem, allowed: BoolArray, start: IntArray, lp: AssignmentSolution
) -> IntArray | None:
    """The best whole assignment over the candidate pairs, from the rounded start;
    None when there are too many candidates (then the rounded LP stands)."""
    per_household = min(
        candidates_per_household(problem.n), len(problem.gemeenten.codes)
    )
    if problem.n * per_household > CANDIDATE_PAIRS:
        return None
    rows, cols = _candidate_pairs(
        problem, allowed, lp.capacity_dual, start, per_household
    )
    n = problem.n
    if len(rows) == 0:  # nothing to choose (HiGHS calls an empty model an error)
        return None
    try:
        result = _solve_candidates(problem, rows, cols, start)
    except SolverError:  # numerical trouble: the rounded LP stands, with its bound
        return None
    out = np.full(n, UNASSIGNED, dtype=np.int64)
    taken = result.col_value > 0.5
    out[rows[taken]] = cols[taken]
    if ledger_total(problem, out) < ledger_total(problem, start):
        return None
    return out


def _solve_candidates(
    problem: Problem, rows: IntArray, cols: IntArray, start: IntArray
) -> MipSolution:
    """HiGHS over the candidate pairs, the rounded start as its first incumbent."""
    n, g = problem.n, len(problem.gemeenten.codes)
    m = len(rows)
    capacity = problem.gemeenten.capacity.astype(np.float64)
    matrix = sparse.csr_matrix(
        (
            np.concatenate([np.ones(m), problem.persons[rows]]),
            (np.concatenate([rows, n + cols]), np.tile(np.arange(m), 2)),
        ),
        shape=(n + g, m),
    )
    chosen = np.nonzero(start[rows] == cols)[0].astype(np.int32)
    return solve_mip(
        -problem.scores.values[rows, cols],
        np.zeros(m),
        np.ones(m),
        np.ones(m, dtype=bool),
        matrix,
        np.full(n + g, -INF),
        np.concatenate([np.ones(n), capacity]),
        time_limit=CANDIDATE_SECONDS,
        mip_gap=CANDIDATE_GAP,
        max_nodes=CANDIDATE_NODES,
        start=(chosen, np.ones(len(chosen))),
    )


def ledger_total(problem: Problem, gemeente: IntArray) -> float:
    rows = np.nonzero(gemeente >= 0)[0]
    return float(problem.scores.values[rows, gemeente[rows]].sum())
