# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Probabilistic forecasts of asylum inflow, their backtest and scenario paths.

Public entry points: `make_forecast` (prognose), `run_backtest` and the scenario
generators in `migratieketen.forecast.scenarios`.
"""

from __future__ import annotations

from migratieketen.forecast.backtest import BacktestResult, run_backtest
from migratieketen.forecast.engine import ForecastResult, make_forecast
from migratieketen.forecast.inputs import ForecastInputs, load_inputs

__all__ = [
    "BacktestResult",
    "ForecastInputs",
    "ForecastResult",
    "load_inputs",
    "make_forecast",
    "run_backtest",
]
