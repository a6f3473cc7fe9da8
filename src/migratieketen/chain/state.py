# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""The state of the chain for one block of runs: every stock and running total.

One object that the flows (`flows.py`) update month by month, so what the model
remembers between months is listed in one place.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt

from migratieketen.chain.flow_parameters import MAX_AGE, FlowParameters
from migratieketen.chain.inputs import ChainInputs

F32 = npt.NDArray[np.float32]
F64 = npt.NDArray[np.float64]
ROUTES: tuple[str, ...] = ("b1", "onderwijs", "z")


@dataclass(slots=True, eq=False)
class ChainState:
    """Stocks in persons; (runs,) unless marked (runs, gemeenten)."""

    q_first: F64  # first applications waiting for a decision (in COA)
    q_repeat: F64  # repeat applications waiting for a decision (in COA)
    rejected: F64  # rejected, still in COA
    waiting: F64  # (runs, gemeenten) statushouders in COA waiting for a home
    tussenvoorziening: F64  # (runs, gemeenten) statushouders in a tussenvoorziening
    housed: F64  # statushouders (and direct nareizigers) housed since the start
    inburgering: F64  # (runs, routes, age in months) trajectories running
    # permits per month, `lag` months before the start and then each simulated month
    permits_history: F64
    history_offset: int  # column of the first simulated month in permits_history
    other_urgent: F64  # other urgent home seekers waiting
    opening: F64  # persons in the chain at the start (for the balance)
    # running totals
    inflow_total: F64
    outflow_total: F64
    housed_by_gemeente: F64  # (runs, gemeenten), incl. tussenvoorziening
    waiting_sum_by_gemeente: F64  # (runs, gemeenten), summed over the months
    crisis_peak: F64
    crisis_cost: F64
    coa_total: F64  # (runs, months) persons in COA at the end of each month so far
    # (runs, gemeenten) extra persons a month housed with priority to meet the
    # taakstelling, set each half-year (woningmarkt.coupling.taakstelling_response)
    response_supply: F64
    response_lettings: F64  # (runs,) the lettings that takes, all gemeenten
    # (runs, gemeenten) scratch arrays reused every month: these temporaries dominate
    # the cost of a step
    scratch: tuple[F64, F64, F64, F64] = field(repr=False)
    tussenvoorziening_active: bool = False

    def closing_stock(self) -> F64:
        """Persons in the chain now: queues, rejected, waiting, tussenvoorziening,
        housed."""
        return (
            self.q_first
            + self.q_repeat
            + self.rejected
            + self.waiting.sum(axis=1)
            + self.tussenvoorziening.sum(axis=1)
            + self.housed
        )


def opening_inburgering(inputs: ChainInputs, runs: int) -> F64:
    """(runs, routes, age): the scenario's running trajectories, or none.

    Ages beyond the tracked months are added to the last month, as the engine keeps
    older trajectories there.
    """
    stock = np.zeros((runs, len(ROUTES), MAX_AGE))
    for r, route in enumerate(ROUTES):
        counts = np.asarray(
            (inputs.initial_inburgering or {}).get(route, []), dtype=np.float64
        )
        head = counts[:MAX_AGE]
        stock[:, r, : head.size] = head
        if counts.size > MAX_AGE:
            stock[:, r, MAX_AGE - 1] += counts[MAX_AGE:].sum()
    return stock


@dataclass(frozen=True, slots=True, eq=False)
class _Opening:
    """(runs,) or (runs, gemeenten) stocks at the start."""

    q_first: F64
    q_repeat: F64
    rejected: F64
    waiting: F64
    tussenvoorziening: F64
    inburgering: F64
    other_urgent: F64


def _opening(
    inputs: ChainInputs, params: FlowParameters, runs: int, permits_history: F64
) -> _Opening:
    """The history replay's end state (`inputs.opening_state`), else the scenario's
    stocks or the model's guess (statushouders waiting spread by taakstelling share).
    Fills `permits_history` before the start either way."""
    lag = params.inflow.lag
    g = len(inputs.gemeenten)
    replay = inputs.opening_state
    if replay is None:
        # steady permits before the start, so endogenous nareizigers do not start at 0
        permits_history[:, :lag] = params.opening.steady_permits[:, None]
        return _Opening(
            q_first=params.opening.asylum_seekers.copy(),
            q_repeat=np.zeros(runs),
            rejected=np.zeros(runs),
            waiting=params.opening.statushouders[:, None] * params.housing.share,
            tussenvoorziening=np.zeros((runs, g)),
            inburgering=opening_inburgering(inputs, runs),
            other_urgent=2 * params.housing.other_urgent_demand,
        )
    past = replay.permits[-lag:]
    permits_history[:, lag - past.size : lag] = past
    permits_history[:, : lag - past.size] = past[0] if past.size else 0.0
    inburgering = (
        opening_inburgering(inputs, runs)
        if inputs.initial_inburgering is not None
        else np.repeat(replay.inburgering[None], runs, axis=0)
    )
    return _Opening(
        q_first=np.full(runs, replay.q_first),
        q_repeat=np.full(runs, replay.q_repeat),
        rejected=np.full(runs, replay.rejected),
        waiting=np.repeat(replay.waiting[None, :], runs, axis=0),
        tussenvoorziening=np.repeat(replay.tussenvoorziening[None, :], runs, axis=0),
        inburgering=inburgering,
        other_urgent=np.full(runs, replay.other_urgent),
    )


def initial_state(
    inputs: ChainInputs, params: FlowParameters, n_runs: int
) -> ChainState:
    """Opening stocks: the history replay's end state or the scenario's / guessed."""
    runs, g = n_runs, len(inputs.gemeenten)
    lag = params.inflow.lag
    permits_history = np.empty((runs, lag + inputs.months))
    o = _opening(inputs, params, runs, permits_history)
    return ChainState(
        q_first=o.q_first,
        q_repeat=o.q_repeat,
        rejected=o.rejected,
        waiting=o.waiting,
        tussenvoorziening=o.tussenvoorziening,
        housed=np.zeros(runs),
        inburgering=o.inburgering,
        permits_history=permits_history,
        history_offset=lag,
        other_urgent=o.other_urgent,
        opening=o.q_first
        + o.q_repeat
        + o.rejected
        + o.waiting.sum(axis=1)
        + o.tussenvoorziening.sum(axis=1),
        inflow_total=np.zeros(runs),
        outflow_total=np.zeros(runs),
        housed_by_gemeente=np.zeros((runs, g)),
        waiting_sum_by_gemeente=np.zeros((runs, g)),
        crisis_peak=np.zeros(runs),
        crisis_cost=np.zeros(runs),
        coa_total=np.zeros((runs, inputs.months)),
        response_supply=np.zeros((runs, g)),
        response_lettings=np.zeros(runs),
        scratch=(
            np.empty((runs, g)),
            np.empty((runs, g)),
            np.empty((runs, g)),
            np.empty((runs, g)),
        ),
        tussenvoorziening_active=bool(o.tussenvoorziening.any()),
    )
