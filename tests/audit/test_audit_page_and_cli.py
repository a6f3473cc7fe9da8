# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""The audit page shows a beheerder the own organisation's lines; the CLI filters."""

from __future__ import annotations

import json

from django.test import Client
from rest_framework.test import APIClient

import pytest
from typer.testing import CliRunner

from migratieketen_cli.main import app
from migratieketen_web.accounts.isolation import actor_for_user
from migratieketen_web.inburgering import services
from register_support import make_gemeenten, make_user, person_input

pytestmark = pytest.mark.django_db


def test_beheerder_sees_the_own_organisations_lines_only() -> None:
    make_gemeenten()
    km_a = make_user("km-a", ("GM0363", "klantmanager"))
    km_b = make_user("km-b", ("GM0344", "klantmanager"))
    services.create_person(actor_for_user(km_a), person_input("GM0363", seed=40000000))
    services.create_person(actor_for_user(km_b), person_input("GM0344", seed=40000010))
    client = Client()
    client.force_login(make_user("beheer-a", ("GM0363", "beheerder")))
    html = client.get("/audit").content.decode()
    assert "km-a" in html and "km-b" not in html
    assert "Wet inburgering 2021" in html
    assert "Ongeldige datum" in client.get("/audit?sinds=gisteren").content.decode()
    client.force_login(km_a)
    assert client.get("/audit").status_code == 404  # a klantmanager reads no audit


def test_cli_filters_by_gemeente_and_date() -> None:
    make_gemeenten()
    km = make_user("km", ("GM0363", "klantmanager"))
    services.create_person(actor_for_user(km), person_input("GM0363", seed=40000020))
    runner = CliRunner()
    out = runner.invoke(app, ["audit", "--gemeente", "gm0363", "--format", "json"])
    assert out.exit_code == 0 and len(json.loads(out.output)) == 1
    later = runner.invoke(
        app,
        ["audit", "--gemeente", "GM0363", "--sinds", "2999-01-01", "--format", "json"],
    )
    assert json.loads(later.output) == []
    bad = runner.invoke(app, ["audit", "--sinds", "morgen"])
    assert bad.exit_code == 2 and "JJJJ-MM-DD" in bad.output


def test_api_filters_are_validated() -> None:
    make_gemeenten()
    api = APIClient()
    api.force_authenticate(make_user("km", ("GM0363", "klantmanager")))
    bad = api.get("/api/v1/inburgeraars?leerroute=c2&provinice=PV27")
    assert bad.status_code == 400
    names = {p["name"] for p in bad.json()["invalidParams"]}
    assert names == {"leerroute", "provinice"}
    assert (
        api.get("/api/v1/inburgeraars?gemeente=GM0363&grond=asiel").status_code == 200
    )
    assert APIClient().get("/api/v1/inburgeraars").status_code == 401
    beleid = APIClient()
    beleid.force_authenticate(make_user("beleid", ("GM0363", "beleid")))
    assert beleid.get("/api/v1/inburgeraars").status_code == 403
