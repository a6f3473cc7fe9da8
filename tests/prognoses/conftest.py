# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""The forecast is computed once per test session, by the same path as a page view.

`stored_forecast` runs `services.current_forecast()` on the real open data with the
smallest honest settings (few paths, a backtest over the last origins only) and
keeps the saved row for the whole session, outside the per-test transactions, so
every test reads the same stored forecast and none recomputes it.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.test import override_settings
from rest_framework.test import APIClient

import pytest
from tests.jobs.jobs_support import database_tasks  # noqa: F401

from migratieketen_web.prognoses import services

TEST_SETTINGS: dict[str, Any] = {
    "horizon": 8,
    "n_paths": 300,
    "backtest_first_origin": "2023-Q1",
    "backtest_paths": 100,
    "scenario_seed": 7,
}


@dataclass
class StoredForecast:
    uuid: str
    compute_calls: int


class ComputeSpy:
    """Counts calls to the real `services.compute` and passes them on."""

    def __init__(self) -> None:
        self.calls = 0
        self._real = services.compute

    def __call__(self, *args: Any, **kwargs: Any) -> services.ComputedForecast:
        self.calls += 1
        return self._real(*args, **kwargs)


@pytest.fixture(autouse=True)
def prognose_settings(settings: Any, shared_data_dir: Path) -> None:
    settings.PROGNOSE_SETTINGS = TEST_SETTINGS
    settings.MIGRATIEKETEN_DATA_DIR = str(shared_data_dir)


@pytest.fixture(scope="session")
def stored_forecast(
    django_db_setup: None,
    django_db_blocker: Any,
    shared_data_dir: Path,
) -> Iterator[StoredForecast]:
    spy = ComputeSpy()
    with (
        override_settings(
            PROGNOSE_SETTINGS=TEST_SETTINGS,
            MIGRATIEKETEN_DATA_DIR=str(shared_data_dir),
        ),
        pytest.MonkeyPatch.context() as mp,
        django_db_blocker.unblock(),
    ):
        mp.setattr(services, "compute", spy)
        forecast = services.current_forecast()
    yield StoredForecast(str(forecast.uuid), spy.calls)


@pytest.fixture
def compute_spy(monkeypatch: pytest.MonkeyPatch) -> ComputeSpy:
    spy = ComputeSpy()
    monkeypatch.setattr(services, "compute", spy)
    return spy


@pytest.fixture
def api_client() -> APIClient:
    return APIClient()
