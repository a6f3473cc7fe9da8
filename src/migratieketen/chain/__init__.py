# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""migratieketen.chain: a monthly stock-flow model of the asylum-to-integration chain.

Public API (used by the CLI and the web layer):
    ChainScenario, load_scenario, save_scenario, builtin_scenario, run_ensemble,
    SimulationResult, compare_runs, default_parameters, ChainConfigError.
"""

from __future__ import annotations

from migratieketen.chain.builtin import BUILTIN_SCENARIOS, builtin_scenario
from migratieketen.chain.ensemble import run_ensemble
from migratieketen.chain.params import ChainConfigError, default_parameters
from migratieketen.chain.result import SimulationResult, compare_runs
from migratieketen.chain.scenario import ChainScenario, load_scenario, save_scenario

__all__ = [
    "BUILTIN_SCENARIOS",
    "ChainConfigError",
    "ChainScenario",
    "SimulationResult",
    "builtin_scenario",
    "compare_runs",
    "default_parameters",
    "load_scenario",
    "run_ensemble",
    "save_scenario",
]
