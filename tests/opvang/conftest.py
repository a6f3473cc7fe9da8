# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Opvang web tests on the real open data (imported once); tasks run at once, tiny plans."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.jobs.jobs_support import database_tasks  # noqa: F401

from migratieketen_web.gemeenten.importer import import_data_dir


@pytest.fixture(scope="session")
def django_db_setup(
    django_db_setup: None,
    django_db_blocker: pytest.FixtureRequest,
    shared_data_dir: Path,
) -> None:
    with django_db_blocker.unblock():  # type: ignore[attr-defined]
        import_data_dir(shared_data_dir)


@pytest.fixture(autouse=True)
def tiny_plans(settings: pytest.FixtureRequest) -> None:
    settings.OPVANG_MAX_CANDIDATES = 12  # type: ignore[attr-defined]
    settings.OPVANG_TIME_LIMIT = 10  # type: ignore[attr-defined]


@pytest.fixture(autouse=True)
def fresh_throttle_cache(request: pytest.FixtureRequest) -> None:
    if request.node.get_closest_marker("django_db") is None:
        return
    from django.core.cache import cache

    request.getfixturevalue("db")
    cache.clear()
