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

# Django settings (not environment variables), so a deployment can change them in its
# settings module; the defaults fit one modest server.
MAX_RUNS: int = getattr(settings, "SCENARIOS_MAX_RUNS", 5000)
MAX_MONTHS: int = getattr(settings, "SCENARIOS_MAX_MONTHS", 240)
MAX_ACTIVE: int = getattr(settings, "SCENARIOS_MAX_ACTIVE", 2)
# A Dask scheduler (tcp://host:8786) to run the ensembles on; "" = in the web process.
DASK_ADDRESS: str = getattr(settings, "SCENARIOS_DASK_ADDRESS", "")
DEFAULT_RUNS = 1000
# A run still 'bezig' without any update for this long was cut off (server restart).
STALE_AFTER_SECONDS = 15 * 60


def preset_runs() -> int:
    """Runs of a one-click preset (tests set SCENARIOS_PRESET_RUNS small)."""
    return int(getattr(settings, "SCENARIOS_PRESET_RUNS", DEFAULT_RUNS))


def synchronous() -> bool:
    """Run in the request (tests) instead of a background thread."""
    return bool(getattr(settings, "SCENARIOS_SYNCHRONOUS", False))
