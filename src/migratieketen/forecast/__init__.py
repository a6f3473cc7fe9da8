# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Probabilistic forecasts of asylum inflow, their backtest and scenario paths.

Public entry points: `make_forecast` (prognose), `run_backtest`, the scenario
generators in `migratieketen.forecast.scenarios`, and `forecast_page_data` (one call
for the web page / API: prognose + backtest table as a JSON-ready dict).
"""

from __future__ import annotations

from migratieketen.forecast.backtest import BacktestResult, run_backtest
from migratieketen.forecast.engine import ForecastResult, make_forecast
from migratieketen.forecast.inputs import ForecastInputs, load_inputs
from migratieketen.forecast.page import backtest_summary, forecast_page_data

__all__ = [
    "BacktestResult",
    "ForecastInputs",
    "ForecastResult",
    "backtest_summary",
    "forecast_page_data",
    "load_inputs",
    "make_forecast",
    "run_backtest",
]
