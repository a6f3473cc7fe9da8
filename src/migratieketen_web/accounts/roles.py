# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""What each role may do: the one table of rights (ADR 0012).

Decisions, documented in docs/adr/0012-accounts-roles-and-isolation.md:
* `klantmanager` reads and writes the personal data of the own gemeente (the case
  worker); `beleid` sees aggregates only; `beheerder` manages the organisation's users
  and reads its audit log, but sees no personal data (separation of duties);
  `landelijk` sees aggregates of every gemeente.
* Lokale ruimte (the gemeente's choices, no personal data) may be entered by `beleid`
  and `beheerder` of the gemeente; praktijkvoorbeelden are published by a `beheerder`
  (any organisation) or a superuser, never by their own author (issue 17).
* Realisations (counts, no personal data) may be entered by `klantmanager` and `beleid`
  of the gemeente; not by `beheerder`. Staff superusers keep national rights for
  realisations and aggregates, but no personal data: that needs a klantmanager role.
"""

from __future__ import annotations

from enum import StrEnum

from django.db import models
from django.utils.translation import gettext_lazy as _


class OrganisationKind(models.TextChoices):
    GEMEENTE = "gemeente", _("gemeente")
    PROVINCIE = "provincie", _("provincie")
    LANDELIJK = "landelijk", _("landelijk")


class Role(models.TextChoices):
    KLANTMANAGER = "klantmanager", _("klantmanager")
    BELEID = "beleid", _("beleid")
    BEHEERDER = "beheerder", _("beheerder")
    LANDELIJK = "landelijk", _("landelijk")


class Right(StrEnum):
    """An action on a gemeente's data; checked only in isolation.py."""

    PERSONAL_READ = "persoonsgegevens.lezen"
    PERSONAL_WRITE = "persoonsgegevens.bijwerken"
    AGGREGATES = "cijfers.lezen"
    PUBLIC_AGGREGATES = "cijfers.openbaar"  # anyone: counts above the minimum cell
    REALISATIONS_WRITE = "realisaties.bijwerken"
    USERS_MANAGE = "gebruikers.beheren"
    AUDIT_READ = "audit.lezen"
    LOCAL_CHOICES_WRITE = "lokale_ruimte.bijwerken"  # the gemeente's choices (no PII)
    PRACTICE_REVIEW = "praktijkvoorbeelden.beoordelen"  # publish examples


ROLE_RIGHTS: dict[Role, frozenset[Right]] = {
    Role.KLANTMANAGER: frozenset(
        {
            Right.PERSONAL_READ,
            Right.PERSONAL_WRITE,
            Right.AGGREGATES,
            Right.REALISATIONS_WRITE,
        }
    ),
    Role.BELEID: frozenset(
        {Right.AGGREGATES, Right.REALISATIONS_WRITE, Right.LOCAL_CHOICES_WRITE}
    ),
    Role.BEHEERDER: frozenset(
        {
            Right.USERS_MANAGE,
            Right.AUDIT_READ,
            Right.LOCAL_CHOICES_WRITE,
            Right.PRACTICE_REVIEW,
        }
    ),
    Role.LANDELIJK: frozenset({Right.AGGREGATES}),
}

# Which organisation kinds a role can belong to: personal data only at a gemeente.
ROLE_KINDS: dict[Role, frozenset[str]] = {
    Role.KLANTMANAGER: frozenset({OrganisationKind.GEMEENTE}),
    Role.BELEID: frozenset({OrganisationKind.GEMEENTE, OrganisationKind.PROVINCIE}),
    Role.BEHEERDER: frozenset(
        {
            OrganisationKind.GEMEENTE,
            OrganisationKind.PROVINCIE,
            OrganisationKind.LANDELIJK,
        }
    ),
    Role.LANDELIJK: frozenset({OrganisationKind.LANDELIJK}),
}

# Rights of a superuser (staff with national rights), for every gemeente.
SUPERUSER_RIGHTS = frozenset(
    {
        Right.AGGREGATES,
        Right.REALISATIONS_WRITE,
        Right.AUDIT_READ,
        Right.USERS_MANAGE,
        Right.LOCAL_CHOICES_WRITE,
        Right.PRACTICE_REVIEW,
    }
)

# What an API token scope unlocks (never more than the user's role gives).
SCOPE_RIGHTS: dict[str, frozenset[Right]] = {
    "registers.lezen": frozenset({Right.PERSONAL_READ, Right.AGGREGATES}),
    "registers.bijwerken": frozenset(
        {Right.PERSONAL_READ, Right.PERSONAL_WRITE, Right.REALISATIONS_WRITE}
    ),
}
