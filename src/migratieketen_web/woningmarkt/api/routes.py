# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""API routes of the woningmarkt app, registered on the /api/v1 router."""

from rest_framework.routers import SimpleRouter

from migratieketen_web.woningmarkt.api import views


def register_woningmarkt_routes(router: SimpleRouter) -> None:
    router.register("woningmarkt", views.WoningmarktViewSet, basename="woningmarkt")
