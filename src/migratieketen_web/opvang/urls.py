# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Opvang pages (Dutch paths, no trailing slash)."""

from django.urls import path

from migratieketen_web.opvang import views

app_name = "opvang"
urlpatterns = [
    path("planning/opvang", views.index, name="index"),
    path("planning/opvang/<uuid:uuid>", views.detail, name="detail"),
    path("planning/opvang/<uuid:uuid>/plan.csv", views.export_csv, name="csv"),
    path("planning/opvang/<uuid:uuid>/plan.xlsx", views.export_xlsx, name="xlsx"),
    path("planning/opvang/<uuid:uuid>/publiceren", views.publish, name="publish"),
]
