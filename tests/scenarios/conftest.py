# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Scenario tests run on the real open data (imported once), tasks run at once.

The test settings use django-tasks' immediate backend, so the POST handler runs the
ensemble's task itself and a test sees the finished run right after the redirect;
ensembles are small (SMALL_RUNS) to keep the suite fast. The worker, the restart and
the concurrency tests (tests/jobs) use the database backend and real processes.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.jobs.jobs_support import database_tasks  # noqa: F401

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
def small_presets(settings: pytest.FixtureRequest) -> None:
    settings.SCENARIOS_PRESET_RUNS = SMALL_RUNS  # type: ignore[attr-defined]


@pytest.fixture(autouse=True)
def fresh_throttle_cache(request: pytest.FixtureRequest) -> None:
    """The start rate counts in the (database) cache; every test starts from zero."""
    if request.node.get_closest_marker("django_db") is None:
        return
    from django.core.cache import cache

    request.getfixturevalue("db")
    cache.clear()
