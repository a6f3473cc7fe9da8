# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Gemeente-werkplaats pages (Dutch paths, CBS codes as keys)."""

from django.urls import path

from migratieketen_web.werkplaats import views

app_name = "werkplaats"
urlpatterns = [
    path("gemeenten/<str:code>/overzicht", views.overzicht, name="overzicht"),
    path("gemeenten/<str:code>/rapport.pdf", views.rapport_pdf, name="rapport-pdf"),
    path("gemeenten/<str:code>/rapport.xlsx", views.rapport_xlsx, name="rapport-xlsx"),
]
