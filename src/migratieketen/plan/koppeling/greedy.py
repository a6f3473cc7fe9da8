# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Greedy: each household, on arrival, to the allowed gemeente with the highest score
that still has room. The "greedy-like practice" Ahani et al. measure against."""

from __future__ import annotations

import time

import numpy as np

from migratieketen.plan.koppeling.model import Assignment, Problem
from migratieketen.plan.koppeling.online import Ledger, place_best_first


def greedy(problem: Problem) -> Assignment:
    started = time.perf_counter()
    allowed = problem.allowed()
    ledger = Ledger.open(problem)
    order = np.arange(problem.n, dtype=np.int64)
    values = np.where(allowed, problem.scores.values, -np.inf)
    place_best_first(ledger, order, values, allowed, problem.persons)
    return Assignment(
        policy="greedy",
        gemeente=ledger.gemeente,
        reasons=ledger.reasons(problem, allowed),
        seconds=time.perf_counter() - started,
    )
