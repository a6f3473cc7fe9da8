# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Inburgering register pages: persons by UUID only, no trailing slash."""

from django.urls import path

from migratieketen_web.inburgering import views

app_name = "inburgering"
urlpatterns = [
    path("inburgering", views.person_list, name="list"),
    path("inburgering/nieuw", views.person_new, name="new"),
    path("inburgering/import", views.person_import, name="import"),
    path("inburgering/export.csv", views.person_export, name="export"),
    path("inburgering/<uuid:person_uuid>", views.person_detail, name="detail"),
    path("inburgering/<uuid:person_uuid>/stappen", views.person_steps, name="steps"),
    path("inburgering/<uuid:person_uuid>/kosten", views.person_cost, name="cost"),
]
