# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""/planning/opvang and POST /api/v1/opvangplannen with the prognose as demand: the
forecast engine's sample paths through the chain, labelled as such; a horizon beyond
the forecast is refused at the edge in Dutch and saves nothing."""

from __future__ import annotations

from django.test import Client

import pytest

from migratieketen_web.opvang.models import OpvangPlan, PlanStatus

pytestmark = pytest.mark.django_db
FORM = {"scenario": "prognose", "provincie": "PV21", "maanden": "6", "paden": "5",
        "wijk_aandeel": "0.05", "max_kleinschalig": "100", "risicogewicht": "0",
        "batches": "1"}  # fmt: skip


def test_prognose_plan_runs_and_says_where_its_demand_comes_from(
    client: Client,
) -> None:
    response = client.post("/planning/opvang", FORM)
    assert response.status_code == 302, response.content.decode()[:3000]
    plan = OpvangPlan.objects.get()
    assert plan.status == PlanStatus.DONE, plan.job.error
    assert plan.result["samenvatting"]["vraag"].startswith("Prognose op data t/m")
    html = " ".join(client.get(plan.get_absolute_url()).content.decode().split())
    assert "Prognose: steekproefpaden van het prognosemodel" in html


def test_prognose_beyond_its_horizon_is_refused_on_the_form(client: Client) -> None:
    response = client.post("/planning/opvang", {**FORM, "maanden": "36"})
    assert response.status_code == 400
    html = " ".join(response.content.decode().split())
    assert "De prognose reikt 24 maanden vooruit" in html
    assert OpvangPlan.objects.count() == 0


def test_api_prognose_horizon_is_checked_and_a_valid_one_runs(client: Client) -> None:
    body = {"scenario": "prognose", "provincie": "PV21", "paden": 5}
    bad = client.post("/api/v1/opvangplannen", {**body, "maanden": 30},
                      content_type="application/json")  # fmt: skip
    assert bad.status_code == 400
    assert any(
        p["name"] == "maanden" and "24 maanden" in p["reason"]
        for p in bad.json()["invalidParams"]
    )
    assert OpvangPlan.objects.count() == 0
    good = client.post("/api/v1/opvangplannen", {**body, "maanden": 6},
                       content_type="application/json")  # fmt: skip
    assert good.status_code == 202, good.content.decode()[:2000]
    data = client.get(good["Location"]).json()
    assert data["status"] == "klaar" and data["scenario"] == "prognose"
