# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Koppeling: link statushouder households to gemeenten under the taakstelling.

Five policies share one capacity ledger (persons, households indivisible): the
status-quo proxy, greedy, weekly batch optimisation, the dynamic policy that prices
capacity for later arrivals (Ahani et al. 2024), and the hindsight optimum they are all
measured against. Scores are household quantities (expected adults in work), from a
file or from a transparent illustrative model on public CBS aggregates. Every
recommendation carries its explanation; every run a fairness report per group.
See docs/koppeling.md and docs/model-card-koppeling.md.
"""

from migratieketen.plan.koppeling.csvfile import decode_text
from migratieketen.plan.koppeling.dynamic import DEFAULT_WAIT_WEEKS, MAX_WAIT_WEEKS
from migratieketen.plan.koppeling.model import (
    Assignment,
    Gemeenten,
    Household,
    KoppelingError,
    Problem,
    ScoreModel,
)
from migratieketen.plan.koppeling.run import (
    MODES,
    MatchResult,
    load_problem,
    match,
    run_policy,
)

__all__ = [
    "DEFAULT_WAIT_WEEKS",
    "MAX_WAIT_WEEKS",
    "MODES",
    "Assignment",
    "Gemeenten",
    "Household",
    "KoppelingError",
    "MatchResult",
    "Problem",
    "ScoreModel",
    "decode_text",
    "load_problem",
    "match",
    "run_policy",
]
