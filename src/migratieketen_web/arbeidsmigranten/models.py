# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""The labour-migrant housing register: locations, bedrooms, inspections, occupants.

Isolated per gemeente like the inburgering register (accounts.isolation, ADR 0012):
every query goes through `Model.objects.for_actor(actor, right)`. A location's address
is not personal data in itself, but with its occupants it points at people, so
locations too are read with the personal-data right. Occupants hold no name: a keyed
BSN hash (RNI registrants have a BSN too), registration, employer and dates.
Each gemeente's own cap on persons per dwelling is configuration (`LocalNorm`).
"""

from __future__ import annotations

import uuid

from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from migratieketen.rules import huisvestingsnormen as hn
from migratieketen.rules import wet_brp
from migratieketen_web.accounts.isolation import IsolatedManager, IsolatedModel
from migratieketen_web.accounts.registers import RegisterRecord
from migratieketen_web.gemeenten.models import Gemeente, Wijk

TYPE_CHOICES = [(t.value, label) for t, label in hn.TYPE_LABELS.items()]
REGIME_CHOICES = [
    (hn.SnfRegime.BEWONING.value, _("bewoning (12 m² per persoon)")),
    (hn.SnfRegime.LOGIES.value, _("logies (10 m² per persoon)")),
]
REGISTRATION_CHOICES = [
    (wet_brp.Registration.BRP.value, _("BRP (ingezetene)")),
    (wet_brp.Registration.RNI.value, _("RNI (niet-ingezetene)")),
    (wet_brp.Registration.NONE.value, _("niet ingeschreven / onbekend")),
]
BAG_CHOICES = [
    ("gecontroleerd", _("gecontroleerd in de BAG")),
    ("niet_gecontroleerd", _("niet gecontroleerd")),
]
OUTCOME_CHOICES = [
    ("in_orde", _("in orde")),
    ("gebreken", _("gebreken")),
    ("handhaving", _("handhaving gestart")),
]


class LocalNorm(IsolatedModel):
    """A gemeente's own maximum of persons per dwelling (configuration, no personal data).

    Isolated like the register's other models: read through `for_actor` (every right
    that reads the register's figures), managed by staff with `realisaties.bijwerken`.
    """

    gemeente = models.OneToOneField(
        Gemeente, on_delete=models.CASCADE, related_name="+", verbose_name=_("gemeente")
    )
    max_persons = models.PositiveIntegerField(
        _("ten hoogste personen per woning"), validators=[MinValueValidator(1)]
    )
    source = models.CharField(
        _("vastgelegd in"),
        max_length=300,
        help_text=_("Bv. de huisvestingsverordening of beleidsregel, met datum."),
    )

    objects = IsolatedManager["LocalNorm"]()
    unscoped = models.Manager["LocalNorm"]()

    class Meta:
        verbose_name = _("lokale norm arbeidsmigrantenhuisvesting")
        verbose_name_plural = _("lokale normen arbeidsmigrantenhuisvesting")
        base_manager_name = "unscoped"

    def __str__(self) -> str:
        return f"{self.gemeente_id}: {self.max_persons}"


class Location(RegisterRecord):
    wijk = models.ForeignKey(
        Wijk,
        verbose_name=_("wijk"),
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
    )
    name = models.CharField(_("naam"), max_length=200, blank=True)
    postcode = models.CharField(_("postcode"), max_length=6)
    huisnummer = models.PositiveIntegerField(_("huisnummer"))
    huisletter = models.CharField(_("huisletter"), max_length=1, blank=True)
    toevoeging = models.CharField(_("toevoeging"), max_length=4, blank=True)
    street = models.CharField(_("straat"), max_length=200, blank=True)
    place = models.CharField(_("woonplaats"), max_length=200, blank=True)
    bag_status = models.CharField(
        _("BAG"), max_length=20, choices=BAG_CHOICES, default="niet_gecontroleerd"
    )
    bag_id = models.CharField(_("BAG-nummeraanduiding"), max_length=16, blank=True)
    lon = models.FloatField(null=True, blank=True)
    lat = models.FloatField(null=True, blank=True)
    type = models.CharField(_("soort"), max_length=20, choices=TYPE_CHOICES)
    beds = models.PositiveIntegerField(_("bedden"))
    floor_area = models.DecimalField(
        _("gebruiksoppervlakte (m²)"),
        max_digits=8,
        decimal_places=1,
        validators=[MinValueValidator(1)],
    )
    snf_regime = models.CharField(
        _("SNF-norm"), max_length=10, choices=REGIME_CHOICES, default="bewoning"
    )
    new_location = models.BooleanField(
        _("nieuwe locatie (omgevingsvergunning aangevraagd na 1 juli 2025)"),
        default=False,
    )
    sharing_consent = models.BooleanField(
        _("bewoners stemden schriftelijk in met een gedeelde slaapkamer"), default=False
    )
    operator = models.CharField(_("exploitant"), max_length=200, blank=True)
    employer = models.CharField(_("werkgever"), max_length=200, blank=True)
    employer_tied = models.BooleanField(
        _("huur hangt af van het arbeidscontract"), default=False
    )
    snf_number = models.CharField(_("SNF-registratienummer"), max_length=40, blank=True)
    snf_expiry = models.DateField(_("SNF-keurmerk geldig tot"), null=True, blank=True)
    permits = models.TextField(_("vergunningen"), blank=True)
    brp_registrations = models.PositiveIntegerField(
        _("ingeschrevenen in de BRP op dit adres"), null=True, blank=True
    )

    objects = IsolatedManager["Location"]()
    unscoped = models.Manager["Location"]()  # migrations and counts only (ADR 0012)

    class Meta:
        verbose_name = _("huisvestingslocatie")
        verbose_name_plural = _("huisvestingslocaties")
        ordering = ["postcode", "huisnummer", "pk"]
        base_manager_name = "unscoped"

    @property
    def address(self) -> str:
        number = f"{self.huisnummer}{self.huisletter}"
        if self.toevoeging:
            number += f"-{self.toevoeging}"
        street = f"{self.street} {number}" if self.street else number
        return f"{street}, {self.postcode} {self.place}".strip().rstrip(",")


class Bedroom(IsolatedModel):
    isolation_field = "location__gemeente__code"

    location = models.ForeignKey(
        Location, on_delete=models.CASCADE, related_name="bedrooms"
    )
    area = models.DecimalField(
        _("oppervlakte (m²)"),
        max_digits=6,
        decimal_places=1,
        validators=[MinValueValidator(0)],
    )

    objects = IsolatedManager["Bedroom"]()
    unscoped = models.Manager["Bedroom"]()

    class Meta:
        verbose_name = _("slaapkamer")
        verbose_name_plural = _("slaapkamers")
        ordering = ["pk"]
        base_manager_name = "unscoped"

    def __str__(self) -> str:
        return f"{self.area} m²"


class Inspection(IsolatedModel):
    isolation_field = "location__gemeente__code"

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    location = models.ForeignKey(
        Location, on_delete=models.CASCADE, related_name="inspections"
    )
    date = models.DateField(_("datum"))
    outcome = models.CharField(_("uitkomst"), max_length=20, choices=OUTCOME_CHOICES)
    findings = models.TextField(_("bevindingen"), blank=True)

    objects = IsolatedManager["Inspection"]()
    unscoped = models.Manager["Inspection"]()

    class Meta:
        verbose_name = _("inspectie")
        verbose_name_plural = _("inspecties")
        ordering = ["-date", "pk"]
        base_manager_name = "unscoped"

    def __str__(self) -> str:
        return f"{self.date} {self.outcome}"


class Occupant(IsolatedModel):
    """A person living at a location, as far as the gemeente records it (no name)."""

    isolation_field = "location__gemeente__code"

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    location = models.ForeignKey(
        Location, on_delete=models.CASCADE, related_name="occupants"
    )
    bsn_hash = models.CharField(
        _("BSN (versleuteld)"), max_length=64, blank=True, editable=False
    )
    registration = models.CharField(
        _("inschrijving"), max_length=5, choices=REGISTRATION_CHOICES
    )
    employer = models.CharField(_("werkgever"), max_length=200, blank=True)
    contract_end = models.DateField(_("einde arbeidscontract"), null=True, blank=True)
    stay_start = models.DateField(_("verblijf vanaf"))
    stay_end = models.DateField(_("verblijf tot en met"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = IsolatedManager["Occupant"]()
    unscoped = models.Manager["Occupant"]()

    class Meta:
        verbose_name = _("bewoner")
        verbose_name_plural = _("bewoners")
        ordering = ["stay_start", "pk"]
        base_manager_name = "unscoped"
        indexes = [models.Index(fields=["bsn_hash"])]

    def __str__(self) -> str:
        return str(self.uuid)
