# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""The LVV register: one case per person in a Landelijke Vreemdelingenvoorziening.

Isolated per gemeente and audited like the other registers (ADR 0012, 0013). Most
people in the LVV have no BSN; the case holds the name, the vreemdelingennummer where
known, the intake, the location, the track, contacts with IND and DT&V and the outcome.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from migratieketen.rules import lvv
from migratieketen_web.accounts.isolation import IsolatedManager, IsolatedModel
from migratieketen_web.accounts.registers import RegisterRecord

TRACK_CHOICES = [(t.value, label) for t, label in lvv.TRACK_LABELS.items()]
OUTCOME_CHOICES = [(o.value, label) for o, label in lvv.OUTCOME_LABELS.items()]
CONTACT_CHOICES = [
    ("ind", _("IND")),
    ("dtv", _("DT&V")),
    ("avim", _("AVIM (politie)")),
    ("ngo", _("maatschappelijke organisatie")),
    ("overig", _("overig")),
]


class Case(RegisterRecord):
    name = models.CharField(_("naam"), max_length=200)
    birth_year = models.PositiveIntegerField(_("geboortejaar"), null=True, blank=True)
    nationality = models.CharField(_("nationaliteit"), max_length=2, blank=True)
    v_number = models.CharField(_("vreemdelingennummer"), max_length=10, blank=True)
    intake = models.DateField(_("intake"))
    location = models.CharField(_("LVV-locatie"), max_length=200, blank=True)
    track = models.CharField(_("traject"), max_length=30, choices=TRACK_CHOICES)
    outcome = models.CharField(
        _("uitkomst"), max_length=30, choices=OUTCOME_CHOICES, blank=True
    )
    exit = models.DateField(_("uitstroom"), null=True, blank=True)

    objects = IsolatedManager["Case"]()
    unscoped = models.Manager["Case"]()

    class Meta:
        verbose_name = _("LVV-traject")
        verbose_name_plural = _("LVV-trajecten")
        ordering = ["-intake", "pk"]
        base_manager_name = "unscoped"


class Contact(IsolatedModel):
    """A contact with IND, DT&V or another party about the case."""

    isolation_field = "case__gemeente__code"

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="contacts")
    date = models.DateField(_("datum"))
    party = models.CharField(_("met"), max_length=10, choices=CONTACT_CHOICES)
    note = models.TextField(_("notitie"), blank=True)

    objects = IsolatedManager["Contact"]()
    unscoped = models.Manager["Contact"]()

    class Meta:
        verbose_name = _("contact")
        verbose_name_plural = _("contacten")
        ordering = ["-date", "pk"]
        base_manager_name = "unscoped"

    def __str__(self) -> str:
        return f"{self.date} {self.party}"
