# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""/planning/opvang end to end: form -> core planner -> result, CSV, gemeente section, API."""

from __future__ import annotations

import csv
import io

from django.contrib.auth.models import Permission, User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

import pytest

from migratieketen.plan.opvang.candidates import COLUMNS
from migratieketen_web.opvang.models import OpvangPlan, PlanStatus

pytestmark = pytest.mark.django_db
FORM = {"scenario": "piek2015", "provincie": "PV21", "maanden": "6", "paden": "5",
        "wijk_aandeel": "0.05", "max_kleinschalig": "100", "risicogewicht": "0"}  # fmt: skip


def _start(client: Client, **extra: object) -> OpvangPlan:
    response = client.post("/planning/opvang", {**FORM, **extra})
    assert response.status_code == 302, response.content.decode()[:3000]
    plan = OpvangPlan.objects.get(uuid=response["Location"].rsplit("/", 1)[1])
    assert plan.status == PlanStatus.DONE, plan.job.error
    return plan


def test_form_runs_a_plan_and_shows_map_table_and_saving(client: Client) -> None:
    plan = _start(client)
    html = client.get(plan.get_absolute_url()).content.decode()
    assert "Besparing tegen alles boven de bestaande opvang in crisisopvang" in html
    assert "Kaart: nieuwe plaatsen per wijk" in html and 'id="kaart-tabel"' in html
    assert "generiek — geen echte locatie" in html
    assert "Reactief (status quo" in html and "Kosten tegen risico" in html
    assert "Bron: CBS" in html
    for r in plan.result["locaties"]:
        assert r["provinciecode"] == "PV21"
        assert f'href="#wijk-{r["wijkcode"]}"' in html or not plan.result["wijkpunten"]


def test_csv_export(client: Client) -> None:
    plan = _start(client)
    response = client.get(f"{plan.get_absolute_url()}/plan.csv")
    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0][:3] == ["naam", "label", "wijkcode"] and len(rows[0]) == 10 + 6
    assert len(rows) == 1 + len(plan.result["locaties"])


def test_excel_export_has_the_csv_table(client: Client) -> None:
    from openpyxl import load_workbook

    plan = _start(client)
    assert "plan.xlsx" in client.get(plan.get_absolute_url()).content.decode()
    response = client.get(f"{plan.get_absolute_url()}/plan.xlsx")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    book = load_workbook(io.BytesIO(response.content))
    text = client.get(f"{plan.get_absolute_url()}/plan.csv").content.decode()
    rows = list(csv.reader(io.StringIO(text, newline="")))
    sheet = [["" if v is None else str(v) for v in r]
             for r in book["Plan"].iter_rows(values_only=True)]  # fmt: skip
    assert sheet == rows
    assert any("COA" in str(r[0]) for r in book["Bron"].iter_rows(values_only=True))


def test_bad_candidate_file_saves_nothing(client: Client) -> None:
    text = ",".join(COLUMNS) + "\nA,WK999999,regulier,10,5,3,1,1,1,,12,1\n"
    upload = SimpleUploadedFile("k.csv", text.encode(), content_type="text/csv")
    response = client.post("/planning/opvang", {**FORM, "kandidaten": upload})
    assert response.status_code == 400
    html = " ".join(response.content.decode().split())
    assert "Rij 2, kolom wijkcode" in html and "Rij 2, kolom max_plaatsen" in html
    assert OpvangPlan.objects.count() == 0


def _publisher() -> User:
    user = User.objects.create_user("redactie", password="x", is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="publish_opvangplan"))
    return user


def test_gemeente_page_shows_only_a_published_plan(client: Client) -> None:
    plan = _start(client)
    gemeente = (
        plan.result["locaties"][0]["gemeentecode"]
        if plan.result["locaties"]
        else "GM0080"
    )
    # An anonymous visitor's plan is nobody's official plan: not on the gemeente page.
    html = Client().get(f"/gemeenten/{gemeente}").content.decode()
    assert "Er is nog geen opvangplan gepubliceerd" in html
    assert str(plan.uuid) not in html
    # Anonymous and staff without the permission cannot publish.
    assert client.post(f"{plan.get_absolute_url()}/publiceren").status_code == 403
    staff = Client()
    staff.force_login(User.objects.create_user("staf", is_staff=True))
    assert staff.post(f"{plan.get_absolute_url()}/publiceren").status_code == 403
    editor = Client()
    editor.force_login(_publisher())
    page = editor.get(plan.get_absolute_url()).content.decode()
    assert "Publiceren op de gemeente" in page
    assert editor.post(f"{plan.get_absolute_url()}/publiceren").status_code == 302
    html = Client().get(f"/gemeenten/{gemeente}").content.decode()
    assert "Locaties in het laatste opvangplan" in html and str(plan.uuid) in html
    assert "Opgave Spreidingswet" in html
    editor.post(f"{plan.get_absolute_url()}/publiceren", {"actie": "intrekken"})
    html = Client().get(f"/gemeenten/{gemeente}").content.decode()
    assert str(plan.uuid) not in html


def test_anonymous_plan_listed_only_for_its_starter(client: Client) -> None:
    plan = _start(client)
    assert str(plan.uuid) in client.get("/planning/opvang").content.decode()
    other = Client()
    assert str(plan.uuid) not in other.get("/planning/opvang").content.decode()
    # Its link (an unguessable UUID) still works for whoever has it.
    assert other.get(plan.get_absolute_url()).status_code == 200


def test_api_post_202_location_then_get(client: Client) -> None:
    body = {"scenario": "piek2015", "provincie": "PV21", "maanden": 6, "paden": 5}
    response = client.post(
        "/api/v1/opvangplannen", body, content_type="application/json"
    )
    assert response.status_code == 202, response.content.decode()[:2000]
    location = response["Location"]
    data = client.get(location).json()
    assert data["status"] == "klaar"
    assert data["samenvatting"]["crisisplaatsmaandenP95"] >= 0
    for loc in data["locaties"]:
        assert loc["wijkcode"].startswith("WK") and len(loc["plaatsenPerMaand"]) == 6


def test_api_bad_csv_is_400_with_row_and_column(client: Client) -> None:
    text = ",".join(COLUMNS) + "\nA,WK999999,regulier,10,20,3,1,1,1,,12,1\n"
    response = client.post("/api/v1/opvangplannen", {"provincie": "PV21", "kandidatenCsv": text},
                           content_type="application/json")  # fmt: skip
    assert response.status_code == 400
    assert "Rij 2, kolom wijkcode" in response.content.decode()
    assert OpvangPlan.objects.count() == 0
