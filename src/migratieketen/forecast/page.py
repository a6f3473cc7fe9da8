# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""One call for the forecast page and API: prognose + backtest table, as plain data.

The backtest takes tens of seconds, so its summary is cached per data vintage
(the SHA-256 of the input files) and seed within the process; a new data sync
changes the hashes and so invalidates the cache by itself.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from migratieketen.forecast.backtest import run_backtest
from migratieketen.forecast.engine import DEFAULT_PATHS, DEFAULT_SEED, make_forecast
from migratieketen.forecast.inputs import load_inputs

_BACKTEST_CACHE: dict[tuple[tuple[tuple[str, str], ...], int], dict[str, Any]] = {}


def backtest_summary(data_dir: Path | str, seed: int = DEFAULT_SEED) -> dict[str, Any]:
    """Per-horizon scores of every model on all data in `data_dir` (cached)."""
    inputs = load_inputs(data_dir)
    key = (tuple(sorted(inputs.vintage.files.items())), seed)
    if key not in _BACKTEST_CACHE:
        _BACKTEST_CACHE[key] = run_backtest(inputs, seed=seed).summary()
    return _BACKTEST_CACHE[key]


def forecast_page_data(
    data_dir: Path | str,
    until: str,
    cutoff: str | None = None,
    seed: int = DEFAULT_SEED,
    n_paths: int = DEFAULT_PATHS,
    with_backtest: bool = True,
) -> dict[str, Any]:
    """Everything the forecast page shows: fan chart (history + quantiles), the
    chosen model, the backtest table, the data vintage and the caveat."""
    inputs = load_inputs(data_dir, cutoff)
    summary = backtest_summary(data_dir, seed) if with_backtest else None
    result = make_forecast(inputs, until, seed=seed, n_paths=n_paths)
    data = result.to_dict()
    data["backtest_summary"] = summary
    return data
