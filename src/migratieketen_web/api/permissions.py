# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Scopes per API action, for the register endpoints that will follow (A13).

Open data needs no login (``OPEN``). Register data (statushouders, locaties,
taakstellingen) will need a scope per action, declared on the viewset as
``required_scopes = {"list": REGISTERS_LEZEN, ...}`` — the Open Zaak pattern.
Deny by default: an action without an entry is refused, so a new action cannot
become public by accident. A user holds a scope through a Django group with the
scope's label as its name (managed in /beheer); superusers hold every scope.

One write rule for web and API: `holds_scope(user, scope, gemeente)` is the only
permission check. The API's `ScopesRequired`, the web pages' `scope_required` and the
per-row checks of a write (the gemeente a realisation is for) all call it, so the
per-gemeente roles of a later issue are added in that one function.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import wraps
from typing import Any

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ImproperlyConfigured, PermissionDenied
from django.http import HttpRequest, HttpResponse
from rest_framework.permissions import BasePermission
from rest_framework.request import Request


@dataclass(frozen=True, slots=True)
class Scope:
    """A named permission with a Dutch description for the OpenAPI document."""

    label: str
    description: str

    def __str__(self) -> str:
        return self.label


SCOPES: dict[str, Scope] = {}


def register_scope(label: str, description: str) -> Scope:
    """Declare a scope once; a second scope with the same label is an error."""
    if label in SCOPES:
        raise ImproperlyConfigured(f"Scope {label!r} is al geregistreerd.")
    scope = Scope(label, description)
    SCOPES[label] = scope
    return scope


OPEN = Scope("open", "Open data: geen inlog nodig.")
REGISTERS_LEZEN = register_scope(
    "registers.lezen",
    "Registergegevens van de eigen gemeente lezen (statushouders, locaties).",
)
REGISTERS_BIJWERKEN = register_scope(
    "registers.bijwerken",
    "Registergegevens van de eigen gemeente aanmaken, wijzigen en verwijderen.",
)
PLANNING_LEZEN = register_scope(
    "planning.lezen", "Taakstellingen, prognoses en planningen lezen."
)
PLANNING_BIJWERKEN = register_scope(
    "planning.bijwerken", "Planningen en scenario's aanmaken en wijzigen."
)


class _ServerOperator:
    """Whoever runs a management command on the server: holds every scope."""

    is_authenticated = is_active = is_superuser = True

    def __repr__(self) -> str:
        return "SERVER_OPERATOR"


SERVER_OPERATOR = _ServerOperator()


def token_scopes(token: Any) -> frozenset[str]:
    """Scope labels an API token carries (for any of its organisations)."""
    labels = token.grants.values_list("scope", flat=True)
    return frozenset(label for label in labels if label in SCOPES)


def granted_scopes(user: Any) -> frozenset[str]:
    """Scope labels the user holds: group names that are registered scopes."""
    if user is None or not user.is_authenticated or not user.is_active:
        return frozenset()
    if user.is_superuser:
        return frozenset(SCOPES)
    names = user.groups.values_list("name", flat=True)
    return frozenset(name for name in names if name in SCOPES)


# Scopes whose holding the roles per gemeente decide (ADR 0012): the scope's label is
# what a token names and the OpenAPI document shows; the role gives the right.
ROLE_SCOPES: dict[str, str] = {"registers.bijwerken": "realisaties.bijwerken"}


def holds_scope(
    user: Any, scope: Scope, gemeente: str | None = None, auth: Any = None
) -> bool:
    """The one permission check: may `user` act under `scope` (for `gemeente`)?

    `gemeente` is the CBS code the action concerns, or None when it is not known yet
    (then: for at least one gemeente). A token (`auth`) must name the scope itself and
    narrows the user's roles to its organisations. Scopes in ROLE_SCOPES follow the
    roles of accounts.isolation; the others are still held through a Django group.
    """
    if scope is OPEN or user is SERVER_OPERATOR:
        return True
    token = auth if hasattr(auth, "grants") else None
    if token is not None and scope.label not in token_scopes(token):
        return False
    right_name = ROLE_SCOPES.get(scope.label)
    if right_name is None:
        return token is not None or scope.label in granted_scopes(user)
    from migratieketen_web.accounts.isolation import actor_for_token, actor_for_user
    from migratieketen_web.accounts.roles import Right

    actor = actor_for_token(token) if token is not None else actor_for_user(user)
    right = Right(right_name)
    return actor.holds(right) if gemeente is None else actor.may(right, gemeente)


def scope_required(
    scope: Scope,
) -> Callable[[Callable[..., HttpResponse]], Callable[..., HttpResponse]]:
    """Web view decorator with the API's rule: no login -> login page, no scope -> 403."""

    def decorate(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path(), settings.LOGIN_URL)
            if not holds_scope(request.user, scope):
                raise PermissionDenied(f"Hiervoor is de scope '{scope.label}' nodig.")
            return view(request, *args, **kwargs)

        return wrapped

    return decorate


class ScopesRequired(BasePermission):
    """Allows an action only if the user holds the scope the view requires for it."""

    message = "U heeft niet de benodigde scope voor deze actie."

    def has_permission(self, request: Request, view: Any) -> bool:
        required: dict[str, Scope] | None = getattr(view, "required_scopes", None)
        if required is None:
            raise ImproperlyConfigured(
                f"{type(view).__name__} gebruikt ScopesRequired zonder required_scopes."
            )
        action = getattr(view, "action", None)
        if action is None and hasattr(view, "action_map"):
            return True  # a method the viewset does not map: it answers 405 itself
        scope = required.get(action or (request.method or "").lower())
        if scope is None:
            return False  # deny by default
        if not holds_scope(request.user, scope, auth=getattr(request, "auth", None)):
            self.message = f"Hiervoor is de scope '{scope.label}' nodig."
            return False
        return True
