# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Prognose pages (Dutch paths, no trailing slash)."""

from django.urls import path

from migratieketen_web.prognoses import views

app_name = "prognoses"
urlpatterns = [
    path("prognose", views.prognose, name="prognose"),
    path("prognose/scenarios", views.scenarios, name="scenarios"),
    path("prognose/scenarios/<slug:name>.csv", views.scenario_csv, name="scenario-csv"),
]
