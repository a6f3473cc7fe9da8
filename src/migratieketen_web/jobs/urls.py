# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Job pages (Dutch paths, no trailing slash)."""

from django.urls import path

from migratieketen_web.jobs import views

app_name = "jobs"
urlpatterns = [path("taken", views.job_list, name="list")]
