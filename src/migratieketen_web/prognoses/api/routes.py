# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""API routes of the prognoses app, registered on the /api/v1 router."""

from rest_framework.routers import SimpleRouter

from migratieketen_web.prognoses.api import views


def register_prognose_routes(router: SimpleRouter) -> None:
    router.register("prognoses", views.PrognoseViewSet, basename="prognose")
    router.register(
        "instroomscenarios", views.InstroomscenarioViewSet, basename="instroomscenario"
    )
