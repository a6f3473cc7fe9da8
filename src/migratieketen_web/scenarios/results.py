# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""What the result page shows, read from a stored `SimulationResult.to_dict()`.

Only presentation: picking series, formatting, month ranges, and one derived figure
that the planner asks for (extra cost of crisis places against regular places) made
from the median crisis path and the model's own cost parameters, with their sources.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.utils.dates import MONTHS
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from migratieketen_web.gemeenten.formatting import format_number
from migratieketen_web.scenarios import charts
from migratieketen_web.scenarios.services import (
    default_parameters,
    month_index,
    public_note,
    resolve_values,
    whole_persons,
)

PERCENTILE_KEYS = ("p5", "p25", "p50", "p75", "p95")
# The cost parameters the result page lists; their Dutch label and public citation
# (or 'Aanname:') come from the core's one mapping, shared with the CLI.
COST_PARAMETERS = (
    "cost_regular_per_year",
    "cost_small_scale_per_year",
    "cost_noodopvang_per_year",
    "cost_crisisnoodopvang_per_year",
    "idle_cost_fraction",
)
NBSP = "\u00a0"
# (series, chart title); the label of the series itself comes from the core.
FAN_SERIES: tuple[tuple[str, Any], ...] = (
    ("occ_regular", gettext_lazy("Bezetting reguliere azc")),
    ("occ_small_scale", gettext_lazy("Bezetting kleinschalige opvang")),
    ("occ_noodopvang", gettext_lazy("Bezetting noodopvang (COA)")),
    ("occ_crisis", gettext_lazy("Crisisnoodopvang nodig (plaatsen)")),
    (
        "coa_statushouders",
        gettext_lazy("Statushouders in de opvang, wachtend op een woning"),
    ),
    ("reception_cost", gettext_lazy("Opvangkosten per maand (euro)")),
    ("inburgering_caseload", gettext_lazy("Inburgeraars in een traject")),
)
# Per-gemeente figures for the map, in the order of the choice list.
MAP_SERIES = (
    "waiting_end",
    "crisis_places_peak",
    "crisis_cost_total",
    "housed_total",
    "waiting_mean",
)
MAP_UNITS = {
    "waiting_end": "personen",
    "waiting_mean": "personen",
    "housed_total": "personen",
    "crisis_places_peak": "plaatsen",
    "crisis_cost_total": "euro",
}


def month_text(label: str) -> str:
    """'2025-08' -> 'augustus 2025' (translated month name)."""
    year, month = label.split("-")
    return f"{str(MONTHS[int(month)]).lower()} {year}"


def month_ranges(labels: Sequence[str]) -> list[str]:
    """Consecutive months as 'augustus 2025 t/m maart 2026'."""
    out: list[str] = []
    run: list[str] = []
    for label in sorted(labels, key=month_index):
        if run and month_index(label) != month_index(run[-1]) + 1:
            out.append(_range_text(run))
            run = []
        run.append(label)
    if run:
        out.append(_range_text(run))
    return out


def _range_text(run: list[str]) -> str:
    if len(run) == 1:
        return month_text(run[0])
    return _("%(first)s t/m %(last)s") % {
        "first": month_text(run[0]),
        "last": month_text(run[-1]),
    }


def euro(value: float | None) -> str:
    """Euro amounts as read: '€ 4,5 mld', '€ 61 mln', '€ 30.400'."""
    if value is None:
        return "–"
    if abs(value) >= 1e9:
        return f"€{NBSP}{format_number(value / 1e9, 1)}{NBSP}mld"
    if abs(value) >= 1e6:
        return f"€{NBSP}{format_number(value / 1e6, 0)}{NBSP}mln"
    return f"€{NBSP}{format_number(round(value), 0)}"


def parameter_values(definition: dict[str, Any]) -> dict[str, float]:
    return resolve_values(definition.get("parameters") or {})


def cost_parameters(definition: dict[str, Any]) -> list[dict[str, Any]]:
    """The cost parameters the run used, with unit, source and whether overridden."""
    params = default_parameters()
    values = parameter_values(definition)
    overrides = definition.get("parameters") or {}
    rows = []
    for name in COST_PARAMETERS:
        p = params[name]
        note = public_note(name)
        value = values[name]
        rows.append(
            {
                "name": name,
                "description": _(note.label),
                "value": euro(value)
                if p.unit.startswith("euro")
                else format_number(value),
                "unit": p.unit,
                "source": _(note.source),
                "url": note.url,
                "overridden": name in overrides,
            }
        )
    return rows


@dataclass(frozen=True, slots=True)
class FanView:
    key: str
    title: str
    label: str
    chart: charts.Chart
    rows: list[tuple[str, ...]]  # month text + formatted percentiles


