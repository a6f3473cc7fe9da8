# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Read models for the pages: one indicator over all gemeenten or provinces.

Why a separate module: the national page, the province page and the benchmarks
need the same few queries (values of one indicator, latest population, the
province aggregate); keeping them here keeps the views thin and the query count
per page small and fixed.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from django.core.cache import cache
from django.utils.translation import get_language

from migratieketen_web.gemeenten import models
from migratieketen_web.gemeenten.services import (
    COMPARISON_FEATURES,
    Neighbour,
    aliases,
    nearest,
    standardise,
    suggest,
)

T = TypeVar("T")

POPULATION_KEY = "inwoners"
DEFAULT_INDICATOR = "pct_huurwoningen_corporatie"


@dataclass(frozen=True, slots=True)
class IndicatorInfo:
    """An indicator as the pages show it (population is one too)."""

    key: str
    label_nl: str
    label_en: str
    unit: str
    aggregation: str  # "sum", "mean" or "dominant"
    weight: str
    attribution: str  # "Bron: CBS, ..."

    @property
    def label(self) -> str:
        if (get_language() or "nl").startswith("en"):
            return self.label_en
        return self.label_nl


def vintage_key() -> str:
    """Changes with every import: part of every cache key."""
    vintage = models.DataVintage.objects.order_by("-imported_at", "-pk").first()
    return str(vintage.uuid) if vintage else "leeg"


def _cached(name: str, build: Callable[[], T]) -> T:
    """`build()` once per import (vintage); every page reads the same few lookups."""
    key = f"mk:{name}:{vintage_key()}"
    value = cache.get(key)
    if value is None:
        value = build()
        cache.set(key, value, None)
    return value


def latest_population() -> tuple[int | None, dict[str, int], str]:
    """(year, gemeentecode -> inhabitants, attribution) for the latest year."""
    return _cached("population", _latest_population)


def _latest_population() -> tuple[int | None, dict[str, int], str]:
    latest = models.PopulationFigure.objects.order_by("-year").first()
    if latest is None:
        return None, {}, ""
    rows = models.PopulationFigure.objects.filter(year=latest.year).values_list(
        "gemeente__code", "inhabitants"
    )
    return latest.year, dict(rows), latest.source.attribution()


def indicators() -> list[IndicatorInfo]:
    """Population first, then every KWB indicator in label order."""
    return _cached("indicators", _indicators)


def _indicators() -> list[IndicatorInfo]:
    year, _, attribution = latest_population()
    result = []
    if year is not None:
        result.append(
            IndicatorInfo(
                key=POPULATION_KEY,
                label_nl=f"Inwoners (1 januari {year})",
                label_en=f"Inhabitants (1 January {year})",
                unit="personen",
                aggregation="sum",
                weight="",
                attribution=attribution,
            )
        )
    for ind in models.Indicator.objects.select_related("source").order_by("label_nl"):
        result.append(
            IndicatorInfo(
                key=ind.key,
                label_nl=ind.label_nl,
                label_en=ind.label_en,
                unit=ind.unit,
                aggregation=ind.aggregation,
                weight=ind.weight,
                attribution=ind.source.attribution(),
            )
        )
    return result


def indicator_values(key: str) -> dict[str, float | None]:
    """gemeentecode -> value of one indicator (population for "inwoners")."""
    if key == POPULATION_KEY:
        _, population, _ = latest_population()
        return {code: float(n) for code, n in population.items()}
    rows = models.IndicatorValue.objects.filter(indicator__key=key).values_list(
        "gemeente__code", "value"
    )
    return dict(rows)


def province_values(
    info: IndicatorInfo, values: dict[str, float | None]
) -> dict[str, float | None]:
    """Province figure from its gemeenten, following the indicator's aggregation.

    "sum" adds the known values; "mean" is the mean weighted by the weight column
    (population by default); "dominant" takes the value of the gemeente with the
    largest weight. A province whose gemeenten have no value gets None.
    """
    membership = dict(models.Gemeente.objects.values_list("code", "province__code"))
    weight_key = info.weight or POPULATION_KEY
    weights = indicator_values(weight_key) if info.aggregation != "sum" else {}
    groups: dict[str, list[tuple[float, float]]] = {}
    for code, province in membership.items():
        value = values.get(code)
        if value is None:
            continue
        weight = weights.get(code) if weights else 1.0
        if weight is None:
            continue
        groups.setdefault(province, []).append((value, weight))
    result: dict[str, float | None] = {}
    for province in set(membership.values()):
        pairs = groups.get(province, [])
        if not pairs:
            result[province] = None
        elif info.aggregation == "sum":
            result[province] = sum(v for v, _ in pairs)
        elif info.aggregation == "dominant":
            result[province] = max(pairs, key=lambda p: p[1])[0]
        else:
            total = sum(w for _, w in pairs)
            result[province] = sum(v * w for v, w in pairs) / total if total else None
    return result


