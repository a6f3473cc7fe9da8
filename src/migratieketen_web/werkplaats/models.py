# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Lokale ruimte (a gemeente's choices) and praktijkvoorbeelden (reviewed practice).

Neither holds personal data: a choice is a policy fact with its source document; an
example names a contact role, never a person. The user who entered or reviewed a row
is kept for accountability and shown to nobody but the admin.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from migratieketen_web.gemeenten.models import Gemeente
from migratieketen_web.werkplaats.services import lokale_ruimte as lr

CHOICE_KEYS = [(c.key, c.question) for c in lr.CATALOGUE]


class LocalChoice(models.Model):
    """The option a gemeente chose for one open norm, with the document that says so."""

    gemeente = models.ForeignKey(
        Gemeente,
        verbose_name=_("gemeente"),
        on_delete=models.PROTECT,
        related_name="local_choices",
    )
    key = models.CharField(_("keuze"), max_length=60, choices=CHOICE_KEYS)
    option = models.CharField(_("optie"), max_length=40)
    source_url = models.URLField(_("brondocument (URL)"), max_length=500)
    source_date = models.DateField(_("datum brondocument"))
    note = models.CharField(_("toelichting"), max_length=500, blank=True)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ingevoerd door"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    entered_at = models.DateTimeField(_("ingevoerd op"), auto_now=True)

    class Meta:
        verbose_name = _("lokale keuze")
        verbose_name_plural = _("lokale keuzes")
        constraints = [
            models.UniqueConstraint(
                fields=["gemeente", "key"], name="one_local_choice_per_key"
            )
        ]

    def __str__(self) -> str:
        return f"{self.gemeente.code} {self.key}={self.option}"

    @property
    def choice(self) -> lr.Choice:
        return lr.BY_KEY[self.key]


class Status(models.TextChoices):
    DRAFT = "concept", _("concept")
    IN_REVIEW = "ter_beoordeling", _("ter beoordeling")
    PUBLISHED = "gepubliceerd", _("gepubliceerd")


class Theme(models.TextChoices):
    OPVANG = "opvang", _("opvang")
    HUISVESTING = "huisvesting", _("huisvesting statushouders")
    WONINGMARKT = "woningmarkt", _("woningmarkt")
    INBURGERING = "inburgering", _("inburgering")
    ARBEIDSMIGRANTEN = "arbeidsmigranten", _("arbeidsmigranten")
    LVV = "lvv", _("LVV")
    KETEN = "keten", _("ketensamenwerking")


class Praktijkvoorbeeld(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    title = models.CharField(_("titel"), max_length=200)
    gemeenten = models.ManyToManyField(
        Gemeente, verbose_name=_("gemeenten"), related_name="praktijkvoorbeelden"
    )
    theme = models.CharField(_("thema"), max_length=20, choices=Theme.choices)
    what = models.TextField(_("wat is er gedaan"), max_length=4000)
    result = models.TextField(_("resultaat, met cijfers"), max_length=4000)
    result_source = models.CharField(_("bron van het resultaat"), max_length=500)
    period = models.CharField(_("periode"), max_length=50)
    contact_role = models.CharField(
        _("contact (rol, geen naam)"), max_length=200, blank=True
    )
    signals = models.CharField(
        _("past bij signalen"),
        max_length=300,
        blank=True,
        help_text=_("Sleutels van signalen, gescheiden door komma's."),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT
    )
    review_note = models.CharField(
        _("opmerking beoordelaar"), max_length=500, blank=True
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("auteur"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("beoordelaar"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    published_at = models.DateTimeField(_("gepubliceerd op"), null=True, blank=True)

    class Meta:
        verbose_name = _("praktijkvoorbeeld")
        verbose_name_plural = _("praktijkvoorbeelden")
        ordering = ["-published_at", "-created_at"]

    def __str__(self) -> str:
        return self.title

    @property
    def signal_keys(self) -> list[str]:
        return [k.strip() for k in self.signals.split(",") if k.strip()]
