# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Issue 11: "Huisvesting invoeren" leads to the app's own sign-in, the header shows who
is signed in, and /over and the README say how an organisation gets accounts."""

from __future__ import annotations

from pathlib import Path

from django.contrib.auth.models import User
from django.test import Client

import pytest

pytestmark = pytest.mark.django_db

REPO = Path(__file__).resolve().parents[2]


def test_entering_housing_sends_to_the_app_sign_in_not_the_admin(
    client: Client,
) -> None:
    response = client.get("/monitor/realisaties/nieuw")
    assert response.status_code == 302
    assert response["Location"].startswith("/inloggen?next=")
    assert "/beheer" not in response["Location"]
    page = client.get(response["Location"]).content.decode()
    assert 'class="utrecht-document' in page and "django-admin" not in page


def test_header_says_who_is_signed_in_with_a_logout(client: Client) -> None:
    client.force_login(User.objects.create_user("beleid-venray", password="x" * 12))
    html = client.get("/over").content.decode()
    assert "Ingelogd als beleid-venray" in html
    assert 'action="/uitloggen"' in html


def test_over_and_readme_say_how_an_organisation_gets_accounts(client: Client) -> None:
    html = client.get("/over").content.decode()
    assert 'id="accounts"' in html and 'href="/inloggen"' in html
    assert "vraag de beheerder van deze installatie om een account" in html
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert "## Inloggen en accounts" in readme
    assert (
        "migratieketen gebruiker aanmaken" in readme.split("## Inloggen en accounts")[1]
    )
