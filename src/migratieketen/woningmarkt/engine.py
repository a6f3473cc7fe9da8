# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""The vectorised allocation engine: one numpy step per week (or month) for all lanes.

Three FIFO queues, each kept as cumulative arrival and departure curves (so waiting times
follow from the curves, and Little's law can be checked exactly):

* statushouders linked to the gemeente, in order of koppeling; eligible `offer_delay` steps
  after it; they leave COA when housed or when a tussenvoorziening place is free;
* other urgent seekers, in order of their urgency date;
* regular seekers, in order of registration (an even flow: the registration time of the
  person at the head of the queue is `D_R / rate - wait0`).

Lettings of a step are allocated in this order (each channel serves its queue oldest first):

1. priority: `p x lettings x persons_per_dwelling` statushouders;
2. what priority leaves is split: urgent quota `u`, the rest regular; the urgent quota
   serves other urgent seekers and, if statushouders are an urgency category, statushouders,
   in proportion to the dwellings each group waits for (in a steady state this equals
   serving by urgency date);
3. the regular channel serves statushouders whose koppeling (= registration) lies before
   the regular head, then regular seekers;
4. anything left (an empty queue) goes to waiting statushouders, then urgent seekers, and
   otherwise stays unlet.

Why arrays and not persons: the per-person version (`person_sim.py`) gives the same
distributions but takes about a quarter of a second per run for Amsterdam, so the frontier
of 342 gemeenten would take hours; `benchmarks/bench_woningmarkt.py` shows the ratio.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from migratieketen.woningmarkt.lanes import Lanes, Settings

F64 = npt.NDArray[np.float64]
EPS = 1e-7


@dataclass(slots=True, eq=False)
class MarketState:
    """Cumulative counts per lane (S, R); the only state carried from step to step."""

    housed: F64  # statushouders in a regular dwelling (D_S)
    out_of_coa: F64  # statushouders housed or in a tussenvoorziening (D_COA)
    urgent_housed: F64  # other urgent seekers housed (D_U)
    regular_housed: F64  # regular seekers housed (D_R)
    extra_stock: F64  # dwellings added by new-build so far

    @classmethod
    def empty(cls, shape: tuple[int, int]) -> MarketState:
        return cls(*(np.zeros(shape) for _ in range(5)))


@dataclass(slots=True, eq=False)
class StepFlows:
    """What one step allocated, per lane (S, R); persons unless said otherwise. None
    where a channel did nothing in this step (saves work in the loop)."""

    lettings: F64  # dwellings offered
    priority: F64  # statushouders via the priority share
    urgency: F64 | None  # statushouders via the urgent quota
    regular_route: F64 | None  # statushouders via registration time or left-overs
    urgent: F64  # other urgent households (dwellings)
    regular: F64  # regular households (dwellings)
    unlet: F64 | None  # dwellings without a taker


@dataclass(frozen=True, slots=True, eq=False)
class Prepared:
    """Per-lane constants of a block, computed once instead of in every step."""

    persons: F64  # (S, R) persons per dwelling
    inv_persons: F64  # (S, R)
    priority_persons: F64  # (S, R) p x persons: priority persons per dwelling let
    urgency: F64  # (S, 1)
    any_urgency: bool
    any_new_build: bool
    tv_active: npt.NDArray[np.bool_]  # (T,) any tussenvoorziening place in step t
    inv_rate: F64  # (R,)
    cols: npt.NDArray[np.intp]  # (1, R) column index for gathers


def prepare(lanes: Lanes, settings: Settings) -> Prepared:
    lever = settings.persons_per_dwelling[:, None]
    persons = np.where(np.isnan(lever), lanes.persons_per_dwelling[None, :], lever)
    return Prepared(
        persons=persons,
        inv_persons=1.0 / persons,
        priority_persons=settings.priority[:, None] * persons,
        urgency=settings.urgency[:, None],
        any_urgency=bool(settings.urgency.any()),
        any_new_build=bool(settings.completions.any()),
        tv_active=np.asarray(settings.tussenvoorziening.any(axis=0), dtype=bool),
        inv_rate=1.0 / np.maximum(lanes.regular_rate, 1e-12),
        cols=np.arange(lanes.runs)[None, :],
    )


def _interp_rows(curve: F64, position: F64, cols: npt.NDArray[np.intp]) -> F64:
    """curve[position[s, r], r] with linear interpolation (curve is time-major)."""
    last, width = curve.shape[0] - 1, curve.shape[1]
    pos = np.clip(position, 0.0, last - 1e-9)
    i0 = pos.astype(np.intp)
    flat = curve.ravel()
    index = i0 * width + cols
    lo = flat.take(index)
    hi = flat.take(index + width)
    return np.asarray(lo + (pos - i0) * (hi - lo))


def _lettings(
    lanes: Lanes, settings: Settings, state: MarketState, t: int, pre: Prepared
) -> F64:
    base = lanes.lettings[t]
    if not pre.any_new_build:
        return np.broadcast_to(base, state.housed.shape)
    completions = settings.completions[:, t][:, None] * lanes.scale[None, :]
    lettings = base + lanes.turnover * state.extra_stock + completions
    state.extra_stock += completions
    return np.asarray(lettings)


def _regular_route(
    lanes: Lanes, state: MarketState, pre: Prepared, eligible: F64, taken: F64
) -> F64:
    """Statushouders whose koppeling (= registration) lies before the regular head."""
    head = state.regular_housed * pre.inv_rate - lanes.regular_wait0
    registered = _interp_rows(lanes.links_cum, head + lanes.offset, pre.cols)
    return np.maximum(np.minimum(registered, eligible) - taken, 0.0)


def _route_active(lanes: Lanes, state: MarketState, pre: Prepared) -> bool:
    """Whether the regular head has reached any koppeling yet (cheap test first)."""
    head = state.regular_housed * pre.inv_rate - lanes.regular_wait0
    return float(head.max()) + lanes.offset > 0.0


def _urgent_quota(
    cap_u: F64, q_urgent: F64, waiting_after: F64, pre: Prepared
) -> tuple[F64, F64 | None]:
    """Urgent quota: (other urgent households, statushouders as urgency category)."""
    if not pre.any_urgency:
        return np.minimum(cap_u, q_urgent), None
    q_status = waiting_after * pre.inv_persons * pre.urgency
    demand = q_urgent + q_status
    served = np.minimum(cap_u, demand)
    via = served * q_status / np.maximum(demand, EPS)
    return served - via, via * pre.persons


def _left_overs(
    spare: F64, left: F64, q_urgent: F64, pre: Prepared
) -> tuple[F64, F64, F64]:
    """An empty queue left dwellings: statushouders, then urgent seekers, else unlet."""
    extra = np.minimum(np.maximum(left, 0.0), spare * pre.persons)
    spare = spare - extra * pre.inv_persons
    extra_u = np.minimum(np.maximum(q_urgent, 0.0), spare)
    return extra, extra_u, spare - extra_u


def allocate(
    lanes: Lanes, settings: Settings, state: MarketState, t: int, pre: Prepared
) -> StepFlows:
    """Allocate step t's lettings and advance `state` in place."""
    col = lanes.offset + t + 1
    eligible = lanes.links_cum[col - lanes.offer_delay]
    lettings = _lettings(lanes, settings, state, t, pre)
    waiting = np.maximum(eligible - state.housed, 0.0)
    prio = np.minimum(waiting, pre.priority_persons * lettings)
    pool = lettings - prio * pre.inv_persons
    q_urgent = lanes.urgent_cum[col] - state.urgent_housed
    urgent, via = _urgent_quota(
        lanes.urgent_quota * pool, q_urgent, waiting - prio, pre
    )
    taken = prio if via is None else prio + via
    room = pool - urgent - (0.0 if via is None else via * pre.inv_persons)
    route: F64 | None = None
    if _route_active(lanes, state, pre):
        route = np.minimum(
            _regular_route(lanes, state, pre, eligible, state.housed + taken),
            room * pre.persons,
        )
        taken = taken + route
        room = room - route * pre.inv_persons
    q_regular = (
        lanes.regular_rate * (t + 1 + lanes.regular_wait0) - state.regular_housed
    )
    regular = np.minimum(q_regular, room)
    spare = np.maximum(room - regular, 0.0)
    unlet = None
    if float(spare.max()) > EPS:  # an empty queue somewhere
        extra, extra_u, unlet = _left_overs(
            spare, waiting - taken, q_urgent - urgent, pre
        )
        taken = taken + extra
        route = extra if route is None else route + extra
        urgent = urgent + extra_u
    state.housed += taken
    state.urgent_housed += urgent
    state.regular_housed += regular
    if pre.tv_active[t]:
        tv = settings.tussenvoorziening[:, t][:, None] * lanes.scale[None, :]
        np.maximum(
            state.out_of_coa,
            np.minimum(eligible, state.housed + tv),
            out=state.out_of_coa,
        )
    else:
        np.maximum(state.out_of_coa, state.housed, out=state.out_of_coa)
    return StepFlows(lettings, prio, via, route, urgent, regular, unlet)
