# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""The vectorised stock-flow engine: one numpy step per month for a block of runs.

Stocks (persons): first-application queue, repeat queue, rejected awaiting departure
(all three in COA), statushouders waiting in COA per gemeente, statushouders in a
tussenvoorziening per gemeente, statushouders housed. Flows leaving the chain:
closed cases (withdrawn/Dublin), departure, LVV, irregular stay. Every run keeps
`opening stock + inflow = outflow + closing stock` (see `ChunkResult.balance`).

This module runs the months; the flows themselves (inflow, IND procedure, rejection
outflow, housing, reception by type, inburgering) are functions in `flows.py` over
one `ChainState` (`state.py`), each reading its parameters from its own group in
`flow_parameters.py`.

Why vectorised: the quantities are tens of thousands of persons, so a cohort/stock
model is exact enough and lets 1,000 runs x 342 gemeenten run in seconds, where a
person-by-person simulation needs minutes per run (benchmarks/bench_chain.py).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from migratieketen.chain import flows
from migratieketen.chain.flow_parameters import MAX_AGE, FlowParameters, flow_parameters
from migratieketen.chain.inputs import ChainInputs
from migratieketen.chain.state import ROUTES, ChainState, initial_state

F32 = npt.NDArray[np.float32]
F64 = npt.NDArray[np.float64]

SERIES: tuple[str, ...] = (
    "coa_total",
    "coa_asylum_seekers",
    "coa_statushouders",
    "occ_regular",
    "occ_small_scale",
    "occ_noodopvang",
    "occ_crisis",
    "noodopvang_capacity",
    "reception_cost",
    "inflow_first",
    "inflow_repeat",
    "nareizigers",
    "decisions",
    "permits",
    "ind_queue",
    "rejected_in_coa",
    "housed",
    "in_tussenvoorziening",
    "closed",
    "departed",
    "lvv",
    "irregular",
    "inburgering_starts",
    "inburgering_caseload",
    "inburgering_overdue",
    "inburgering_cost",
    "inburgering_budget",
    "other_urgent_wait_months",
)
GEMEENTE_SERIES: tuple[str, ...] = (
    "housed_total",
    "waiting_end",
    "waiting_mean",
    "crisis_places_peak",
    "crisis_cost_total",
)
DETAIL_SERIES: tuple[str, ...] = ("waiting", "housed_cumulative")
BALANCE: tuple[str, ...] = ("opening_plus_inflow", "outflow", "closing_stock")
COL: dict[str, int] = {name: i for i, name in enumerate(SERIES)}
__all__ = [
    "BALANCE",
    "DETAIL_SERIES",
    "GEMEENTE_SERIES",
    "MAX_AGE",
    "ROUTES",
    "SERIES",
    "ChunkResult",
    "final_state",
    "seed_sequence",
    "simulate_chunk",
]


@dataclass(frozen=True, slots=True, eq=False)
class ChunkResult:
    """Per-run outputs of one block of runs."""

    national: F32  # (runs, len(SERIES), months)
    gemeente: F32  # (runs, len(GEMEENTE_SERIES), gemeenten)
    balance: F64  # (runs, 3): opening + inflow, outflow, closing stock
    # (runs, len(DETAIL_SERIES), detail gemeenten, months); empty without detail
    detail: F32


def seed_sequence(seed: int, chunk: int) -> np.random.SeedSequence:
    """The random stream of one chunk: depends on (seed, chunk) only, never on which
    worker runs it, so local and Dask results are identical."""
    return np.random.SeedSequence(entropy=seed, spawn_key=(chunk,))


def simulate_chunk(
    inputs: ChainInputs,
    n_runs: int,
    seed: int,
    chunk: int,
    deterministic: bool = False,
    first_run: int = 0,
) -> ChunkResult:
    """Simulate `n_runs` Monte Carlo runs of the whole chain, month by month.

    `deterministic` switches all randomness off (every run = the central values):
    used by the calibration, which fits central values. `first_run` is the ensemble
    index of the chunk's first run (it picks the rows of a 'per_run' inflow).
    """
    rng = np.random.default_rng(seed_sequence(seed, chunk))
    params = flow_parameters(inputs, rng, n_runs, deterministic, first_run)
    state = initial_state(inputs, params, n_runs)
    out = np.empty((n_runs, len(SERIES), inputs.months), dtype=np.float32)
    detail_index = np.asarray(inputs.detail_index, dtype=np.intp)
    detail = np.zeros(
        (n_runs, len(DETAIL_SERIES), detail_index.size, inputs.months),
        dtype=np.float32,
    )
    for t in range(inputs.months):
        _simulate_month(state, params, t, out)
        if detail_index.size:
            detail[:, 0, :, t] = state.waiting[:, detail_index]
            detail[:, 1, :, t] = state.housed_by_gemeente[:, detail_index]
    return _chunk_result(state, inputs, out, detail)


