# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Two-step login with a TOTP app, session limits, and API tokens."""

from __future__ import annotations

import time
from datetime import timedelta

from django.contrib.auth.models import User
from django.test import Client
from django.utils import timezone
from rest_framework.test import APIClient

import pytest
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from migratieketen_web.accounts.isolation import IsolationDenied, actor_for_token
from migratieketen_web.accounts.middleware import LOGIN_AT
from migratieketen_web.accounts.models import ApiToken
from migratieketen_web.accounts.roles import Right
from migratieketen_web.accounts.services import organisation_for
from migratieketen_web.accounts.tokens import (
    TokenError,
    digest,
    find_token,
    issue_token,
    revoke_token,
)
from register_support import make_gemeenten, make_user

pytestmark = pytest.mark.django_db
PASSWORD = "een-lang-wachtwoord-1"


def _code(device: TOTPDevice) -> str:
    return f"{totp(device.bin_key, device.step, device.t0, device.digits):06d}"


def test_first_login_links_an_app_and_a_session_needs_the_code() -> None:
    make_gemeenten()
    make_user("km", ("GM0363", "klantmanager"))
    client = Client()
    page = client.get("/inloggen").content.decode()
    assert "utrecht-button" in page and "csrfmiddlewaretoken" in page
    step1 = client.post("/inloggen", {"username": "km", "password": PASSWORD})
    assert step1["Location"] == "/inloggen/koppelen"
    assert "_auth_user_id" not in client.session  # no session on a password alone
    enrol = client.get("/inloggen/koppelen").content.decode()
    assert "data:image/svg+xml;base64," in enrol
    device = TOTPDevice.objects.get(user__username="km")
    done = client.post("/inloggen/koppelen", {"code": _code(device)})
    assert done.status_code == 302
    assert client.session.get("_auth_user_id")
    header = client.get("/inburgering").content.decode()
    assert "Ingelogd als km" in header and "Uitloggen" in header


def test_later_logins_ask_the_code_and_refuse_a_wrong_one() -> None:
    make_gemeenten()
    user = make_user("km", ("GM0363", "klantmanager"))
    device = TOTPDevice.objects.create(user=user, name="app", confirmed=True)
    client = Client()
    wrong_pw = client.post("/inloggen", {"username": "km", "password": "fout"})
    assert "Gebruikersnaam of wachtwoord klopt niet." in wrong_pw.content.decode()
    assert (
        client.post("/inloggen", {"username": "km", "password": PASSWORD})["Location"]
        == "/inloggen/code"
    )
    bad = client.post("/inloggen/code", {"code": "12345"}).content.decode()
    assert "De code bestaat uit zes cijfers." in bad
    assert "_auth_user_id" not in client.session
    ok = client.post("/inloggen/code", {"code": _code(device)})
    assert ok.status_code == 302 and client.session.get("_auth_user_id")
    client.post("/uitloggen")
    assert "_auth_user_id" not in client.session


def test_admin_login_goes_through_the_two_step_login() -> None:
    response = Client().get("/beheer/login/?next=/beheer/")
    assert response["Location"].startswith("/inloggen?next=/beheer/")


def test_a_session_ends_after_the_maximum_hours(settings) -> None:  # type: ignore[no-untyped-def]
    make_gemeenten()
    user = make_user("km", ("GM0363", "klantmanager"))
    client = Client()
    client.force_login(user)
    assert client.get("/inburgering").status_code == 200
    session = client.session
    session[LOGIN_AT] = time.time() - 3600 * (
        settings.MIGRATIEKETEN_SESSION_MAX_HOURS + 1
    )
    session.save()
    assert client.get("/inburgering")["Location"].startswith("/inloggen")


