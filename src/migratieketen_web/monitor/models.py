# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""The realisation register: how many vergunninghouders each gemeente housed, when.

Realisations are aggregate counts (persons, households, date); no personal data is
stored. The rule arithmetic (taakstelling, carry-over, status, toezicht) lives in the
core (`migratieketen.rules`); these tables only hold the facts it needs.

Idempotency key (`Realisation.key`, unique per gemeente):
* with a kenmerk (the gemeente's own reference): ``kenmerk:<kenmerk>``. Entering or
  importing the same kenmerk again with the same figures changes nothing; with other
  figures it is refused (a correction is made by changing the existing row).
* CSV rows without a kenmerk: ``csv:<datum>:<aantal>:<soort>:<n>``, n = the n-th equal
  row in the file. A cumulative export imported again is therefore not counted twice;
  two equal housings on one day in one file stay two rows.
* web form and API entries without a kenmerk: a new random key; every entry is a fact.
A whole file imported twice is recognised by its SHA-256 (`RealisationImport.checksum`)
and changes nothing.
"""

from __future__ import annotations

import uuid
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from migratieketen.rules.huisvestingswet import HalfYear, TaakstellingError
from migratieketen.rules.realisation_schema import (
    KINDS,
    MAX_PERSONS_PER_ROW,
    MAX_REFERENCE_LENGTH,
)
from migratieketen_web.gemeenten.models import Gemeente

HALF_YEAR_HELP = _("Halfjaar als JJJJ-1 (januari-juni) of JJJJ-2 (juli-december).")


def normalise_half_year(value: str) -> str:
    """'2025H1' -> '2025-1'; a Dutch ValidationError for anything else."""
    try:
        return str(HalfYear.parse(value))
    except TaakstellingError as exc:
        raise ValidationError({"half_year": str(exc)}) from exc


class RealisationSource(models.TextChoices):
    WEB = "web", _("webformulier")
    API = "api", _("API")
    CSV = "csv", _("CSV-import")


KIND_LABELS = {
    "regulier": _("regulier"),
    "nareiziger": _("nareiziger"),
    "zelf_gevonden": _("zelf woonruimte gevonden"),
}
KIND_CHOICES = [(k, KIND_LABELS[k]) for k in KINDS]


class RealisationImport(models.Model):
    """One accepted CSV file; its checksum makes a second import of it a no-op."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    imported_at = models.DateTimeField(_("geïmporteerd op"), auto_now_add=True)
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("geïmporteerd door"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    filename = models.CharField(_("bestandsnaam"), max_length=255)
    checksum = models.CharField(
        _("controlegetal (SHA-256)"), max_length=64, unique=True
    )
    rows = models.PositiveIntegerField(_("gegevensregels"))
    added = models.PositiveIntegerField(_("toegevoegd"))
    already_present = models.PositiveIntegerField(_("al aanwezig"))

    class Meta:
        verbose_name = _("import realisaties")
        verbose_name_plural = _("imports realisaties")
        ordering = ["-imported_at"]

    def __str__(self) -> str:
        return f"{self.filename} ({self.imported_at:%Y-%m-%d %H:%M})"


class Realisation(models.Model):
    """Vergunninghouders housed in a gemeente on a date; counts for that half-year."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    gemeente = models.ForeignKey(
        Gemeente,
        verbose_name=_("gemeente"),
        on_delete=models.PROTECT,  # register data is never deleted by a data import
        related_name="realisations",
    )
    housed_on = models.DateField(_("datum huisvesting"))
    half_year = models.CharField(
        _("halfjaar"),
        max_length=6,
        editable=False,
        help_text=_("Het halfjaar van de datum huisvesting, bv. 2025-1."),
    )
    persons = models.PositiveIntegerField(
        _("aantal personen"),
        validators=[MinValueValidator(1), MaxValueValidator(MAX_PERSONS_PER_ROW)],
    )
    households = models.PositiveIntegerField(
        _("aantal huishoudens"), null=True, blank=True
    )
    kind = models.CharField(
        _("soort"), max_length=20, choices=KIND_CHOICES, default="regulier"
    )
    reference = models.CharField(
        _("kenmerk"),
        max_length=MAX_REFERENCE_LENGTH,
        blank=True,
        help_text=_("Eigen kenmerk van de gemeente; uniek per gemeente."),
    )
    key = models.CharField(_("idempotentiesleutel"), max_length=150, editable=False)
    source = models.CharField(
        _("ingevoerd via"), max_length=3, choices=RealisationSource.choices
    )
    batch = models.ForeignKey(
        RealisationImport,
        verbose_name=_("import"),
        on_delete=models.CASCADE,  # deleting an import undoes it
        null=True,
        blank=True,
        related_name="realisations",
    )
    created_at = models.DateTimeField(_("ingevoerd op"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ingevoerd door"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("realisatie")
        verbose_name_plural = _("realisaties")
        ordering = ["-housed_on", "gemeente__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["gemeente", "key"],
                name="unique_realisation_key",
                violation_error_message=_(
                    "Deze realisatie (zelfde kenmerk) staat al in het register."
                ),
            ),
            models.CheckConstraint(
                condition=models.Q(persons__gte=1),
                name="realisation_persons_min_1",
                violation_error_message=_("Minimaal 1 persoon."),
            ),
            models.CheckConstraint(
                condition=models.Q(households__isnull=True)
                | models.Q(households__lte=models.F("persons")),
                name="realisation_households_lte_persons",
                violation_error_message=_(
                    "Er kunnen niet meer huishoudens dan personen zijn."
                ),
            ),
        ]
        indexes = [
            models.Index(fields=["gemeente", "housed_on"]),
            # Covers the monitor's sums per gemeente x half-year (services.py): the
            # pages read these aggregates, never the rows, however large the register.
            models.Index(
                fields=["gemeente", "half_year", "housed_on", "persons"],
                name="realisation_sums",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.gemeente_id} {self.housed_on}: {self.persons}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.half_year = str(HalfYear.of(self.housed_on))
        super().save(*args, **kwargs)


def new_realisation(**fields: Any) -> Realisation:
    """An unsaved row with its half-year filled in, for bulk_create (which skips save)."""
    row = Realisation(**fields)
    row.half_year = str(HalfYear.of(row.housed_on))
    return row


class HalfYearFact(models.Model):
    """A per-gemeente, per-half-year figure that the monitor takes as input."""

    gemeente = models.ForeignKey(
        Gemeente, verbose_name=_("gemeente"), on_delete=models.PROTECT, related_name="+"
    )
    half_year = models.CharField(_("halfjaar"), max_length=6, help_text=HALF_YEAR_HELP)
    source_text = models.CharField(_("bron"), max_length=300)

    class Meta:
        abstract = True

    def clean(self) -> None:
        self.half_year = normalise_half_year(self.half_year)


class OpeningBalance(HalfYearFact):
    """Achterstand (+) or voorsprong (-) carried into the first monitored half-year.

    The monitor starts where published vg and CBS population are both known; what a
    gemeente carried in from before is a figure the province fixes, not one we derive.
    """

    balance = models.IntegerField(
        _("meegenomen saldo"),
        help_text=_("Achterstand positief, voorsprong negatief (personen)."),
    )

    class Meta:
        verbose_name = _("beginsaldo")
        verbose_name_plural = _("beginsaldi")
        constraints = [
            models.UniqueConstraint(
                fields=["gemeente", "half_year"], name="unique_opening_balance"
            )
        ]

    def __str__(self) -> str:
        return f"{self.gemeente_id} {self.half_year}: {self.balance}"


class CoaLinkage(HalfYearFact):
    """Vergunninghouders COA linked to the gemeente before the peildatum.

    Fewer than the opgave makes an achterstand 'buiten schuld' (COA practice, peildata
    1 April / 1 October; COA, "Huisvesting van statushouders").
    """

    linked = models.PositiveIntegerField(_("gekoppeld voor de peildatum"))

    class Meta:
        verbose_name = _("koppeling COA")
        verbose_name_plural = _("koppelingen COA")
        constraints = [
            models.UniqueConstraint(
                fields=["gemeente", "half_year"], name="unique_coa_linkage"
            )
        ]

    def __str__(self) -> str:
        return f"{self.gemeente_id} {self.half_year}: {self.linked}"


class RegionalAgreement(models.Model):
    """Art. 29 lid 2 Huisvestingswet 2014: gemeenten swap taakstelling, sum unchanged.

    https://wetten.overheid.nl/jci1.3:c:BWBR0035303&artikel=29&lid=2
    """

    name = models.CharField(_("naam"), max_length=200)
    half_year = models.CharField(_("halfjaar"), max_length=6, help_text=HALF_YEAR_HELP)
    decided_on = models.DateField(_("besloten op"), null=True, blank=True)
    note = models.TextField(_("toelichting"), blank=True)

    class Meta:
        verbose_name = _("regionale afspraak (art. 29 lid 2)")
        verbose_name_plural = _("regionale afspraken (art. 29 lid 2)")
        ordering = ["-half_year", "name"]

    def __str__(self) -> str:
        return f"{self.name} ({self.half_year})"

    def clean(self) -> None:
        self.half_year = normalise_half_year(self.half_year)


class RegionalAgreementShare(models.Model):
    agreement = models.ForeignKey(
        RegionalAgreement, on_delete=models.CASCADE, related_name="shares"
    )
    gemeente = models.ForeignKey(
        Gemeente, verbose_name=_("gemeente"), on_delete=models.PROTECT, related_name="+"
    )
    delta = models.IntegerField(
        _("wijziging"),
        help_text=_("Meer (+) of minder (-) te huisvesten dan de taakstelling."),
    )

    class Meta:
        verbose_name = _("deel van een regionale afspraak")
        verbose_name_plural = _("delen van een regionale afspraak")
        constraints = [
            models.UniqueConstraint(
                fields=["agreement", "gemeente"], name="unique_agreement_gemeente"
            )
        ]

    def __str__(self) -> str:
        return f"{self.gemeente_id}: {self.delta:+d}"