def final_state(inputs: ChainInputs) -> ChainState:
    """The state after the last month of one deterministic run (central values): the
    opening of a scenario that continues from it (`opening.py`)."""
    rng = np.random.default_rng(seed_sequence(0, 0))
    params = flow_parameters(inputs, rng, 1, True)
    state = initial_state(inputs, params, 1)
    out = np.empty((1, len(SERIES), inputs.months), dtype=np.float32)
    for t in range(inputs.months):
        _simulate_month(state, params, t, out)
    return state


def _simulate_month(
    state: ChainState, params: FlowParameters, t: int, out: F32
) -> None:
    """One month: every flow in the chain's order, then the month's outputs."""
    arrivals = flows.inflow(state, params.inflow, t)
    decided = flows.ind_procedure(state, params.procedure, t)
    left = flows.rejection_outflow(state, params.rejection)
    housed = flows.housing(state, params.housing, arrivals, decided, t)
    wait = flows.other_urgent_wait(state, params.housing, housed, t)
    state.outflow_total += decided.closed + left.departed + left.lvv + left.irregular
    occupancy = flows.reception(state, params.reception, t)
    integration = flows.inburgering(state, params.inburgering, housed.moved)
    row = out[:, :, t]
    row[:, COL["coa_total"]] = occupancy.total
    row[:, COL["coa_asylum_seekers"]] = occupancy.asylum_seekers
    row[:, COL["coa_statushouders"]] = occupancy.statushouders
    row[:, COL["occ_regular"]] = occupancy.regular
    row[:, COL["occ_small_scale"]] = occupancy.small_scale
    row[:, COL["occ_noodopvang"]] = occupancy.noodopvang
    row[:, COL["occ_crisis"]] = occupancy.crisis
    row[:, COL["noodopvang_capacity"]] = occupancy.noodopvang_capacity
    row[:, COL["reception_cost"]] = occupancy.cost
    row[:, COL["inflow_first"]] = arrivals.first
    row[:, COL["inflow_repeat"]] = arrivals.repeat
    row[:, COL["nareizigers"]] = arrivals.nareizigers
    row[:, COL["decisions"]] = decided.decisions
    row[:, COL["permits"]] = decided.permits
    row[:, COL["ind_queue"]] = state.q_first + state.q_repeat
    row[:, COL["rejected_in_coa"]] = state.rejected
    row[:, COL["housed"]] = housed.moved
    row[:, COL["in_tussenvoorziening"]] = state.tussenvoorziening.sum(axis=1)
    row[:, COL["closed"]] = decided.closed
    row[:, COL["departed"]] = left.departed
    row[:, COL["lvv"]] = left.lvv
    row[:, COL["irregular"]] = left.irregular
    row[:, COL["inburgering_starts"]] = integration.starts
    row[:, COL["inburgering_caseload"]] = integration.caseload
    row[:, COL["inburgering_overdue"]] = integration.overdue
    row[:, COL["inburgering_cost"]] = integration.cost
    row[:, COL["inburgering_budget"]] = integration.budget
    row[:, COL["other_urgent_wait_months"]] = wait


def _chunk_result(
    state: ChainState, inputs: ChainInputs, out: F32, detail: F32
) -> ChunkResult:
    """Per-gemeente totals and the balance of persons at the end of the period."""
    runs, share = len(state.opening), inputs.gemeenten.share[None, :]
    gem = np.empty(
        (runs, len(GEMEENTE_SERIES), len(inputs.gemeenten)), dtype=np.float32
    )
    gem[:, 0] = state.housed_by_gemeente
    gem[:, 1] = state.waiting
    gem[:, 2] = state.waiting_sum_by_gemeente / inputs.months
    # Crisisnoodopvang is run by gemeenten/veiligheidsregio's, not COA (COA, 'Bezetting',
    # 25-9-2023, https://www.coa.nl/nl/over-coa/bezetting); the need
    # is spread by population share as an indication (the Spreidingswet key also weighs
    # SES-WOA, which is not in the open data here).
    gem[:, 3] = state.crisis_peak[:, None] * share
    gem[:, 4] = state.crisis_cost[:, None] * share
    balance = np.stack(
        [
            state.opening + state.inflow_total,
            state.outflow_total,
            state.closing_stock(),
        ],
        axis=1,
    )
    return ChunkResult(national=out, gemeente=gem, balance=balance, detail=detail)
