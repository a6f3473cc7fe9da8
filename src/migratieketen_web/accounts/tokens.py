# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""API tokens: issued once in plain text, stored as a SHA-256 digest, scoped, expiring.

Format ``mk_<prefix>_<secret>``: the prefix (12 hex characters) finds the row, the
secret (256 random bits) is never stored. A salted slow hash is not needed for a random
256-bit secret (no dictionary to guess from); the digest is compared in constant time.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from migratieketen_web.accounts.isolation import (
    IsolationDenied,
    actor_for_user,
    organisation_coverage,
)
from migratieketen_web.accounts.models import ApiToken, Organisation, TokenGrant
from migratieketen_web.accounts.roles import SCOPE_RIGHTS, Right

PREFIX = "mk"
LAST_USED_EVERY = timedelta(minutes=1)


class TokenError(ValueError):
    """A token request the rules refuse (Dutch message)."""


@dataclass(frozen=True, slots=True)
class IssuedToken:
    token: ApiToken
    plaintext: str  # shown once, never stored


def digest(plaintext: str) -> str:
    return hashlib.sha256(plaintext.encode()).hexdigest()


def max_days() -> int:
    return int(getattr(settings, "MIGRATIEKETEN_API_TOKEN_MAX_DAYS", 365))


def _check_issuer(issuer: Any, user: Any, organisations: list[Organisation]) -> None:
    """The user themself, or a beheerder of every organisation the token is for."""
    if issuer.pk == user.pk:
        return
    actor = actor_for_user(issuer)
    for org in organisations:
        codes = organisation_coverage(org.kind, org.code)
        if not all(actor.may(Right.USERS_MANAGE, code) for code in codes):
            raise IsolationDenied(
                f"Alleen de gebruiker zelf of een beheerder van {org.code} kan dit "
                "token aanmaken."
            )


def _check_grants(grants: list[tuple[Organisation, str]]) -> None:
    if not grants:
        raise TokenError("Kies ten minste één scope voor één organisatie.")
    for _org, scope in grants:
        if scope not in SCOPE_RIGHTS:
            raise TokenError(
                f"Onbekende scope '{scope}'; kies uit {', '.join(sorted(SCOPE_RIGHTS))}."
            )


def issue_token(
    *,
    user: Any,
    name: str,
    grants: list[tuple[Organisation, str]],
    expires_at: datetime,
    issuer: Any,
) -> IssuedToken:
    """Create a token; the plain text is returned once and only its digest is kept."""
    now = timezone.now()
    if not name.strip():
        raise TokenError("Geef het token een naam.")
    if expires_at <= now:
        raise TokenError("De vervaldatum moet in de toekomst liggen.")
    if expires_at > now + timedelta(days=max_days()):
        raise TokenError(f"Een token is hooguit {max_days()} dagen geldig.")
    _check_grants(grants)
    _check_issuer(issuer, user, [org for org, _ in grants])
    prefix = secrets.token_hex(6)
    plaintext = f"{PREFIX}_{prefix}_{secrets.token_urlsafe(32)}"
    with transaction.atomic():
        token = ApiToken.objects.create(
            user=user,
            name=name.strip(),
            prefix=prefix,
            digest=digest(plaintext),
            expires_at=expires_at,
            created_by=issuer,
        )
        TokenGrant.objects.bulk_create(
            TokenGrant(token=token, organisation=org, scope=scope)
            for org, scope in dict.fromkeys(grants)
        )
    return IssuedToken(token, plaintext)


def find_token(plaintext: str) -> ApiToken | None:
    """The usable token for this plain text, or None (unknown, wrong, expired, revoked)."""
    parts = plaintext.strip().split("_", 2)  # the secret may contain "_"
    if len(parts) != 3 or parts[0] != PREFIX:
        return None
    token = ApiToken.objects.select_related("user").filter(prefix=parts[1]).first()
    if token is None or not hmac.compare_digest(token.digest, digest(plaintext)):
        return None
    now = timezone.now()
    if not token.is_usable(now) or not token.user.is_active:
        return None
    if token.last_used_at is None or now - token.last_used_at > LAST_USED_EVERY:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token


def revoke_token(token: ApiToken, by: Any) -> None:
    """Revoke: the owner or a beheerder of every organisation the token is for."""
    orgs = [g.organisation for g in token.grants.select_related("organisation")]
    _check_issuer(by, token.user, orgs)
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.revoked_by = by
        token.save(update_fields=["revoked_at", "revoked_by"])
