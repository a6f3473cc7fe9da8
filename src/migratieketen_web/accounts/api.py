# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""API side of accounts: the rights permission and the token's OpenAPI scheme.

Register endpoints declare ``required_rights = {"list": Right.PERSONAL_READ, ...}``
(deny by default, like ``required_scopes``); the actor's rights, narrowed by the
token's scopes, decide. Which gemeenten' records then show is the isolation rule.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ImproperlyConfigured
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from rest_framework.permissions import BasePermission
from rest_framework.request import Request

from migratieketen_web.accounts.roles import Right
from migratieketen_web.accounts.services import request_actor


class RightsRequired(BasePermission):
    message = "U heeft niet het benodigde recht voor deze actie."

    def has_permission(self, request: Request, view: Any) -> bool:
        required: dict[str, Right] | None = getattr(view, "required_rights", None)
        if required is None:
            raise ImproperlyConfigured(
                f"{type(view).__name__} gebruikt RightsRequired zonder required_rights."
            )
        action = getattr(view, "action", None)
        if action is None and hasattr(view, "action_map"):
            return True  # a method the viewset does not map: it answers 405 itself
        right = required.get(action or "")
        if right is None:
            return False
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            return False  # DRF answers 401 with WWW-Authenticate
        if not request_actor(request).holds(right):
            self.message = (
                f"Hiervoor is het recht '{right.value}' nodig (rol of tokenscope)."
            )
            return False
        return True


class BearerTokenScheme(OpenApiAuthenticationExtension):
    target_class = "migratieketen_web.accounts.authentication.BearerTokenAuthentication"
    name = "apiToken"

    def get_security_definition(self, auto_schema: Any) -> dict[str, Any]:
        return {
            "type": "http",
            "scheme": "bearer",
            "description": "API-token (mk_…) van /account/tokens of "
            "'migratieketen gebruiker aanmaken --token'; scopes per organisatie: "
            "registers.lezen, registers.bijwerken.",
        }
