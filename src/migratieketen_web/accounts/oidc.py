# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""OpenID Connect login with the roles taken from a claim (docs/accounts.md).

The identity provider is the source of truth for who someone is and what they may do:
the claim MIGRATIEKETEN_OIDC_ROLES_CLAIM (default ``migratieketen_rollen``) lists
``CODE:rol`` entries (``GM0363:klantmanager``, ``PV27:beleid``, ``NL:landelijk``), and
at every login the user's memberships are replaced by exactly those. A user is matched
on the provider's ``sub`` (username ``oidc-<sub>``), not on e-mail. The provider must
have done a second factor: its ``amr`` claim must name one of
MIGRATIEKETEN_OIDC_MFA_VALUES (unless that list is empty).
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.exceptions import SuspiciousOperation
from django.db import transaction

from mozilla_django_oidc.auth import OIDCAuthenticationBackend

from migratieketen import logs
from migratieketen_web.accounts.models import Membership
from migratieketen_web.accounts.roles import Role
from migratieketen_web.accounts.services import (
    AccountError,
    add_membership,
    organisation_for,
)

logger = logs.get_logger(__name__)


def parse_roles(values: Any) -> list[tuple[str, Role]]:
    """``["GM0363:klantmanager", ...]`` (or one string) -> [(code, role)]; bad entries skipped."""
    items = [values] if isinstance(values, str) else list(values or [])
    parsed: list[tuple[str, Role]] = []
    for item in items:
        code, sep, role = str(item).partition(":")
        if not sep:
            continue
        try:
            parsed.append((code.strip().upper(), Role(role.strip().lower())))
        except ValueError:
            logger.warning("oidc_role_ignored", reason="unknown role")
    return parsed


class RolesOIDCBackend(OIDCAuthenticationBackend):
    def verify_claims(self, claims: dict[str, Any]) -> bool:
        return bool(claims.get("sub"))

    def filter_users_by_claims(self, claims: dict[str, Any]) -> Any:
        return self.UserModel.objects.filter(username=f"oidc-{claims['sub']}")

    def create_user(self, claims: dict[str, Any]) -> Any:
        user = self.UserModel.objects.create_user(
            f"oidc-{claims['sub']}", email=claims.get("email", "")
        )
        user.set_unusable_password()  # only the provider can log this user in
        user.save(update_fields=["password"])
        return self.update_user(user, claims)

    def update_user(self, user: Any, claims: dict[str, Any]) -> Any:
        claim = settings.MIGRATIEKETEN_OIDC_ROLES_CLAIM
        roles = parse_roles(claims.get(claim))
        with transaction.atomic():
            Membership.objects.filter(user=user).delete()
            for code, role in roles:
                try:
                    add_membership(user, organisation_for(code), role)
                except AccountError:
                    logger.warning("oidc_role_ignored", reason="bad code")
        user.first_name = str(claims.get("given_name", ""))[:150]
        user.last_name = str(claims.get("family_name", ""))[:150]
        user.save(update_fields=["first_name", "last_name"])
        return user

    def get_or_create_user(
        self, access_token: str, id_token: str, payload: dict[str, Any]
    ) -> Any:
        required = list(settings.MIGRATIEKETEN_OIDC_MFA_VALUES)
        amr = payload.get("amr") or []
        if required and not set(amr) & set(required):
            raise SuspiciousOperation("OIDC login without a second factor")
        return super().get_or_create_user(access_token, id_token, payload)

    def get_userinfo(
        self, access_token: str, id_token: str, payload: dict[str, Any]
    ) -> dict[str, Any]:
        claims = dict(payload)
        claims.update(super().get_userinfo(access_token, id_token, payload))
        return claims
