# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Fairness report: per group the mean outcome against the status-quo proxy, envy
between gemeenten, and the balance between outcome and taakstelling fulfilment.

Group attributes (sex of the head, age band, household type, nationality group) are
used only here, for reporting and for the optional guard; never to score or assign.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np

from migratieketen.plan.koppeling.batch import FairnessGuard
from migratieketen.plan.koppeling.model import (
    GROUP_ATTRIBUTES,
    Assignment,
    BoolArray,
    FloatArray,
    Household,
    Problem,
)


def household_type(h: Household) -> str:
    if h.persons == 1:
        return "alleenstaand"
    if h.adults == h.persons:
        return "volwassenen zonder kinderen"
    if h.adults == 1:
        return "eenoudergezin"
    return "gezin met kinderen"


def group_value(h: Household, attribute: str) -> str:
    if attribute == "huishoudtype":
        return h.groups.get(attribute) or household_type(h)
    return h.groups.get(attribute, "")


def groups(problem: Problem) -> dict[tuple[str, str], BoolArray]:
    """Member masks per (attribute, value), for attributes the input gives."""
    out: dict[tuple[str, str], BoolArray] = {}
    for attribute in GROUP_ATTRIBUTES:
        values = np.array([group_value(h, attribute) for h in problem.households])
        for value in sorted(set(values) - {""}):
            out[(attribute, str(value))] = values == value
    return out


def household_scores(problem: Problem, assignment: Assignment) -> FloatArray:
    """Each household's outcome score; 0 when it was not linked."""
    out = np.zeros(problem.n)
    placed = np.nonzero(assignment.gemeente >= 0)[0]
    out[placed] = problem.scores.values[placed, assignment.gemeente[placed]]
    return np.nan_to_num(out)


def guard_for(
    problem: Problem, reference: Assignment, tolerance: float
) -> FairnessGuard:
    return FairnessGuard(
        tolerance=tolerance,
        reference=household_scores(problem, reference),
        groups=tuple(groups(problem).values()),
    )


@dataclass(frozen=True, slots=True)
class GroupRow:
    attribute: str
    value: str
    households: int
    mean_policy: float
    mean_status_quo: float

    @property
    def change(self) -> float | None:
        if self.mean_status_quo == 0:
            return None
        return self.mean_policy / self.mean_status_quo - 1.0

    def as_dict(self, tolerance: float | None) -> dict[str, Any]:
        change = self.change
        return {
            "kenmerk": self.attribute,
            "groep": self.value,
            "huishoudens": self.households,
            "gemiddelde_score": round(self.mean_policy, 6),
            "gemiddelde_score_statusquo": round(self.mean_status_quo, 6),
            "verschil_pct": None if change is None else round(100 * change, 2),
            "verlies_boven_tolerantie": (
                tolerance is not None
                and change is not None
                and change < -tolerance - 1e-9
            ),
        }


def group_table(
    problem: Problem, assignment: Assignment, status_quo: Assignment
) -> list[GroupRow]:
    policy = household_scores(problem, assignment)
    reference = household_scores(problem, status_quo)
    return [
        GroupRow(
            attr,
            value,
            int(mask.sum()),
            float(policy[mask].mean()),
            float(reference[mask].mean()),
        )
        for (attr, value), mask in groups(problem).items()
    ]


def envy(problem: Problem, assignment: Assignment) -> dict[str, Any]:
    """Received outcome per linked person per gemeente against the mean of gemeenten."""
    persons = problem.persons
    g = len(problem.gemeenten.codes)
    received = assignment.received(persons, g)
    score = np.bincount(
        assignment.gemeente[assignment.gemeente >= 0],
        weights=household_scores(problem, assignment)[assignment.gemeente >= 0],
        minlength=g,
    )
    has = received > 0
    if not has.any():
        return {"gemeenten_met_koppelingen": 0}
    per_person = score[has] / received[has]
    mean = float(per_person.mean())
    rel = per_person / mean if mean > 0 else np.ones_like(per_person)
    codes = np.array(problem.gemeenten.codes)[has]
    return {
        "gemeenten_met_koppelingen": int(has.sum()),
        "gemiddelde_score_per_persoon": round(mean, 6),
        "laagste_ten_opzichte_van_gemiddelde": round(float(rel.min()), 4),
        "hoogste_ten_opzichte_van_gemiddelde": round(float(rel.max()), 4),
        "laagste_gemeente": str(codes[int(rel.argmin())]),
        "hoogste_gemeente": str(codes[int(rel.argmax())]),
        "grootste_afgunst": round(float(max(0.0, mean - per_person.min())), 6),
    }


def fulfilment(problem: Problem, assignment: Assignment) -> float:
    """Share of the (demand-scaled) taakstelling met: Σ min(received, target) / Σ target."""
    target = fulfilment_targets(problem)
    received = assignment.received(problem.persons, len(target))
    total = float(target.sum())
    return float(np.minimum(received, target).sum() / total) if total else 1.0


def fulfilment_targets(problem: Problem) -> FloatArray:
    """Each gemeente's share of the persons that arrive, in proportion to capacity."""
    capacity = problem.gemeenten.capacity.astype(np.float64)
    scale = min(1.0, float(problem.persons.sum()) / max(float(capacity.sum()), 1.0))
    return capacity * scale


def table_dicts(
    rows: list[GroupRow], tolerance: float | None
) -> list[Mapping[str, Any]]:
    return [r.as_dict(tolerance) for r in rows]