def test_tokens_are_stored_hashed_scoped_and_revocable() -> None:
    make_gemeenten()
    user = make_user("km", ("GM0363", "klantmanager"), ("GM0344", "klantmanager"))
    org = organisation_for("GM0363")
    issued = issue_token(
        user=user,
        name="zaaksysteem",
        grants=[(org, "registers.lezen")],
        expires_at=timezone.now() + timedelta(days=30),
        issuer=user,
    )
    stored = ApiToken.objects.get()
    assert issued.plaintext not in {stored.digest, stored.prefix, stored.name}
    assert stored.digest == digest(issued.plaintext)
    token = find_token(issued.plaintext)
    assert token is not None
    actor = actor_for_token(token)
    assert actor.gemeenten(Right.PERSONAL_READ) == {"GM0363"}  # not GM0344
    assert not actor.holds(Right.PERSONAL_WRITE)  # registers.lezen only
    assert find_token(issued.plaintext[:-1] + "x") is None
    revoke_token(stored, user)
    assert find_token(issued.plaintext) is None
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Bearer {issued.plaintext}")
    refused = api.get("/api/v1/inburgeraars")
    assert refused.status_code == 401
    assert refused.json()["detail"] == "Het token is onbekend, verlopen of ingetrokken."


def test_token_rights_never_exceed_the_role() -> None:
    make_gemeenten()
    user = make_user("beleid", ("GM0363", "beleid"))
    issued = issue_token(
        user=user,
        name="x",
        grants=[(organisation_for("GM0363"), "registers.bijwerken")],
        expires_at=timezone.now() + timedelta(days=1),
        issuer=user,
    )
    actor = actor_for_token(find_token(issued.plaintext))
    assert not actor.holds(Right.PERSONAL_READ)
    assert actor.may(Right.REALISATIONS_WRITE, "GM0363")


def test_expired_tokens_and_limits() -> None:
    make_gemeenten()
    user = make_user("km", ("GM0363", "klantmanager"))
    org = organisation_for("GM0363")
    with pytest.raises(TokenError, match="hooguit 365 dagen"):
        issue_token(
            user=user,
            name="x",
            grants=[(org, "registers.lezen")],
            expires_at=timezone.now() + timedelta(days=400),
            issuer=user,
        )
    issued = issue_token(
        user=user,
        name="x",
        grants=[(org, "registers.lezen")],
        expires_at=timezone.now() + timedelta(seconds=1),
        issuer=user,
    )
    ApiToken.objects.update(expires_at=timezone.now() - timedelta(seconds=1))
    assert find_token(issued.plaintext) is None


def test_only_the_user_or_a_beheerder_of_the_organisation_issues_tokens() -> None:
    make_gemeenten()
    km = make_user("km", ("GM0363", "klantmanager"))
    beheerder = make_user("beheer", ("GM0363", "beheerder"))
    stranger = make_user("ander", ("GM0344", "beheerder"))
    grants = [(organisation_for("GM0363"), "registers.lezen")]
    later = timezone.now() + timedelta(days=5)
    issued = issue_token(
        user=km,
        name="door beheerder",
        grants=grants,
        expires_at=later,
        issuer=beheerder,
    )
    with pytest.raises(IsolationDenied):
        issue_token(user=km, name="x", grants=grants, expires_at=later, issuer=stranger)
    with pytest.raises(IsolationDenied):
        revoke_token(issued.token, stranger)
    revoke_token(issued.token, beheerder)
    assert ApiToken.objects.get(pk=issued.token.pk).revoked_by == beheerder


def test_the_token_page_shows_a_new_token_once(client: Client) -> None:
    make_gemeenten()
    user: User = make_user("km", ("GM0363", "klantmanager"))
    client.force_login(user)
    response = client.post(
        "/account/tokens",
        {"name": "script", "days": "30", "grants": ["GM0363|registers.lezen"]},
    )
    html = response.content.decode()
    assert "no-store" in response["Cache-Control"]
    plaintext = html.split('class="utrecht-code mk-token">')[1].split("<")[0]
    assert plaintext.startswith("mk_")
    assert plaintext not in client.get("/account/tokens").content.decode()


def test_a_beheerder_makes_and_revokes_a_members_token(client: Client) -> None:
    make_gemeenten()
    km = make_user("km", ("GM0363", "klantmanager"))
    beheerder = make_user("beheer", ("GM0363", "beheerder"))
    client.force_login(beheerder)
    html = client.post(
        "/organisatie/gebruikers",
        {
            "member": str(km.pk),
            "name": "koppeling",
            "days": "30",
            "grants": ["GM0363|registers.lezen"],
        },
    ).content.decode()
    plaintext = html.split('class="utrecht-code mk-token">')[1].split("<")[0]
    token = find_token(plaintext)
    assert token is not None and token.user == km and token.created_by == beheerder
    client.post(f"/account/tokens/{token.uuid}/intrekken")
    assert find_token(plaintext) is None
