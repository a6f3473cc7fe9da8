# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Caps on what one web or API request may ask of the server.

Scenario runs are open to everyone (no personal data), so their size is capped: a
1,000-run, 120-month ensemble takes seconds; the caps keep one request from tying up
the server for minutes, and the active-run cap keeps a burst of requests from starting
many at once. The test setting SCENARIOS_SYNCHRONOUS runs the ensemble inside the
request, so tests are deterministic and need no threads.
"""

from __future__ import annotations

from django.conf import settings

from migratieketen_web.config import config

MAX_RUNS = config(
    "MIGRATIEKETEN_SCENARIO_MAX_RUNS",
    5000,
    "Maximaal aantal Monte Carlo-runs per scenario dat via web of API mag starten.",
)
MAX_MONTHS = config(
    "MIGRATIEKETEN_SCENARIO_MAX_MONTHS",
    240,
    "Maximaal aantal maanden per scenario via web of API.",
)
MAX_ACTIVE = config(
    "MIGRATIEKETEN_SCENARIO_MAX_ACTIVE",
    2,
    "Maximaal aantal scenarioruns dat tegelijk in de wachtrij staat of rekent.",
)
DASK_ADDRESS = config(
    "MIGRATIEKETEN_SCENARIO_DASK_ADDRESS",
    "",
    "Adres van een Dask-scheduler (tcp://host:8786) voor scenarioruns; leeg: "
    "rekenen in het webproces zelf.",
)
DEFAULT_RUNS = 1000
# A run still 'bezig' without any update for this long was cut off (server restart).
STALE_AFTER_SECONDS = 15 * 60


def preset_runs() -> int:
    """Runs of a one-click preset (tests set SCENARIOS_PRESET_RUNS small)."""
    return int(getattr(settings, "SCENARIOS_PRESET_RUNS", DEFAULT_RUNS))


def synchronous() -> bool:
    """Run in the request (tests) instead of a background thread."""
    return bool(getattr(settings, "SCENARIOS_SYNCHRONOUS", False))
