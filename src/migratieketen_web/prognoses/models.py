# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Saved forecasts and the inflow scenarios made with them.

A forecast takes seconds to compute, so it is computed once per data vintage and
settings and then served from here. `vintage_key` is the SHA-256 over the checksums
of the input files; `settings_key` the SHA-256 over the settings. Together they are
unique: the same data with the same settings is never computed twice, and an old
forecast keeps the exact vintage it used (`data_vintage`: file checksums, cut-off,
last period and source line of every series), so it can be judged later.
"""

from __future__ import annotations

import uuid

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class Forecast(models.Model):
    """One run of the core prognose (`migratieketen.forecast.make_forecast`)."""

    uuid = models.UUIDField(_("uuid"), default=uuid.uuid4, unique=True, editable=False)
    created_at = models.DateTimeField(_("aangemaakt"), auto_now_add=True)
    model = models.CharField(_("model"), max_length=50)
    model_description = models.TextField(_("modelbeschrijving"))
    cutoff = models.CharField(_("data tot en met"), max_length=7)
    until = models.CharField(_("prognose tot en met"), max_length=7)
    horizon = models.PositiveSmallIntegerField(_("horizon (kwartalen)"))
    quantile_levels = models.JSONField(_("kwantielniveaus"))
    seed = models.BigIntegerField(_("seed"))
    n_paths = models.PositiveIntegerField(_("aantal paden"))
    parameters = models.JSONField(_("instellingen"))
    result = models.JSONField(_("resultaat"))
    data_vintage = models.JSONField(_("datavintage"))
    vintage_key = models.CharField(_("datacontrolesom"), max_length=64)
    settings_key = models.CharField(_("instellingencontrolesom"), max_length=64)
    compute_seconds = models.FloatField(_("rekentijd (s)"))

    class Meta:
        verbose_name = _("prognose")
        verbose_name_plural = _("prognoses")
        ordering = ("-created_at", "-id")
        constraints = [
            models.UniqueConstraint(
                fields=("vintage_key", "settings_key"),
                name="prognose_once_per_vintage_and_settings",
            )
        ]

    def __str__(self) -> str:
        return f"Prognose {self.cutoff} → {self.until} ({self.model})"

    def get_absolute_url(self) -> str:
        return reverse("prognoses:prognose")


class InflowScenario(models.Model):
    """A scenario of `migratieketen.forecast.scenarios` (plain data), with its paths."""

    uuid = models.UUIDField(_("uuid"), default=uuid.uuid4, unique=True, editable=False)
    forecast = models.ForeignKey(
        Forecast,
        on_delete=models.CASCADE,
        related_name="scenarios",
        verbose_name=_("prognose"),
    )
    position = models.PositiveSmallIntegerField(_("volgorde"))
    name = models.CharField(_("naam"), max_length=100)
    description = models.TextField(_("beschrijving"))
    kind = models.CharField(_("soort"), max_length=50)
    seed = models.BigIntegerField(_("seed"), null=True, blank=True)
    periods = models.JSONField(_("perioden"))
    parameters = models.JSONField(_("parameters"))
    paths = models.JSONField(_("paden"))
    n_paths = models.PositiveIntegerField(_("aantal paden"))

    class Meta:
        verbose_name = _("instroomscenario")
        verbose_name_plural = _("instroomscenario's")
        ordering = ("forecast", "position")
        constraints = [
            models.UniqueConstraint(
                fields=("forecast", "name"), name="scenario_name_per_forecast"
            )
        ]

    def __str__(self) -> str:
        return self.name
