# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""API routes of the opvang app, registered on the /api/v1 router."""

from rest_framework.routers import SimpleRouter

from migratieketen_web.opvang.api import views


def register_opvang_routes(router: SimpleRouter) -> None:
    router.register("opvangplannen", views.OpvangPlanViewSet, basename="opvangplan")
