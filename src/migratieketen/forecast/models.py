# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""The candidate models and baselines, fitted with statsforecast on the log scale.

All histories (one per forecast origin) go to statsforecast in a single call, so the
backtest fits every origin in one batch instead of a Python loop of fits. Each model's
normal interval on the log scale is turned back into (mu, sigma) per horizon, from
which any quantile follows (see `quantiles.lognormal_quantiles`).
"""

from __future__ import annotations

import warnings
from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from migratieketen.forecast.quantiles import sigma_from_interval

FloatArray = npt.NDArray[np.float64]

SEASON = 4  # quarters
BASELINES: tuple[str, ...] = ("naive", "seizoensnaief", "drift")
# The fitted (non-naive) models; which of all models the chosen ensemble combines
# is `ensemble.CHOSEN.members`.
FITTED: tuple[str, ...] = ("ets", "ets_gedempt", "arima", "theta")
ALL_MODELS: tuple[str, ...] = BASELINES + FITTED
MIN_HISTORY = 8  # AutoETS refuses "tiny datasets" below two seasons

_STATSFORECAST_NAMES = {
    "naive": "Naive",
    "seizoensnaief": "SeasonalNaive",
    "drift": "RWD",
    "ets": "AutoETS",
    "ets_gedempt": "AutoETSDamped",
    "arima": "AutoARIMA",
    "theta": "AutoTheta",
}
_INTERVAL = 90


@dataclass(frozen=True, slots=True, eq=False)
class LogForecast:
    """mu and sigma (log persons) per horizon for one model and one origin."""

    model: str
    mu: FloatArray  # shape (h,)
    sigma: FloatArray  # shape (h,)


def _statsforecast_models(names: tuple[str, ...]) -> list[object]:
    # Imported here: statsforecast compiles numba code on import, which the CLI's
    # other commands should not pay for.
    from statsforecast.models import (
        AutoARIMA,
        AutoETS,
        AutoTheta,
        Naive,
        RandomWalkWithDrift,
        SeasonalNaive,
    )

    factories = {
        "naive": lambda: Naive(),
        "seizoensnaief": lambda: SeasonalNaive(season_length=SEASON),
        "drift": lambda: RandomWalkWithDrift(),
        "ets": lambda: AutoETS(season_length=SEASON),
        # Forced damped additive trend (error and season chosen by AICc): a trend
        # that flattens out, the classic robust choice for shock-driven series.
        "ets_gedempt": lambda: AutoETS(
            season_length=SEASON, damped=True, alias="AutoETSDamped"
        ),
        "arima": lambda: AutoARIMA(season_length=SEASON),
        "theta": lambda: AutoTheta(season_length=SEASON),
    }
    return [factories[name]() for name in names]


def fit_log_models(
    histories: Mapping[str, FloatArray],
    horizon: int,
    models: tuple[str, ...] = ALL_MODELS,
    n_jobs: int | None = None,
) -> dict[str, dict[str, LogForecast]]:
    """Fit `models` to each log-history; returns origin id -> model -> LogForecast.

    Histories must be positive counts (persons); they are logged here.
    """
    import pandas as pd
    from statsforecast import StatsForecast

    if horizon < 1:
        raise ValueError("horizon must be at least 1")
    frames = []
    for uid, values in histories.items():
        y = np.asarray(values, dtype=np.float64)
        if len(y) < MIN_HISTORY:
            raise ValueError(
                f"{uid}: at least {MIN_HISTORY} quarters needed, got {len(y)}"
            )
        if np.any(y <= 0):
            raise ValueError(
                f"{uid}: counts must be positive to model them on the log scale"
            )
        frames.append(
            pd.DataFrame(
                {"unique_id": uid, "ds": np.arange(1, len(y) + 1), "y": np.log(y)}
            )
        )
    df = pd.concat(frames, ignore_index=True)
    # One process by default: on 2 cores, spawning workers (each re-importing
    # statsforecast) cost more than it saved in benchmarks/bench_forecast.py.
    jobs = n_jobs if n_jobs is not None else 1
    sf = StatsForecast(models=_statsforecast_models(models), freq=1, n_jobs=jobs)
    with warnings.catch_warnings():
        # ETS on the shortest origins divides by zero degrees of freedom in a
        # diagnostic it does not use for the intervals we read.
        warnings.simplefilter("ignore", RuntimeWarning)
        fc = sf.forecast(df=df, h=horizon, level=[_INTERVAL])
    out: dict[str, dict[str, LogForecast]] = {}
    for uid, group in fc.groupby("unique_id", sort=False):
        group = group.sort_values("ds")
        per_model: dict[str, LogForecast] = {}
        for name in models:
            col = _STATSFORECAST_NAMES[name]
            mu = group[col].to_numpy(dtype=np.float64)
            sigma = sigma_from_interval(
                group[f"{col}-lo-{_INTERVAL}"].to_numpy(dtype=np.float64),
                group[f"{col}-hi-{_INTERVAL}"].to_numpy(dtype=np.float64),
                _INTERVAL / 100,
            )
            if not (np.all(np.isfinite(mu)) and np.all(np.isfinite(sigma))):
                raise ValueError(f"{uid}: model {name} gave a non-finite forecast")
            per_model[name] = LogForecast(name, mu, np.maximum(sigma, 0.0))
        out[str(uid)] = per_model
    return out
