# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Creating users, organisations and memberships; the actor of a request."""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone

from migratieketen_web.accounts.isolation import (
    Actor,
    actor_for_token,
    actor_for_user,
)
from migratieketen_web.accounts.models import ApiToken, Membership, Organisation
from migratieketen_web.accounts.roles import ROLE_KINDS, OrganisationKind, Role
from migratieketen_web.accounts.tokens import IssuedToken, issue_token

CODE_KINDS = (
    (re.compile(r"^GM[0-9]{4}$"), OrganisationKind.GEMEENTE),
    (re.compile(r"^PV[0-9]{2}$"), OrganisationKind.PROVINCIE),
    (re.compile(r"^NL$"), OrganisationKind.LANDELIJK),
)
DEFAULT_TOKEN_DAYS = 90


class AccountError(ValueError):
    """A request to create an account that the rules refuse (Dutch message)."""


def request_actor(request: HttpRequest | Any) -> Actor:
    """The actor of a web or API request, computed once per request."""
    cached = getattr(request, "_migratieketen_actor", None)
    if cached is not None:
        return cached
    auth = getattr(request, "auth", None)
    if isinstance(auth, ApiToken):
        actor = actor_for_token(auth)
    else:
        channel = "api" if request.path_info.startswith("/api/") else "web"
        actor = actor_for_user(getattr(request, "user", None), channel)
    request._migratieketen_actor = actor  # type: ignore[union-attr]  # per-request cache
    return actor


def organisation_for(code: str) -> Organisation:
    """The organisation with this code, created on first use with its CBS name."""
    code = code.strip().upper()
    kind = next((k for pattern, k in CODE_KINDS if pattern.match(code)), None)
    if kind is None:
        raise AccountError(
            f"Onbekende organisatiecode '{code}': gebruik GM0363, PV27 of NL."
        )
    existing = Organisation.objects.filter(code=code).first()
    if existing is not None:
        return existing
    return Organisation.objects.create(kind=kind, code=code, name=_name(kind, code))


def _name(kind: str, code: str) -> str:
    from migratieketen_web.gemeenten.models import Gemeente, Province

    if kind == OrganisationKind.GEMEENTE:
        gm = Gemeente.objects.filter(code=code).first()
        return gm.name if gm else code
    if kind == OrganisationKind.PROVINCIE:
        pv = Province.objects.filter(code=code).first()
        return pv.name if pv else code
    return "Nederland"


def add_membership(user: Any, organisation: Organisation, role: Role) -> Membership:
    if organisation.kind not in ROLE_KINDS[role]:
        raise AccountError(
            f"De rol {role.value} kan niet bij een {organisation.kind} horen."
        )
    membership, _ = Membership.objects.get_or_create(
        user=user, organisation=organisation, role=role.value
    )
    return membership


@dataclass(frozen=True, slots=True)
class CreatedUser:
    user: Any
    password: str | None
    token: IssuedToken | None


def create_user(
    username: str,
    organisation_code: str,
    role: str,
    *,
    with_token: bool = False,
    password: str | None = None,
) -> CreatedUser:
    """A user with one role in one organisation; a random password unless given."""
    try:
        chosen = Role(role)
    except ValueError as exc:
        raise AccountError(
            f"Onbekende rol '{role}'; kies uit {', '.join(r.value for r in Role)}."
        ) from exc
    User = get_user_model()
    if User.objects.filter(username=username).exists():
        raise AccountError(f"Gebruiker '{username}' bestaat al.")
    generated = password is None
    secret = password if password is not None else secrets.token_urlsafe(18)
    with transaction.atomic():
        org = organisation_for(organisation_code)
        user = User(username=username)
        try:
            validate_password(secret, user)
        except ValidationError as exc:
            raise AccountError(" ".join(exc.messages)) from exc
        user.set_password(secret)
        user.save()
        add_membership(user, org, chosen)
        token = None
        if with_token:
            scopes = ["registers.lezen", "registers.bijwerken"]
            token = issue_token(
                user=user,
                name="aangemaakt met migratieketen gebruiker aanmaken",
                grants=[(org, s) for s in scopes],
                expires_at=timezone.now() + timedelta(days=DEFAULT_TOKEN_DAYS),
                issuer=user,
            )
    return CreatedUser(user, secret if generated else None, token)
