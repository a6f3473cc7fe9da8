# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""The opening state of a forward scenario: the end state of the history replay.

A scenario with `opening: historie` starts where the observed history left off (the
month before its start, at most `LAST_HISTORY_MONTH`), not from a calm steady state:
queues, rejected persons, statushouders waiting per gemeente, tussenvoorziening,
inburgering trajectories by age, the other urgent home seekers and the permits of the
past months (for the nareizigers) are all handed over.

The replay is the deterministic one (central parameter values, as the calibration
runs it), so every run of the forward ensemble starts from the same, stated state; the
spread between runs comes from the forward months only. It is cached per data folder,
month and gemeenten, so an ensemble pays for it once.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
import numpy.typing as npt

from migratieketen.chain.gemeenten import GemeenteInputs
from migratieketen.chain.params import ChainConfigError
from migratieketen.chain.scenario import month_index, month_label

F64 = npt.NDArray[np.float64]
# The last month with observed inflow and decisions in the shared data.
LAST_HISTORY_MONTH = "2024-12"
OPENING_KINDS = ("", "historie")


@dataclass(frozen=True, slots=True, eq=False)
class OpeningState:
    """Every stock of the chain at the end of `month` (one deterministic run)."""

    month: str
    q_first: float
    q_repeat: float
    rejected: float
    waiting: F64  # (gemeenten,) statushouders in COA waiting for a home
    tussenvoorziening: F64  # (gemeenten,)
    inburgering: F64  # (routes, age in months)
    permits: F64  # permits per month up to `month`, oldest first
    other_urgent: float

    @property
    def persons_in_coa(self) -> float:
        return float(self.q_first + self.q_repeat + self.rejected + self.waiting.sum())


_CACHE: dict[tuple[str, str, tuple[str, ...]], OpeningState] = {}


def history_end_state(
    data_dir: Path | str | None, start: str, gemeenten: GemeenteInputs
) -> OpeningState:
    """The replay's state at the end of the month before `start` (cached)."""
    until = month_label(month_index(start) - 1)
    if month_index(until) > month_index(LAST_HISTORY_MONTH):
        raise ChainConfigError(
            f"Beginstand 'historie' kan alleen voor een start tot en met "
            f"{month_label(month_index(LAST_HISTORY_MONTH) + 1)}: de waargenomen "
            f"instroom loopt tot {LAST_HISTORY_MONTH}."
        )
    if data_dir is None:
        raise ChainConfigError("Beginstand 'historie' vraagt de gegevensmap.")
    key = (str(Path(data_dir).resolve()), until, tuple(gemeenten.codes))
    if key not in _CACHE:
        _CACHE[key] = _replay(data_dir, until, gemeenten)
    return _CACHE[key]


def _replay(
    data_dir: Path | str, until: str, gemeenten: GemeenteInputs
) -> OpeningState:
    # imported here: the engine builds on the inputs, which build on this module
    from migratieketen.chain.builtin import HISTORY_START, historie
    from migratieketen.chain.engine import final_state
    from migratieketen.chain.inputs import build_inputs

    if month_index(until) < month_index(HISTORY_START):
        raise ChainConfigError(
            f"Beginstand 'historie' vraagt een start na {HISTORY_START}."
        )
    inputs = build_inputs(historie(until, runs=1), data_dir, gemeenten=gemeenten)
    state = final_state(inputs)
    return OpeningState(
        month=until,
        q_first=float(state.q_first[0]),
        q_repeat=float(state.q_repeat[0]),
        rejected=float(state.rejected[0]),
        waiting=state.waiting[0].copy(),
        tussenvoorziening=state.tussenvoorziening[0].copy(),
        inburgering=state.inburgering[0].copy(),
        permits=state.permits_history[0].copy(),
        other_urgent=float(state.other_urgent[0]),
    )
