# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""A saved ketenmodel run: the scenario as the core defines it, its job and result.

`definition` is exactly `migratieketen.chain.ChainScenario.to_dict()`, so a run can be
repeated from the CLI (`migratieketen simuleer`) or downloaded as YAML; `result` is
`SimulationResult.to_dict()` (percentiles per month, per-gemeente summaries). The web
layer stores and shows these; it computes nothing of the model itself.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from migratieketen_web.gemeenten.models import DataVintage
from migratieketen_web.jobs.models import ACTIVE_STATUSES, Job, JobStatus

__all__ = ["ACTIVE_STATUSES", "RunStatus", "ScenarioRun"]


# The run's state is its job's (migratieketen_web.jobs): one record of status,
# progress and error for every kind of long work.
RunStatus = JobStatus


class ScenarioRun(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    job = models.OneToOneField(
        Job,
        verbose_name=_("taak"),
        on_delete=models.CASCADE,
        related_name="scenario_run",
    )
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
    result = models.JSONField(_("uitkomst"), null=True, blank=True)
    created_at = models.DateTimeField(_("aangemaakt"), auto_now_add=True)
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
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("gestart door"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Leeg: anoniem gestart (alleen te zien via de link)."),
    )
    published_at = models.DateTimeField(_("gepubliceerd op"), null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("gepubliceerd door"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("scenariorun")
        verbose_name_plural = _("scenarioruns")
        ordering = ["-created_at", "-pk"]
        permissions = [("publish_scenariorun", _("Scenarioruns publiceren"))]

    def __str__(self) -> str:
        return f"{self.name} ({self.get_status_display()})"

    def get_absolute_url(self) -> str:
        return reverse("scenarios:detail", kwargs={"uuid": self.uuid})

    @property
    def status(self) -> str:
        return self.job.status

    def get_status_display(self) -> str:
        return str(self.job.get_status_display())

    @property
    def progress(self) -> int:
        return self.job.progress

    @property
    def error(self) -> str:
        return self.job.error

    @property
    def finished_at(self) -> datetime | None:
        return self.job.finished_at

    @property
    def is_active(self) -> bool:
        return self.job.is_active

    @property
    def is_done(self) -> bool:
        return self.job.status == JobStatus.DONE and self.result is not None

    @property
    def is_published(self) -> bool:
        return self.published_at is not None

    def summary(self) -> dict[str, Any]:
        return dict((self.result or {}).get("summary") or {})
