# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""/woningmarkt (Dutch path, no trailing slash)."""

from django.urls import path

from migratieketen_web.woningmarkt import views

app_name = "woningmarkt"
urlpatterns = [path("woningmarkt", views.page, name="page")]
