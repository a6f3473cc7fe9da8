# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Outside tests the first request after new data starts a background computation.

Here the new data is a copy with one corrupted row, so the real computation fails
fast (in `load_inputs`) and writes nothing: the request is told to come back, and
the next one gets the Dutch reason instead of a restart on every request.
"""

from __future__ import annotations

import csv
import shutil
from pathlib import Path
from typing import Any

import pytest

from migratieketen.data.asylum import QUARTERLY_FILE
from migratieketen.forecast.inputs import INPUT_FILES
from migratieketen_web.prognoses import services
from migratieketen_web.prognoses.models import Forecast

pytestmark = pytest.mark.django_db


def _corrupted_copy(source: Path, target: Path, value: str) -> Path:
    target.mkdir()
    for name in INPUT_FILES:
        shutil.copyfile(source / name, target / name)
    path = target / QUARTERLY_FILE
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    column = rows[0].index("first_asylum_requests_approx")
    rows[5][column] = value
    with path.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh, lineterminator="\n").writerows(rows)
    return target


def test_page_starts_background_job_then_reports_failure(
    client: Any, settings: Any, shared_data_dir: Path, tmp_path: Path
) -> None:
    Forecast.objects.all().delete()  # no earlier forecast to show meanwhile
    settings.PROGNOSE_SYNCHRONOUS = False
    settings.MIGRATIEKETEN_DATA_DIR = str(
        _corrupted_copy(shared_data_dir, tmp_path / "data", "-5")
    )
    first = client.get("/prognose")
    assert first.status_code == 503
    assert first["Retry-After"] == str(services.RETRY_AFTER_SECONDS)
    assert "wordt nu berekend" in first.content.decode()
    services.wait_for_background(60)
    second = client.get("/prognose")
    assert second.status_code == 503
    assert "negatief aantal" in second.content.decode()


def test_api_actueel_pending_is_503_problem_with_retry_after(
    api_client: Any, settings: Any, shared_data_dir: Path, tmp_path: Path
) -> None:
    settings.PROGNOSE_SYNCHRONOUS = False
    settings.MIGRATIEKETEN_DATA_DIR = str(
        _corrupted_copy(shared_data_dir, tmp_path / "data", "veel")
    )
    response = api_client.get("/api/v1/prognoses/actueel")
    assert response.status_code == 503
    assert response["Content-Type"] == "application/problem+json"
    assert response["Retry-After"] == str(services.RETRY_AFTER_SECONDS)
    assert "wordt nu berekend" in response.json()["detail"]
    services.wait_for_background(60)
    failed = api_client.get("/api/v1/prognoses/actueel")
    assert failed.status_code == 503
    assert "is geen getal" in failed.json()["detail"]


def test_previous_forecast_is_shown_while_new_one_computes(
    client: Any,
    settings: Any,
    shared_data_dir: Path,
    tmp_path: Path,
    stored_forecast: Any,
) -> None:
    settings.PROGNOSE_SYNCHRONOUS = False
    settings.MIGRATIEKETEN_DATA_DIR = str(
        _corrupted_copy(shared_data_dir, tmp_path / "data", "-7")
    )
    response = client.get("/prognose")
    services.wait_for_background(60)
    assert response.status_code == 200
    html = response.content.decode()
    assert "wordt nu berekend" in html and "de vorige prognose" in html
    assert "mk-fan__band90" in html


def test_warm_up_starts_the_computation_once_and_never_raises(
    settings: Any, shared_data_dir: Path, tmp_path: Path
) -> None:
    """`migratieketen serve` calls warm_up: it starts the background job when no
    forecast is stored (here on a corrupted copy, so the job fails fast), and a second
    call after the failure neither restarts it nor raises."""
    Forecast.objects.all().delete()
    settings.PROGNOSE_SYNCHRONOUS = False
    settings.MIGRATIEKETEN_DATA_DIR = str(
        _corrupted_copy(shared_data_dir, tmp_path / "data", "x")
    )
    failures_before = len(services._failures)
    services.warm_up()
    services.wait_for_background(60)
    assert not Forecast.objects.exists()
    assert len(services._failures) == failures_before + 1  # the job ran and failed
    services.warm_up()  # the remembered failure: ForecastUnavailable is swallowed
    assert not services._jobs
