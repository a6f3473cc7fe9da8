# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Public pages: national map, gemeente, province, search, about, accessibility."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from importlib import metadata
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.core.cache import cache
from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.gzip import gzip_page

from migratieketen_web.gemeenten import models, queries
from migratieketen_web.gemeenten.formatting import format_number, format_value
from migratieketen_web.gemeenten.publishers import PUBLISHERS
from migratieketen_web.gemeenten.services import (
    NL_FRAME,
    ClassBin,
    bin_index,
    fit_view_box,
    path_bbox,
    quantile_bins,
)
from migratieketen_web.monitor import map_layers
from migratieketen_web.monitor.map_layers import Layer

if TYPE_CHECKING:
    from migratieketen_web.monitor.services import HalfYear

CLASSES = 5
# Part of the cache key of the rendered map and table: raise it when their markup
# or number format changes, so no page shows a body cached by older code.
BODY_VERSION = 2
# Shown first on the gemeente page: the figures that matter most for the chain
# (size, urbanity, housing, labour market, origin); the rest sit under "Alle kenmerken".
KEY_FIGURES = (
    "bevolkingsdichtheid_per_km2",
    "stedelijkheid_1_5",
    "huishoudens",
    "gem_huishoudensgrootte",
    "woningvoorraad",
    "pct_huurwoningen_corporatie",
    "pct_leegstaande_woningen",
    "gem_woz_waarde_x1000_eur",
    "pct_netto_arbeidsparticipatie",
    "pct_herkomst_buiten_europa",
    "pct_huishoudens_rond_sociaal_minimum",
)
LEVELS = ("gemeente", "provincie")
SORTS = ("naam", "-naam", "waarde", "-waarde", "code")

# The integral view: what each later part of Migratieketen adds to the gemeente page.
CHAIN_SECTIONS = (
    (
        "opvang",
        gettext_lazy("Opvang"),
        gettext_lazy(
            "Nog niet beschikbaar: de opvangplaatsen (azc en kleinschalige opvang) in "
            "en rond deze gemeente en het aandeel volgens de Spreidingswet."
        ),
    ),
    (
        "huisvesting",
        gettext_lazy("Huisvesting statushouders"),
        gettext_lazy(
            "Nog niet beschikbaar: de taakstelling per halfjaar, de realisatie en de "
            "achterstand of voorsprong."
        ),
    ),
    (
        "inburgering",
        gettext_lazy("Inburgering"),
        gettext_lazy(
            "Nog niet beschikbaar: het aantal inburgeringsplichtigen per leerroute en de "
            "voortgang binnen de termijn."
        ),
    ),
    (
        "arbeidsmigranten",
        gettext_lazy("Arbeidsmigranten"),
        gettext_lazy(
            "Nog niet beschikbaar: het aantal arbeidsmigranten (BRP en RNI) en hun "
            "huisvesting."
        ),
    ),
    (
        "lvv",
        gettext_lazy("LVV (landelijke vreemdelingenvoorziening)"),
        gettext_lazy(
            "Nog niet beschikbaar: de plaatsen en trajecten in de LVV-locatie van de regio."
        ),
    ),
)


@dataclass(frozen=True, slots=True)
class MapArea:
    code: str
    name: str
    href: str
    path: str
    value: float | None
    label: str  # "Amsterdam: 40 %"
    value_text: str
    bin: int | None
    context: str = ""  # province name in the gemeente table


def _lang() -> str:
    return (get_language() or "nl")[:2]


def _legend(bins: list[ClassBin], unit: str, missing: int) -> list[dict[str, object]]:
    rows: list[dict[str, object]] = []
    for b in bins:
        # Classes include their lower bound; only the last includes its upper bound.
        template = (
            _("%(lower)s t/m %(upper)s")
            if b.index == len(bins) - 1
            else _("%(lower)s tot %(upper)s")
        )
        text = template % {
            "lower": format_value(b.lower, unit),
            "upper": format_value(b.upper, unit),
        }
        rows.append({"bin": b.index, "range": text, "count": b.count})
    if missing:
        rows.append({"bin": None, "range": _("geen gegevens"), "count": missing})
    return rows


