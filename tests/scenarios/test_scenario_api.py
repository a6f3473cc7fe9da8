# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""/api/v1/scenarioruns: start, status, result, and problem+json on bad input."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import User
from django.test import Client

import pytest
from tests.scenarios.conftest import SMALL_RUNS
from tests.scenarios.scenario_support import make_run

from migratieketen.chain import builtin_scenario
from migratieketen_web.scenarios import limits, services
from migratieketen_web.scenarios.models import RunStatus, ScenarioRun

pytestmark = pytest.mark.django_db
URL = "/api/v1/scenarioruns"


def _peak(**changes: Any) -> dict[str, Any]:
    return {**builtin_scenario("piek2015").to_dict(), "runs": SMALL_RUNS, **changes}


def _post(client: Client, body: Any) -> Any:
    return client.post(URL, body, content_type="application/json")


def test_start_status_and_result(client: Client) -> None:
    response = _post(client, {"scenario": _peak(), "naam": "Piek via API"})
    assert response.status_code == 202
    assert response["API-Version"]
    location = response["Location"]
    assert location.startswith("http://testserver/api/v1/scenarioruns/")
    body = response.json()
    assert body["url"] == location and body["status"] == "klaar"  # synchronous here
    assert body["naam"] == "Piek via API" and body["instroom"] == "api"

    run = client.get(location).json()
    assert run["voortgang"] == 100 and run["scenario"]["name"] == "piek2015"
    result = run["resultaat"]
    assert result["runs"] == SMALL_RUNS and len(result["maanden"]) == 60
    series = {r["sleutel"]: r for r in result["reeksen"]}
    crisis = series["occ_crisis"]
    assert crisis["label"] == "Crisisnoodopvang nodig (plaatsen)"
    assert len(crisis["p50"]) == 60 and max(crisis["p95"]) > 0
    summary = result["samenvatting"]
    assert summary["maandenMetCrisisbehoefteP95"]
    assert summary["piekCrisisplaatsenP95"] >= summary["piekCrisisplaatsenMediaan"] > 0
    assert len(result["gemeenten"]) == 342
    amsterdam = next(g for g in result["gemeenten"] if g["gemeentecode"] == "GM0363")
    assert set(amsterdam["wachtendEind"]) == {"p5", "p25", "p50", "p75", "p95"}

    # Listed only once published; readable through its address all along.
    assert client.get(URL).json()["count"] == 0
    services.publish(ScenarioRun.objects.get(), User.objects.create(username="b"))
    listing = client.get(URL).json()
    assert listing["count"] == 1
    assert "resultaat" not in listing["results"][0]
    assert listing["results"][0]["url"] == location


def test_invalid_scenario_is_problem_json_with_invalid_params(client: Client) -> None:
    response = _post(client, {"scenario": _peak(inflow={"kind": "piek"})})
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    problem = response.json()
    assert problem["invalidParams"][0]["name"] == "scenario"
    assert "soort 'piek' onbekend" in problem["invalidParams"][0]["reason"]
    assert ScenarioRun.objects.count() == 0


@pytest.mark.parametrize(
    ("body", "name"),
    [
        ({"scenario": {"name": "x", "runs": limits.MAX_RUNS + 1}}, "scenario"),
        ({"scenario": {"name": "x", "months": limits.MAX_MONTHS + 1}}, "scenario"),
        ({"scenario": {"name": "x"}, "kleur": "rood"}, "kleur"),
        (
            {
                "scenario": {
                    "name": "x",
                    "months": 12,
                    "inflow": {"kind": "monthly", "monthly": [1, 2]},
                }
            },
            "scenario",
        ),
        ({"naam": "zonder scenario"}, "scenario"),
        ({"scenario": "piek2015"}, "scenario"),
        ([1, 2], "nonFieldErrors"),
    ],
)
def test_bad_bodies_are_refused_and_create_nothing(
    client: Client, body: Any, name: str
) -> None:
    response = _post(client, body)
    assert response.status_code == 400
    assert [p["name"] for p in response.json()["invalidParams"]] == [name]
    assert ScenarioRun.objects.count() == 0


def test_too_many_active_runs_is_429(client: Client) -> None:
    for _ in range(limits.max_active()):
        make_run(RunStatus.RUNNING)
    response = _post(client, {"scenario": _peak()})
    assert response.status_code == 429
    assert response.json()["title"] == "Te veel aanvragen"
    assert ScenarioRun.objects.count() == limits.max_active()


def test_unknown_run_and_unknown_parameters(client: Client) -> None:
    missing = client.get(f"{URL}/00000000-0000-0000-0000-000000000000")
    assert missing.status_code == 404
    assert missing["Content-Type"] == "application/problem+json"
    assert client.get(f"{URL}/geen-uuid").status_code == 404
    bad = client.get(URL, {"status": "klaar"})
    assert bad.status_code == 400
    assert bad.json()["invalidParams"][0]["name"] == "status"


def test_running_run_has_progress_and_no_result_yet(client: Client) -> None:
    run = make_run(RunStatus.RUNNING, progress=55)
    body = client.get(f"{URL}/{run.uuid}").json()
    assert (body["status"], body["voortgang"], body["resultaat"]) == ("bezig", 55, None)
