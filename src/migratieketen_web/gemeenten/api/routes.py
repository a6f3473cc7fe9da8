# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""API routes of the open-data resources, registered on the /api/v1 router."""

from rest_framework.routers import SimpleRouter

from migratieketen_web.gemeenten.api import views


def register_gemeente_routes(router: SimpleRouter) -> None:
    router.register("gemeenten", views.GemeenteViewSet, basename="gemeente")
    router.register("provincies", views.ProvincieViewSet, basename="provincie")
    router.register("wijken", views.WijkViewSet, basename="wijk")
    router.register("indicatoren", views.IndicatorViewSet, basename="indicator")
