# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Realisations are written under the one rule of ADR 0012: per gemeente and role."""

from __future__ import annotations

from datetime import timedelta

from django.test import Client
from django.utils import timezone
from rest_framework.test import APIClient

import pytest
from monitor_support import csv_bytes

from migratieketen_web.accounts.services import organisation_for
from migratieketen_web.accounts.tokens import issue_token
from migratieketen_web.monitor.models import Realisation
from register_support import make_user

pytestmark = pytest.mark.django_db
BODY = {"datumHuisvesting": "2025-03-14", "aantalPersonen": 3}


def _token(user, code: str) -> APIClient:  # type: ignore[no-untyped-def]
    issued = issue_token(
        user=user,
        name="script",
        grants=[(organisation_for(code), "registers.bijwerken")],
        expires_at=timezone.now() + timedelta(days=1),
        issuer=user,
    )
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {issued.plaintext}")
    return client


@pytest.mark.parametrize("role", ["klantmanager", "beleid"])
def test_a_gemeente_role_writes_only_its_own_realisations(role: str) -> None:
    user = make_user(f"r-{role}", ("GM0599", role))
    api = _token(user, "GM0599")
    own = api.post("/api/v1/realisaties", BODY | {"gemeente": "GM0599"}, format="json")
    assert own.status_code == 201, own.content
    other = api.post(
        "/api/v1/realisaties", BODY | {"gemeente": "GM0363"}, format="json"
    )
    assert other.status_code == 403
    assert "GM0363" in other.json()["detail"]
    assert Realisation.objects.filter(gemeente__code="GM0363").count() == 0


def test_a_beheerder_enters_no_realisations() -> None:
    user = make_user("beheer", ("GM0599", "beheerder"))
    client = Client()
    client.force_login(user)
    assert client.get("/monitor/realisaties/nieuw").status_code == 403


def test_the_form_and_the_csv_refuse_another_gemeente() -> None:
    user = make_user("km", ("GM0599", "klantmanager"))
    client = Client()
    client.force_login(user)
    refused = client.post(
        "/monitor/realisaties/nieuw",
        {
            "gemeente": "GM0363",
            "housed_on": "2025-03-14",
            "persons": "2",
            "kind": "regulier",
        },
    )
    assert refused.status_code == 403
    assert Realisation.objects.count() == 0
    upload = csv_bytes("GM0363;2025-03-14;2;regulier;")
    from django.core.files.uploadedfile import SimpleUploadedFile

    page = client.post(
        "/monitor/realisaties/import",
        {"bestand": SimpleUploadedFile("r.csv", upload)},
    ).content.decode()
    assert "u mag geen realisaties invoeren voor GM0363" in page
