# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""API routes of the koppeling app, registered on the /api/v1 router."""

from rest_framework.routers import SimpleRouter

from migratieketen_web.koppeling.api import views


def register_koppeling_routes(router: SimpleRouter) -> None:
    router.register("koppelingen", views.KoppelingViewSet, basename="koppeling")
