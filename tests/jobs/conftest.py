# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Job runner tests: the real open data (imported once) and the jobs_support fixtures."""

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
def small_presets(settings: pytest.FixtureRequest) -> None:
    settings.SCENARIOS_PRESET_RUNS = 20  # type: ignore[attr-defined]
