# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Fixtures for the hardening tests: users and a client as an attacker uses it."""

from __future__ import annotations

import base64

from django.contrib.auth.models import User

import pytest

PASSWORD = "juist-wachtwoord-42"


@pytest.fixture
def admin_user(db: None) -> User:
    return User.objects.create_superuser("beheerder", "b@example.nl", PASSWORD)


def basic(user: str, password: str) -> dict[str, str]:
    token = base64.b64encode(f"{user}:{password}".encode()).decode()
    return {"HTTP_AUTHORIZATION": f"Basic {token}"}
