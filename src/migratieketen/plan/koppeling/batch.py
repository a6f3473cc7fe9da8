# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Weekly batch optimisation: each week's arrivals are linked together by an LP over the
capacity left, with capacity prices (zero for the myopic batch policy, the dynamic
policy's potentials otherwise).

Placing persons comes first (a bonus per person larger than any score difference), so
an optimised week never leaves a household unlinked that a quota-driven practice would
have linked; the scores decide where. A household bound to one gemeente (family tie)
counts double: it has nowhere else to go.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from migratieketen.plan.koppeling.lp import AssignmentLp, SideRow
from migratieketen.plan.koppeling.model import (
    Assignment,
    BoolArray,
    FloatArray,
    IntArray,
    Problem,
)
from migratieketen.plan.koppeling.online import Ledger, weekly_batches
from migratieketen.plan.koppeling.rounding import WHOLE, solve_and_round


@dataclass(frozen=True, slots=True)
class FairnessGuard:
    """No group's outcome may fall more than `tolerance` below the status quo's.

    `reference[i]` is household i's score under the status-quo proxy; `groups` are
    member masks over all households.
    """

    tolerance: float
    reference: FloatArray
    groups: tuple[BoolArray, ...]

    def rows(self, members: IntArray, penalty: float) -> tuple[SideRow, ...]:
        out = []
        for mask in self.groups:
            local = mask[members]
            if local.any():
                rhs = (1.0 - self.tolerance) * float(
                    self.reference[members][local].sum()
                )
                out.append(SideRow(local, rhs, penalty))
        return tuple(out)


def placement_bonus(scores: FloatArray) -> float:
    """Per person; larger than any score, so placing a person always pays first."""
    finite = scores[np.isfinite(scores)]
    return 2.0 * float(finite.max()) + 1.0 if finite.size else 1.0


# (members, week, remaining) -> (capacity prices, planned shares of the members or None)
PriceFn = Callable[[IntArray, int, FloatArray], tuple[FloatArray, FloatArray | None]]


def follow_plan(
    ledger: Ledger, members: IntArray, plan: FloatArray, persons: FloatArray
) -> IntArray:
    """Link the households the plan places whole; return the others."""
    best = plan.argmax(axis=1)
    whole = plan[np.arange(len(members)), best] >= WHOLE
    for k in np.nonzero(whole)[0]:
        i, g = int(members[k]), int(best[k])
        if ledger.remaining[g] >= persons[i] - 1e-9:
            ledger.place(i, g, persons[i])
    return members[ledger.gemeente[members] < 0]


def assign_batch(
    ledger: Ledger,
    members: IntArray,
    problem: Problem,
    allowed: BoolArray,
    prices: FloatArray,
    guard: FairnessGuard | None,
) -> None:
    persons = problem.persons
    bonus = placement_bonus(problem.scores.values)
    scores = problem.scores.values[members]
    values = scores + (bonus * persons[members])[:, None]
    values -= persons[members][:, None] * prices[None, :]
    tied = np.array([bool(problem.households[i].gemeente_verplicht) for i in members])
    values[tied] += (bonus * persons[members][tied])[:, None]  # no other gemeente
    values = np.where(allowed[members], values, -np.inf)
    lp = AssignmentLp(
        values=values,
        persons=persons[members],
        supply=np.ones(len(members)),
        upper=np.maximum(ledger.remaining, 0.0),
        side_scores=np.where(allowed[members], scores, 0.0) if guard else None,
        side_rows=guard.rows(members, 10.0 * bonus) if guard else (),
    )
    solve_and_round(ledger, members, lp, allowed, persons)


def run_weekly(
    problem: Problem,
    policy: str,
    price_fn: PriceFn | None = None,
    guard: FairnessGuard | None = None,
) -> Assignment:
    """Decide week by week; `price_fn(members, week, remaining)` gives capacity prices."""
    started = time.perf_counter()
    allowed = problem.allowed()
    ledger = Ledger.open(problem)
    batches = weekly_batches(problem)
    g = len(problem.gemeenten.codes)
    batch_of = np.zeros(problem.n, dtype=np.int64)
    remaining_before = np.zeros((len(batches), g))
    prices = np.zeros((len(batches), g))
    seconds = []
    for week, members in enumerate(batches):
        t0 = time.perf_counter()
        batch_of[members] = week
        remaining_before[week] = ledger.remaining
        rest = members
        if price_fn is not None:
            prices[week], plan = price_fn(members, week, ledger.remaining.copy())
            if plan is not None and guard is None:
                rest = follow_plan(ledger, members, plan, problem.persons)
        if len(rest):
            assign_batch(ledger, rest, problem, allowed, prices[week], guard)
        seconds.append(time.perf_counter() - t0)
    return Assignment(
        policy=policy,
        gemeente=ledger.gemeente,
        reasons=ledger.reasons(problem, allowed),
        seconds=time.perf_counter() - started,
        batch_seconds=tuple(seconds),
        batch_of=batch_of,
        remaining_before=remaining_before,
        prices=prices,
    )


def batch(problem: Problem, guard: FairnessGuard | None = None) -> Assignment:
    """Myopic weekly optimisation: the best for this week's households, nothing kept."""
    return run_weekly(problem, "batch", None, guard)
