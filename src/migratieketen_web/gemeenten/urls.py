# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Public pages (Dutch paths; CBS codes as keys)."""

from django.urls import path

from migratieketen_web.gemeenten import views

app_name = "gemeenten"
urlpatterns = [
    path("", views.national, name="national"),
    path("gemeenten/<str:code>", views.gemeente_detail, name="gemeente"),
    path("provincies/<str:code>", views.province_detail, name="provincie"),
    path("zoeken", views.search, name="zoeken"),
    path("over", views.about, name="over"),
    path("toegankelijkheid", views.accessibility, name="toegankelijkheid"),
    path("favicon.ico", views.favicon, name="favicon"),
]
