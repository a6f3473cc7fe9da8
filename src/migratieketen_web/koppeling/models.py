# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""A koppeling run (uploaded week, its job and result) and the coordinator's decisions.

Only pseudonymous input is stored: the upload is checked for BSNs and names before
anything is saved (services.validated_problem), and kept only for the retention period
(services.remove_old_inputs); the result and the decisions stay.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from migratieketen_web.jobs.models import Job


class KoppelingRun(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    created_at = models.DateTimeField(_("aangemaakt"), auto_now_add=True)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    job = models.OneToOneField(Job, null=True, on_delete=models.SET_NULL)
    mode = models.CharField(_("modus"), max_length=20)
    seed = models.IntegerField(_("seed"), default=0)
    wait_weeks = models.PositiveSmallIntegerField(
        _("beslistermijn (weken)"),
        null=True,
        blank=True,
        help_text=_("Leeg: de standaard van het dynamische beleid."),
    )
    channel = models.CharField(_("kanaal"), max_length=10)
    households_csv = models.TextField(_("huishoudens (pseudoniem)"))
    scores_csv = models.TextField(_("scores"), blank=True)
    capacity_csv = models.TextField(_("capaciteit"), blank=True)
    households = models.PositiveIntegerField(_("huishoudens"), default=0)
    result = models.JSONField(_("uitkomst"), null=True, blank=True)
    # The uploaded texts are only needed to compute the run; past the retention
    # (MIGRATIEKETEN_KOPPELING_INPUT_RETENTION_DAYS) they are emptied and this is set.
    inputs_removed_at = models.DateTimeField(
        _("upload verwijderd op"), null=True, blank=True
    )

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("koppelingsrun")
        verbose_name_plural = _("koppelingsruns")

    def __str__(self) -> str:
        return f"{self.mode} {self.created_at:%Y-%m-%d %H:%M}"


class KoppelingDecision(models.Model):
    """A coordinator accepts the recommendation or overrides it, with a reason."""

    run = models.ForeignKey(
        KoppelingRun, on_delete=models.CASCADE, related_name="decisions"
    )
    household_id = models.CharField(_("huishouden (pseudoniem)"), max_length=64)
    recommended = models.CharField(_("aanbevolen gemeente"), max_length=6, blank=True)
    chosen = models.CharField(_("gekozen gemeente"), max_length=6, blank=True)
    accepted = models.BooleanField(_("aanbeveling gevolgd"))
    reason = models.TextField(_("reden"), blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(_("besloten op"), auto_now_add=True)

    class Meta:
        ordering = ["run", "household_id", "-decided_at"]
        verbose_name = _("koppelingsbesluit")
        verbose_name_plural = _("koppelingsbesluiten")
        constraints = [
            models.UniqueConstraint(
                fields=["run", "household_id"], name="koppeling_one_decision"
            )
        ]

    def __str__(self) -> str:
        return f"{self.household_id} -> {self.chosen or '-'}"
