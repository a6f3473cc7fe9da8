# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Monitor and Spreidingswet pages (Dutch paths, CBS codes as keys, no trailing slash)."""

from django.urls import path

from migratieketen_web.monitor import views

app_name = "monitor"
urlpatterns = [
    path("monitor", views.national, name="national"),
    path("monitor/export.<str:fmt>", views.export_national, name="export-national"),
    path("monitor/provincies/<str:code>", views.province, name="provincie"),
    path(
        "monitor/provincies/<str:code>/export.<str:fmt>",
        views.export_province,
        name="export-provincie",
    ),
    path("monitor/gemeenten/<str:code>", views.gemeente, name="gemeente"),
    path(
        "monitor/gemeenten/<str:code>/export.<str:fmt>",
        views.export_gemeente,
        name="export-gemeente",
    ),
    path(
        "monitor/taakstelling/<str:half_year>", views.taakstelling, name="taakstelling"
    ),
    path("monitor/som/<str:half_year>", views.som, name="som"),
    path(
        "monitor/taakstelling/<str:half_year>/export.<str:fmt>",
        views.export_taakstelling,
        name="export-taakstelling",
    ),
    path(
        "monitor/berekening/taakstelling/<str:code>/<str:half_year>",
        views.berekening,
        {"kind": "taakstelling"},
        name="berekening-taakstelling",
    ),
    path(
        "monitor/berekening/saldo/<str:code>/<str:half_year>",
        views.berekening,
        {"kind": "saldo"},
        name="berekening-saldo",
    ),
    path(
        "monitor/berekening/peildatum/<str:code>/<str:half_year>",
        views.berekening,
        {"kind": "peildatum"},
        name="berekening-peildatum",
    ),
    path(
        "monitor/berekening/toezicht/<str:code>",
        views.berekening,
        {"kind": "toezicht"},
        name="berekening-toezicht",
    ),
    path(
        "monitor/berekening/vg/<str:half_year>",
        views.berekening,
        {"kind": "vg"},
        name="berekening-vg",
    ),
    path(
        "monitor/berekening/spreiding/gemeenten/<str:code>",
        views.berekening,
        {"kind": "spreiding"},
        name="berekening-spreiding",
    ),
    path(
        "monitor/berekening/spreiding/provincies/<str:code>",
        views.berekening,
        {"kind": "spreiding-provincie"},
        name="berekening-spreiding-provincie",
    ),
    path("monitor/realisaties/nieuw", views.realisation_new, name="realisatie-nieuw"),
    path(
        "monitor/realisaties/import",
        views.realisation_import,
        name="realisatie-import",
    ),
    path("spreiding", views.spreiding, name="spreiding"),
]
