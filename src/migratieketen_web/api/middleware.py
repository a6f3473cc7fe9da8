# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Middleware for /api/: API-Version header and problem+json for Django errors.

NL API Design Rules ``/core/version-header`` (full version on every response)
and ``/core/error-handling/problem-details``. DRF errors are already problem
documents (see ``problems.py``); this catches what happens outside DRF: a URL
that resolves nowhere (including a trailing slash, which must be a 404 and not
a redirect, ``/core/no-trailing-slash``) and Django's 500 page.
"""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse

from migratieketen_web.api.problems import PROBLEM_CONTENT_TYPE, problem_response

API_PREFIX = "/api/"


def is_api_request(request: HttpRequest) -> bool:
    return request.path.startswith(API_PREFIX)


class ApiVersionMiddleware:
    """Adds ``API-Version`` to every /api/ response; turns plain errors into problems."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if not is_api_request(request):
            return response
        if response.status_code >= 400 and not response.get(
            "Content-Type", ""
        ).startswith(PROBLEM_CONTENT_TYPE):
            allow = response.get("Allow")
            response = problem_response(request, response.status_code)
            if allow:
                response["Allow"] = allow
        response["API-Version"] = settings.API_VERSION
        return response
