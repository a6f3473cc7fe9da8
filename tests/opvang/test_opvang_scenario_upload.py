# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""/planning/opvang and POST /api/v1/opvangplannen with an uploaded (or saved) chain
scenario and with scenario batches: valid input runs and says what it used; bad input
gives a Dutch error and saves nothing."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

import pytest

from migratieketen.chain import builtin_scenario
from migratieketen_web.jobs.models import Job, JobStatus
from migratieketen_web.opvang.models import OpvangPlan, PlanStatus
from migratieketen_web.scenarios.models import ScenarioRun

pytestmark = pytest.mark.django_db
FORM = {"scenario": "bestand", "provincie": "PV21", "maanden": "6", "paden": "5",
        "wijk_aandeel": "0.05", "max_kleinschalig": "100", "risicogewicht": "0",
        "batches": "1"}  # fmt: skip
API = "/api/v1/opvangplannen"


def _yaml(name: str = "mijn-piek") -> str:
    scenario = builtin_scenario("piek2015")
    scenario.name = name
    return scenario.to_yaml()


def _upload(text: str) -> SimpleUploadedFile:
    return SimpleUploadedFile("scenario.yaml", text.encode(), "application/x-yaml")


def _post(client: Client, **extra: Any) -> Any:
    return client.post("/planning/opvang", {**FORM, **extra})


def _refused(response: Any, message: str) -> None:
    assert response.status_code == 400
    html = " ".join(response.content.decode().split())
    assert message in html, html[:3000]
    assert OpvangPlan.objects.count() == 0


def test_uploaded_scenario_is_used_and_named_on_the_result(client: Client) -> None:
    response = _post(client, scenario_bestand=_upload(_yaml()))
    assert response.status_code == 302, response.content.decode()[:3000]
    plan = OpvangPlan.objects.get()
    assert plan.status == PlanStatus.DONE, plan.job.error
    assert plan.options["scenario"] == "bestand"
    assert plan.options["scenario_definitie"]["name"] == "mijn-piek"
    assert "scenario 'mijn-piek'" in plan.result["samenvatting"]["vraag"]
    html = client.get(plan.get_absolute_url()).content.decode()
    assert "eigen scenariobestand &#x27;mijn-piek&#x27; (YAML)" in html


def test_bad_yaml_gives_a_dutch_error_and_saves_nothing(client: Client) -> None:
    _refused(_post(client, scenario_bestand=_upload("inflow: [1, 2")),
             "Scenario: geen geldige YAML")  # fmt: skip


def test_invalid_scenario_gives_a_dutch_error_and_saves_nothing(client: Client) -> None:
    _refused(_post(client, scenario_bestand=_upload("- alleen\n- een lijst\n")),
             "Scenario: verwacht een mapping")  # fmt: skip
    bad = _yaml().replace("months: 60", "months: 100000")
    _refused(_post(client, scenario_bestand=_upload(bad)), "hooguit")


def test_too_large_scenario_file_is_refused(client: Client) -> None:
    big = _yaml() + "#" * 100_001 + "\n"
    _refused(_post(client, scenario_bestand=_upload(big)),
             "Het scenariobestand is groter dan 100 kB.")  # fmt: skip


def test_file_choice_needs_a_file_and_a_file_needs_that_choice(client: Client) -> None:
    _refused(_post(client), "Kies een scenariobestand (YAML) voor een eigen scenario.")
    _refused(_post(client, scenario="piek2015", scenario_bestand=_upload(_yaml())),
             "Een scenariobestand telt alleen bij")  # fmt: skip


@pytest.mark.parametrize("value", ["0", "11", "-1", "2.5"])
def test_batches_out_of_range_are_refused(client: Client, value: str) -> None:
    response = _post(client, scenario="piek2015", batches=value)
    assert response.status_code == 400
    assert 'id="id_batches_error"' in response.content.decode() or (
        "batches" in response.content.decode()
    )
    assert OpvangPlan.objects.count() == 0


def test_more_batches_than_paths_is_refused(client: Client) -> None:
    _refused(_post(client, scenario="piek2015", batches="6"),
             "Hooguit zoveel batches als vraagpaden.")  # fmt: skip


