# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Issue 16's 'done when' for the housing register, through the API, a page and the CLI.

A location with 10 beds in 60 m² gebruiksoppervlakte and two bedrooms of 7 m² gets the
overbewoning and SNF signals with the article and the numbers; with 4 beds it gets none.
"""

from __future__ import annotations

import json

from django.test import Client
from rest_framework.test import APIClient

import pytest
from arbeidsmigranten_support import make_wijken
from typer.testing import CliRunner

from migratieketen_cli.main import app
from migratieketen_web.audit.models import AuditEntry
from register_support import make_gemeenten, make_user

pytestmark = pytest.mark.django_db
runner = CliRunner()


def _body(beds: int, huisnummer: int) -> dict:
    return {
        "gemeentecode": "GM0363",
        "postcode": "1012 AB",
        "huisnummer": huisnummer,
        "wijkcode": "WK0363AA",
        "soort": "woning",
        "bedden": beds,
        "gebruiksoppervlakte": "60",
        "slaapkamers": ["7", "7"],
    }


def test_ten_beds_get_overbewoning_and_snf_signals_four_beds_none() -> None:
    make_wijken(make_gemeenten())
    user = make_user("km-ams", ("GM0363", "klantmanager"))
    client = APIClient()
    client.force_authenticate(user)
    crowded = client.post("/api/v1/huisvestingslocaties", _body(10, 1), format="json")
    assert crowded.status_code == 201, crowded.content
    roomy = client.post("/api/v1/huisvestingslocaties", _body(4, 2), format="json")
    assert roomy.status_code == 201, roomy.content

    detail = client.get(f"/api/v1/huisvestingslocaties/{crowded.json()['uuid']}").json()
    kinds = [s["soort"] for s in detail["signalen"]]
    assert kinds == ["bedden_boven_norm", "bedden_boven_norm", "overbewoning"]
    over = detail["signalen"][2]
    assert "art. 7.18 Bouwbesluit 2012" in over["omschrijving"]
    assert "60 m² / 12 m²" in over["omschrijving"]
    assert over["getallen"] == {
        "norm": "overbewoning",
        "personen": 10,
        "toegestaan": 5,
        "teVeel": 5,
    }
    snf = {s["getallen"]["norm"]: s for s in detail["signalen"][:2]}
    assert snf["snf_oppervlakte"]["getallen"]["toegestaan"] == 5
    assert snf["snf_slaapkamer"]["getallen"]["toegestaan"] == 4
    assert snf["snf_slaapkamer"]["regel"].startswith("SNF-norm")
    assert detail["maximaalBedden"] == 4
    assert (
        client.get(f"/api/v1/huisvestingslocaties/{roomy.json()['uuid']}").json()[
            "signalen"
        ]
        == []
    )

    listed = client.get("/api/v1/huisvestingslocaties?signaal=overbewoning").json()
    assert [r["uuid"] for r in listed["results"]] == [crowded.json()["uuid"]]

    page = Client()
    page.force_login(user)
    html = page.get(f"/arbeidsmigranten/{crowded.json()['uuid']}").content.decode()
    assert "Overbewoning" in html and "5 te veel" in html

    result = runner.invoke(
        app,
        [
            "arbeidsmigranten",
            "signalen",
            "--gemeente",
            "GM0363",
            "--gebruiker",
            "km-ams",
            "--format",
            "json",
        ],
    )
    assert result.exit_code == 0, result.output
    records = {r["bedden"]: r for r in json.loads(result.output)}
    assert records[4]["signalen"] == []
    rules = [(s["soort"], s["regel"]) for s in records[10]["signalen"]]
    assert ("overbewoning", "Besluit bouwwerken leefomgeving") in rules
    assert all(s["getallen"]["teVeel"] > 0 for s in records[10]["signalen"])
    assert AuditEntry.objects.filter(channel="cli", username="km-ams").exists()


def test_the_cli_refuses_a_user_of_another_gemeente() -> None:
    make_wijken(make_gemeenten())
    make_user("km-utr", ("GM0344", "klantmanager"))
    result = runner.invoke(
        app,
        [
            "arbeidsmigranten",
            "signalen",
            "--gemeente",
            "GM0363",
            "--gebruiker",
            "km-utr",
        ],
    )
    assert result.exit_code == 1
    assert "Geen toegang" in result.output


def test_a_departure_ends_the_stay_and_the_signal() -> None:
    """Employer-tied housing, a job ending in 10 days; the occupant leaves: no signal."""
    from datetime import timedelta

    from django.utils import timezone

    from arbeidsmigranten_support import location_input

    from migratieketen_web.accounts.isolation import actor_for_user
    from migratieketen_web.arbeidsmigranten import services

    make_wijken(make_gemeenten())
    user = make_user("km-ams", ("GM0363", "klantmanager"))
    actor = actor_for_user(user)
    today = timezone.localdate()
    location, _ = services.save_location(
        actor, location_input(beds=4, employer_tied=True)
    )
    occupant = services.add_occupant(
        actor,
        location,
        services.OccupantInput(
            "brp", today - timedelta(days=60), contract_end=today + timedelta(days=10)
        ),
    )
    kinds = [s.kind.value for s in services.location_view(actor, location).signals]
    assert kinds == ["dreigende_dakloosheid"]
    page = Client()
    page.force_login(user)
    url = f"/arbeidsmigranten/{location.uuid}/bewoner/{occupant.uuid}/vertrek"
    future = page.post(url, {"vertrek": (today + timedelta(days=2)).isoformat()})
    assert future.status_code == 302
    assert "in de toekomst" in page.get(future["Location"]).content.decode()
    page.post(url, {"vertrek": (today - timedelta(days=1)).isoformat()})
    view = services.location_view(actor, location)
    assert view.present == 0 and view.signals == ()
