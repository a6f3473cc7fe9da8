# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""The inburgering register: one row per inburgeringsplichtige, and booked costs.

Personal data: the default manager is isolated (accounts.isolation): every query goes
through `Person.objects.for_actor(actor, right)`. The BSN is kept as a keyed hash only
(`bsn_key.py`); URLs and the API name a person by UUID, never by BSN or number.
Dates are the facts the rules (`migratieketen.rules.wet_inburgering`) compute from.
"""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from migratieketen.rules import wet_inburgering as wi
from migratieketen_web.accounts.isolation import IsolatedManager, IsolatedModel
from migratieketen_web.accounts.registers import RegisterRecord

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

GROUND_CHOICES = [
    (wi.Ground.ASIEL.value, _("asielstatushouder")),
    (wi.Ground.GEZIN.value, _("gezinsmigrant")),
    (wi.Ground.OVERIG.value, _("overige migrant")),
]
ROUTE_CHOICES = [
    (wi.Route.B1.value, _("B1-route")),
    (wi.Route.ONDERWIJS.value, _("onderwijsroute")),
    (wi.Route.Z.value, _("Z-route")),
]
MODULE_CHOICES = [(m.key, m.label) for m in wi.COST_MODULES.values()]

# The trajectory's dates: (field name, Dutch label).
STEP_DATES: tuple[tuple[str, StrOrPromise], ...] = (
    ("brede_intake_started", _("brede intake gestart")),
    ("pip_date", _("datum PIP")),
    ("route_started", _("leerroute gestart")),
    ("knm_done", _("KNM behaald")),
    ("map_done", _("MAP afgerond")),
    ("pvt_done", _("PVT afgerond")),
    ("route_done", _("leerroute afgerond")),
    ("last_progress", _("laatste voortgangsgesprek")),
    ("extended_until", _("termijn verlengd tot")),
    ("exempted_on", _("ontheffing op")),
    ("bijstand_started", _("bijstand gestart")),
    ("bijstand_ended", _("bijstand beëindigd")),
)


class Person(RegisterRecord):
    bsn_hash = models.CharField(_("BSN (versleuteld)"), max_length=64, editable=False)
    name = models.CharField(_("naam"), max_length=200)
    birth_date = models.DateField(_("geboortedatum"))
    nationality = models.CharField(_("nationaliteit"), max_length=2)
    ground = models.CharField(_("grond"), max_length=10, choices=GROUND_CHOICES)
    duty_start = models.DateField(_("start inburgeringsplicht"))
    route = models.CharField(
        _("leerroute"), max_length=10, choices=ROUTE_CHOICES, blank=True
    )
    brede_intake_started = models.DateField(null=True, blank=True)
    pip_date = models.DateField(null=True, blank=True)
    route_started = models.DateField(null=True, blank=True)
    knm_done = models.DateField(null=True, blank=True)
    map_done = models.DateField(null=True, blank=True)
    pvt_done = models.DateField(null=True, blank=True)
    route_done = models.DateField(null=True, blank=True)
    last_progress = models.DateField(null=True, blank=True)
    extended_until = models.DateField(null=True, blank=True)
    exempted_on = models.DateField(null=True, blank=True)
    bijstand_started = models.DateField(null=True, blank=True)
    bijstand_ended = models.DateField(null=True, blank=True)
    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    updated_at = models.DateTimeField(_("gewijzigd op"), auto_now=True)

    objects = IsolatedManager["Person"]()
    unscoped = models.Manager["Person"]()  # migrations and counts only (ADR 0012)

    class Meta:
        verbose_name = _("inburgeraar")
        verbose_name_plural = _("inburgeraars")
        ordering = ["name", "pk"]
        base_manager_name = "unscoped"
        constraints = [
            models.UniqueConstraint(
                fields=["gemeente", "bsn_hash"],
                name="unique_person_bsn_per_gemeente",
                violation_error_message=_(
                    "Deze persoon (zelfde BSN) staat al in het register van deze "
                    "gemeente."
                ),
            )
        ]
        indexes = [models.Index(fields=["bsn_hash"])]


class CostEntry(IsolatedModel):
    """A booked cost for one person, per module (voorziening or uitvoering)."""

    isolation_field = "person__gemeente__code"

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="costs")
    module = models.CharField(_("module"), max_length=20, choices=MODULE_CHOICES)
    amount = models.DecimalField(
        _("bedrag (euro)"),
        max_digits=10,
        decimal_places=2,
        validators=[MinValueValidator(0)],
    )
    booked_on = models.DateField(_("datum"))
    created_at = models.DateTimeField(auto_now_add=True)

    objects = IsolatedManager["CostEntry"]()
    unscoped = models.Manager["CostEntry"]()

    class Meta:
        verbose_name = _("kostenpost")
        verbose_name_plural = _("kostenposten")
        ordering = ["booked_on", "pk"]
        base_manager_name = "unscoped"

    def __str__(self) -> str:
        return f"{self.module} {self.amount}"
