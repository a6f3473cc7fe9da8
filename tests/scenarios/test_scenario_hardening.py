# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Issue 9's reproductions for scenario runs, each now a clear 400 or a handled failure.

Why (issue 9): `inflow.per_month: 1e308` gave Infinity/NaN that could not be stored,
the run stayed 'bezig' and held a slot, so two such runs blocked every start; a
scenario with `parameters: [1]` or `"x"`, `name: 123` or `seed: 2**64` (on
PostgreSQL any seed >= 2**31) was an unhandled 500. Nothing may be stored for bad
input, and no slot may stay held.
"""

from __future__ import annotations

from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client

import pytest
from tests.scenarios.conftest import SMALL_RUNS
from tests.scenarios.scenario_support import make_run

from migratieketen.chain import builtin_scenario
from migratieketen_web.jobs import services as jobs
from migratieketen_web.jobs.models import FailureKind, JobStatus
from migratieketen_web.scenarios import limits, tasks
from migratieketen_web.scenarios.models import ScenarioRun

pytestmark = pytest.mark.django_db
URL = "/api/v1/scenarioruns"


def _scenario(**changes: Any) -> dict[str, Any]:
    return {**builtin_scenario("piek2015").to_dict(), "runs": SMALL_RUNS, **changes}


def _post(client: Client, scenario: Any) -> Any:
    return client.post(URL, {"scenario": scenario}, content_type="application/json")


def _upload(client: Client, text: str) -> Any:
    upload = SimpleUploadedFile(
        "s.yaml", text.encode(), content_type="application/yaml"
    )
    return client.post(
        "/scenarios", {"instroom": "yaml", "scenario_bestand": upload, "runs": "10"}
    )


BAD_SCENARIOS = [
    (
        {"inflow": {"kind": "constant", "per_month": 1e308}},
        "'inflow.per_month' moet een eindig getal zijn van hooguit 1.000.000.000",
    ),
    ({"parameters": [1]}, "'parameters' moet een mapping zijn"),
    ({"parameters": "x"}, "'parameters' moet een mapping zijn"),
    ({"name": 123}, "'name' moet tekst zijn"),
    ({"seed": 2**64}, "'seed' moet een geheel getal van 0 tot en met 2147483647"),
    ({"seed": 2**31}, "'seed' moet een geheel getal van 0 tot en met 2147483647"),
]


@pytest.mark.parametrize(("changes", "message"), BAD_SCENARIOS)
def test_api_refuses_with_a_specific_dutch_400_and_stores_nothing(
    client: Client, changes: dict[str, Any], message: str
) -> None:
    response = _post(client, _scenario(**changes))
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    problem = response.json()["invalidParams"]
    assert [p["name"] for p in problem] == ["scenario"]
    assert message in problem[0]["reason"]
    assert ScenarioRun.objects.count() == 0


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("name: x\ninflow:\n  per_month: 1.0e308\n", "'inflow.per_month' moet een"),
        ("name: x\ninflow:\n  per_month: .inf\n", "'inflow.per_month' moet een"),
        ("name: x\nparameters: [1]\n", "'parameters' moet een mapping zijn"),
        ('name: x\nparameters: "x"\n', "'parameters' moet een mapping zijn"),
        ("name: 123\n", "'name' moet tekst zijn"),
        (f"name: x\nseed: {2**64}\n", "van 0 tot en met 2147483647"),
        (f"name: x\nseed: {2**31}\n", "van 0 tot en met 2147483647"),
    ],
)
def test_the_form_refuses_the_same_yaml_with_the_same_dutch_error(
    client: Client, text: str, message: str
) -> None:
    response = _upload(client, text)
    assert response.status_code == 400
    assert message.replace("'", "&#x27;") in response.content.decode()
    assert ScenarioRun.objects.count() == 0


def test_the_form_refuses_a_seed_beyond_the_column(client: Client) -> None:
    data = {"instroom": "piek2015", "runs": "10", "seed": str(2**31)}
    response = client.post("/scenarios", data)
    assert response.status_code == 400
    assert ScenarioRun.objects.count() == 0


def test_bad_starts_hold_no_slot(client: Client) -> None:
    """Two refused starts, then a good one: accepted (not 429)."""
    for _ in range(limits.max_active()):
        assert _post(client, _scenario(inflow={"per_month": 1e308})).status_code == 400
    assert _post(client, _scenario()).status_code == 202


def test_the_largest_seed_is_stored_on_every_database(client: Client) -> None:
    low, high = connection.ops.integer_field_range("PositiveIntegerField")
    assert low <= 0 and high >= limits.MAX_SEED
    response = _post(client, _scenario(seed=limits.MAX_SEED, months=12))
    assert response.status_code == 202
    assert ScenarioRun.objects.get().seed == limits.MAX_SEED


def test_a_run_that_fails_in_the_worker_is_a_handled_failure_holding_no_slot() -> None:
    """A stored scenario the core refuses (here one that predates the finite check)
    ends 'mislukt' with the core's Dutch message and frees its slot."""
    run = make_run(JobStatus.QUEUED)
    definition = {**run.definition, "parameters": {"inflow_level_multiplier": 1e300}}
    ScenarioRun.objects.filter(pk=run.pk).update(definition=definition)
    jobs.enqueue(run.job, tasks.run_scenario)
    run.job.refresh_from_db()
    assert (run.job.status, run.job.failure) == (JobStatus.FAILED, FailureKind.INVALID)
    assert "'parameters.inflow_level_multiplier' moet een eindig getal" in run.job.error
    assert jobs.active_count("scenario") == 0
