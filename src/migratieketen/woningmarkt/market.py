# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""The local housing market of one gemeente (or a woningmarktregio of several).

Corporation stock = KWB woningvoorraad (2023) x share owned by corporations (KWB 2022); the
statushouders to house come from the taakstelling (Huisvestingswet 2014 art. 29, computed by
`migratieketen.rules.huisvestingswet`) or from an external series (the ketenmodel).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace

from migratieketen.data.model import DataSet, Gemeente
from migratieketen.data.sources import kwb_provenance
from migratieketen.rules.huisvestingswet import (
    HalfYear,
    TaakstellingError,
    compute_taakstelling,
    half_years,
    national_number,
)
from migratieketen.woningmarkt.params import WoningmarktError

STOCK_SOURCE = (
    f"{kwb_provenance(2023).attribution()} (woningvoorraad) x "
    f"{kwb_provenance(2022).attribution()} (huurwoningen in bezit van woningcorporaties)"
)
TAAKSTELLING_SOURCE = (
    "Bron: taakstelling volgens Huisvestingswet 2014 art. 29 lid 1 (vg x inwoners gemeente / inwoners "
    "Nederland, CBS-bevolking op 1 januari van het voorgaande jaar)"
)


@dataclass(frozen=True, slots=True)
class GemeenteMarket:
    """What the model needs to know about one local market."""

    code: str  # "GM0363", or "REGIO:<name>" for a woningmarktregio
    name: str
    corporation_stock: float  # dwellings owned by housing corporations
    population: int
    population_share: float  # of the Netherlands: the share of the national achterstand
    urbanity: int  # CBS stedelijkheid 1 (very strongly urban) .. 5 (not urban)
    first_half_year: HalfYear
    taakstelling: tuple[int, ...]  # persons per half-year from first_half_year on
    members: tuple[str, ...] = ()  # gemeente codes of a region
    sources: tuple[str, ...] = ()  # "Bron: ..." lines of the figures used
    notes: tuple[str, ...] = ()  # ASSUMPTIONs taken for this market
    # other urgent seekers per year when known locally; None: calibrated (ASSUMPTION)
    urgent_inflow_per_year: float | None = None

    def annual_taakstelling(self) -> float:
        """Mean persons per year over the horizon (scales lever grids to the gemeente)."""
        return 2.0 * sum(self.taakstelling) / max(1, len(self.taakstelling))

    def with_taakstelling(self, values: Sequence[int]) -> GemeenteMarket:
        return replace(self, taakstelling=tuple(int(v) for v in values))


@dataclass(frozen=True, slots=True)
class VgSeries:
    """vg per half-year (art. 29 lid 1): published or, after the last one, assumed."""

    values: tuple[int, ...]
    assumed: tuple[bool, ...]
    notes: tuple[str, ...] = field(default_factory=tuple)


def vg_series(first: HalfYear, count: int, future_vg: float) -> VgSeries:
    """The final published vg per half-year, `future_vg` where none is published."""
    values, assumed = [], []
    for hy in half_years(first, count):
        try:
            values.append(national_number(hy).value("final"))
            assumed.append(False)
        except TaakstellingError:
            values.append(int(round(future_vg)))
            assumed.append(True)
    notes: tuple[str, ...] = ()
    if any(assumed):
        notes = (
            f"AANNAME: landelijk aantal vg = {int(round(future_vg))} per halfjaar waar "
            "geen gepubliceerd aantal bestaat (laatst gepubliceerd: 2025-2, 13.000).",
        )
    return VgSeries(tuple(values), tuple(assumed), notes)


def _population_year(dataset: DataSet, half_year: HalfYear) -> int:
    """Art. 29: CBS population on 1 January of the year before; the latest we have."""
    available = sorted({y for g in dataset.gemeenten for y in g.population})
    wanted = half_year.year - 1
    usable = [y for y in available if y <= wanted]
    return usable[-1] if usable else available[0]


def taakstelling_table(
    dataset: DataSet, first: HalfYear, count: int, future_vg: float
) -> tuple[dict[str, list[int]], tuple[str, ...]]:
    """Taakstelling per gemeente per half-year (statutory rounding) and the notes."""
    vg = vg_series(first, count, future_vg)
    table: dict[str, list[int]] = {g.code: [] for g in dataset.gemeenten}
    substituted: dict[int, HalfYear] = {}
    for hy, value in zip(half_years(first, count), vg.values, strict=True):
        year = _population_year(dataset, hy)
        if year != hy.year - 1:
            substituted.setdefault(year, hy)
        pops = {g.code: g.population[year] for g in dataset.gemeenten}
        result = compute_taakstelling(value, pops, half_year=hy)
        for code, t in result.values().items():
            table[code].append(t)
    notes = vg.notes + tuple(
        f"AANNAME: inwonertallen van 1 januari {year} gebruikt vanaf halfjaar {hy} "
        "(het CBS-cijfer dat art. 29 vraagt staat niet in de data)."
        for year, hy in substituted.items()
    )
    return table, notes


