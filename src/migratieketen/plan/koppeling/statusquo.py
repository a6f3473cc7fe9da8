# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Status-quo proxy: each next household goes to the gemeente furthest behind on its
taakstelling within the household's COA region.

"Furthest behind" is the lowest share of its capacity (taakstelling) received so far.
The proxy ignores the outcome score, as a quota-driven practice would; it is the
reference the fairness report compares every other policy with.
"""

from __future__ import annotations

import time

import numpy as np

from migratieketen.plan.koppeling.model import Assignment, Problem
from migratieketen.plan.koppeling.online import Ledger


def status_quo(problem: Problem) -> Assignment:
    started = time.perf_counter()
    allowed = problem.allowed()
    persons = problem.persons
    capacity = problem.gemeenten.capacity.astype(np.float64)
    regions = np.array(problem.gemeenten.coa_regions())
    ledger = Ledger.open(problem)
    safe_cap = np.where(capacity > 0, capacity, 1.0)
    for i, h in enumerate(problem.households):
        fits = allowed[i] & (ledger.remaining >= persons[i] - 1e-9)
        if h.coa_regio and (fits & (regions == h.coa_regio)).any():
            fits &= regions == h.coa_regio
        if not fits.any():
            continue
        behind = np.where(fits, (capacity - ledger.remaining) / safe_cap, np.inf)
        ledger.place(i, int(np.argmin(behind)), persons[i])
    return Assignment(
        policy="statusquo",
        gemeente=ledger.gemeente,
        reasons=ledger.reasons(problem, allowed),
        seconds=time.perf_counter() - started,
    )
