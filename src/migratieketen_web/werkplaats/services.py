# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""The werkplaats app's one door to the core (ADR 0008): every core name it uses.

The other modules of the app import these names from here, so a reviewer sees in one
place which parts of the core the integral view, the report, lokale ruimte and the
praktijkvoorbeelden rest on. No Django here, so models.py can import it too.
"""

from __future__ import annotations

import migratieketen
from migratieketen.chain import ChainConfigError, builtin_scenario, run_ensemble
from migratieketen.data import DataDirError, DataValidationError, load_dataset
from migratieketen.data.csv_guard import refuse_unreadable_csv
from migratieketen.rules import lokale_ruimte
from migratieketen.rules.huisvestingswet import HalfYear, TaakstellingError
from migratieketen.rules.monitor import NOT_REGISTERED
from migratieketen.rules.spreidingswet import SpreidingError
from migratieketen.rules.spreidingswet import in_force as spreidingswet_in_force
from migratieketen.werkplaats import signals, snapshot
from migratieketen.woningmarkt import (
    Policy,
    WoningmarktError,
    build_markets,
    default_parameters,
    resolve_values,
    simulate,
)

VERSION = migratieketen.__version__
SIGNAL_KEYS = signals.SIGNAL_KEYS

__all__ = [
    "refuse_unreadable_csv",
    "NOT_REGISTERED",
    "SIGNAL_KEYS",
    "VERSION",
    "ChainConfigError",
    "DataDirError",
    "DataValidationError",
    "HalfYear",
    "Policy",
    "SpreidingError",
    "TaakstellingError",
    "WoningmarktError",
    "build_markets",
    "builtin_scenario",
    "default_parameters",
    "load_dataset",
    "lokale_ruimte",
    "resolve_values",
    "run_ensemble",
    "signals",
    "simulate",
    "snapshot",
    "spreidingswet_in_force",
]
