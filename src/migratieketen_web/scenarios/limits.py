# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Caps on what one web or API request may ask of the server.

Scenario runs are open to everyone (no personal data), so their size is capped: a
1,000-run, 120-month ensemble takes seconds; the caps keep one request from tying up
a worker for minutes. The active-run cap and the per-client start rate are enforced
in the database when a run starts (`services.start_run`); they come from the
settings (environment variables, see docs/configuration.md).
"""

from __future__ import annotations

from django.conf import settings

from migratieketen_web.jobs.throttles import StartThrottle, valid_rate

# Django settings (not environment variables), so a deployment can change them in its
# settings module; the defaults fit one modest server.
MAX_RUNS: int = getattr(settings, "SCENARIOS_MAX_RUNS", 5000)
MAX_MONTHS: int = getattr(settings, "SCENARIOS_MAX_MONTHS", 240)
# The seed column is a PositiveIntegerField: on PostgreSQL an `integer`, so 2**31 - 1
# is the largest seed every supported database stores (tests check the range).
MAX_SEED = 2**31 - 1
DEFAULT_RUNS = 1000


def max_active() -> int:
    return int(settings.SCENARIOS_MAX_ACTIVE)


def start_throttle() -> StartThrottle:
    """Starts per client address, web form and API together (one cache key)."""
    return StartThrottle("scenarioruns", valid_rate(settings.SCENARIOS_START_RATE))


def retention_days() -> int:
    return int(settings.SCENARIOS_RETENTION_DAYS)


def dask_address() -> str:
    return str(settings.SCENARIOS_DASK_ADDRESS or "")


def preset_runs() -> int:
    """Runs of a one-click preset (tests set SCENARIOS_PRESET_RUNS small)."""
    return int(getattr(settings, "SCENARIOS_PRESET_RUNS", DEFAULT_RUNS))
