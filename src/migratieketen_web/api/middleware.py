# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Middleware for /api/: API-Version header, body-size limit, problem+json errors.

NL API Design Rules ``/core/version-header`` (full version on every response)
and ``/core/error-handling/problem-details``. DRF errors are already problem
documents (see ``problems.py``); this catches what happens outside DRF: a URL
that resolves nowhere (including a trailing slash, which must be a 404 and not
a redirect, ``/core/no-trailing-slash``), a body over the limit (413, refused
before it is read) and Django's 500 page.
"""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse

from migratieketen_web.api.problems import PROBLEM_CONTENT_TYPE, problem_response

API_PREFIX = "/api/"
TRAILING_SLASH_DETAIL = (
    "De gevraagde bron bestaat niet: adressen van deze API eindigen niet op '/'. "
    "Probeer het zonder de slash."
)
NO_ROUTE_DETAIL = (
    "Er is geen bron op {path}. Alle bronnen staan in de index op /api/v1 en in "
    "het OpenAPI-document op /api/v1/openapi.json."
)


def is_api_request(request: HttpRequest) -> bool:
    return request.path.startswith(API_PREFIX)


def declared_body_size(request: HttpRequest) -> int:
    try:
        return int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return 0


def _detail(request: HttpRequest, status: int) -> str | None:
    if status == 404:
        if request.path.endswith("/") and request.path != "/":
            return TRAILING_SLASH_DETAIL
        return NO_ROUTE_DETAIL.format(path=request.path)
    if status == 413:
        return body_too_large_detail()
    return None


def error_problem(request: HttpRequest, status: int) -> HttpResponse:
    """The problem document for a Django-level error on an API path."""
    return problem_response(request, status, _detail(request, status))


def body_too_large_detail() -> str:
    limit = settings.MIGRATIEKETEN_API_MAX_BODY_BYTES
    return (
        f"De inhoud van de aanvraag is groter dan {limit} bytes; stuur minder tegelijk."
    )


class ApiVersionMiddleware:
    """Adds ``API-Version`` to every /api/ response; turns plain errors into problems."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not is_api_request(request):
            return self.get_response(request)
        if declared_body_size(request) > settings.MIGRATIEKETEN_API_MAX_BODY_BYTES:
            response: HttpResponse = problem_response(
                request, 413, body_too_large_detail()
            )
        else:
            response = self.get_response(request)
        if response.status_code >= 400 and not response.get(
            "Content-Type", ""
        ).startswith(PROBLEM_CONTENT_TYPE):
            allow = response.get("Allow")
            retry_after = response.get("Retry-After")
            response = error_problem(request, response.status_code)
            if allow:
                response["Allow"] = allow
            if retry_after:
                response["Retry-After"] = retry_after
        response["API-Version"] = settings.API_VERSION
        return response
