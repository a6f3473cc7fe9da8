# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""The first request after new data queues one job; a worker computes it.

These tests use the real database task backend and worker (tests/jobs/jobs_support).
The new data is a copy with one corrupted row, so the real computation fails fast
(in `load_inputs`) and writes nothing: the request is told to come back, and after
the worker ran, the next one gets the Dutch reason instead of a restart on every
request.
"""

from __future__ import annotations

import csv
import shutil
from pathlib import Path
from typing import Any

import pytest
from tests.jobs.jobs_support import run_queued

from migratieketen.data.asylum import QUARTERLY_FILE
from migratieketen.forecast.inputs import INPUT_FILES
from migratieketen_web.jobs.models import FailureKind, Job, JobStatus
from migratieketen_web.prognoses import services
from migratieketen_web.prognoses.models import Forecast

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("database_tasks")]


@pytest.fixture(autouse=True)
def _no_earlier_jobs() -> None:
    """The session's stored forecast was made by a job too; start without it."""
    Job.objects.filter(kind=services.KIND).delete()


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


def test_page_queues_one_job_then_reports_its_failure(
    client: Any, settings: Any, shared_data_dir: Path, tmp_path: Path
) -> None:
    Forecast.objects.all().delete()  # no earlier forecast to show meanwhile
    settings.MIGRATIEKETEN_DATA_DIR = str(
        _corrupted_copy(shared_data_dir, tmp_path / "data", "-5")
    )
    first = client.get("/prognose")
    assert first.status_code == 503
    assert first["Retry-After"] == str(services.RETRY_AFTER_SECONDS)
    assert "wordt nu berekend" in first.content.decode()
    assert client.get("/prognose").status_code == 503  # still the same one job
    job = Job.objects.get(kind=services.KIND)
    assert job.status == JobStatus.QUEUED
    run_queued()
    job.refresh_from_db()
    assert (job.status, job.failure) == (JobStatus.FAILED, FailureKind.INVALID)
    second = client.get("/prognose")
    assert second.status_code == 503
    assert "negatief aantal" in second.content.decode()
    assert Job.objects.filter(kind=services.KIND).count() == 1  # not restarted


def test_api_actueel_pending_is_503_problem_with_retry_after(
    api_client: Any, settings: Any, shared_data_dir: Path, tmp_path: Path
) -> None:
    settings.MIGRATIEKETEN_DATA_DIR = str(
        _corrupted_copy(shared_data_dir, tmp_path / "data", "veel")
    )
    response = api_client.get("/api/v1/prognoses/actueel")
    assert response.status_code == 503
    assert response["Content-Type"] == "application/problem+json"
    assert response["Retry-After"] == str(services.RETRY_AFTER_SECONDS)
    assert "wordt nu berekend" in response.json()["detail"]
    run_queued()
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
    settings.MIGRATIEKETEN_DATA_DIR = str(
        _corrupted_copy(shared_data_dir, tmp_path / "data", "-7")
    )
    response = client.get("/prognose")
    assert response.status_code == 200
    html = response.content.decode()
    assert "wordt nu berekend" in html and "de vorige prognose" in html
    assert "mk-fan__band90" in html


def test_warm_up_queues_the_computation_once_and_never_raises(
    settings: Any, shared_data_dir: Path, tmp_path: Path
) -> None:
    """`migratieketen serve` calls warm_up: it queues the job when no forecast is
    stored (here on a corrupted copy, so the job fails fast); a second call while it
    is queued, and one after the failure, neither queue another nor raise."""
    Forecast.objects.all().delete()
    settings.MIGRATIEKETEN_DATA_DIR = str(
        _corrupted_copy(shared_data_dir, tmp_path / "data", "x")
    )
    services.warm_up()
    services.warm_up()
    assert Job.objects.filter(kind=services.KIND).count() == 1
    run_queued()
    assert not Forecast.objects.exists()
    services.warm_up()  # the remembered failure: ForecastUnavailable is swallowed
    assert Job.objects.filter(kind=services.KIND).count() == 1


def test_an_interrupted_computation_is_queued_again(
    settings: Any, shared_data_dir: Path, tmp_path: Path
) -> None:
    settings.MIGRATIEKETEN_DATA_DIR = str(
        _corrupted_copy(shared_data_dir, tmp_path / "data", "-3")
    )
    services.warm_up()
    Job.objects.filter(kind=services.KIND).update(
        status=JobStatus.FAILED, failure=FailureKind.INTERRUPTED
    )
    services.warm_up()
    assert Job.objects.filter(kind=services.KIND).count() == 2
