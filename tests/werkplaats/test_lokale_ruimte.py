# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Lokale ruimte on the web: who may enter a choice, and what it changes."""

from __future__ import annotations

import re

from django.test import Client

import pytest
from tests.werkplaats.support import client_for, user_with

from migratieketen_web.accounts.roles import Role
from migratieketen_web.werkplaats.models import LocalChoice

pytestmark = pytest.mark.django_db
VENRAY = "GM0984"
CHOICE = {
    "key": "hw_urgentie_statushouders",
    "option": "nee",
    "source_url": "https://lokaleregelgeving.overheid.nl/CVDR000000",
    "source_date": "2024-06-01",
    "note": "Huisvestingsverordening",
}


def _priority(html: str) -> str:
    found = re.search(r"Voorrang voor statushouders</th><td[^>]*>([^<]+)</td>", html)
    assert found, "woningmarkt section missing"
    return found.group(1)


def test_a_choice_entered_changes_the_housing_model_for_that_gemeente() -> None:
    before = Client().get(f"/gemeenten/{VENRAY}/overzicht?halfjaar=2025-1").content
    assert _priority(before.decode()) != "0 %"  # the national AANNAME
    beleid = client_for(user_with("beleid-venray", VENRAY, Role.BELEID))
    response = beleid.post(f"/gemeenten/{VENRAY}/lokale-ruimte", CHOICE)
    assert response.status_code == 302
    after = Client().get(f"/gemeenten/{VENRAY}/overzicht?halfjaar=2025-1").content
    html = after.decode()
    assert _priority(html) == "0 %"
    assert "Lokale keuze: statushouders zijn geen urgentiecategorie" in html
    # Another gemeente keeps the national assumption.
    other = Client().get("/gemeenten/GM0983/overzicht?halfjaar=2025-1").content
    assert _priority(other.decode()) != "0 %"


def test_choice_is_shown_with_its_source_and_on_the_national_page() -> None:
    beheer = client_for(user_with("beheer-venray", VENRAY, Role.BEHEERDER))
    assert beheer.post(f"/gemeenten/{VENRAY}/lokale-ruimte", CHOICE).status_code == 302
    page = Client().get(f"/gemeenten/{VENRAY}/lokale-ruimte").content.decode()
    assert "lokaleregelgeving.overheid.nl/CVDR000000" in page and "01-06-2024" in page
    national = Client().get("/lokale-ruimte").content.decode()
    assert "Venray" in national and "CVDR000000" in national
    assert "samenhang is geen effect" in national


@pytest.mark.parametrize("who", ["anonymous", "other-gemeente", "klantmanager"])
def test_only_beleid_or_beheer_of_the_gemeente_may_enter(who: str) -> None:
    if who == "anonymous":
        client = Client()
    elif who == "other-gemeente":
        client = client_for(user_with("beleid-horst", "GM1507", Role.BELEID))
    else:
        client = client_for(user_with("km-venray", VENRAY, Role.KLANTMANAGER))
    response = client.post(f"/gemeenten/{VENRAY}/lokale-ruimte", CHOICE)
    assert response.status_code == 403
    assert not LocalChoice.objects.exists()


def test_bad_option_is_a_dutch_error_and_nothing_is_saved() -> None:
    beleid = client_for(user_with("beleid-venray2", VENRAY, Role.BELEID))
    response = beleid.post(
        f"/gemeenten/{VENRAY}/lokale-ruimte", {**CHOICE, "option": "misschien"}
    )
    assert response.status_code == 400
    assert "is geen optie" in response.content.decode()
    assert not LocalChoice.objects.exists()
