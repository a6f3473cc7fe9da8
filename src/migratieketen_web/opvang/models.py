# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""A saved opvang plan: its settings, the uploaded candidates, its job and result.

`result` is the core's `OpvangResult` as JSON (summary + one record per opened
location), so the pages, the CSV export and the API read one stored shape; the web
layer computes nothing of the model itself.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from migratieketen_web.jobs.models import Job, JobStatus

PlanStatus = JobStatus


class OpvangPlan(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    job = models.OneToOneField(
        Job,
        verbose_name=_("taak"),
        on_delete=models.CASCADE,
        related_name="opvang_plan",
    )
    name = models.CharField(_("naam"), max_length=200)
    options = models.JSONField(
        _("instellingen"), help_text=_("Scenario, gebied, horizon, paden en normen.")
    )
    candidates_csv = models.TextField(
        _("kandidatenbestand"), blank=True, help_text=_("Leeg: generieke kandidaten.")
    )
    province = models.CharField(_("provinciecode"), max_length=4, blank=True)
    result = models.JSONField(_("uitkomst"), null=True, blank=True)
    created_at = models.DateTimeField(_("aangemaakt"), auto_now_add=True)
    runtime_seconds = models.FloatField(_("rekentijd (s)"), null=True, blank=True)
    data_dir = models.CharField(_("gegevensmap"), max_length=500, blank=True)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("gestart door"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
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
        verbose_name = _("opvangplan")
        verbose_name_plural = _("opvangplannen")
        ordering = ["-created_at", "-pk"]
        permissions = [("publish_opvangplan", _("Opvangplannen publiceren"))]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("opvang:detail", kwargs={"uuid": self.uuid})

    @property
    def status(self) -> str:
        return self.job.status

    @property
    def is_active(self) -> bool:
        return self.job.is_active

    @property
    def is_published(self) -> bool:
        return self.published_at is not None

    @property
    def is_done(self) -> bool:
        return self.job.status == PlanStatus.DONE
