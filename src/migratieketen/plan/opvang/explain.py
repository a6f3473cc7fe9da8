# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Why each location opens, and the cost-risk frontier.

The explanation states the figures a bestuurder checks: the cost of a place here
against crisis shelter, how much room the wijk has left under the proportionality
norm, the Spreidingswet target of its area and the lead time it had to respect.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import numpy as np

from migratieketen.chain.scenario import month_label
from migratieketen.plan.opvang.formulation import Solved, solve
from migratieketen.plan.opvang.model import Instance
from migratieketen.plan.opvang.norms import TYPES

FRONTIER_WEIGHTS: tuple[float, ...] = (0.0, 0.5, 1.0, 2.0, 4.0)
FRONTIER_LABEL = (
    "Kosten-risicogrens: het plan opnieuw opgelost met een oplopend gewicht op de CVaR "
    "(gemiddelde van de slechtste paden) van de crisisplaatsmaanden."
)


def _occupancy_of_type(inst: Instance, solved: Solved, kind: str) -> float:
    """Expected share of this type's open places that is occupied, over the paths."""
    from migratieketen.plan.opvang.evaluate import fill
    from migratieketen.plan.opvang.policies import type_capacity

    cap = type_capacity(inst, solved.places)
    occ, _ = fill(cap, inst.demand, inst.extra_cost())
    y = TYPES.index(kind)
    total = cap[y].sum() * len(inst.demand)
    return float(occ[:, y, :].sum() / total) if total else 0.0


def _eur(value: float) -> str:
    return f"{value:,.0f}".replace(",", ".")


def explain(inst: Instance, solved: Solved, i: int) -> dict[str, Any]:
    c = inst.candidates[i]
    crisis = inst.norms.crisis_month_cost
    room = inst.wijk_room.get(c.wijk, 0)
    in_wijk = sum(
        solved.places[j] for j, d in enumerate(inst.candidates) if d.wijk == c.wijk
    )
    first = int(inst.first_month()[i])
    area = inst.area_of[i]
    target = inst.targets.get(area)
    return {
        "kosten": (
            f"Een bezette plaats kost hier EUR {_eur(c.occupied_cost)} per maand en een "
            f"lege EUR {_eur(c.empty_cost)}, tegen EUR {_eur(crisis)} in crisisopvang."
        ),
        "proportionaliteit": (
            f"Ruimte in de wijk: {room} plaatsen ({inst.norms['wijk_aandeel']:.0%} van de "
            f"inwoners); dit plan gebruikt er hoogstens {int(np.max(in_wijk))}, "
            f"marge {room - int(np.max(in_wijk))}."
        ),
        "spreidingswet": (
            "Geen doel voor dit gebied."
            if target is None
            else f"Gemiddeld doel voor nieuwe plaatsen in {area}: {float(target.mean()):.0f}; "
            f"tekort gemiddeld {float(solved.shortfall[area].mean()):.0f} plaatsen."
        ),
        "doorlooptijd": (
            f"Doorlooptijd {c.lead_months} maanden: vroegst open in "
            f"{month_label(inst.start + first)}; open vanaf "
            f"{month_label(inst.start + int(solved.opened[i]))}."
        ),
        "bezetting_type": round(_occupancy_of_type(inst, solved, c.kind), 3),
    }


def frontier(
    inst: Instance,
    weights: tuple[float, ...] = FRONTIER_WEIGHTS,
    time_limit: float = 30.0,
) -> list[dict[str, Any]]:
    from migratieketen.plan.opvang.policies import plan_outcome

    points = []
    for w in weights:
        variant = replace(inst, risk_weight=w)
        out = plan_outcome(
            "stochastisch", variant, solve(variant, time_limit=time_limit)
        )
        s = out.summary()
        points.append(
            {
                "risicogewicht": w,
                "verwachte_kosten": s["verwachte_kosten"],
                "crisisplaatsmaanden_verwacht": s["crisisplaatsmaanden_verwacht"],
                "crisisplaatsmaanden_p95": s["crisisplaatsmaanden_p95"],
            }
        )
    return points
