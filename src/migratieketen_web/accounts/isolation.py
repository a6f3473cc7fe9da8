# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""The one place that decides which gemeenten' records a request may touch (ADR 0012).

Every model with personal data uses `IsolatedManager` as its default manager. Its plain
queryset is empty (deny by default: code that forgets the rule sees nothing); the only
way in is `Model.objects.for_actor(actor, right)`, which filters on the model's
`isolation_field` (the gemeente's CBS code). Views, the API, search, exports, the admin
and the CLI all go through it; writes check `require(actor, right, gemeente)` first.

An `Actor` is who acts (user, token, channel) with the (right, gemeente) pairs their
roles give: memberships through `roles.ROLE_RIGHTS`, narrowed by a token's scopes.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, ClassVar, TypeVar

from django.core.exceptions import PermissionDenied
from django.db import models

from migratieketen_web.accounts.roles import (
    ROLE_RIGHTS,
    SCOPE_RIGHTS,
    SUPERUSER_RIGHTS,
    OrganisationKind,
    Right,
    Role,
)

ALL = "*"  # every gemeente

M = TypeVar("M", bound=models.Model)


class IsolationDenied(PermissionDenied):
    """The actor lacks the right for this gemeente (Dutch message, no record data)."""


@dataclass(frozen=True, slots=True)
class Actor:
    """Who acts, through which channel, with which rights for which gemeenten."""

    user_id: int | None
    username: str
    channel: str  # "web", "api" or "cli"
    grants: frozenset[tuple[Right, str]] = field(default_factory=frozenset)
    token_id: int | None = None

    def gemeenten(self, right: Right) -> frozenset[str] | None:
        """CBS codes this actor holds `right` for; None means every gemeente."""
        codes = {code for r, code in self.grants if r == right}
        if ALL in codes:
            return None
        return frozenset(codes)

    def may(self, right: Right, gemeente: str) -> bool:
        codes = self.gemeenten(right)
        return codes is None or gemeente in codes

    def holds(self, right: Right) -> bool:
        """True when the actor holds `right` for at least one gemeente."""
        return any(r == right for r, _ in self.grants)


PUBLIC = Actor(None, "", "web", frozenset({(Right.PUBLIC_AGGREGATES, ALL)}))


def require(actor: Actor, right: Right, gemeente: str) -> None:
    """Raise IsolationDenied unless the actor holds `right` for `gemeente`."""
    if not actor.may(right, gemeente):
        raise IsolationDenied(
            f"U heeft geen recht '{right.value}' voor gemeente {gemeente}."
        )


# --- building actors -----------------------------------------------------------------


def organisation_coverage(kind: str, code: str) -> frozenset[str]:
    """The gemeente codes an organisation stands for (ALL for the national level)."""
    if kind == OrganisationKind.LANDELIJK:
        return frozenset({ALL})
    if kind == OrganisationKind.PROVINCIE:
        from migratieketen_web.gemeenten.models import Gemeente

        codes = Gemeente.objects.filter(province__code=code).values_list(
            "code", flat=True
        )
        return frozenset(codes)
    return frozenset({code})


def user_grants(user: Any) -> frozenset[tuple[Right, str]]:
    """(right, gemeente) pairs from the user's memberships; none for inactive users."""
    if user is None or not getattr(user, "is_authenticated", False):
        return frozenset()
    if not user.is_active:
        return frozenset()
    grants: set[tuple[Right, str]] = set()
    if user.is_superuser:
        grants |= {(right, ALL) for right in SUPERUSER_RIGHTS}
    memberships = user.memberships.select_related("organisation")
    for m in memberships:
        org = m.organisation
        for code in organisation_coverage(org.kind, org.code):
            grants |= {(right, code) for right in ROLE_RIGHTS[Role(m.role)]}
    return frozenset(grants)


def actor_for_user(user: Any, channel: str = "web") -> Actor:
    if user is None or not getattr(user, "is_authenticated", False):
        return PUBLIC
    grants = user_grants(user) | PUBLIC.grants  # what anyone may see, a user may too
    return Actor(user.pk, user.get_username(), channel, grants)


def _narrow(
    user: frozenset[tuple[Right, str]], wanted: Iterable[tuple[Right, str]]
) -> frozenset[tuple[Right, str]]:
    """The token's (right, gemeente) pairs that the user's roles also give."""
    held = Actor(None, "", "api", user)
    kept: set[tuple[Right, str]] = set()
    for right, code in wanted:
        if code == ALL:
            kept |= {(r, c) for r, c in user if r == right}
        elif held.may(right, code):
            kept.add((right, code))
    return frozenset(kept)


def actor_for_token(token: Any) -> Actor:
    """A token acts for its user, with at most the rights its scopes name."""
    wanted: set[tuple[Right, str]] = set()
    for grant in token.grants.select_related("organisation"):
        org = grant.organisation
        for code in organisation_coverage(org.kind, org.code):
            wanted |= {(r, code) for r in SCOPE_RIGHTS.get(grant.scope, ())}
    user = token.user
    return Actor(
        user.pk,
        user.get_username(),
        "api",
        _narrow(user_grants(user), wanted),
        token_id=token.pk,
    )


# --- the queryset -------------------------------------------------------------------


class IsolatedQuerySet(models.QuerySet[M]):
    def for_actor(self, actor: Actor, right: Right) -> IsolatedQuerySet[M]:
        """Only the records of gemeenten for which `actor` holds `right`."""
        lookup = getattr(self.model, "isolation_field", None)
        if not lookup:
            raise TypeError(f"{self.model.__name__} declares no isolation_field.")
        codes = actor.gemeenten(right)
        if codes is None:
            return self.all()
        return self.filter(**{f"{lookup}__in": sorted(codes)})


class IsolatedManager(models.Manager[M]):
    """Default manager of personal-data models: empty unless asked `for_actor`."""

    def get_queryset(self) -> IsolatedQuerySet[M]:
        return IsolatedQuerySet(self.model, using=self._db).none()

    def for_actor(self, actor: Actor, right: Right) -> IsolatedQuerySet[M]:
        return IsolatedQuerySet(self.model, using=self._db).for_actor(actor, right)


class IsolatedModel(models.Model):
    """Base of every model with personal data: where its gemeente code lives."""

    isolation_field: ClassVar[str] = "gemeente__code"

    class Meta:
        abstract = True
