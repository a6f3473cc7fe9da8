# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Middleware for /api/: API-Version header, body-size limit, problem+json errors.

NL API Design Rules ``/core/version-header`` (full version on every response)
and ``/core/error-handling/problem-details``. DRF errors are already problem
documents (see ``problems.py``); this catches what happens outside DRF: a URL
that resolves nowhere (including a trailing slash, which must be a 404 and not
a redirect, ``/core/no-trailing-slash``), a body over the limit (413, refused
before it is read) and Django's 500 page.

The limit is MIGRATIEKETEN_API_MAX_BODY_BYTES, except for files sent as
multipart/form-data to UPLOAD_PATHS (a koppeling's households and score table, tens of
MB for a region's half-year): MIGRATIEKETEN_MAX_UPLOAD_BYTES. Files are read in
parts and spooled to disk; a JSON body is held whole in memory, so it keeps the
general limit.
"""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse

from migratieketen_web.api.problems import PROBLEM_CONTENT_TYPE, problem_response

API_PREFIX = "/api/"
UPLOAD_PATHS = frozenset({"/api/v1/koppelingen"})
TRAILING_SLASH_DETAIL = (
    "De gevraagde bron bestaat niet: adressen van deze API eindigen niet op '/'. "
    "Probeer het zonder de slash."
)
NO_ROUTE_DETAIL = (
    "Er is geen bron op {path}. Alle bronnen staan in de index op /api/v1 en in "
    "het OpenAPI-document op /api/v1/openapi.json."
)


def is_api_request(request: HttpRequest) -> bool:
    """By the path within the app (path_info), also where a proxy serves the app
    under a prefix (SCRIPT_NAME), as Django's URL routing does."""
    return request.path_info.startswith(API_PREFIX)


def declared_body_size(request: HttpRequest) -> int:
    try:
        return int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return 0


def is_file_upload(request: HttpRequest) -> bool:
    return request.method == "POST" and request.path_info in UPLOAD_PATHS


def body_limit(request: HttpRequest) -> int:
    """The largest body this request may have, in bytes."""
    if is_file_upload(request) and request.content_type == "multipart/form-data":
        return int(settings.MIGRATIEKETEN_MAX_UPLOAD_BYTES)
    return int(settings.MIGRATIEKETEN_API_MAX_BODY_BYTES)


def _detail(request: HttpRequest, status: int) -> str | None:
    if status == 404:
        if request.path.endswith("/") and request.path != "/":
            return TRAILING_SLASH_DETAIL
        return NO_ROUTE_DETAIL.format(path=request.path)
    if status == 413:
        return body_too_large_detail(request)
    return None


def error_problem(request: HttpRequest, status: int) -> HttpResponse:
    """The problem document for a Django-level error on an API path."""
    return problem_response(request, status, _detail(request, status))


def body_too_large_detail(request: HttpRequest) -> str:
    detail = (
        f"De inhoud van de aanvraag is groter dan {body_limit(request)} bytes; "
        "stuur minder tegelijk."
    )
    if is_file_upload(request) and request.content_type != "multipart/form-data":
        limit = settings.MIGRATIEKETEN_MAX_UPLOAD_BYTES
        detail += (
            f" Als CSV-bestanden (multipart/form-data) mag het tot {limit} bytes zijn."
        )
    return detail


class ApiVersionMiddleware:
    """Adds ``API-Version`` to every /api/ response; turns plain errors into problems."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not is_api_request(request):
            return self.get_response(request)
        limit = body_limit(request)
        if declared_body_size(request) > limit:
            response: HttpResponse = problem_response(
                request, 413, body_too_large_detail(request)
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
