# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Scenario tests run on the real open data (imported once) with a synchronous runner.

SCENARIOS_SYNCHRONOUS makes the POST handler run the ensemble itself, so a test sees
the finished run right after the redirect; ensembles are small (SMALL_RUNS) to keep
the suite fast.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from migratieketen_web.gemeenten.importer import import_data_dir

SMALL_RUNS = 20


@pytest.fixture(scope="session")
def django_db_setup(
    django_db_setup: None,
    django_db_blocker: pytest.FixtureRequest,
    shared_data_dir: Path,
) -> None:
    with django_db_blocker.unblock():  # type: ignore[attr-defined]
        import_data_dir(shared_data_dir)


@pytest.fixture(autouse=True)
def synchronous_runner(settings: pytest.FixtureRequest) -> None:
    settings.SCENARIOS_SYNCHRONOUS = True  # type: ignore[attr-defined]


@pytest.fixture(autouse=True)
def small_presets(settings: pytest.FixtureRequest) -> None:
    settings.SCENARIOS_PRESET_RUNS = SMALL_RUNS  # type: ignore[attr-defined]


@pytest.fixture(autouse=True)
def fresh_throttle_cache() -> None:
    """The POST rate limit counts in the cache; every test starts from zero."""
    from django.core.cache import cache

    cache.clear()
