# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""The chosen forecast: a combination of models with a long-history uncertainty floor.

Why this shape:
- The point is a combination of member forecasts on the log scale. Which members,
  whether they are averaged or their median taken, and whether the weights are equal
  or earned from each member's past out-of-sample errors is an `EnsembleSpec`; the
  variants that were compared in the backtest are listed in `VARIANTS` and scored
  in docs/forecast-backtest.md. `CHOSEN` is the one the prognose uses.
- The quarterly series starts in 2013 (48 points; 8 at the first backtest origin),
  too short to learn how fast uncertainty grows over two years. The yearly CBS series
  80059NED (1975-2018, requests incl. nareizigers) holds five decades of surges and
  collapses. Its annual log changes give a random-walk volatility per quarter that
  floors the ensemble's spread beyond one quarter ahead.
- Disagreement between the members is added as extra variance (mixture variance:
  the weighted members' variances plus the weighted spread of their means).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import numpy as np
import numpy.typing as npt

from migratieketen.data.asylum import PeriodSeries
from migratieketen.forecast.models import LogForecast

FloatArray = npt.NDArray[np.float64]

ENSEMBLE_NAME = "ensemble"
PRIOR_FIRST_YEAR = 1985  # before this, counts of a few hundred make log changes noise
# Variance of the change in yearly means of a quarterly random walk, in units of the
# quarterly innovation variance: weights (1,2,3,4,3,2,1)/4 squared sum to 44/16.
_ANNUAL_TO_QUARTER_VAR = 44.0 / 16.0


@dataclass(frozen=True, slots=True)
class EnsembleSpec:
    """How member forecasts are combined into the ensemble point and spread."""

    name: str
    members: tuple[str, ...]
    aggregate: Literal["median", "mean"]
    weighting: Literal["equal", "inverse_mase"]
    description: str  # Dutch, for the page and CLI

    def __post_init__(self) -> None:
        if len(self.members) < 2:
            raise ValueError("an ensemble needs at least two members")
        if self.aggregate == "median" and self.weighting != "equal":
            raise ValueError("a median ensemble takes equal weights only")


CURRENT_TRIO = EnsembleSpec(
    "mediaan_ets_arima_theta",
    ("ets", "arima", "theta"),
    "median",
    "equal",
    "Mediaan van ETS, ARIMA en Theta op log-schaal",
)
_POOL: tuple[str, ...] = (
    "naive",
    "seizoensnaief",
    "ets",
    "ets_gedempt",
    "arima",
    "theta",
)
POOL_MEDIAN = EnsembleSpec(
    "mediaan_zes",
    _POOL,
    "median",
    "equal",
    "Mediaan van random walk, seizoensnaïef, ETS, gedempte ETS, ARIMA en Theta op "
    "log-schaal",
)
POOL_MEAN = EnsembleSpec(
    "gemiddelde_zes",
    _POOL,
    "mean",
    "equal",
    "Gelijk gewogen gemiddelde (log-schaal) van random walk, seizoensnaïef, ETS, "
    "gedempte ETS, ARIMA en Theta",
)
POOL_PERFORMANCE = EnsembleSpec(
    "prestatiegewogen_zes",
    _POOL,
    "mean",
    "inverse_mase",
    "Gemiddelde (log-schaal) van random walk, seizoensnaïef, ETS, gedempte ETS, "
    "ARIMA en Theta, gewogen met 1/MASE van hun eigen eerdere prognoses",
)
# Every variant compared in the backtest, in the order they were written down.
VARIANTS: tuple[EnsembleSpec, ...] = (
    CURRENT_TRIO,
    POOL_MEDIAN,
    POOL_MEAN,
    POOL_PERFORMANCE,
)
# Chosen by the rule fixed before any variant was scored (docs/forecast-backtest.md):
# the best mean MASE skill over horizons 2-4 on both series, with CRPS skill >= 0 and
# 90 % coverage within 85-99 %; a performance-weighted variant only if it beats the
# best equal-weight one by 2 points.
CHOSEN = POOL_MEAN


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


def combine(
    members: dict[str, LogForecast],
    prior_sigma_q: float,
    spec: EnsembleSpec = CHOSEN,
    weights: FloatArray | None = None,
) -> LogForecast:
    """Combine the member forecasts into the ensemble (mu, sigma) per horizon.

    `weights` (members x horizons, columns summing to one) are used by a
    performance-weighted spec; None means equal weights.
    """
    missing = [m for m in spec.members if m not in members]
    if missing:
        raise ValueError(f"ensemble members missing: {missing}")
    mus = np.vstack([members[m].mu for m in spec.members])
    sigmas = np.vstack([members[m].sigma for m in spec.members])
    if weights is None:
        w = np.full(mus.shape, 1.0 / mus.shape[0])
    else:
        if spec.weighting == "equal":
            raise ValueError(f"{spec.name} takes equal weights")
        w = np.asarray(weights, dtype=np.float64)
        if w.shape != mus.shape or np.any(w < 0):
            raise ValueError("weights must be non-negative, one per member and horizon")
        if not np.allclose(w.sum(axis=0), 1.0):
            raise ValueError("weights must sum to one per horizon")
    mean = np.sum(w * mus, axis=0)
    mu = np.median(mus, axis=0) if spec.aggregate == "median" else mean
    model_var = np.sum(w * sigmas**2, axis=0)
    horizons = np.arange(1, mus.shape[1] + 1)
    floor_var = model_var[0] + (horizons - 1) * prior_sigma_q**2
    between = np.sum(w * (mus - mean) ** 2, axis=0)
    sigma = np.sqrt(np.maximum(model_var, floor_var) + between)
    # Uncertainty never shrinks with the horizon: keeps sample paths consistent.
    sigma = np.maximum.accumulate(sigma)
    return LogForecast(ENSEMBLE_NAME, mu.astype(np.float64), sigma.astype(np.float64))
