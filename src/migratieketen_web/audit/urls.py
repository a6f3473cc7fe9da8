# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
from django.urls import path

from migratieketen_web.audit import views

app_name = "audit"
urlpatterns = [path("audit", views.audit_list, name="list")]
