# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Why this gemeente: per household the top three gemeenten with their score
components, the constraints that bound the choice, and what it would gain or lose
elsewhere. A recommendation a coordinator cannot follow is one she cannot check.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from migratieketen.plan.koppeling.model import Assignment, BoolArray, Problem

POLICY_RULE = {
    "statusquo": "gemeente die binnen de COA-regio het verst achterloopt op de taakstelling",
    "greedy": "hoogste score met ruimte op het moment van aankomst",
    "batch": "beste verdeling van de huishoudens van deze week over de resterende capaciteit",
    "dynamisch": (
        "beste verdeling van deze week, met een prijs op capaciteit die naar verwachting "
        "later meer oplevert (potentialen uit een LP over verwachte latere aankomsten)"
    ),
    "hindsight": "optimum met alle aankomsten van de periode bekend (alleen ter vergelijking)",
}


def _components(problem: Problem, i: int, g: int) -> dict[str, float]:
    model = problem.scores
    out = {k: round(float(v[i]), 4) for k, v in model.household_factors.items()}
    out |= {k: round(float(v[g]), 4) for k, v in model.gemeente_factors.items()}
    return out


def _state(assignment: Assignment, i: int, g: int, persons: int) -> str:
    """Capacity at the decision: full, or dearer than the chosen gemeente's (dynamic).

    The price is shown relative to the chosen gemeente: a price every gemeente shares
    (all capacity scarce) does not change where a household goes.
    """
    if assignment.batch_of is None or assignment.remaining_before is None:
        return ""
    week = int(assignment.batch_of[i])
    left = float(assignment.remaining_before[week][g])
    if left < persons:
        return f"vol ({left:.0f} plaatsen over bij de beslissing)"
    chosen = int(assignment.gemeente[i])
    if assignment.prices is not None and chosen >= 0:
        extra = persons * (assignment.prices[week][g] - assignment.prices[week][chosen])
        if extra > 1e-9:
            return (
                f"capaciteit {extra:.4f} duurder dan in de gekoppelde gemeente "
                "(bewaard voor latere huishoudens)"
            )
    return f"{left:.0f} plaatsen over bij de beslissing"


def explain(
    problem: Problem, assignment: Assignment, allowed: BoolArray, i: int
) -> dict[str, Any]:
    h = problem.households[i]
    scores = problem.scores.values[i]
    chosen = int(assignment.gemeente[i])
    chosen_score = float(scores[chosen]) if chosen >= 0 else 0.0
    ranked = [
        int(g)
        for g in np.argsort(-np.where(allowed[i], scores, -np.inf), kind="stable")
    ]
    top = [g for g in ranked[:3] if allowed[i][g]]
    binding = []
    if h.gemeente_verplicht:
        binding.append(f"gemeente verplicht: {h.gemeente_verplicht}")
    if h.regio_verplicht:
        binding.append(f"provincie verplicht: {h.regio_verplicht}")
    alternatives = []
    for g in top:
        state = _state(assignment, i, g, h.persons)
        if g != chosen and state.startswith(("vol", "capaciteit ")):
            binding.append(f"{problem.gemeenten.codes[g]}: {state}")
        alternatives.append(
            {
                "gemeentecode": problem.gemeenten.codes[g],
                "gemeentenaam": problem.gemeenten.names[g],
                "score": round(float(scores[g]), 6),
                "componenten": _components(problem, i, g),
                "verschil_met_koppeling": round(float(scores[g]) - chosen_score, 6),
                "toestand": state,
            }
        )
    return {
        "regel": POLICY_RULE.get(assignment.policy, assignment.policy),
        "top3": alternatives,
        "bindende_beperkingen": binding,
    }