def _sort_areas(areas: list[MapArea], sort: str) -> list[MapArea]:
    if sort in ("naam", "-naam"):
        ordered = sorted(areas, key=lambda a: queries.fold(a.name))
        return ordered[::-1] if sort == "-naam" else ordered
    if sort == "code":
        return sorted(areas, key=lambda a: a.code)
    known = [a for a in areas if a.value is not None]
    missing = [a for a in areas if a.value is None]
    known.sort(key=lambda a: (a.value, a.name), reverse=sort == "-waarde")
    return known + sorted(missing, key=lambda a: a.name)


def _areas(
    level: str,
    info: queries.IndicatorInfo,
    province_code: str | None = None,
    layer: Layer | None = None,
) -> tuple[list[MapArea], list[ClassBin]]:
    """Map areas with value and class; with `province_code` only that province's
    gemeenten, classed among themselves. A migration `layer` brings its own values."""
    if layer is not None:
        values = layer.provinces if level == "provincie" else layer.gemeenten
    else:
        values = queries.indicator_values(info.key)
    if level == "provincie" and layer is None:
        values = queries.province_values(info, values)
    if level == "provincie":
        rows = [
            (code, name, path, f"/provincies/{code}", "")
            for code, name, path in models.Province.objects.values_list(
                "code", "name", "svg_path"
            )
        ]
    else:
        gemeenten = models.Gemeente.objects.all()
        if province_code is not None:
            gemeenten = gemeenten.filter(province__code=province_code)
        rows = [
            (code, name, path, f"/gemeenten/{code}", province)
            for code, name, path, province in gemeenten.values_list(
                "code", "name", "svg_path", "province__name"
            )
        ]
    bins = quantile_bins(values.get(code) for code, *_ in rows)
    areas = []
    for code, name, path, href, context in rows:
        value = values.get(code)
        text = format_value(value, info.unit)
        areas.append(
            MapArea(
                code=code,
                name=name,
                href=href,
                path=path,
                value=value,
                label=f"{name}: {text}",
                value_text=text,
                bin=bin_index(value, bins),
                context=context,
            )
        )
    return areas, bins


def _aggregation_text(info: queries.IndicatorInfo, labels: dict[str, str]) -> str:
    """How the province figure is made from its gemeenten, in one sentence."""
    weight = labels.get(info.weight, info.weight or queries.POPULATION_KEY)
    if info.weight in ("", queries.POPULATION_KEY):
        weight = _("inwoners")
    if info.aggregation == "sum":
        return _("Provinciecijfer: de som van de gemeenten.")
    if info.aggregation == "dominant":
        return _(
            "Provinciecijfer: de waarde van de gemeente met de meeste %(weight)s."
        ) % {"weight": weight.lower()}
    return _(
        "Provinciecijfer: gemiddelde van de gemeenten, gewogen naar %(weight)s."
    ) % {"weight": weight.lower()}


@dataclass(frozen=True, slots=True)
class MapChoice:
    """The indicator a map page shows: a CBS indicator or a migration layer."""

    info: queries.IndicatorInfo
    layer: Layer | None
    layers: map_layers.MigrationLayers
    migration: list[queries.IndicatorInfo]  # the migration choices, listed first
    cbs: list[queries.IndicatorInfo]
    half_years: list[HalfYear]
    half_year: HalfYear | None
    unknown: bool  # an indicator was asked for that does not exist (now)

    @property
    def uses_half_year(self) -> bool:
        return self.layer is not None and self.info.key in map_layers.HALF_YEAR_KEYS


