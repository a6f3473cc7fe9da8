# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""/api/v1/docs (Swagger UI) and the served OpenAPI document.

Swagger UI comes from the npm package swagger-ui-dist, copied into our static
files by ``npm run build`` (no CDN); its start script is a static file too, so the
strict Content-Security-Policy holds on this page as on every other.
"""

from __future__ import annotations

from typing import Any

from django.views.generic import TemplateView
from drf_spectacular.renderers import OpenApiJsonRenderer2
from drf_spectacular.views import SpectacularJSONAPIView
from rest_framework.request import Request
from rest_framework.response import Response


class ApiDocsView(TemplateView):
    template_name = "api/docs.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["index_url"] = "/api/v1"
        context["openapi_url"] = "/api/v1/openapi.json"
        return context


class OpenApiJsonView(SpectacularJSONAPIView):
    """The document as JSON, readable from any origin (``/core/publish-openapi``)."""

    authentication_classes: list[type] = []
    renderer_classes = [OpenApiJsonRenderer2]  # plain application/json

    def finalize_response(
        self, request: Request, response: Response, *args: Any, **kwargs: Any
    ) -> Response:
        response = super().finalize_response(request, response, *args, **kwargs)
        response["Access-Control-Allow-Origin"] = "*"
        return response
