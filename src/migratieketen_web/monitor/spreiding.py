# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Spreidingswet distribution for the web: stored population in, core rule out.

The published weights are inhabitants x (1 + SES-WOA); the CBS SES-WOA scores are not
in the open data, so by default the core falls back to population alone and says so
(`spreidingswet.FALLBACK_NOTE`). The KWB estimate of SES-WOA is offered only as an
explicit, labelled choice (`spreidingswet.PROXY_NOTE`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path

from django.utils import timezone
from django.utils.translation import gettext_noop

from migratieketen.rules import spreidingswet as sw
from migratieketen_web.gemeenten.models import DataVintage
from migratieketen_web.monitor.services import MonitorData, PopulationYear

SES_CHOICES = {
    "geen": gettext_noop("Alleen inwonertal (SES-WOA niet geladen)"),
    "schatting": gettext_noop(
        "SCHATTING van SES-WOA uit KWB-indicatoren (niet officieel)"
    ),
}
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


@lru_cache(maxsize=4)
def _proxy_scores(data_dir: str, checksum: str, year: int) -> dict[str, object]:
    from migratieketen.data import load_dataset
    from migratieketen.rules.ses_proxy import proxy_scores_from_dataset

    return dict(proxy_scores_from_dataset(load_dataset(Path(data_dir)), year))


def proxy_scores(year: int) -> dict[str, object]:
    """KWB-based SES-WOA estimate, from the data folder of the last import."""
    vintage = DataVintage.objects.order_by("-imported_at").first()
    if vintage is None or not Path(vintage.data_dir).is_dir():
        raise SpreidingUnavailable(
            "De SES-WOA-schatting heeft de map met open data nodig; die is niet "
            "beschikbaar op deze server."
        )
    return _proxy_scores(vintage.data_dir, vintage.checksum, year)


def compute(
    data: MonitorData,
    raming: int | None = None,
    ses: str = "geen",
    at: date | None = None,
) -> Spreiding:
    at = at or timezone.localdate()
    if not sw.in_force(at):
        raise SpreidingUnavailable(f"De Spreidingswet geldt niet op {at.isoformat()}.")
    published = sw.raming_at(at)
    total = published.total if raming is None else raming
    if ses not in SES_CHOICES:
        raise SpreidingUnavailable(
            f"Onbekende keuze '{ses}' voor SES-WOA; kies uit {', '.join(SES_CHOICES)}."
        )
    # The amv part scales with the raming, as in the CLI (`migratieketen spreiding`).
    amv_total = (
        published.amv
        if total == published.total
        else round(published.amv * total / published.total)
    )
    population = data.population(published.population_year)
    if population is None:
        raise SpreidingUnavailable(
            f"Geen CBS-bevolking op 1 januari {published.population_year} "
            "geïmporteerd; die is nodig voor de verdeling."
        )
    scores = None
    source = sw.SES_OFFICIAL
    if ses == "schatting":
        all_scores = proxy_scores(published.population_year)
        scores = {c: all_scores[c] for c in population.populations}
        source = sw.SES_PROXY
    result = sw.distribute(
        total,
        population.populations,
        scores,  # type: ignore[arg-type]
        amv_total=amv_total,
        ses_source=source,
    )
    province_of = {c: i.province_code for c, i in data.gemeenten.items()}
    return Spreiding(
        total,
        published,
        amv_total,
        ses,
        population,
        result,
        sw.province_totals(result, province_of),
    )
