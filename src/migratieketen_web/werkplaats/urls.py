# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Gemeente-werkplaats pages (Dutch paths, CBS codes as keys)."""

from django.urls import path

from migratieketen_web.werkplaats import views, views_lokaal, views_praktijk

app_name = "werkplaats"
urlpatterns = [
    path("gemeenten/<str:code>/overzicht", views.overzicht, name="overzicht"),
    path("gemeenten/<str:code>/rapport.pdf", views.rapport_pdf, name="rapport-pdf"),
    path("gemeenten/<str:code>/rapport.xlsx", views.rapport_xlsx, name="rapport-xlsx"),
    path(
        "gemeenten/<str:code>/lokale-ruimte",
        views_lokaal.gemeente,
        name="lokale-ruimte",
    ),
    path("lokale-ruimte", views_lokaal.national, name="lokale-ruimte-nl"),
    path("praktijkvoorbeelden", views_praktijk.catalogue, name="praktijkvoorbeelden"),
    path("praktijkvoorbeelden/nieuw", views_praktijk.edit, name="praktijk-nieuw"),
    path(
        "praktijkvoorbeelden/import", views_praktijk.import_view, name="praktijk-import"
    ),
    path("praktijkvoorbeelden/<uuid:uuid>", views_praktijk.detail, name="praktijk"),
    path(
        "praktijkvoorbeelden/<uuid:uuid>/bewerken",
        views_praktijk.edit,
        name="praktijk-bewerken",
    ),
    path(
        "praktijkvoorbeelden/<uuid:uuid>/<str:step>",
        views_praktijk.action,
        name="praktijk-stap",
    ),
]
