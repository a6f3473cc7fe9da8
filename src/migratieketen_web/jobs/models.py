# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""A job as the user sees it, the worker processes that run jobs, and lock rows.

The task framework (django-tasks, database backend) stores *how* a task runs: its
arguments, the worker that claimed it, a traceback. `Job` stores what a user and the
limits need: a Dutch title and state, progress, a Dutch error and a reference to the
result (any model, e.g. a scenario run or a forecast). See ADR 0009.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.validators import MaxValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _


class JobStatus(models.TextChoices):
    QUEUED = "wachtrij", _("in de wachtrij")
    RUNNING = "bezig", _("bezig")
    DONE = "klaar", _("klaar")
    FAILED = "mislukt", _("mislukt")


ACTIVE_STATUSES = (JobStatus.QUEUED, JobStatus.RUNNING)


class FailureKind(models.TextChoices):
    """Why a job failed: decides whether starting it again can help."""

    NONE = "", _("geen")
    INVALID = "ongeldig", _("ongeldige invoer of gegevens")
    INTERNAL = "intern", _("interne fout")
    INTERRUPTED = "onderbroken", _("onderbroken (rekenwerker gestopt)")
    CANCELLED = "geannuleerd", _("geannuleerd")


class Job(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    kind = models.CharField(
        _("soort"), max_length=40, help_text=_("Bijvoorbeeld scenario of prognose.")
    )
    title = models.CharField(_("omschrijving"), max_length=200)
    key = models.CharField(
        _("sleutel"),
        max_length=200,
        blank=True,
        db_index=True,
        help_text=_("Zelfde sleutel = zelfde berekening (om dubbel werk te zien)."),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=JobStatus, default=JobStatus.QUEUED
    )
    progress = models.PositiveSmallIntegerField(
        _("voortgang (%)"), default=0, validators=[MaxValueValidator(100)]
    )
    error = models.TextField(_("foutmelding"), blank=True)
    failure = models.CharField(
        _("soort fout"), max_length=12, choices=FailureKind, blank=True
    )
    task_id = models.CharField(_("taak-id"), max_length=64, blank=True)
    worker_id = models.CharField(_("rekenwerker"), max_length=64, blank=True)
    attempts = models.PositiveSmallIntegerField(_("pogingen"), default=0)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("gestart door"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    result_type = models.ForeignKey(
        ContentType, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    result_id = models.CharField(max_length=64, blank=True)
    result = GenericForeignKey("result_type", "result_id")
    created_at = models.DateTimeField(_("aangemaakt"), auto_now_add=True)
    started_at = models.DateTimeField(_("gestart"), null=True, blank=True)
    updated_at = models.DateTimeField(_("bijgewerkt"), auto_now=True)
    finished_at = models.DateTimeField(_("klaar op"), null=True, blank=True)

    class Meta:
        verbose_name = _("taak")
        verbose_name_plural = _("taken")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["kind", "status"])]

    def __str__(self) -> str:
        return f"{self.title} ({self.get_status_display()})"

    @property
    def is_active(self) -> bool:
        return self.status in ACTIVE_STATUSES

    def result_url(self) -> str:
        """The page that shows the result (or the job's subject), if it has one."""
        target = self.result if self.result_type_id else None
        getter = getattr(target, "get_absolute_url", None)
        return str(getter()) if getter else ""


class WorkerProcess(models.Model):
    """A running `migratieketen worker`: how others can tell it is alive.

    `host` is the host name plus the kernel's boot id, so on the same machine a dead
    worker is recognised at once by its process id (and process start time); on
    another machine by a heartbeat older than JOBS_WORKER_STALE_SECONDS.
    """

    worker_id = models.CharField(max_length=64, primary_key=True)
    host = models.CharField(max_length=200)
    pid = models.PositiveIntegerField()
    pid_started = models.BigIntegerField(default=0)
    started_at = models.DateTimeField(auto_now_add=True)
    heartbeat_at = models.DateTimeField()
    stopped_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("rekenwerker")
        verbose_name_plural = _("rekenwerkers")
        ordering = ["-started_at"]

    def __str__(self) -> str:
        return f"{self.host} pid {self.pid}"


class JobLock(models.Model):
    """One row per limit; starts that check a limit lock its row (select_for_update)."""

    name = models.CharField(max_length=40, primary_key=True)

    class Meta:
        verbose_name = _("takenslot")
        verbose_name_plural = _("takensloten")

    def __str__(self) -> str:
        return self.name
