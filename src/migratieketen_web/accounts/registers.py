# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""What the isolated, audited registers' services share (ADR 0012, ADR 0013).

The inburgering, LVV and arbeidsmigranten records carry the same key, gemeente and
bookkeeping fields; their services refuse input the same way and log a list against
the same organisation. One place keeps them the same.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from migratieketen_web.accounts.isolation import Actor, IsolatedModel
from migratieketen_web.accounts.roles import Right


class RegisterError(ValueError):
    """Refused input: `errors` maps a field name to Dutch messages; nothing stored."""

    def __init__(self, errors: Mapping[str, list[str]]) -> None:
        self.errors = {k: list(v) for k, v in errors.items()}
        super().__init__("; ".join(f"{k}: {' '.join(v)}" for k, v in errors.items()))


def list_organisation(actor: Actor) -> str:
    """The gemeente a list line is logged under: the actor's only one, else none."""
    codes = actor.gemeenten(Right.PERSONAL_READ)
    return "" if codes is None or len(codes) != 1 else next(iter(codes))


class RegisterRecord(IsolatedModel):
    """Base of a register's main record: UUID, its gemeente, who made it and when.

    Subclasses keep their own managers and Meta (base_manager_name "unscoped").
    """

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    gemeente = models.ForeignKey(
        "gemeenten.Gemeente",
        verbose_name=_("gemeente"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return str(self.uuid)  # never the name: __str__ ends up in logs and admin
