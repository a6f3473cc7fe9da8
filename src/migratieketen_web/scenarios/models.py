# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""A saved ketenmodel run: the scenario as the core defines it, its state and result.

`definition` is exactly `migratieketen.chain.ChainScenario.to_dict()`, so a run can be
repeated from the CLI (`migratieketen simuleer`) or downloaded as YAML; `result` is
`SimulationResult.to_dict()` (percentiles per month, per-gemeente summaries). The web
layer stores and shows these; it computes nothing of the model itself.
"""

from __future__ import annotations

import uuid
from typing import Any

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from migratieketen_web.gemeenten.models import DataVintage


class RunStatus(models.TextChoices):
    QUEUED = "wachtrij", _("in de wachtrij")
    RUNNING = "bezig", _("bezig")
    DONE = "klaar", _("klaar")
    FAILED = "mislukt", _("mislukt")


ACTIVE_STATUSES = (RunStatus.QUEUED, RunStatus.RUNNING)


class ScenarioRun(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    name = models.CharField(_("naam"), max_length=200)
    description = models.TextField(_("omschrijving"), blank=True)
    inflow_choice = models.CharField(
        _("gekozen instroom"),
        max_length=20,
        help_text=_("Waar de instroom vandaan komt: historie, piek2015, dal, ..."),
    )
    definition = models.JSONField(
        _("scenario"), help_text=_("Het scenario zoals het ketenmodel het leest.")
    )
    seed = models.PositiveIntegerField(_("startwaarde toevalsgenerator"))
    runs = models.PositiveIntegerField(
        _("aantal runs"), validators=[MinValueValidator(1), MaxValueValidator(100_000)]
    )
    status = models.CharField(
        _("status"), max_length=10, choices=RunStatus, default=RunStatus.QUEUED
    )
    progress = models.PositiveSmallIntegerField(
        _("voortgang (%)"), default=0, validators=[MaxValueValidator(100)]
    )
    error = models.TextField(_("foutmelding"), blank=True)
    result = models.JSONField(_("uitkomst"), null=True, blank=True)
    created_at = models.DateTimeField(_("aangemaakt"), auto_now_add=True)
    updated_at = models.DateTimeField(_("bijgewerkt"), auto_now=True)
    finished_at = models.DateTimeField(_("klaar op"), null=True, blank=True)
    runtime_seconds = models.FloatField(_("rekentijd (s)"), null=True, blank=True)
    data_dir = models.CharField(_("gegevensmap"), max_length=500, blank=True)
    data_vintage = models.ForeignKey(
        DataVintage,
        verbose_name=_("import open data"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("scenariorun")
        verbose_name_plural = _("scenarioruns")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.name} ({self.get_status_display()})"

    @property
    def is_active(self) -> bool:
        return self.status in ACTIVE_STATUSES

    @property
    def is_done(self) -> bool:
        return self.status == RunStatus.DONE and self.result is not None

    def summary(self) -> dict[str, Any]:
        return dict((self.result or {}).get("summary") or {})
