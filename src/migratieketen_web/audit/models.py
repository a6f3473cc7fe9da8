# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""One append-only, hash-chained line per processing of personal data (ADR 0013).

A line says who (user id and name at the time, token, channel), for which organisation
(the gemeente of the records), what (action), which records (internal ids, never a BSN
or a name), when, why (processing activity and purpose) and on which legal ground,
and whether it succeeded. Each line's `digest` covers its fields and the previous
line's digest, so a changed, removed or inserted row breaks the chain
(`migratieketen audit verifieer`). The ORM refuses updates and deletes; database
triggers (migration 0002) refuse them too, for anyone not dropping the triggers first.
"""

from __future__ import annotations

import uuid
from typing import Any, NoReturn

from django.db import models
from django.utils.translation import gettext_lazy as _


class AppendOnlyError(RuntimeError):
    """The audit log is append-only."""


def _refuse(*args: Any, **kwargs: Any) -> NoReturn:
    raise AppendOnlyError("Het auditlogboek kan alleen worden aangevuld.")


class AppendOnlyQuerySet(models.QuerySet["AuditEntry"]):
    update = _refuse
    delete = _refuse
    bulk_update = _refuse
    update_or_create = _refuse

    def for_organisations(self, codes: frozenset[str] | None) -> AppendOnlyQuerySet:
        """Lines of these gemeenten (None: every line)."""
        if codes is None:
            return self
        return self.filter(organisation__in=sorted(codes))


class Action(models.TextChoices):
    LIST = "lijst", _("lijst bekeken")
    READ = "lezen", _("gegevens bekeken")
    SEARCH = "zoeken", _("gezocht")
    EXPORT = "export", _("geëxporteerd")
    CREATE = "aanmaken", _("aangemaakt")
    UPDATE = "wijzigen", _("gewijzigd")
    IMPORT = "import", _("geïmporteerd")


class Status(models.TextChoices):
    OK = "OK", _("gelukt")
    DENIED = "GEWEIGERD", _("geweigerd")


class AuditEntry(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    at = models.DateTimeField(_("tijdstip"))
    trace_id = models.CharField(_("trace-id"), max_length=32)
    user_id = models.BigIntegerField(_("gebruiker-id"), null=True, blank=True)
    username = models.CharField(_("gebruiker"), max_length=150, blank=True)
    token_id = models.BigIntegerField(_("token-id"), null=True, blank=True)
    channel = models.CharField(_("kanaal"), max_length=10)
    organisation = models.CharField(_("organisatie"), max_length=6, db_index=True)
    action = models.CharField(_("handeling"), max_length=10, choices=Action.choices)
    status = models.CharField(_("resultaat"), max_length=10, choices=Status.choices)
    object_type = models.CharField(_("soort gegevens"), max_length=50)
    record_ids = models.TextField(_("records (interne id's)"), blank=True)
    activity = models.CharField(_("verwerkingsactiviteit"), max_length=50)
    purpose = models.TextField(_("doel"))
    legal_ground = models.TextField(_("grondslag"))
    previous_digest = models.CharField(_("vorige hash"), max_length=64)
    digest = models.CharField(_("hash"), max_length=64, unique=True)

    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        verbose_name = _("regel auditlogboek")
        verbose_name_plural = _("auditlogboek")
        ordering = ["pk"]
        indexes = [models.Index(fields=["organisation", "at"])]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M:%S} {self.username} {self.action}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            _refuse()
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> NoReturn:
        _refuse()

    @property
    def ids(self) -> list[int]:
        return [int(x) for x in self.record_ids.strip(",").split(",") if x]


class AuditHead(models.Model):
    """One row: the digest of the last line, locked while a line is appended."""

    id = models.PositiveSmallIntegerField(primary_key=True, default=1)
    count = models.BigIntegerField(default=0)
    digest = models.CharField(max_length=64)

    class Meta:
        verbose_name = _("kop van het auditlogboek")

    def __str__(self) -> str:
        return f"{self.count} regels, laatste hash {self.digest[:12]}"
