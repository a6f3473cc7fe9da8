# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""The balance between outcome and taakstelling fulfilment, as a frontier.

For each required fulfilment level f, every gemeente must receive at least f times its
demand-scaled taakstelling; the hindsight LP then gives the best outcome still
possible. The points are LP bounds (households may be split), labelled as such.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from migratieketen.plan.highs import SolverError
from migratieketen.plan.koppeling.fairness import fulfilment_targets
from migratieketen.plan.koppeling.lp import AssignmentLp, solve_assignment
from migratieketen.plan.koppeling.model import Problem

LEVELS = (0.0, 0.5, 0.8, 0.9, 0.95, 1.0)
LABEL = "LP-relaxatie (huishoudens deelbaar): bovengrens per vervullingsniveau"


@dataclass(frozen=True, slots=True)
class FrontierPoint:
    required: float
    outcome: float | None  # None: this level cannot be met
    fulfilment: float | None


def frontier(problem: Problem, levels: Sequence[float] = LEVELS) -> list[FrontierPoint]:
    allowed = problem.allowed()
    values = np.where(allowed, problem.scores.values, -np.inf)
    target = np.floor(fulfilment_targets(problem))
    capacity = problem.gemeenten.capacity.astype(np.float64)
    points = []
    for level in levels:
        lp = AssignmentLp(
            values=values,
            persons=problem.persons,
            supply=np.ones(problem.n),
            upper=capacity,
            lower=np.floor(level * target),
        )
        try:
            solution = solve_assignment(lp)
        except SolverError:
            points.append(FrontierPoint(level, None, None))
            continue
        if solution.lower_shortfall.sum() > 1e-6:  # this level cannot be met
            points.append(FrontierPoint(level, None, None))
            continue
        received = np.bincount(
            solution.cols,
            weights=solution.amount * problem.persons[solution.rows],
            minlength=len(capacity),
        )
        met = float(np.minimum(received, target).sum() / max(target.sum(), 1.0))
        points.append(FrontierPoint(level, solution.objective, met))
    return points
