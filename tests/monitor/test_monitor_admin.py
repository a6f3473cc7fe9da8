# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Beheer: every monitor model has a Dutch admin; art. 29 lid 2 sums are checked."""

from __future__ import annotations

from django.contrib.auth.models import User
from django.test import Client

import pytest

from migratieketen_web.gemeenten.models import Gemeente
from migratieketen_web.monitor import models

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(db: None) -> Client:
    user = User.objects.create_superuser("beheerder", password="x")
    client = Client(HTTP_ACCEPT_LANGUAGE="nl")
    client.force_login(user)
    return client


@pytest.mark.parametrize(
    "model,label",
    [
        ("realisation", "realisaties"),
        ("realisationimport", "imports realisaties"),
        ("openingbalance", "beginsaldi"),
        ("coalinkage", "koppelingen COA"),
        ("regionalagreement", "regionale afspraken (art. 29 lid 2)"),
    ],
)
def test_changelists_render_with_dutch_labels(
    admin_client: Client, model: str, label: str
) -> None:
    response = admin_client.get(f"/beheer/monitor/{model}/")
    assert response.status_code == 200
    assert label in response.content.decode()


def _agreement_post(deltas: dict[str, int]) -> dict[str, str]:
    ids = dict(Gemeente.objects.filter(code__in=deltas).values_list("code", "pk"))
    data = {
        "name": "Regio test",
        "half_year": "2025H1",
        "note": "",
        "shares-TOTAL_FORMS": str(len(deltas)),
        "shares-INITIAL_FORMS": "0",
        "shares-MIN_NUM_FORMS": "0",
        "shares-MAX_NUM_FORMS": "1000",
    }
    for i, (code, delta) in enumerate(deltas.items()):
        data[f"shares-{i}-gemeente"] = str(ids[code])
        data[f"shares-{i}-delta"] = str(delta)
    return data


def test_regional_agreement_must_sum_to_zero(admin_client: Client) -> None:
    url = "/beheer/monitor/regionalagreement/add/"
    bad = admin_client.post(url, _agreement_post({"GM0599": -5, "GM0606": 4}))
    assert bad.status_code == 200
    assert "moet 0 zijn (art. 29 lid 2)" in bad.content.decode()
    assert models.RegionalAgreement.objects.count() == 0
    good = admin_client.post(url, _agreement_post({"GM0599": -5, "GM0606": 5}))
    assert good.status_code == 302
    agreement = models.RegionalAgreement.objects.get()
    assert agreement.half_year == "2025-1"  # normalised from 2025H1
    assert agreement.shares.count() == 2


def test_opening_balance_rejects_a_bad_half_year(admin_client: Client) -> None:
    response = admin_client.post(
        "/beheer/monitor/openingbalance/add/",
        {
            "gemeente": str(Gemeente.objects.get(code="GM0599").pk),
            "half_year": "2025-3",
            "source_text": "provincie",
            "balance": "12",
        },
    )
    assert response.status_code == 200
    assert "Ongeldig halfjaar" in response.content.decode()
    assert models.OpeningBalance.objects.count() == 0


def test_realisation_added_in_beheer_gets_a_key_and_dutch_errors(
    admin_client: Client,
) -> None:
    gemeente = str(Gemeente.objects.get(code="GM0599").pk)
    form = {
        "gemeente": gemeente,
        "housed_on": "2025-05-01",
        "persons": "2",
        "households": "3",
        "kind": "regulier",
        "reference": "",
    }
    bad = admin_client.post("/beheer/monitor/realisation/add/", form)
    assert "Er kunnen niet meer huishoudens dan personen zijn." in bad.content.decode()
    ok = admin_client.post(
        "/beheer/monitor/realisation/add/", form | {"households": "1"}
    )
    assert ok.status_code == 302
    row = models.Realisation.objects.get()
    assert row.source == "web" and row.key == f"web:{row.uuid}"


def test_beheer_writes_realisations_under_the_same_rule() -> None:
    """Model permissions alone do not suffice: the register's write rule applies too."""
    from django.contrib.auth.models import Group, Permission

    user = User.objects.create_user("medewerker", password="x", is_staff=True)
    user.user_permissions.set(
        Permission.objects.filter(content_type__app_label="monitor")
    )
    client = Client(HTTP_ACCEPT_LANGUAGE="nl")
    client.force_login(user)
    assert client.get("/beheer/monitor/realisation/add/").status_code == 403
    user.groups.add(Group.objects.get_or_create(name="registers.bijwerken")[0])
    assert client.get("/beheer/monitor/realisation/add/").status_code == 403  # a group
    from migratieketen_web.accounts.roles import Role
    from migratieketen_web.accounts.services import add_membership, organisation_for

    add_membership(user, organisation_for("GM0599"), Role.BELEID)  # a role does
    assert client.get("/beheer/monitor/realisation/add/").status_code == 200
