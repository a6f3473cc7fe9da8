# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""The stochastic plan and the two policies it must beat, scored the same way.

- stochastic: the two-stage MIP over all paths (`formulation.solve`).
- deterministic: the same MIP on the median path only (one point forecast), then run
  against every path.
- reactive status quo: no plan; when occupancy passes the threshold, noodopvang is
  ordered and arrives after its lead time; below the lower threshold it is closed.
  It sees each path as it unfolds (it needs no forecast), so it differs per path.
- hybrid: the stochastic plan for durable places plus the reactive noodopvang rule as
  recourse inside the plan's horizon, with the reactive policy's own thresholds and
  lead time, acting on the plan's capacity instead of the existing capacity alone.
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from migratieketen.plan.opvang.evaluate import Outcome, score, score_many
from migratieketen.plan.opvang.formulation import Solved, solve
from migratieketen.plan.opvang.model import F, Instance
from migratieketen.plan.opvang.norms import TYPES

NOOD = TYPES.index("noodopvang")


def type_capacity(inst: Instance, places: F) -> F:
    """(Y, T): existing places plus the plan's, per type."""
    out = inst.existing.astype(np.float64).copy()
    for i, c in enumerate(inst.candidates):
        out[TYPES.index(c.kind)] += places[i]
    return out


def plan_costs(inst: Instance, solved: Solved) -> tuple[F, float]:
    """Monthly empty-place cost (T,) and the one-off opening and closing costs."""
    empty = np.asarray([c.empty_cost for c in inst.candidates])
    base = (
        inst.existing_empty_cost() + empty @ solved.places
        if len(empty)
        else inst.existing_empty_cost()
    )
    fixed = sum(
        c.open_cost + (c.close_cost if solved.closed[i] >= 0 else 0.0)
        for i, c in enumerate(inst.candidates)
        if solved.opened[i] >= 0
    )
    return np.asarray(base, dtype=np.float64), float(fixed)


def violations(inst: Instance, places: F) -> int:
    """(wijk, month) pairs where the plan's places exceed the wijk's room."""
    by_wijk: dict[str, F] = {}
    for i, c in enumerate(inst.candidates):
        by_wijk[c.wijk] = by_wijk.get(c.wijk, 0.0) + places[i]
    return int(
        sum(
            int((p > inst.wijk_room.get(w, 0) + 1e-6).sum()) for w, p in by_wijk.items()
        )
    )


def plan_outcome(
    name: str, inst: Instance, solved: Solved, demand: F | None = None, **dask: object
) -> Outcome:
    """A fixed plan run against `demand` (default: the instance's own paths)."""
    paths = inst.demand if demand is None else demand
    base, fixed = plan_costs(inst, solved)
    cost, crisis, idle = score_many(
        type_capacity(inst, solved.places), base, fixed, paths, inst.extra_cost(),
        inst.norms, **dask,  # type: ignore[arg-type]
    )  # fmt: skip
    s = len(paths)
    opened = float((solved.opened >= 0).sum())
    closed = float((solved.closed >= 0).sum())
    return Outcome(
        name, cost, crisis, idle, np.full(s, opened), np.full(s, closed),
        float(violations(inst, solved.places)),
    )  # fmt: skip


def median_instance(inst: Instance) -> Instance:
    return replace(
        inst, demand=np.median(inst.demand, axis=0, keepdims=True), risk_weight=0.0
    )


def deterministic(inst: Instance, time_limit: float = 60.0) -> Solved:
    return solve(median_instance(inst), time_limit=time_limit)


def reactive_schedule(inst: Instance, demand: F) -> tuple[F, F, F]:
    """Noodopvang places per path and month (S, T), locations opened and closed (S,)."""
    norms = inst.norms
    theta, low = float(norms["reactief_drempel"]), float(norms["reactief_afschalen"])
    lead = int(norms.per_type("doorlooptijd_maanden", "noodopvang"))
    size = norms.per_type("max_plaatsen", "noodopvang")
    s, t_max = demand.shape
    existing = inst.existing.sum(axis=0)
    arrivals = np.zeros((s, t_max + lead + 1))
    active = np.zeros(s)
    extra = np.zeros((s, t_max))
    opened, closed = np.zeros(s), np.zeros(s)
    for t in range(t_max):
        active += arrivals[:, t]
        cap = existing[t] + active
        d = demand[:, t]
        pending = arrivals[:, t + 1 : t + lead + 1].sum(axis=1)
        short = np.maximum(d / theta - cap - pending, 0.0)
        order = np.where(d > theta * cap, np.ceil(short / size) * size, 0.0)
        if lead:
            arrivals[:, t + lead] += order
        else:
            active += order
        surplus = cap - d / ((theta + low) / 2)
        release = np.where(
            (d < low * cap) & (pending == 0),
            np.minimum(active, np.floor(np.maximum(surplus, 0) / size) * size),
            0.0,
        )
        active -= release
        opened += order / size
        closed += release / size
        extra[:, t] = active
    return extra, opened, closed


def noodopvang_on_top(inst: Instance, capacity: F, demand: F) -> tuple[F, F, F, F]:
    """The reactive rule on top of a fixed (Y, T) schedule: noodopvang (S, T), its
    monthly empty-place cost (S, T) and its opening plus closing costs (S,)."""
    norms = inst.norms
    nood, opened, closed = reactive_schedule(replace(inst, existing=capacity), demand)
    empty = nood * norms.empty_cost("noodopvang")
    fixed = opened * norms.per_type(
        "openingskosten", "noodopvang"
    ) + closed * norms.per_type("sluitingskosten", "noodopvang")
    return nood, empty, fixed, np.stack([opened, closed])


def hybrid(
    name: str, inst: Instance, solved: Solved, demand: F | None = None
) -> Outcome:
    """The plan's durable places plus reactive noodopvang when it runs full.

    The plan itself is unchanged (it is not re-optimised knowing the recourse); only
    noodopvang is added, per path, with the status quo's own rule and thresholds.
    """
    paths = inst.demand if demand is None else demand
    planned = type_capacity(inst, solved.places)
    base, fixed = plan_costs(inst, solved)
    nood, empty, nood_fixed, counts = noodopvang_on_top(inst, planned, paths)
    capacity = np.repeat(planned[None, :, :], len(paths), axis=0)
    capacity[:, NOOD, :] += nood
    cost, crisis, idle = score(
        capacity, base[None, :] + empty, fixed + nood_fixed, paths, inst.extra_cost(),
        inst.norms,
    )  # fmt: skip
    opened = float((solved.opened >= 0).sum()) + counts[0]
    closed = float((solved.closed >= 0).sum()) + counts[1]
    return Outcome(
        name, cost, crisis, idle, opened, closed, float(violations(inst, solved.places))
    )


def reactive(inst: Instance, demand: F | None = None) -> Outcome:
    """The reactive status quo on every path; noodopvang has no location, so the
    proportionality check does not apply (None)."""
    paths = inst.demand if demand is None else demand
    nood, opened, closed = reactive_schedule(inst, paths)
    capacity = np.repeat(
        inst.existing[None, :, :].astype(np.float64), len(paths), axis=0
    )
    capacity[:, NOOD, :] += nood
    norms = inst.norms
    base = inst.existing_empty_cost()[None, :] + nood * norms.empty_cost("noodopvang")
    fixed = opened * norms.per_type(
        "openingskosten", "noodopvang"
    ) + closed * norms.per_type("sluitingskosten", "noodopvang")
    cost, crisis, idle = score(capacity, base, fixed, paths, inst.extra_cost(), norms)
    return Outcome("reactief", cost, crisis, idle, opened, closed, None)
