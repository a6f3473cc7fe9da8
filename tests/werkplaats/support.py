# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Signed-in clients with one role in one organisation (ADR 0012)."""

from __future__ import annotations

from django.contrib.auth.models import User
from django.test import Client

from migratieketen_web.accounts.roles import Role
from migratieketen_web.accounts.services import add_membership, organisation_for


def user_with(name: str, code: str | None = None, role: Role | None = None) -> User:
    user = User.objects.create_user(name, password="x-geheim-1")
    if code and role:
        add_membership(user, organisation_for(code), role)
    return user


def client_for(user: User) -> Client:
    client = Client(HTTP_ACCEPT_LANGUAGE="nl")
    client.force_login(user)
    return client
