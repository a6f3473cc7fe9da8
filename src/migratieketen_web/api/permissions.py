# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Scopes per API action, for the register endpoints that will follow (A13).

Open data needs no login (``OPEN``). Register data (statushouders, locaties,
taakstellingen) will need a scope per action, declared on the viewset as
``required_scopes = {"list": REGISTERS_LEZEN, ...}`` — the Open Zaak pattern.
Deny by default: an action without an entry is refused, so a new action cannot
become public by accident. A user holds a scope through a Django group with the
scope's label as its name (managed in /beheer); superusers hold every scope.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ImproperlyConfigured
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


def granted_scopes(user: Any) -> frozenset[str]:
    """Scope labels the user holds: group names that are registered scopes."""
    if user is None or not user.is_authenticated or not user.is_active:
        return frozenset()
    if user.is_superuser:
        return frozenset(SCOPES)
    names = user.groups.values_list("name", flat=True)
    return frozenset(name for name in names if name in SCOPES)


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
        if scope is OPEN:
            return True
        if scope.label not in granted_scopes(request.user):
            self.message = f"Hiervoor is de scope '{scope.label}' nodig."
            return False
        return True
