# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Hindsight optimum: every arrival of the period known in advance.

No policy that decides as households arrive can do better, so it is the yardstick
("share of the hindsight optimum", Ahani et al. 2024). The LP value is an upper bound;
the linked result is that optimum rounded to whole households (the difference is
reported, and is a few split households at most).
"""

from __future__ import annotations

import time

import numpy as np

from migratieketen.plan.koppeling.batch import FairnessGuard, placement_bonus
from migratieketen.plan.koppeling.lp import AssignmentLp
from migratieketen.plan.koppeling.model import Assignment, Problem
from migratieketen.plan.koppeling.online import Ledger
from migratieketen.plan.koppeling.rounding import solve_and_round


def hindsight(problem: Problem, guard: FairnessGuard | None = None) -> Assignment:
    started = time.perf_counter()
    allowed = problem.allowed()
    ledger = Ledger.open(problem)
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