def corporation_stock(gemeente: Gemeente, national_ratio: float) -> tuple[float, str]:
    """KWB stock x corporation share; the national ratio where KWB has no value."""
    stock = gemeente.indicators.get("woningvoorraad")
    share = gemeente.indicators.get("pct_huurwoningen_corporatie")
    if stock and share:
        return float(stock) * float(share) / 100.0, ""
    latest = max(gemeente.population)
    estimate = gemeente.population[latest] * national_ratio
    return estimate, (
        f"AANNAME: {gemeente.name} heeft geen corporatiebezit in KWB; geschat met het "
        f"landelijke aantal corporatiewoningen per inwoner ({national_ratio:.3f})."
    )


def national_stock_ratio(dataset: DataSet) -> float:
    """Corporation dwellings per inhabitant over the gemeenten that have both figures."""
    stock = pop = 0.0
    for g in dataset.gemeenten:
        s, share = (
            g.indicators.get("woningvoorraad"),
            g.indicators.get("pct_huurwoningen_corporatie"),
        )
        if s and share:
            stock += float(s) * float(share) / 100.0
            pop += g.population[max(g.population)]
    return stock / pop


def build_markets(
    dataset: DataSet,
    codes: Sequence[str] | None,
    first: HalfYear,
    count: int,
    future_vg: float,
) -> list[GemeenteMarket]:
    """One market per gemeente (all of them when `codes` is None)."""
    table, notes = taakstelling_table(dataset, first, count, future_vg)
    ratio = national_stock_ratio(dataset)
    wanted = [g.code for g in dataset.gemeenten] if codes is None else list(codes)
    latest = max(y for g in dataset.gemeenten for y in g.population)
    national = dataset.national_population(latest)
    out = []
    for code in wanted:
        try:
            g = dataset.gemeente(code)
        except KeyError as exc:
            raise WoningmarktError(f"Onbekende gemeentecode {code}.") from exc
        stock, note = corporation_stock(g, ratio)
        urbanity = g.indicators.get("stedelijkheid_1_5")
        extra = (
            () if urbanity else ("AANNAME: stedelijkheid onbekend, klasse 3 gebruikt.",)
        )
        out.append(
            GemeenteMarket(
                code=g.code,
                name=g.name,
                corporation_stock=stock,
                population=g.population[latest],
                population_share=g.population[latest] / national,
                urbanity=int(urbanity or 3),
                first_half_year=first,
                taakstelling=tuple(table[g.code]),
                members=(g.code,),
                sources=(STOCK_SOURCE, TAAKSTELLING_SOURCE),
                notes=notes + ((note,) if note else ()) + extra,
            )
        )
    return out


def combine_markets(name: str, markets: Sequence[GemeenteMarket]) -> GemeenteMarket:
    """A woningmarktregio: one queue over the gemeenten's stock, taakstelling and seekers.

    Art. 29 lid 2 lets gemeenten pool their taakstelling; a regional allocation system
    pools the lettings. Urbanity is the population-weighted class, rounded.
    """
    if len(markets) == 1:
        return markets[0]
    if not markets:
        raise WoningmarktError("Een regio heeft minstens één gemeente nodig.")
    firsts = {m.first_half_year for m in markets}
    lengths = {len(m.taakstelling) for m in markets}
    if len(firsts) != 1 or len(lengths) != 1:
        raise WoningmarktError(
            "De gemeenten van een regio moeten dezelfde periode hebben."
        )
    pop = sum(m.population for m in markets)
    urbanity = round(sum(m.urbanity * m.population for m in markets) / pop)
    taak = [sum(col) for col in zip(*(m.taakstelling for m in markets), strict=True)]
    members = tuple(c for m in markets for c in m.members)
    notes = tuple(dict.fromkeys(n for m in markets for n in m.notes))
    return GemeenteMarket(
        code=f"REGIO:{name}",
        name=name,
        corporation_stock=sum(m.corporation_stock for m in markets),
        population=pop,
        population_share=sum(m.population_share for m in markets),
        urbanity=urbanity,
        first_half_year=markets[0].first_half_year,
        taakstelling=tuple(taak),
        members=members,
        sources=markets[0].sources,
        notes=notes,
    )


def market_from_figures(
    code: str,
    name: str,
    corporation_stock: float,
    population: int,
    taakstelling: Sequence[int],
    first: HalfYear,
    urbanity: int = 3,
    national_population: int = 17_942_942,
    extra: Mapping[str, str] | None = None,
) -> GemeenteMarket:
    """A market from given figures (tests, what-ifs, a gemeente's own numbers)."""
    if corporation_stock <= 0:
        raise WoningmarktError("Het aantal corporatiewoningen moet groter dan 0 zijn.")
    if any(t < 0 for t in taakstelling) or not taakstelling:
        raise WoningmarktError(
            "De taakstelling moet per halfjaar een aantal >= 0 zijn."
        )
    if urbanity not in (1, 2, 3, 4, 5):
        raise WoningmarktError("Stedelijkheid moet 1 tot en met 5 zijn.")
    notes = tuple(f"{k}: {v}" for k, v in (extra or {}).items())
    return GemeenteMarket(
        code=code,
        name=name,
        corporation_stock=float(corporation_stock),
        population=int(population),
        population_share=population / national_population,
        urbanity=urbanity,
        first_half_year=first,
        taakstelling=tuple(int(t) for t in taakstelling),
        members=(code,),
        notes=notes,
    )
