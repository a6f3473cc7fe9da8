# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Tiny opvang instances built by hand (no chain run), for fast solver tests."""

from __future__ import annotations

from datetime import date

import numpy as np

from migratieketen.plan.opvang.candidates import Candidate
from migratieketen.plan.opvang.model import Instance
from migratieketen.plan.opvang.norms import TYPES, norms_at

NORMS = norms_at(date(2025, 1, 1))
START = 2025 * 12


def candidate(
    i: int, wijk: str, kind: str, low: int, high: int, lead: int, **kw: object
) -> Candidate:
    base = dict(
        name=f"kandidaat {i}",
        wijk=wijk,
        gemeente="GM0001",
        province="PV20",
        kind=kind,
        min_places=low,
        max_places=high,
        lead_months=lead,
        open_cost=NORMS.per_type("openingskosten", kind) / 20,
        occupied_cost=NORMS.month_cost(kind),
        empty_cost=NORMS.empty_cost(kind),
        earliest=None,
        max_months=100,
        close_cost=NORMS.per_type("sluitingskosten", kind) / 20,
    )
    base.update(kw)
    return Candidate(**base)  # type: ignore[arg-type]


def instance(
    cands: list[Candidate],
    demand: np.ndarray,
    rooms: dict[str, int],
    existing: float = 0.0,
    step: int = 1,
    targets: bool = False,
    risk: float = 0.0,
) -> Instance:
    months = demand.shape[1]
    ex = np.zeros((len(TYPES), months))
    ex[0] = existing
    area_of = tuple(c.gemeente for c in cands)
    tg = {"GM0001": np.full(months, 50.0)} if targets else {}
    return Instance(
        candidates=tuple(cands),
        demand=np.asarray(demand, dtype=np.float64),
        existing=ex,
        start=START,
        norms=NORMS,
        wijk_room=rooms,
        area_of=area_of,
        targets=tg,
        step=step,
        risk_weight=risk,
    )
