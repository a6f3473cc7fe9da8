# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""API routes of the monitor app, registered on the /api/v1 router."""

from rest_framework.routers import SimpleRouter

from migratieketen_web.monitor.api import views


def register_monitor_routes(router: SimpleRouter) -> None:
    router.register("realisaties", views.RealisatieViewSet, basename="realisatie")
    router.register(
        "taakstellingen", views.TaakstellingViewSet, basename="taakstelling"
    )
    router.register("spreiding", views.SpreidingViewSet, basename="spreiding")
