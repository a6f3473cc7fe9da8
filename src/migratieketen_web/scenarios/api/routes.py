# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""API routes of the scenarios app, registered on the /api/v1 router."""

from rest_framework.routers import SimpleRouter

from migratieketen_web.scenarios.api import views


def register_scenario_routes(router: SimpleRouter) -> None:
    router.register("scenarioruns", views.ScenarioRunViewSet, basename="scenariorun")