def _series(result: dict[str, Any], key: str) -> dict[str, Any]:
    return result["series"][key]


def fan_views(result: dict[str, Any]) -> list[FanView]:
    months = result["months"]
    views = []
    for key, title in FAN_SERIES:
        s = _series(result, key)
        p5, p25, p50, p75, p95 = (s[k] for k in PERCENTILE_KEYS)
        chart = charts.fan_chart(months, p5, p25, p50, p75, p95, str(title))
        money = key == "reception_cost"
        rows = [
            (
                month_text(m),
                *(
                    euro(s[k][t]) if money else format_number(round(s[k][t]))
                    for k in PERCENTILE_KEYS
                ),
            )
            for t, m in enumerate(months)
        ]
        views.append(FanView(key, str(title), s["label_nl"], chart, rows))
    return views


def cumulative_cost(
    result: dict[str, Any],
) -> tuple[charts.Chart, list[tuple[str, str]]]:
    """Expected (mean) cumulative reception cost: the sum of means is the mean of
    sums, which does not hold for percentiles, so only the mean is accumulated."""
    months = result["months"]
    total = 0.0
    path = []
    for value in _series(result, "reception_cost")["mean"]:
        total += value
        path.append(total)
    chart = charts.line_chart(months, [(_("Opgeteld, verwachte waarde"), path)])
    rows = [(month_text(m), euro(v)) for m, v in zip(months, path, strict=True)]
    return chart, rows


def crisis_summary(
    result: dict[str, Any], definition: dict[str, Any]
) -> dict[str, Any]:
    """Where and when crisis shelter is needed and what it costs (the headline)."""
    summary = result["summary"]
    months = result["months"]
    crisis = _series(result, "occ_crisis")
    median_need = [m for m, v in zip(months, crisis["p50"], strict=True) if v > 0.5]
    high_need = summary.get("months_with_crisis_need_p_high") or []
    values = parameter_values(definition)
    extra_per_year = (
        values["cost_crisisnoodopvang_per_year"] - values["cost_regular_per_year"]
    )
    extra_low_per_year = (
        values["cost_noodopvang_per_year"] - values["cost_regular_per_year"]
    )
    peak_t = max(range(len(months)), key=lambda t: crisis["p50"][t]) if months else 0
    # Whole places that add up to the national peak (largest remainder), per level.
    whole = {
        level: whole_persons(
            {g["code"]: g["crisis_places_peak"][level] for g in result["gemeenten"]}
        )
        for level in ("p50", "p95")
    }
    top_gemeenten = sorted(
        (g for g in result["gemeenten"] if whole["p50"][g["code"]] >= 1),
        key=lambda g: -g["crisis_places_peak"]["p50"],
    )[:10]
    return {
        "needed": bool(high_need),
        "needed_median": bool(median_need),
        "ranges_median": month_ranges(median_need),
        "ranges_high": month_ranges(high_need),
        "months_median": len(median_need),
        "months_high": len(high_need),
        "peak_median": format_number(round(summary["peak_crisis_places_median"])),
        "peak_high": format_number(round(summary["peak_crisis_places_high"])),
        "peak_month": month_text(months[peak_t]) if median_need else "",
        "place_years": format_number(round(summary["crisis_place_years_median"])),
        "crisis_cost": euro(summary["crisis_cost_total_median"]),
        "extra_cost": euro(summary["crisis_extra_cost_median"]),
        "extra_per_year": euro(extra_per_year),
        "extra_cost_low": euro(summary["crisis_extra_cost_coa_rate_median"]),
        "extra_low_per_year": euro(extra_low_per_year),
        "cost_crisis": euro(values["cost_crisisnoodopvang_per_year"]),
        "cost_noodopvang": euro(values["cost_noodopvang_per_year"]),
        "cost_regular": euro(values["cost_regular_per_year"]),
        "reception_cost": euro(summary["reception_cost_total_median"]),
        "peak_coa": format_number(round(summary["peak_coa_total_median"])),
        "waiting_end": format_number(
            round(summary["statushouders_waiting_end_median"])
        ),
        "top_gemeenten": [
            {
                "code": g["code"],
                "name": g["name"],
                "places": format_number(whole["p50"][g["code"]]),
                "places_high": format_number(whole["p95"][g["code"]]),
                "cost": euro(g["crisis_cost_total"]["p50"]),
            }
            for g in top_gemeenten
        ],
    }


def gemeente_entry(result: dict[str, Any], code: str) -> dict[str, Any] | None:
    for g in result.get("gemeenten") or []:
        if g["code"] == code:
            return g
    return None
