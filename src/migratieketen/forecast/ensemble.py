# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""The chosen forecast: an ensemble of ETS, ARIMA and Theta with a long-history floor.

Why this shape:
- The point (median) is the median of the three members on the log scale: robust
  to one member running away on a short series.
- The quarterly series starts in 2013 (48 points; 8 at the first backtest origin),
  too short to learn how fast uncertainty grows over two years. The yearly CBS series
  80059NED (1975-2018, requests incl. nareizigers) holds five decades of surges and
  collapses. Its annual log changes give a random-walk volatility per quarter that
  floors the ensemble's spread beyond one quarter ahead.
- Disagreement between the members is added as extra variance (mixture variance).
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from migratieketen.data.asylum import PeriodSeries
from migratieketen.forecast.models import MEMBERS, LogForecast

FloatArray = npt.NDArray[np.float64]

ENSEMBLE_NAME = "ensemble"
PRIOR_FIRST_YEAR = 1985  # before this, counts of a few hundred make log changes noise
# Variance of the change in yearly means of a quarterly random walk, in units of the
# quarterly innovation variance: weights (1,2,3,4,3,2,1)/4 squared sum to 44/16.
_ANNUAL_TO_QUARTER_VAR = 44.0 / 16.0


def quarterly_volatility_prior(yearly: PeriodSeries) -> float:
    """Random-walk sigma per quarter (log scale) implied by the yearly series."""
    years = np.array([int(p) for p in yearly.periods])
    values = yearly.values
    keep = years >= PRIOR_FIRST_YEAR - 1
    logs = np.log(values[keep])
    if len(logs) < 5:
        raise ValueError("the long yearly series is too short for a volatility prior")
    changes = np.diff(logs)
    return float(np.std(changes, ddof=1) / np.sqrt(_ANNUAL_TO_QUARTER_VAR))


def combine(members: dict[str, LogForecast], prior_sigma_q: float) -> LogForecast:
    """Combine the member forecasts into the ensemble (mu, sigma) per horizon."""
    missing = [m for m in MEMBERS if m not in members]
    if missing:
        raise ValueError(f"ensemble members missing: {missing}")
    mus = np.vstack([members[m].mu for m in MEMBERS])
    sigmas = np.vstack([members[m].sigma for m in MEMBERS])
    mu = np.median(mus, axis=0)
    model_var = np.mean(sigmas**2, axis=0)
    horizons = np.arange(1, mus.shape[1] + 1)
    floor_var = model_var[0] + (horizons - 1) * prior_sigma_q**2
    between = np.var(mus, axis=0)
    sigma = np.sqrt(np.maximum(model_var, floor_var) + between)
    # Uncertainty never shrinks with the horizon: keeps sample paths consistent.
    sigma = np.maximum.accumulate(sigma)
    return LogForecast(ENSEMBLE_NAME, mu.astype(np.float64), sigma.astype(np.float64))
