# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""API routes of the LVV register, registered on the /api/v1 router."""

from rest_framework.routers import SimpleRouter

from migratieketen_web.api.filters import UUID_PATH
from migratieketen_web.lvv.api import views


def register_lvv_routes(router: SimpleRouter) -> None:
    # Read by the router (SimpleRouter.get_lookup_regex); DRF's stubs do not declare it.
    views.TrajectViewSet.lookup_value_regex = UUID_PATH  # type: ignore[attr-defined]
    router.register("lvv-trajecten", views.TrajectViewSet, basename="lvv-traject")
