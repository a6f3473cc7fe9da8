# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""LVV register pages: cases by UUID only, no trailing slash."""

from django.urls import path

from migratieketen_web.lvv import views

app_name = "lvv"
urlpatterns = [
    path("lvv", views.case_list, name="list"),
    path("lvv/nieuw", views.case_new, name="new"),
    path("lvv/<uuid:case_uuid>", views.case_detail, name="detail"),
    path("lvv/<uuid:case_uuid>/wijzigen", views.case_change, name="change"),
    path("lvv/<uuid:case_uuid>/contact", views.contact_new, name="contact"),
]
