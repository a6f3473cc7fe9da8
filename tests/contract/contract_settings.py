# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Settings of the contract-test server: production, with a small forecast.

The forecast is computed once before fuzzing starts (not while requests are
timed); with the sizes of tests/prognoses it takes seconds instead of minutes.
"""

from migratieketen_web.conf.production import *  # noqa: F403

PROGNOSE_SETTINGS = {
    "horizon": 8,
    "n_paths": 300,
    "backtest_first_origin": "2023-Q1",
    "backtest_paths": 100,
    "scenario_seed": 7,
}
