# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Open data as stored for the web: the normalised core DataSet, with provenance.

The core (migratieketen.data) loads and validates; these tables only keep the
result of one import (a DataVintage) so pages and the API can query it fast.
"""

from __future__ import annotations

import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _

from migratieketen_web.gemeenten.services import Provenance


class DataVintage(models.Model):
    """One import of the open data: which folder, when, and a checksum of its files."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    imported_at = models.DateTimeField(auto_now_add=True)
    data_dir = models.CharField(_("gegevensmap"), max_length=500)
    checksum = models.CharField(_("controlegetal"), max_length=64)
    division_year = models.PositiveIntegerField(_("gemeentelijke indeling"))

    class Meta:
        verbose_name = _("import open data")
        verbose_name_plural = _("imports open data")
        ordering = ["-imported_at"]

    def __str__(self) -> str:
        return f"{self.imported_at:%Y-%m-%d %H:%M} ({self.checksum[:8]})"


class Source(models.Model):
    """Provenance of a figure: publisher, table, reference date and licence."""

    publisher = models.CharField(_("uitgever"), max_length=100)
    title = models.CharField(_("titel"), max_length=300)
    table_id = models.CharField(_("tabel"), max_length=50, blank=True)
    reference_date = models.DateField(_("peildatum"))
    licence = models.CharField(_("licentie"), max_length=100)
    url = models.URLField(max_length=500, blank=True)
    note = models.TextField(_("toelichting"), blank=True)

    class Meta:
        verbose_name = _("bron")
        verbose_name_plural = _("bronnen")
        constraints = [
            models.UniqueConstraint(
                fields=["publisher", "title", "table_id", "reference_date"],
                name="unique_source",
            )
        ]

    def __str__(self) -> str:
        return self.attribution()

    def provenance(self) -> Provenance:
        return Provenance(
            publisher=self.publisher,
            title=self.title,
            table_id=self.table_id,
            reference_date=self.reference_date,
            licence=self.licence,
            url=self.url,
            note=self.note,
        )

    def attribution(self) -> str:
        """The core's "Bron: …" line, so pages and the core word it the same way."""
        return self.provenance().attribution()


class Province(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    code = models.CharField(_("provinciecode"), max_length=4, unique=True)
    name = models.CharField(_("naam"), max_length=100)
    svg_path = models.TextField(_("SVG-pad"), blank=True)

    class Meta:
        verbose_name = _("provincie")
        verbose_name_plural = _("provincies")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Gemeente(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    code = models.CharField(_("gemeentecode"), max_length=6, unique=True)
    name = models.CharField(_("naam"), max_length=100, db_index=True)
    province = models.ForeignKey(
        Province, on_delete=models.PROTECT, related_name="gemeenten"
    )
    svg_path = models.TextField(_("SVG-pad"), blank=True)

    class Meta:
        verbose_name = _("gemeente")
        verbose_name_plural = _("gemeenten")
        ordering = ["name"]

    def __str__(self) -> str:
        return f"{self.name} ({self.code})"


class PopulationFigure(models.Model):
    """Inhabitants of a gemeente on 1 January of a year (current division)."""

    gemeente = models.ForeignKey(
        Gemeente, on_delete=models.CASCADE, related_name="population_figures"
    )
    year = models.PositiveIntegerField(_("jaar"))
    inhabitants = models.PositiveIntegerField(_("inwoners"))
    source = models.ForeignKey(Source, on_delete=models.PROTECT)

    class Meta:
        verbose_name = _("inwonertal")
        verbose_name_plural = _("inwonertallen")
        constraints = [
            models.UniqueConstraint(
                fields=["gemeente", "year"], name="unique_population_year"
            )
        ]

    def __str__(self) -> str:
        return f"{self.gemeente_id} {self.year}: {self.inhabitants}"


class Indicator(models.Model):
    key = models.SlugField(_("sleutel"), max_length=80, unique=True)
    label_nl = models.CharField(_("naam (nl)"), max_length=200)
    label_en = models.CharField(_("naam (en)"), max_length=200)
    unit = models.CharField(_("eenheid"), max_length=50)
    higher_is = models.CharField(max_length=10, default="neutral")
    # How the figure combines over gemeenten (province view): "sum", or "mean"
    # weighted by `weight` ("inwoners" or another indicator key such as "huishoudens").
    aggregation = models.CharField(_("aggregatie"), max_length=10, default="mean")
    weight = models.CharField(_("gewicht"), max_length=80, default="inwoners")
    source = models.ForeignKey(Source, on_delete=models.PROTECT)

    class Meta:
        verbose_name = _("indicator")
        verbose_name_plural = _("indicatoren")
        ordering = ["label_nl"]

    def __str__(self) -> str:
        return self.label_nl


class IndicatorValue(models.Model):
    gemeente = models.ForeignKey(
        Gemeente, on_delete=models.CASCADE, related_name="indicator_values"
    )
    indicator = models.ForeignKey(
        Indicator, on_delete=models.CASCADE, related_name="values"
    )
    value = models.FloatField(_("waarde"), null=True, blank=True)

    class Meta:
        verbose_name = _("indicatorwaarde")
        verbose_name_plural = _("indicatorwaarden")
        constraints = [
            models.UniqueConstraint(
                fields=["gemeente", "indicator"], name="unique_indicator_value"
            )
        ]

    def __str__(self) -> str:
        return f"{self.gemeente_id} {self.indicator_id}: {self.value}"


class Wijk(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    code = models.CharField(_("wijkcode"), max_length=8, unique=True)
    name = models.CharField(_("naam"), max_length=200)
    gemeente = models.ForeignKey(
        Gemeente, on_delete=models.CASCADE, related_name="wijken"
    )
    inhabitants = models.PositiveIntegerField(_("inwoners"), null=True, blank=True)
    source = models.ForeignKey(Source, on_delete=models.PROTECT)

    class Meta:
        verbose_name = _("wijk")
        verbose_name_plural = _("wijken")
        ordering = ["code"]

    def __str__(self) -> str:
        return f"{self.name} ({self.code})"
