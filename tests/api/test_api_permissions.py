# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Scopes per action (A13): open data is open, everything else is denied by default."""

from __future__ import annotations

from django.contrib.auth.models import Group, User
from django.core.exceptions import ImproperlyConfigured
from rest_framework import viewsets
from rest_framework.response import Response
from rest_framework.test import APIRequestFactory, force_authenticate

import pytest
from api_support import assert_problem

from migratieketen_web.api.permissions import (
    OPEN,
    PLANNING_LEZEN,
    REGISTERS_BIJWERKEN,
    REGISTERS_LEZEN,
    SCOPES,
    ScopesRequired,
    granted_scopes,
    register_scope,
)

pytestmark = pytest.mark.django_db


class RegisterViewSet(viewsets.ViewSet):
    """A register-like viewset: reading needs registers.lezen; create is unmapped."""

    permission_classes = [ScopesRequired]
    required_scopes = {"list": REGISTERS_LEZEN}

    def list(self, request):  # type: ignore[no-untyped-def]
        return Response({"results": []})

    def create(self, request):  # type: ignore[no-untyped-def]
        return Response(status=201)


list_view = RegisterViewSet.as_view({"get": "list", "post": "create"})


def _call(method: str, user: User | None):  # type: ignore[no-untyped-def]
    request = getattr(APIRequestFactory(), method)("/api/v1/registers")
    if user is not None:
        force_authenticate(request, user=user)
    return list_view(request).render()


def _user(*groups: str, superuser: bool = False) -> User:
    user = User.objects.create_user(
        f"u{User.objects.count()}", password="x" * 12, is_superuser=superuser
    )
    for name in groups:
        user.groups.add(Group.objects.get_or_create(name=name)[0])
    return user


def test_anonymous_is_denied_as_not_authenticated():
    response = _call("get", None)
    assert response.status_code == 403  # DRF: 403 when no WWW-Authenticate scheme
    assert response["Content-Type"] == "application/problem+json"
    assert response.data["detail"] == "Voor deze bron is authenticatie nodig."


def test_missing_scope_is_a_dutch_problem_naming_the_scope():
    response = _call("get", _user("planning.lezen"))
    assert response.status_code == 403
    assert response["Content-Type"] == "application/problem+json"
    assert response.data["detail"] == "Hiervoor is de scope 'registers.lezen' nodig."


def test_user_with_the_scope_group_is_allowed():
    assert _call("get", _user("registers.lezen")).status_code == 200


def test_other_scope_does_not_help():
    assert _call("get", _user("planning.lezen", "beheerders")).status_code == 403


def test_action_without_scope_is_denied_by_default():
    assert (
        _call("post", _user("registers.lezen", "registers.bijwerken")).status_code
        == 403
    )


def test_superuser_holds_every_scope():
    user = _user(superuser=True)
    assert granted_scopes(user) == frozenset(SCOPES)
    assert _call("post", user).status_code == 403  # still no scope mapped for create


def test_inactive_user_holds_no_scope():
    user = _user("registers.lezen")
    user.is_active = False
    assert granted_scopes(user) == frozenset()


def test_group_names_that_are_not_scopes_are_ignored():
    assert granted_scopes(_user("registers.lezen", "koffieclub")) == {"registers.lezen"}


def test_view_without_required_scopes_is_a_configuration_error():
    class Broken(viewsets.ViewSet):
        permission_classes = [ScopesRequired]

        def list(self, request):  # type: ignore[no-untyped-def]
            return Response()

    request = APIRequestFactory().get("/api/v1/x")
    response = Broken.as_view({"get": "list"})(request).render()
    assert response.status_code == 500  # logged; never silently open
    assert response["Content-Type"] == "application/problem+json"


def test_scope_labels_are_unique_and_described_in_dutch():
    with pytest.raises(ImproperlyConfigured):
        register_scope("registers.lezen", "dubbel")
    for scope in (REGISTERS_LEZEN, REGISTERS_BIJWERKEN, PLANNING_LEZEN):
        assert scope.description
    assert OPEN.label not in SCOPES


def test_open_data_endpoints_are_open_also_for_options(client, api_data):
    assert client.get("/api/v1/gemeenten").status_code == 200
    assert client.options("/api/v1/gemeenten").status_code == 200
    assert client.head("/api/v1/gemeenten/GM0363").status_code == 200
    assert (
        client.get("/api/v1/indicatoren/bevolkingsdichtheid/waarden").status_code == 200
    )
    assert_problem(client.delete("/api/v1/gemeenten/GM0363"), 405)