def _map_choice(
    request: HttpRequest, cbs: list[queries.IndicatorInfo], fallback: str
) -> MapChoice:
    """The requested indicator, else the first migration layer (the default view),
    else `fallback`. Migration layers are computed only when chosen."""
    layers = map_layers.MigrationLayers()
    hy = layers.half_year(request.GET.get("halfjaar", ""))
    migration = layers.choices(hy)
    by_key = {i.key: i for i in [*migration, *cbs]}
    requested = request.GET.get("indicator", "")
    layer = None
    if requested in map_layers.KEYS and requested in by_key:
        layer = layers.layer(requested, hy)
    elif not requested and migration:
        layer = layers.layer(migration[0].key, hy)
    if layer is not None:
        info = layer.info
    else:
        key = (
            requested
            if requested in by_key and requested not in map_layers.KEYS
            else ""
        )
        info = by_key.get(key) or by_key.get(fallback) or cbs[0]
    return MapChoice(
        info=info,
        layer=layer,
        layers=layers,
        migration=migration,
        cbs=cbs,
        half_years=layers.half_years(),
        half_year=hy,
        unknown=bool(requested) and info.key != requested,
    )


def _layer_aggregation_text(layer: Layer) -> str:
    if layer.info.unit == map_layers.PER_1000:
        return _(
            "Provinciecijfer: het totaal van de gemeenten met gegevens, gedeeld door "
            "hun inwoners, maal 1.000."
        )
    return _("Provinciecijfer: de som van de gemeenten met gegevens.")


def _national_body(
    choice: MapChoice, level: str, sort: str, labels: dict[str, str]
) -> str:
    info = choice.info
    areas, bins = _areas(level, info, layer=choice.layer)
    outlines = (
        list(models.Province.objects.values_list("svg_path", flat=True))
        if level == "gemeente"
        else []
    )
    missing = sum(1 for a in areas if a.value is None)
    return render_to_string(
        "gemeenten/_national_body.html",
        {
            "areas": areas,
            "table": _sort_areas(areas, sort),
            "outlines": outlines,
            "view_box": NL_FRAME.view_box,
            "legend": _legend(bins, info.unit, missing),
            "info": info,
            "level": level,
            "sort": sort,
            "query": _query(choice),
            "notes": choice.layer.notes if choice.layer else (),
            "aggregation_text": (
                _layer_aggregation_text(choice.layer)
                if choice.layer
                else _aggregation_text(info, labels)
            ),
        },
    )


def _layer_digest(layer: Layer) -> str:
    """A fingerprint of everything a migration layer shows (values, labels, notes)."""
    content = repr(
        (
            sorted(layer.gemeenten.items()),
            sorted(layer.provinces.items()),
            layer.info,
            layer.notes,
        )
    )
    return hashlib.sha256(content.encode("utf-8")).hexdigest()[:20]


def _query(choice: MapChoice) -> str:
    """The indicator (and half-year) part of the table's sort links."""
    query = f"indicator={choice.info.key}"
    if choice.uses_half_year and choice.half_year is not None:
        query += f"&halfjaar={choice.half_year}"
    return query


@gzip_page  # ~415 KB of inline SVG and table shrink to ~100 KB
def national(request: HttpRequest) -> HttpResponse:
    """The choropleth of all gemeenten (or provinces) for one indicator, plus a table.

    The default view is the first migration figure (taakstelling of the latest
    half-year); the CBS indicators follow in the same list.
    """
    cbs = queries.indicators()
    if not cbs:
        return render(request, "gemeenten/empty.html", status=503)
    choice = _map_choice(request, cbs, queries.DEFAULT_INDICATOR)
    level = request.GET.get("niveau", "gemeente")
    level = level if level in LEVELS else "gemeente"
    sort = request.GET.get("sorteer", "naam")
    sort = sort if sort in SORTS else "naam"
    labels = {i.key: i.label for i in cbs}
    key = choice.info.key
    cache_key = (
        f"mk:national:{BODY_VERSION}:{queries.vintage_key()}:{level}:{key}:{sort}"
        f":{_lang()}"
    )
    timeout: int | None = None
    if choice.layer is not None:
        # Migration figures change with every realisation entered: the key holds
        # their values, so a changed figure never meets an old body.
        cache_key += f":{_layer_digest(choice.layer)}"
        timeout = 24 * 3600
    body = cache.get(cache_key)
    if body is None:
        body = _national_body(choice, level, sort, labels)
        cache.set(cache_key, body, timeout)
    return render(
        request,
        "gemeenten/national.html",
        {
            "body": mark_safe(body),  # rendered by our own template above
            "choice": choice,
            "info": choice.info,
            "level": level,
            "sort": sort,
            "unknown_indicator": choice.unknown,
        },
    )


