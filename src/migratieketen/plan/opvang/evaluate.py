# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Run a capacity schedule against demand paths: who is housed where, at what cost.

The fill rule is the recourse of the MIP: per month the cheapest types (lowest
occupied-minus-empty cost) fill first and whatever demand is left goes to crisis
shelter, so capacity plus crisis shelter equals demand in every path and month. The
same function scores all three policies, so their figures are comparable. Many paths
can be scored on Dask (`backend="dask"`), in fixed chunks so the result is the same.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from migratieketen.cluster import dask_client
from migratieketen.plan.opvang.model import F
from migratieketen.plan.opvang.norms import Norms

CHUNK = 250  # paths per Dask task


def fill(capacity: F, demand: F, extra: F) -> tuple[F, F]:
    """Occupied places per type (S, Y, T) and crisis shelter (S, T).

    `capacity` is (Y, T) or per path (S, Y, T); `extra` the per-type fill cost.
    """
    cap = np.broadcast_to(capacity, (demand.shape[0], *capacity.shape[-2:]))
    occ = np.zeros(cap.shape)
    left = demand.astype(np.float64).copy()
    for y in np.argsort(extra, kind="stable"):
        take = np.minimum(left, cap[:, y, :])
        occ[:, y, :] = take
        left = left - take
    return occ, np.maximum(left, 0.0)


@dataclass(frozen=True, slots=True, eq=False)
class Outcome:
    """One policy on S paths; arrays are per path."""

    name: str
    cost: F  # euro over the horizon
    crisis: F  # crisis place-months
    idle: F  # empty place-months
    openings: F  # locations opened (per path: the reactive policy differs per path)
    closings: F
    violations: float | None  # (wijk, month) pairs above the proportionality norm

    def summary(self) -> dict[str, Any]:
        return {
            "beleid": self.name,
            "verwachte_kosten": float(self.cost.mean()),
            "kosten_p95": float(np.percentile(self.cost, 95)),
            "crisisplaatsmaanden_verwacht": float(self.crisis.mean()),
            "crisisplaatsmaanden_p95": float(np.percentile(self.crisis, 95)),
            "leegstand_plaatsmaanden": float(self.idle.mean()),
            "openingen": float(self.openings.mean()),
            "sluitingen": float(self.closings.mean()),
            "churn": float((self.openings + self.closings).mean()),
            "proportionaliteit_overschrijdingen": self.violations,
        }


def score(
    capacity: F,
    base_cost: F,
    fixed_cost: F | float,
    demand: F,
    extra: F,
    norms: Norms,
) -> tuple[F, F, F]:
    """Cost, crisis and idle place-months per path.

    `base_cost` is the monthly cost of all places standing empty ((T,) or (S, T));
    an occupied place adds its type's `extra`; crisis shelter costs the norm.
    """
    occ, crisis = fill(capacity, demand, extra)
    cap = np.broadcast_to(capacity, occ.shape)
    idle = (cap - occ).sum(axis=(1, 2))
    cost = (
        np.broadcast_to(base_cost, demand.shape).sum(axis=1)
        + np.einsum("syt,y->s", occ, extra)
        + norms.crisis_month_cost * crisis.sum(axis=1)
        + fixed_cost
    )
    return cost, crisis.sum(axis=1), idle


def score_many(
    capacity: F,
    base_cost: F,
    fixed_cost: float,
    demand: F,
    extra: F,
    norms: Norms,
    backend: str = "local",
    address: str | None = None,
    n_workers: int = 2,
    processes: bool = True,
) -> tuple[F, F, F]:
    """`score` for a fixed (Y, T) schedule over many paths, on Dask if asked."""
    if backend != "dask":
        return score(capacity, base_cost, fixed_cost, demand, extra, norms)
    with dask_client(address, n_workers, processes) as client:
        chunks = [demand[i : i + CHUNK] for i in range(0, len(demand), CHUNK)]
        futures = [
            client.submit(
                score, capacity, base_cost, fixed_cost, c, extra, norms, pure=False
            )
            for c in chunks
        ]
        parts = client.gather(futures)
    return tuple(np.concatenate([p[j] for p in parts]) for j in range(3))  # type: ignore[return-value]
