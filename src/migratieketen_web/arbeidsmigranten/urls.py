# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Housing register pages: locations by UUID only, no trailing slash."""

from django.urls import path

from migratieketen_web.arbeidsmigranten import views

app_name = "arbeidsmigranten"
urlpatterns = [
    path("arbeidsmigranten", views.location_list, name="list"),
    path("arbeidsmigranten/nieuw", views.location_new, name="new"),
    path("arbeidsmigranten/import", views.location_import, name="import"),
    path("arbeidsmigranten/export.csv", views.location_export, name="export"),
    path("arbeidsmigranten/wijken/<str:code>", views.wijk_table, name="wijken"),
    path("arbeidsmigranten/<uuid:location_uuid>", views.location_detail, name="detail"),
    path(
        "arbeidsmigranten/<uuid:location_uuid>/wijzigen",
        views.location_change,
        name="change",
    ),
    path(
        "arbeidsmigranten/<uuid:location_uuid>/bewoner",
        views.occupant_new,
        name="occupant",
    ),
    path(
        "arbeidsmigranten/<uuid:location_uuid>/bewoner/<uuid:occupant_uuid>/vertrek",
        views.occupant_leave,
        name="leave",
    ),
    path(
        "arbeidsmigranten/<uuid:location_uuid>/inspectie",
        views.inspection_new,
        name="inspection",
    ),
]
