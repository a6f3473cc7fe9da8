# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""URL map of /api/v1: Dutch plural collections, no trailing slashes.

NL API Design Rules ``/core/no-trailing-slash``: the router generates paths
without a slash, and with ``APPEND_SLASH = False`` a trailing slash is a 404
(answered as problem+json by the middleware), never a redirect.
"""

from django.urls import path
from drf_spectacular.views import SpectacularYAMLAPIView
from rest_framework.routers import SimpleRouter

from migratieketen_web.api.docs import ApiDocsView, OpenApiJsonView
from migratieketen_web.arbeidsmigranten.api.routes import (
    register_arbeidsmigranten_routes,
)
from migratieketen_web.gemeenten.api.routes import register_gemeente_routes
from migratieketen_web.inburgering.api.routes import register_inburgering_routes
from migratieketen_web.koppeling.api.routes import register_koppeling_routes
from migratieketen_web.lvv.api.routes import register_lvv_routes
from migratieketen_web.monitor.api.routes import register_monitor_routes
from migratieketen_web.opvang.api.routes import register_opvang_routes
from migratieketen_web.prognoses.api.routes import register_prognose_routes
from migratieketen_web.scenarios.api.routes import register_scenario_routes
from migratieketen_web.woningmarkt.api.routes import register_woningmarkt_routes

app_name = "api"

router = SimpleRouter(trailing_slash=False)
register_gemeente_routes(router)
register_monitor_routes(router)
register_prognose_routes(router)
register_scenario_routes(router)
register_inburgering_routes(router)
register_opvang_routes(router)
register_woningmarkt_routes(router)
register_koppeling_routes(router)
register_arbeidsmigranten_routes(router)
register_lvv_routes(router)

urlpatterns = [
    path("openapi.json", OpenApiJsonView.as_view(), name="openapi-json"),
    path("docs", ApiDocsView.as_view(), name="docs"),
    path(
        "openapi.yaml",
        SpectacularYAMLAPIView.as_view(authentication_classes=[]),
        name="openapi-yaml",
    ),
    *router.urls,
]