def _key_figures(gemeente: models.Gemeente) -> list[dict[str, object]]:
    values = {
        v.indicator.key: v
        for v in gemeente.indicator_values.select_related("indicator__source")
    }
    rows: list[dict[str, object]] = []
    for figure in gemeente.population_figures.select_related("source").order_by(
        "-year"
    ):
        rows.append(
            {
                "label": _("Inwoners op 1 januari %(year)s") % {"year": figure.year},
                "value": format_value(figure.inhabitants, _("personen")),
                "source": figure.source,
                "main": True,
            }
        )
    ordered = sorted(
        values.values(),
        key=lambda v: (
            KEY_FIGURES.index(v.indicator.key)
            if v.indicator.key in KEY_FIGURES
            else len(KEY_FIGURES),
            v.indicator.label_nl,
        ),
    )
    english = _lang() == "en"
    for value in ordered:
        ind = value.indicator
        rows.append(
            {
                "label": ind.label_en if english else ind.label_nl,
                "value": format_value(value.value, ind.unit),
                "source": ind.source,
                "key": ind.key,
                "main": ind.key in KEY_FIGURES,
            }
        )
    return rows


@gzip_page
def gemeente_detail(request: HttpRequest, code: str) -> HttpResponse:
    gemeente = get_object_or_404(
        models.Gemeente.objects.select_related("province").prefetch_related(
            Prefetch("wijken", queryset=models.Wijk.objects.select_related("source"))
        ),
        code=code.upper(),
    )
    figures = _key_figures(gemeente)
    sources = []
    for row in figures:
        if row["source"] not in sources:
            sources.append(row["source"])
    neighbours, used = queries.comparable_gemeenten(gemeente.code)
    names = dict(
        models.Gemeente.objects.filter(
            code__in=[n.code for n in neighbours]
        ).values_list("code", "name")
    )
    wijken = list(gemeente.wijken.all())
    wijk_source = wijken[0].source if wijken else None
    geometry_source = models.Source.objects.filter(publisher__icontains="Kadaster")
    return render(
        request,
        "gemeenten/gemeente.html",
        {
            "gemeente": gemeente,
            "figures": figures,
            "sources": sources,
            "wijken": wijken,
            "wijk_source": wijk_source,
            "wijk_total": sum(w.inhabitants or 0 for w in wijken),
            "neighbours": [
                {
                    "code": n.code,
                    "name": names.get(n.code, n.code),
                    "distance": format_number(n.distance, 2),
                }
                for n in neighbours
            ],
            "comparison_features": _feature_labels(used),
            "sections": CHAIN_SECTIONS,
            "locator": _locator(gemeente),
            "geometry_source": geometry_source.first(),
        },
    )


def _locator(gemeente: models.Gemeente) -> dict[str, str] | None:
    """A small map: the gemeente inside its province outline."""
    if not gemeente.svg_path or not gemeente.province.svg_path:
        return None
    key = f"mk:viewbox:{queries.vintage_key()}:{gemeente.province.code}"
    view_box = cache.get(key)
    if view_box is None:
        view_box = fit_view_box(path_bbox(gemeente.province.svg_path))
        cache.set(key, view_box, None)
    return {
        "view_box": view_box,
        "province": gemeente.province.svg_path,
        "gemeente": gemeente.svg_path,
    }


def _province_notes(layer: Layer, codes: list[str]) -> tuple[str, ...]:
    """The national 'niet geregistreerd' note, counted for the province."""
    if not layer.notes:
        return ()
    missing = sum(1 for code in codes if layer.gemeenten.get(code) is None)
    return (
        _(
            "%(n)s van de %(total)s gemeenten in de provincie hebben voor dit halfjaar "
            "niets in het register (niet geregistreerd): geen gegevens, niet meegeteld."
        )
        % {"n": missing, "total": len(codes)},
    )


