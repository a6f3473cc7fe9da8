# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Step the engine through the horizon and keep what the outputs and checks need.

Areas under the queue curves (person-steps) are summed with the trapezium rule, which is
exact for the piecewise-linear curves of the fluid model; the departure curves themselves
are kept only when asked (`record`), since the frontier over 342 gemeenten needs only the
areas.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt

from migratieketen.woningmarkt.engine import MarketState, StepFlows, allocate, prepare
from migratieketen.woningmarkt.lanes import Lanes, Settings

F64 = npt.NDArray[np.float64]

TOTALS = (
    "lettings",
    "priority",
    "urgency",
    "regular_route",
    "urgent",
    "regular",
    "unlet",
)
AREAS = ("coa", "no_home", "urgent", "regular")
CURVES = ("out_of_coa", "housed", "urgent_housed", "regular_housed")


@dataclass(slots=True, eq=False)
class RawRun:
    """Per-lane results of one block (S settings x R runs)."""

    lanes: Lanes
    settings: Settings
    persons: F64  # (S, R) persons per dwelling used
    state: MarketState  # at the end of the horizon
    totals: dict[str, F64]  # (S, R) summed flows; see TOTALS
    areas: dict[str, F64]  # (S, R) person-steps waiting; see AREAS
    realised: F64  # (S, R, half-years) statushouders housed (taakstelling sense)
    tv_overfill: F64  # (S, R) max places taken above capacity at an entry (must be 0)
    curves: dict[str, F64] = field(default_factory=dict)  # (S, R, T+1) if recorded

    @property
    def shape(self) -> tuple[int, int]:
        return (len(self.settings), self.lanes.runs)


class _Sums:
    """Running sums of the departure curves over the grid, for the areas (trapezium:
    every grid point once, then half of the last one back; the first is zero)."""

    def __init__(self, shape: tuple[int, int]) -> None:
        self.values = {k: np.zeros(shape) for k in CURVES}

    def add(self, state: MarketState) -> None:
        for k in CURVES:
            self.values[k] += getattr(state, k)

    def close(self, state: MarketState) -> None:
        for k in CURVES:
            self.values[k] -= 0.5 * getattr(state, k)


def _areas(lanes: Lanes, sums: _Sums) -> dict[str, F64]:
    """Person-steps waiting over 0..T: sum of (arrivals - departures) on the grid with
    half weight at both ends (the trapezium rule, exact for piecewise-linear curves)."""
    T, o = lanes.steps, lanes.offset
    w = np.ones(T + 1)
    w[[0, -1]] = 0.5
    linked = w @ lanes.links_cum[o:]
    urgent = w @ lanes.urgent_cum[o:]
    grid = np.arange(T + 1, dtype=np.float64)
    regular = lanes.regular_rate * (w @ grid + T * lanes.regular_wait0)
    d = sums.values
    return {
        "coa": linked - d["out_of_coa"],
        "no_home": linked - d["housed"],
        "urgent": urgent - d["urgent_housed"],
        "regular": regular - d["regular_housed"],
    }


def _realised(lanes: Lanes, snapshots: list[F64]) -> F64:
    """Statushouders housed per half-year: out of COA (a home or a tussenvoorziening)
    plus those housed directly, who never waited in COA."""
    exits = np.diff(np.stack(snapshots, axis=-1), axis=-1)
    half = lanes.half_steps
    direct = lanes.direct.reshape(-1, half, lanes.runs).sum(axis=1).T
    return np.asarray(exits + direct[None, :, :])


def _accumulate(totals: dict[str, F64], flows: StepFlows) -> None:
    for name in TOTALS[1:]:  # lettings are summed outside the loop when they can be
        value = getattr(flows, name)
        if value is not None:
            totals[name] += value


def run_block(lanes: Lanes, settings: Settings, *, record: bool = False) -> RawRun:
    """Simulate all lanes over the horizon."""
    shape = (len(settings), lanes.runs)
    T, half = lanes.steps, lanes.half_steps
    state = MarketState.empty(shape)
    pre = prepare(lanes, settings)
    totals = {k: np.zeros(shape) for k in TOTALS}
    overfill = np.zeros(shape)
    sums = _Sums(shape)
    snapshots = [state.out_of_coa.copy()]
    curves = {k: np.zeros((T + 1, *shape)) for k in CURVES} if record else {}
    for t in range(T):
        before = state.out_of_coa.copy() if pre.tv_active[t] else None
        flows = allocate(lanes, settings, state, t, pre)
        _accumulate(totals, flows)
        if pre.any_new_build:
            totals["lettings"] += flows.lettings
        sums.add(state)
        if before is not None:
            tv = settings.tussenvoorziening[:, t][:, None] * lanes.scale[None, :]
            over = np.where(
                state.out_of_coa > before, state.out_of_coa - state.housed - tv, 0
            )
            np.maximum(overfill, over, out=overfill)
        if (t + 1) % half == 0:
            snapshots.append(state.out_of_coa.copy())
        if record:
            for name in CURVES:
                curves[name][t + 1] = getattr(state, name)
    sums.close(state)
    if not pre.any_new_build:
        totals["lettings"] += lanes.lettings.sum(axis=0)[None, :]
    return RawRun(
        lanes=lanes,
        settings=settings,
        persons=pre.persons,
        state=state,
        totals=totals,
        areas=_areas(lanes, sums),
        realised=_realised(lanes, snapshots),
        tv_overfill=overfill,
        curves={
            k: np.ascontiguousarray(np.moveaxis(v, 0, -1)) for k, v in curves.items()
        },
    )
