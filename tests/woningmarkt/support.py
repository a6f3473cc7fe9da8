# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Small markets and runs for the woningmarkt tests (no data folder needed)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from migratieketen.rules.huisvestingswet import HalfYear
from migratieketen.woningmarkt import (
    GemeenteMarket,
    Policy,
    market_from_figures,
    resolve_values,
)
from migratieketen.woningmarkt.lanes import build_lanes, settings_for
from migratieketen.woningmarkt.run import RawRun, run_block

START = HalfYear(2026, 1)


def market(
    stock: float = 5000, taak: int = 40, urbanity: int = 3, halves: int = 20
) -> GemeenteMarket:
    return market_from_figures(
        "GM9999",
        "Testgemeente",
        stock,
        int(stock * 9),
        [taak] * halves,
        START,
        urbanity,
    )


def run(
    m: GemeenteMarket,
    policies: Sequence[Policy],
    *,
    runs: int = 10,
    seed: int = 0,
    years: int = 3,
    overrides: Mapping[str, float] | None = None,
    record: bool = False,
    steps_per_year: int = 52,
) -> RawRun:
    values = resolve_values(overrides)
    lanes = build_lanes(
        [m], runs, values, seed=seed, years=years, steps_per_year=steps_per_year
    )
    return run_block(
        lanes, settings_for(policies, lanes.steps, steps_per_year), record=record
    )
