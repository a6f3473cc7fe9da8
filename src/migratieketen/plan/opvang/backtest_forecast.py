# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""The demand forecast at one review of the backtest, with only the data known then.

Two forecasts (`BacktestSettings.forecast`):

- "motor" (default): the forecast engine fitted on the quarterly data up to the last
  complete quarter before the review (`ForecastInputs.cut`, the mechanism of
  `migratieketen voorspel --data-tot`), its sample paths fed through the ketenmodel
  (`chain/forecast_inflow.py`) from the history replay's state at the end of the month
  before the review, with the IND capacity, recognition and closed shares and repeat
  requests as known then (means of the last twelve months, complete years only). Run r
  of the chain follows forecast path r: as many chain runs as forecast paths. The
  engine needs eight quarters of data (first data 2013-Q1), so reviews before 2015-01
  fall back to the random walk, and the output says so per review.
- "randomwalk": a random walk on the log of the replayed occupancy, drift and
  volatility from the months before the review only (Zens & Bijak 2026 find a random
  walk on the log intensity a good short-run description).

What the "motor" forecast still knows from later: the chain's calibrated parameters
(fitted on occupancy up to mid-2023, e.g. the months rejected persons stay in COA) and,
in the opening state, the yearly UNHCR decision figures of the review's own year (the
replay spreads a year's figure over its months). Neither is a figure about the
inflow after the review.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from migratieketen.chain.engine import COL
from migratieketen.chain.ensemble import run_ensemble
from migratieketen.chain.forecast_inflow import (
    MIN_QUARTERS,
    cutoff_before,
    forecast_scenario,
    known_parameters,
    quarters_for,
)
from migratieketen.chain.scenario import month_label
from migratieketen.data.asylum import period_index, period_label
from migratieketen.plan.opvang.model import F
from migratieketen.plan.opvang.norms import OpvangError

FORECASTS = ("motor", "randomwalk")
RANDOM_WALK = "randomwalk"
ENGINE = "motor"


def random_walk_paths(known: F, horizon: int, paths: int, seed: int) -> F:
    """Random walk on log occupancy from the last known month; `known` ends at the
    review."""
    logs = np.log(np.maximum(known, 1.0))
    steps = np.diff(logs)
    if len(steps) < 11:
        raise OpvangError("Naspeling: minder dan 12 maanden historie voor de prognose.")
    drift = float(steps[-12:].mean()) * 0.5  # damped: recent trend, half strength
    sigma = float(steps[-60:].std(ddof=1))
    rng = np.random.default_rng([seed, len(known)])
    shocks = drift + sigma * rng.standard_normal((paths, horizon))
    return np.asarray(
        np.rint(known[-1] * np.exp(np.cumsum(shocks, axis=1))), dtype=np.float64
    )


# (data folder, review month, horizon, paths, seed) -> paths; one backtest asks for
# each review once, a second backtest or a test on the same data reuses the fits
_CACHE: dict[tuple[str, int, int, int, int], F] = {}


def engine_paths(
    data_dir: Path | str, tau: int, horizon: int, paths: int, seed: int
) -> F | None:
    """(paths, horizon) persons in COA from month `tau` on, by the forecast engine
    through the chain on data up to the end of month tau - 1; None when the engine
    has too few quarters of data then."""
    key = (str(Path(data_dir).resolve()), tau, horizon, paths, seed)
    if key in _CACHE:
        return _CACHE[key]
    from migratieketen.forecast import load_inputs
    from migratieketen.forecast.engine import make_forecast

    cutoff = cutoff_before(month_label(tau))
    inputs = load_inputs(data_dir)
    if period_index(cutoff, "Q") - period_index(inputs.first.first_period, "Q") + 1 < (
        MIN_QUARTERS
    ):
        return None
    cut = inputs.cut(cutoff)
    until = period_label(period_index(cutoff, "Q") + quarters_for(horizon), "Q")
    own_seed = seed * 100_000 + tau  # one stream per review, reproducible
    result = make_forecast(cut, until, seed=own_seed, n_paths=paths, n_jobs=1)
    known = known_parameters(data_dir, month_label(tau - 1))
    scenario = forecast_scenario(cut, result, months=horizon, parameters=known)
    run = run_ensemble(scenario, data_dir, runs=paths, seed=own_seed, keep_runs=True)
    assert run.per_run is not None
    out = np.asarray(
        np.rint(run.per_run[:, COL["coa_total"], :horizon]), dtype=np.float64
    )
    _CACHE[key] = out
    return out


@dataclass(frozen=True, slots=True)
class ReviewForecast:
    paths: F  # (paths, horizon)
    used: str  # "motor" or "randomwalk"
    seconds: float


def review_forecast(
    kind: str, data_dir: Path | str, tau: int, known: F, horizon: int, paths: int,
    seed: int,
) -> ReviewForecast:  # fmt: skip
    """The demand paths at review `tau`; `known` is the replay up to month tau - 1."""
    if kind not in FORECASTS:
        raise OpvangError(
            f"Naspeling: prognose '{kind}' onbekend; kies uit {', '.join(FORECASTS)}."
        )
    began = time.perf_counter()
    if kind == ENGINE:
        out = engine_paths(data_dir, tau, horizon, paths, seed)
        if out is not None:
            return ReviewForecast(out, ENGINE, time.perf_counter() - began)
    out = random_walk_paths(known, horizon, paths, seed)
    return ReviewForecast(out, RANDOM_WALK, time.perf_counter() - began)