def _province_migration(
    choice: MapChoice, province_code: str, codes: list[str]
) -> dict[str, Any]:
    """Every migration layer for the province and for each of its gemeenten."""
    layers = [
        layer
        for key in map_layers.KEYS
        if (layer := choice.layers.layer(key, choice.half_year)) is not None
    ]
    return {
        "summary": [
            {
                "label": layer.info.label,
                "value": format_value(
                    layer.provinces.get(province_code), layer.info.unit
                ),
                "source": layer.info.attribution,
                "notes": _province_notes(layer, codes),
            }
            for layer in layers
        ],
        "columns": [layer.info for layer in layers],
        "rows": {
            code: [
                format_value(layer.gemeenten.get(code), layer.info.unit)
                for layer in layers
            ]
            for code in codes
        },
    }


def province_detail(request: HttpRequest, code: str) -> HttpResponse:
    """A province: its migration figures and its gemeenten's, and a choropleth of
    the chosen indicator (by default the first migration figure) with a table."""
    province = get_object_or_404(models.Province, code=code.upper())
    cbs = queries.indicators()
    if not cbs:
        return render(request, "gemeenten/empty.html", status=503)
    choice = _map_choice(request, cbs, queries.POPULATION_KEY)
    info = choice.info
    year, population, attribution = queries.latest_population()
    areas, bins = _areas(
        "gemeente", info, province_code=province.code, layer=choice.layer
    )
    areas = _sort_areas(areas, "naam")
    migration = _province_migration(choice, province.code, [a.code for a in areas])
    rows = [
        {
            "area": a,
            "population": population.get(a.code),
            "migration": migration["rows"][a.code],
        }
        for a in areas
    ]
    missing = sum(1 for a in areas if a.value is None)
    return render(
        request,
        "gemeenten/provincie.html",
        {
            "province": province,
            "rows": rows,
            "total": sum(population.get(a.code, 0) for a in areas),
            "year": year,
            "attribution": attribution,
            "choice": choice,
            "migration": migration,
            "info": info,
            "areas": areas,
            "outlines": [],
            "legend": _legend(bins, info.unit, missing),
            "level": "gemeente",
            "map_title_id": "provincie-kaart",
            "view_box": (
                fit_view_box(path_bbox(province.svg_path))
                if province.svg_path
                else NL_FRAME.view_box
            ),
        },
    )


def search(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "").strip()
    hits = queries.search(query) if query else []
    folded = queries.fold(query)
    exact = [
        h
        for h in hits
        if folded in (queries.fold(h.name), queries.fold(h.code), queries.fold(h.alias))
    ]
    # A former gemeente is not silently replaced by its successor: the list says so.
    exact = [h for h in exact if not h.former]
    if (len(hits) == 1 and not hits[0].former) or len(exact) == 1:
        return redirect((exact or hits)[0].url)
    suggestions = queries.suggestions(query) if query and not hits else []
    return render(
        request,
        "gemeenten/zoeken.html",
        {"query": query, "hits": hits, "suggestions": suggestions},
        status=200,
    )


def _feature_labels(keys: list[str]) -> list[str]:
    """The comparison features by their indicator label (users never see ids)."""
    labels = {info.key: info.label for info in queries.indicators()}
    labels.setdefault("population", _("Inwoners"))
    return [str(labels.get(key, key)) for key in keys]


def _software_version() -> str:
    try:
        return metadata.version("migratieketen")
    except metadata.PackageNotFoundError:  # running from a source tree only
        return "onbekend"


def about(request: HttpRequest) -> HttpResponse:
    """Every publisher a page cites, the software version and whom to contact."""
    contact = settings.MIGRATIEKETEN_CONTACT
    return render(
        request,
        "gemeenten/over.html",
        {
            "sources": models.Source.objects.order_by("publisher", "title"),
            "vintage": models.DataVintage.objects.order_by("-imported_at").first(),
            "publishers": PUBLISHERS,
            "version": _software_version(),
            "contact": contact,
            "contact_is_mail": "@" in contact and "://" not in contact,
        },
    )


def favicon(request: HttpRequest) -> HttpResponse:
    """Browsers ask /favicon.ico before reading the page; send them to the SVG."""
    return redirect(static("img/favicon.svg"), permanent=True)


def accessibility(request: HttpRequest) -> HttpResponse:
    return render(request, "gemeenten/toegankelijkheid.html")
