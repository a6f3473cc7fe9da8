# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Issue 9 #12: 50 wrong logins lock the user name for that address (django-axes),
on the login page (/inloggen, also the admin's) and on the API's HTTP Basic login alike; the lock is in the
database, so every process and a restart see it."""

from __future__ import annotations

import json

from django.conf import settings
from django.test import Client

import pytest
from axes.models import AccessAttempt
from security_support import PASSWORD, basic

pytestmark = pytest.mark.django_db
ATTEMPTS = 50


def _admin_login(client: Client, password: str) -> int:
    response = client.post(
        "/inloggen?next=/beheer/",
        {"username": "beheerder", "password": password},
    )
    return response.status_code


def test_fifty_wrong_logins_lock_even_the_right_password(admin_user):
    client = Client()
    statuses = [_admin_login(client, f"fout-{i}") for i in range(ATTEMPTS)]
    assert statuses[0] == 200  # the form again, with an error
    assert statuses[-1] == 429
    assert statuses.count(429) >= ATTEMPTS - settings.AXES_FAILURE_LIMIT
    locked = client.post(
        "/inloggen?next=/beheer/",
        {"username": "beheerder", "password": PASSWORD},
    )
    assert locked.status_code == 429
    assert "Te veel pogingen" in locked.content.decode()
    assert "_auth_user_id" not in client.session
    assert AccessAttempt.objects.filter(username="beheerder").exists()


def test_a_lock_for_one_address_leaves_another_address_alone(admin_user):
    for i in range(settings.AXES_FAILURE_LIMIT):
        _admin_login(Client(REMOTE_ADDR="192.0.2.10"), f"fout-{i}")
    assert _admin_login(Client(REMOTE_ADDR="192.0.2.10"), PASSWORD) == 429
    assert _admin_login(Client(REMOTE_ADDR="192.0.2.20"), PASSWORD) == 302


def _api_post(client: Client, password: str):  # type: ignore[no-untyped-def]
    return client.post(
        "/api/v1/realisaties",
        data=json.dumps({}),
        content_type="application/json",
        **basic("beheerder", password),
    )


def test_fifty_wrong_basic_auth_logins_lock_the_api_with_a_429_problem(admin_user):
    client = Client()
    statuses = [_api_post(client, f"fout-{i}").status_code for i in range(ATTEMPTS)]
    assert statuses[0] == 401
    assert statuses[-1] == 429
    locked = _api_post(client, PASSWORD)
    assert locked.status_code == 429
    assert locked["Content-Type"] == "application/problem+json"
    assert int(locked["Retry-After"]) == settings.AXES_COOLOFF_TIME.total_seconds()
    body = locked.json()
    assert "inlogpogingen" in body["detail"]
    assert set(body) == {"type", "title", "status", "detail", "instance"}


def test_the_right_password_before_the_limit_still_works(admin_user):
    client = Client()
    for i in range(settings.AXES_FAILURE_LIMIT - 1):
        assert _api_post(client, f"fout-{i}").status_code == 401
    assert _api_post(client, PASSWORD).status_code == 400  # logged in; body invalid


def test_client_address_behind_a_proxy_is_the_one_the_proxy_saw(rf, settings):
    from migratieketen_web.security import client_ip_address

    request = rf.get(
        "/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="6.6.6.6, 198.51.100.7"
    )
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "NUM_PROXIES": 0}
    assert client_ip_address(request) == "10.0.0.1"
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "NUM_PROXIES": 1}
    assert client_ip_address(request) == "198.51.100.7"  # not the forgeable 6.6.6.6
