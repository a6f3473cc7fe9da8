# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Scenario pages (Dutch paths, no trailing slash)."""

from django.urls import path

from migratieketen_web.scenarios import views

app_name = "scenarios"
urlpatterns = [
    path("scenarios", views.index, name="index"),
    path("scenarios/vergelijk", views.compare, name="compare"),
    path("scenarios/voorbeeld/<slug:key>.yaml", views.preset_yaml, name="preset-yaml"),
    path("scenarios/<uuid:uuid>", views.detail, name="detail"),
    path("scenarios/<uuid:uuid>/scenario.yaml", views.scenario_yaml, name="yaml"),
    path("scenarios/<uuid:uuid>/publiceren", views.publish, name="publish"),
]
