# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Koppeling pages: runs by UUID only, no trailing slash."""

from django.urls import path

from migratieketen_web.koppeling import views

app_name = "koppeling"
urlpatterns = [
    path("koppeling", views.upload, name="upload"),
    path("koppeling/modelkaart", views.model_card, name="model-card"),
    path("koppeling/<uuid:run_uuid>", views.detail, name="detail"),
]
