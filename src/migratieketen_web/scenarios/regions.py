# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""A run seen from one province or gemeente: its share, its housing, its crisis need.

The chain model runs nationally. A region's figures are derived from that run: the
crisis need and its cost are the national figure times the region's taakstelling
share (art. 29 Huisvestingswet 2014), exactly, per run; housed and waiting
statushouders are the sum of its gemeenten's medians (indicative: medians do not add
up exactly). The housing ratio says why a small gemeente can end with more waiting
statushouders than a large one: statushouders are linked to a gemeente by its
population share, but housed from its corporation lettings.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from migratieketen_web.gemeenten import models
from migratieketen_web.gemeenten.formatting import format_number
from migratieketen_web.scenarios.results import euro
from migratieketen_web.scenarios.services import whole_persons

# Below this ratio of dwellings share to taakstelling share waiting piles up.
LOW_HOUSING_RATIO = 0.5


@dataclass(frozen=True, slots=True)
class Region:
    code: str
    name: str
    kind: str  # "provincie" or "gemeente"
    members: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class MemberRow:
    code: str
    name: str
    share: str
    ratio: str
    low: bool
    waiting_end: int
    housed: int
    crisis: int


@dataclass(frozen=True, slots=True)
class RegionFocus:
    region: Region
    share: str  # taakstelling share, percent text
    dwellings_share: str
    ratio: str
    low: bool
    crisis_p50: str
    crisis_p95: str
    crisis_cost: str
    waiting_end: str
    housed: str
    rows: tuple[MemberRow, ...]


def choices() -> list[tuple[str, list[tuple[str, str]]]]:
    """(group label, [(code, name)]) for the region select: provinces, gemeenten."""
    provinces = list(
        models.Province.objects.order_by("name").values_list("code", "name")
    )
    gemeenten = list(
        models.Gemeente.objects.order_by("name").values_list("code", "name")
    )
    return [("provincies", provinces), ("gemeenten", gemeenten)]


def find_region(code: str) -> Region | None:
    code = code.strip().upper()
    if code.startswith("PV"):
        province = models.Province.objects.filter(code=code).first()
        if province is None:
            return None
        members = models.Gemeente.objects.filter(province=province).values_list(
            "code", flat=True
        )
        return Region(code, province.name, "provincie", tuple(sorted(members)))
    gemeente = models.Gemeente.objects.filter(code=code).first()
    if gemeente is None:
        return None
    return Region(code, gemeente.name, "gemeente", (code,))


def _percent(value: float) -> str:
    return f"{format_number(value * 100, 2)}\u00a0%"


def _ratio(share: float, dwellings: float) -> float:
    return dwellings / share if share > 0 else 0.0


def focus(
    result: dict[str, Any], region: Region, keys: dict[str, tuple[float, float]]
) -> RegionFocus | None:
    """The region's figures from the national run; None without the housing keys."""
    by_code = {g["code"]: g for g in result.get("gemeenten") or []}
    members = [c for c in region.members if c in by_code and c in keys]
    if not members or not keys:
        return None
    total_dwellings = sum(d for _s, d in keys.values())
    share = sum(keys[c][0] for c in members)
    dwellings = sum(keys[c][1] for c in members) / total_dwellings
    whole = {
        series: whole_persons({c: g[series]["p50"] for c, g in by_code.items()})
        for series in ("waiting_end", "housed_total", "crisis_places_peak")
    }
    ratio = _ratio(share, dwellings)

    def total(series: str, level: str) -> float:
        return sum(by_code[c][series][level] for c in members)

    rows = tuple(
        MemberRow(
            code=c,
            name=by_code[c]["name"],
            share=_percent(keys[c][0]),
            ratio=format_number(_ratio(keys[c][0], keys[c][1] / total_dwellings), 2),
            low=_ratio(keys[c][0], keys[c][1] / total_dwellings) < LOW_HOUSING_RATIO,
            waiting_end=whole["waiting_end"][c],
            housed=whole["housed_total"][c],
            crisis=whole["crisis_places_peak"][c],
        )
        for c in sorted(members, key=lambda c: -by_code[c]["waiting_end"]["p50"])
    )
    return RegionFocus(
        region=region,
        share=_percent(share),
        dwellings_share=_percent(dwellings),
        ratio=format_number(ratio, 2),
        low=ratio < LOW_HOUSING_RATIO,
        crisis_p50=format_number(sum(whole["crisis_places_peak"][c] for c in members)),
        crisis_p95=format_number(round(total("crisis_places_peak", "p95"))),
        crisis_cost=euro(total("crisis_cost_total", "p50")),
        waiting_end=format_number(sum(r.waiting_end for r in rows)),
        housed=format_number(sum(r.housed for r in rows)),
        rows=rows,
    )
