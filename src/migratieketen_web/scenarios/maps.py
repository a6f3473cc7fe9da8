# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""The per-gemeente effect of a run on the national choropleth.

Reuses the gemeenten app's map: its MapArea rows, quantile classes, legend and the
`gemeenten/_national_body.html` partial (map + sortable table), fed with one
per-gemeente figure of the run instead of a CBS indicator. No second map renderer.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from migratieketen_web.gemeenten import models
from migratieketen_web.gemeenten.formatting import format_value
from migratieketen_web.gemeenten.views import SORTS, MapArea, _legend, _sort_areas
from migratieketen_web.scenarios.results import MAP_SERIES, MAP_UNITS
from migratieketen_web.scenarios.services import (
    NL_FRAME,
    bin_index,
    quantile_bins,
    whole_persons,
)

WHOLE_UNITS = ("personen", "plaatsen")


@dataclass(frozen=True, slots=True)
class MapInfo:
    """What the gemeenten map partial reads from an indicator."""

    key: str
    label: str
    unit: str
    attribution: str


def map_choice(requested: str, default: str = MAP_SERIES[0]) -> str:
    return requested if requested in MAP_SERIES else default


def sort_choice(requested: str) -> str:
    return requested if requested in SORTS else "-waarde"


def render_map(
    result: dict[str, Any], key: str, sort: str, run_name: str
) -> SafeString:
    """Map + table of the run's median of `key` per gemeente (gemeenten in the DB)."""
    labels = result.get("gemeente_series_labels_nl") or {}
    values: dict[str, float] = {
        g["code"]: float(g[key]["p50"]) for g in result.get("gemeenten") or []
    }
    unit = MAP_UNITS[key]
    if unit in WHOLE_UNITS:  # persons and places: whole, and adding up to the total
        values = {code: float(n) for code, n in whole_persons(values).items()}
    rows = models.Gemeente.objects.values_list(
        "code", "name", "svg_path", "province__name"
    )
    bins = quantile_bins(values.get(code) for code, *_rest in rows)
    areas = []
    for code, name, path, province in rows:
        value = values.get(code)
        text = format_value(value, unit)
        areas.append(
            MapArea(
                code=code,
                name=name,
                href=f"/gemeenten/{code}",
                path=path,
                value=value,
                label=f"{name}: {text}",
                value_text=text,
                bin=bin_index(value, bins),
                context=province,
            )
        )
    info = MapInfo(
        key=key,
        label=_("%(label)s, mediaan") % {"label": labels.get(key, key)},
        unit=unit,
        attribution=_(
            "Bron: ketenmodel Migratieketen, scenario '%(name)s' (mediaan van de "
            "runs); verdeling naar taakstellingsaandeel (art. 29 Huisvestingswet 2014)."
        )
        % {"name": run_name},
    )
    missing = sum(1 for a in areas if a.value is None)
    body = render_to_string(
        "gemeenten/_national_body.html",
        {
            "areas": areas,
            "table": _sort_areas(areas, sort),
            "outlines": list(
                models.Province.objects.values_list("svg_path", flat=True)
            ),
            "view_box": NL_FRAME.view_box,
            "legend": _legend(bins, unit, missing),
            "info": info,
            "level": "gemeente",
            "sort": sort,
            "aggregation_text": "",
        },
    )
    return mark_safe(body)  # noqa: S308 - rendered by the gemeenten app's template