def comparable_gemeenten(
    code: str, count: int = 5
) -> tuple[list[Neighbour], list[str]]:
    """Nearest gemeenten by the documented distance in migratieketen.compare."""
    cache_key = f"mk:compare:{vintage_key()}"
    cached = cache.get(cache_key)
    if cached is None:
        _, population, _ = latest_population()
        features: dict[str, dict[str, float | None]] = {
            c: {"population": float(n)} for c, n in population.items()
        }
        keys = [k for k, _ in COMPARISON_FEATURES if k != "population"]
        for gemeente_code, key, value in models.IndicatorValue.objects.filter(
            indicator__key__in=keys
        ).values_list("gemeente__code", "indicator__key", "value"):
            features.setdefault(gemeente_code, {})[key] = value
        cached = standardise(features)
        cache.set(cache_key, cached, None)
    vectors, used = cached
    if code not in vectors:
        return [], used
    return nearest(vectors, code, count), used


def fold(text: str) -> str:
    """Case- and accent-insensitive form: "Fryslân" -> "fryslan"."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


@dataclass(frozen=True, slots=True)
class SearchHit:
    kind: str  # "gemeente", "provincie", "wijk"
    code: str
    name: str
    context: str  # province or gemeente name
    url: str
    alias: str = ""  # the other name this hit was found by ("Den Haag")
    former: bool = False  # found by the name of a gemeente that no longer exists


def _alias_entries(
    index: list[tuple[str, str, SearchHit]],
) -> list[tuple[str, str, SearchHit]]:
    """Other names of gemeenten and provinces (the core's alias list): "Den Haag"
    finds 's-Gravenhage, "Friesland" Fryslân, "Weesp" Amsterdam."""
    by_code = {hit.code: hit for _, _, hit in index if hit.kind != "wijk"}
    out = []
    for alias in aliases():
        for code in alias.codes:
            target = by_code.get(code)
            if target is None:
                continue
            context = f"{alias.name}: {alias.note}"
            if alias.kind == "voormalige gemeente":
                context = f"{alias.kind} {alias.name}, {alias.note}"
            hit = SearchHit(
                target.kind,
                code,
                target.name,
                context,
                target.url,
                alias=alias.name,
                former=alias.kind == "voormalige gemeente",
            )
            out.append((fold(alias.name), "", hit))
    return out


def suggestions(query: str, count: int = 5) -> list[SearchHit]:
    """Gemeenten and provinces whose name or other name looks like `query`."""
    index = _search_index()
    by_name: dict[str, SearchHit] = {}
    for _, _, hit in index:
        if hit.kind != "wijk":
            by_name.setdefault(hit.alias or hit.name, hit)
    return [by_name[n] for n in suggest(query, by_name, count) if n in by_name]


def search(query: str, limit: int = 50) -> list[SearchHit]:
    """Gemeenten, provinces and wijken whose name, other name or code contains
    `query`.

    Exact matches on name or code come first, then prefix matches, then the rest; a
    place found by its own name is not listed again under another name.
    """
    needle = fold(query.strip())
    if not needle:
        return []
    index = _search_index()
    scored: list[tuple[int, int, str, SearchHit]] = []
    kind_rank = {"gemeente": 0, "provincie": 1, "wijk": 2}
    for folded_name, folded_code, hit in index:
        if needle in (folded_name, folded_code):
            rank = 0
        elif folded_name.startswith(needle) or folded_code.startswith(needle):
            rank = 1
        elif needle in folded_name:
            rank = 2
        else:
            continue
        scored.append((rank, kind_rank[hit.kind], hit.name, hit))
    scored.sort(key=lambda t: t[:3])
    seen: set[tuple[str, str]] = set()
    unique = []
    for *_, hit in scored:
        if (hit.kind, hit.code) not in seen:
            seen.add((hit.kind, hit.code))
            unique.append(hit)
    return unique[:limit]


# Process memory, not the Django cache: LocMemCache pickles every value, and
# unpickling ~3,800 hits on each search cost more than the search itself.
_SEARCH_INDEX: dict[str, list[tuple[str, str, SearchHit]]] = {}


def _search_index() -> list[tuple[str, str, SearchHit]]:
    vintage = vintage_key()
    index = _SEARCH_INDEX.get(vintage)
    if index is not None:
        return index
    index = []
    for code, name in models.Province.objects.values_list("code", "name"):
        hit = SearchHit("provincie", code, name, "", f"/provincies/{code}")
        index.append((fold(name), fold(code), hit))
    for code, name, province in models.Gemeente.objects.values_list(
        "code", "name", "province__name"
    ):
        hit = SearchHit("gemeente", code, name, province, f"/gemeenten/{code}")
        index.append((fold(name), fold(code), hit))
    for code, name, gemeente_code, gemeente in models.Wijk.objects.values_list(
        "code", "name", "gemeente__code", "gemeente__name"
    ):
        hit = SearchHit(
            "wijk", code, name, gemeente, f"/gemeenten/{gemeente_code}#wijk-{code}"
        )
        index.append((fold(name), fold(code), hit))
    index.extend(_alias_entries(index))
    _SEARCH_INDEX.clear()  # keep only the current import
    _SEARCH_INDEX[vintage] = index
    return index