def test_batches_run_locally_and_show_the_gap_estimate(client: Client) -> None:
    response = _post(client, scenario="piek2015", batches="2")
    assert response.status_code == 302, response.content.decode()[:3000]
    plan = OpvangPlan.objects.get()
    assert plan.status == PlanStatus.DONE, plan.job.error
    d = plan.result["samenvatting"]["decompositie"]
    assert d["batches"] == 2 and d["gap_schatting"] >= -1e-9
    html = " ".join(client.get(plan.get_absolute_url()).content.decode().split())
    assert "Opgelost in 2 scenariobatches" in html
    assert "Geschatte gap (een schatting, geen bewezen grens)" in html


def _saved_run(owner: User | None, name: str) -> ScenarioRun:
    scenario = builtin_scenario("dal2020")
    scenario.name = name
    job = Job.objects.create(
        kind="scenario", title=name, status=JobStatus.DONE, owner=owner
    )
    return ScenarioRun.objects.create(job=job, name=name, inflow_choice="dal2020",
                                      definition=scenario.to_dict(), seed=1, runs=10,
                                      owner=owner)  # fmt: skip


def test_a_saved_scenario_run_of_the_user_can_be_chosen(client: Client) -> None:
    user = User.objects.create_user("planner", password="x")
    run = _saved_run(user, "mijn-dal")
    other = _saved_run(User.objects.create_user("ander", password="x"), "niet-van-mij")
    client.force_login(user)
    form = client.get("/planning/opvang").content.decode()
    assert "Opgeslagen scenario: mijn-dal" in form and "niet-van-mij" not in form
    refused = _post(client, scenario=f"run:{other.uuid}")
    assert refused.status_code == 400 and OpvangPlan.objects.count() == 0
    response = _post(client, scenario=f"run:{run.uuid}")
    assert response.status_code == 302, response.content.decode()[:3000]
    plan = OpvangPlan.objects.get()
    assert plan.options["scenario"] == "opgeslagen"
    assert plan.options["scenario_run"] == str(run.uuid)
    assert "scenario 'mijn-dal'" in plan.result["samenvatting"]["vraag"]
    html = client.get(plan.get_absolute_url()).content.decode()
    assert "opgeslagen scenario &#x27;mijn-dal&#x27;" in html


def _api(client: Client, body: dict[str, Any]) -> Any:
    return client.post(API, {"provincie": "PV21", "maanden": 6, "paden": 5, **body},
                       content_type="application/json")  # fmt: skip


def test_api_scenario_yaml_and_batches(client: Client) -> None:
    response = _api(client, {"scenarioYaml": _yaml("api-piek"), "batches": 2})
    assert response.status_code == 202, response.content.decode()[:2000]
    data = client.get(response["Location"]).json()
    assert data["status"] == "klaar"
    assert data["scenario"] == "api-piek" and data["scenarioHerkomst"] == "bestand"
    assert data["samenvatting"]["decompositie"]["batches"] == 2


@pytest.mark.parametrize(
    ("body", "field", "message"),
    [
        ({"scenarioYaml": "inflow: [1"}, "scenarioYaml", "Scenario: geen geldige YAML"),
        ({"scenarioYaml": "- 1"}, "scenarioYaml", "Scenario: verwacht een mapping"),
        ({"scenarioYaml": "x" * 100_001}, "scenarioYaml", "100000"),
        (
            {"scenarioYaml": _yaml(), "scenario": "basis"},
            "scenarioYaml",
            "niet allebei",
        ),
        ({"batches": 0}, "batches", ""),
        ({"batches": 11}, "batches", ""),
        ({"batches": "2"}, "batches", "Geef een geheel getal op."),
        ({"batches": 6}, "batches", "Hooguit zoveel batches als paden."),
    ],
)
def test_api_bad_scenario_or_batches_is_400(
    client: Client, body: dict[str, Any], field: str, message: str
) -> None:
    response = _api(client, body)
    assert response.status_code == 400, response.content.decode()[:2000]
    problems = response.json()["invalidParams"]
    assert any(p["name"] == field and message in p["reason"] for p in problems), (
        problems
    )
    assert OpvangPlan.objects.count() == 0
