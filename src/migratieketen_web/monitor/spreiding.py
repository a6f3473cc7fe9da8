# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Spreidingswet distribution for the web: stored population in, core rule out.

The key weights inhabitants with the CBS SES-WOA score (verdeelsleutel of the core).
The scores come from the data folder of the last import, through the core
(`rules.service.choose_ses`): by default ("auto") the CBS gemeente rows when present,
else the mean of the CBS postcode scores; the page, the gemeente page and the API say
which source and vintage. Population only and the KWB estimate stay available as
labelled comparisons (`spreidingswet.FALLBACK_NOTE`, `PROXY_NOTE`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from django.utils import timezone
from django.utils.translation import gettext_noop

from migratieketen.data import DataValidationError
from migratieketen.data.ses_woa import SesWoaError
from migratieketen.rules import service
from migratieketen.rules import spreidingswet as sw
from migratieketen_web.gemeenten.models import DataVintage
from migratieketen_web.monitor.services import MonitorData, PopulationYear

SES_CHOICES = {
    service.SES_AUTO: gettext_noop(
        "SES-WOA van CBS, de meest recente in de open data (standaard)"
    ),
    service.SES_CHOICE_CBS: gettext_noop("SES-WOA: CBS-cijfers per gemeente"),
    service.SES_CHOICE_POSTCODE: gettext_noop(
        "SES-WOA: CBS-cijfers per postcode, gemiddeld per gemeente"
    ),
    service.SES_CHOICE_PROXY: gettext_noop(
        "SCHATTING van SES-WOA uit KWB-indicatoren (niet officieel)"
    ),
    service.SES_CHOICE_NONE: gettext_noop(
        "Alleen inwonertal, zonder SES-WOA (ter vergelijking)"
    ),
}
DEFAULT_SES = service.SES_AUTO
MAX_RAMING = 1_000_000


class SpreidingUnavailable(LookupError):
    """The distribution cannot be computed; message in Dutch."""


@dataclass(frozen=True, slots=True)
class Spreiding:
    raming: int
    published: sw.Raming
    amv_total: int
    ses: str  # key of SES_CHOICES
    population: PopulationYear
    result: sw.SpreidingResult
    provinces: dict[str, sw.ProvinceOpgave]
    ses_attribution: str = ""  # "Bron: CBS, ..." of the SES-WOA scores
    ses_warnings: tuple[str, ...] = ()

    @property
    def fallback(self) -> bool:
        return self.result.ses_source is None

    @property
    def proxy(self) -> bool:
        return self.result.ses_source == sw.SES_PROXY


def data_dir() -> Path | None:
    """The data folder of the last import, if this server can still read it."""
    vintage = DataVintage.objects.order_by("-imported_at").first()
    if vintage is None or not Path(vintage.data_dir).is_dir():
        return None
    return Path(vintage.data_dir)


def _ses(ses: str, year: int) -> service.SesChoice:
    folder = data_dir()
    if folder is None:
        if ses in (service.SES_AUTO, service.SES_CHOICE_NONE):
            return service.SesChoice(None)
        raise SpreidingUnavailable(
            "De SES-WOA-scores staan in de map met open data; die is niet "
            "beschikbaar op deze server."
        )
    try:
        return service.choose_ses(ses, folder, year)
    except (sw.SpreidingError, SesWoaError, DataValidationError) as exc:
        raise SpreidingUnavailable(str(exc)) from exc


def compute(
    data: MonitorData,
    raming: int | None = None,
    ses: str = DEFAULT_SES,
    at: date | None = None,
) -> Spreiding:
    at = at or timezone.localdate()
    if not sw.in_force(at):
        raise SpreidingUnavailable(f"De Spreidingswet geldt niet op {at.isoformat()}.")
    published = sw.raming_at(at)
    key = sw.distribution_key(at)
    total = published.total if raming is None else raming
    if ses not in SES_CHOICES:
        raise SpreidingUnavailable(
            f"Onbekende keuze '{ses}' voor SES-WOA; kies uit {', '.join(SES_CHOICES)}."
        )
    population = data.population(published.population_year)
    if population is None:
        raise SpreidingUnavailable(
            f"Geen CBS-bevolking op 1 januari {published.population_year} "
            "geïmporteerd; die is nodig voor de verdeling."
        )
    chosen = _ses(ses, published.population_year)
    try:
        result = sw.distribute(
            total,
            population.populations,
            chosen.input,
            amv_total=sw.amv_for(total, published),
            rounding=key.rounding,
            amv_rounding=key.amv_rounding,
        )
    except sw.SpreidingError as exc:
        raise SpreidingUnavailable(str(exc)) from exc
    province_of = {c: i.province_code for c, i in data.gemeenten.items()}
    return Spreiding(
        total,
        published,
        result.amv_total,
        ses,
        population,
        result,
        sw.province_totals(result, province_of),
        chosen.attribution,
        chosen.warnings,
    )
