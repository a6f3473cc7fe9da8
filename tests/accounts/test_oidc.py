# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""OpenID Connect login against a local imitation identity provider (no internet).

The imitation serves the token and userinfo endpoints on 127.0.0.1; the ID token is a
real HS256 JWT with the nonce the app sent, so mozilla-django-oidc verifies it for real.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlparse

from django.contrib.auth.models import User
from django.test import Client

import jwt
import pytest

from migratieketen_web.accounts.models import Membership
from register_support import make_gemeenten

pytestmark = [pytest.mark.django_db, pytest.mark.urls("oidc_urls")]
PORT = 8123
SECRET = "imitatie-geheim-voor-de-test-0123456789"


class Provider:
    """What the imitation answers: the claims and the nonce of the current login."""

    nonce = ""
    claims: dict[str, Any] = {}


class Handler(BaseHTTPRequestHandler):
    def _json(self, body: dict[str, Any]) -> None:
        data = json.dumps(body).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_POST(self) -> None:  # noqa: N802 - http.server's name
        length = int(self.headers.get("Content-Length", 0))
        form = parse_qs(self.rfile.read(length).decode())
        assert form["client_secret"] == [SECRET] and form["code"] == ["code-1"]
        now = int(time.time())
        id_claims = {k: v for k, v in Provider.claims.items() if k in ("sub", "amr")}
        id_token = jwt.encode(
            {
                **id_claims,
                "iss": f"http://127.0.0.1:{PORT}",
                "aud": "migratieketen",
                "iat": now,
                "exp": now + 300,
                "nonce": Provider.nonce,
            },
            SECRET,
            algorithm="HS256",
        )
        self._json(
            {"id_token": id_token, "access_token": "at-1", "token_type": "Bearer"}
        )

    def do_GET(self) -> None:  # noqa: N802
        assert self.headers["Authorization"] == "Bearer at-1"
        self._json(Provider.claims)

    def log_message(self, *args: Any) -> None:  # keep the test output clean
        return


@pytest.fixture(scope="module")
def provider() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", PORT), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{PORT}"
    server.shutdown()
    server.server_close()


@pytest.fixture
def oidc(settings, provider: str) -> None:  # type: ignore[no-untyped-def]
    settings.MIGRATIEKETEN_OIDC_ENABLED = True
    settings.AUTHENTICATION_BACKENDS = [
        "django.contrib.auth.backends.ModelBackend",
        "migratieketen_web.accounts.oidc.RolesOIDCBackend",
    ]
    settings.OIDC_RP_CLIENT_ID = "migratieketen"
    settings.OIDC_RP_CLIENT_SECRET = SECRET
    settings.OIDC_RP_SIGN_ALGO = "HS256"
    settings.OIDC_OP_AUTHORIZATION_ENDPOINT = f"{provider}/authorize"
    settings.OIDC_OP_TOKEN_ENDPOINT = f"{provider}/token"
    settings.OIDC_OP_USER_ENDPOINT = f"{provider}/userinfo"
    make_gemeenten()


def _login(client: Client, claims: dict[str, Any]) -> Any:
    start = client.get("/oidc/authenticate/")
    query = parse_qs(urlparse(start["Location"]).query)
    Provider.nonce = query["nonce"][0]
    Provider.claims = claims
    return client.get("/oidc/callback/", {"code": "code-1", "state": query["state"][0]})


def test_roles_claim_becomes_memberships(oidc: None) -> None:
    client = Client()
    response = _login(
        client,
        {
            "sub": "abc-123",
            "amr": ["pwd", "otp"],
            "email": "km@example.org",
            "migratieketen_rollen": ["GM0363:klantmanager", "PV28:beleid", "XX:rol"],
        },
    )
    assert response.status_code == 302 and response["Location"] == "/"
    user = User.objects.get(username="oidc-abc-123")
    assert not user.has_usable_password()
    roles = sorted(
        (m.organisation.code, m.role) for m in Membership.objects.filter(user=user)
    )
    assert roles == [("GM0363", "klantmanager"), ("PV28", "beleid")]
    assert client.get("/inburgering").status_code == 200
    # The next login replaces the roles with the provider's current ones.
    _login(
        Client(),
        {"sub": "abc-123", "amr": ["mfa"], "migratieketen_rollen": "GM0344:beleid"},
    )
    assert [m.organisation.code for m in Membership.objects.filter(user=user)] == [
        "GM0344"
    ]


def test_a_login_without_a_second_factor_is_refused(oidc: None) -> None:
    client = Client()
    response = _login(
        client, {"sub": "zonder-mfa", "amr": ["pwd"], "migratieketen_rollen": []}
    )
    assert response["Location"].startswith("/inloggen?oidc=mislukt")
    assert "_auth_user_id" not in client.session
    assert not User.objects.filter(username="oidc-zonder-mfa").exists()
