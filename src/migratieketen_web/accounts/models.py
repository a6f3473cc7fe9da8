# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Who may do what for which organisation (ADR 0012).

A user is a member of one or more organisations (a gemeente by CBS code, a province, or
the national level) with a role per organisation. What a role allows is decided in one
place, `roles.py`; what a request may see is decided in one place, `isolation.py`.
API tokens narrow a user's rights further: a token carries scopes per organisation and
an expiry, and is stored as a SHA-256 digest only.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from migratieketen_web.accounts.roles import ROLE_KINDS, OrganisationKind, Role


class Organisation(models.Model):
    """A gemeente (GM0363), a province (PV27) or the national level (NL)."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    kind = models.CharField(_("soort"), max_length=10, choices=OrganisationKind.choices)
    code = models.CharField(
        _("code"),
        max_length=6,
        unique=True,
        help_text=_("CBS-code (GM0363, PV27) of NL voor landelijk."),
    )
    name = models.CharField(_("naam"), max_length=200)

    class Meta:
        verbose_name = _("organisatie")
        verbose_name_plural = _("organisaties")
        ordering = ["kind", "name"]

    def __str__(self) -> str:
        return f"{self.name} ({self.code})"


class Membership(models.Model):
    """A user's role in one organisation."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("gebruiker"),
        on_delete=models.CASCADE,
        related_name="memberships",
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisatie"),
        on_delete=models.CASCADE,
        related_name="memberships",
    )
    role = models.CharField(_("rol"), max_length=20, choices=Role.choices)
    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)

    class Meta:
        verbose_name = _("lidmaatschap")
        verbose_name_plural = _("lidmaatschappen")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "organisation", "role"], name="unique_membership"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} - {self.get_role_display()} {self.organisation.code}"

    def clean(self) -> None:
        kinds = ROLE_KINDS[Role(self.role)]
        if self.organisation_id and self.organisation.kind not in kinds:
            raise ValidationError(
                {
                    "role": _("De rol %(role)s kan niet bij een %(kind)s horen.")
                    % {"role": self.get_role_display(), "kind": self.organisation.kind}
                }
            )


class ApiToken(models.Model):
    """A bearer token for the API: scopes per organisation, an expiry, a digest only."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("gebruiker"),
        on_delete=models.CASCADE,
        related_name="api_tokens",
    )
    name = models.CharField(_("naam"), max_length=100)
    prefix = models.CharField(_("voorvoegsel"), max_length=16, unique=True)
    digest = models.CharField(_("SHA-256"), max_length=64)
    created_at = models.DateTimeField(_("aangemaakt op"), default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("aangemaakt door"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    expires_at = models.DateTimeField(_("verloopt op"))
    revoked_at = models.DateTimeField(_("ingetrokken op"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ingetrokken door"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    last_used_at = models.DateTimeField(_("laatst gebruikt"), null=True, blank=True)

    class Meta:
        verbose_name = _("API-token")
        verbose_name_plural = _("API-tokens")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    def is_usable(self, now: object = None) -> bool:
        moment = now or timezone.now()
        return self.revoked_at is None and self.expires_at > moment  # type: ignore[operator]


class TokenGrant(models.Model):
    """One scope of a token for one organisation."""

    token = models.ForeignKey(ApiToken, on_delete=models.CASCADE, related_name="grants")
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="+"
    )
    scope = models.CharField(_("scope"), max_length=50)

    class Meta:
        verbose_name = _("tokenrecht")
        verbose_name_plural = _("tokenrechten")
        constraints = [
            models.UniqueConstraint(
                fields=["token", "organisation", "scope"], name="unique_token_grant"
            )
        ]

    def __str__(self) -> str:
        return f"{self.scope} @ {self.organisation.code}"
