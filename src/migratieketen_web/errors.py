# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Plain Dutch error pages (400, 403, 404, 413, 429, 500), never a debug page.

Django answers an oversized request body (RequestDataTooBig) with its 400 handler;
here that becomes the 413 page it really is. The 500 page has its own template
that needs no database, no request data and no URL reversing, and if even that
fails a fixed page is sent, so an error while handling an error stays plain.
Under /api/ every handler answers a problem document instead of a page.
"""

from __future__ import annotations

from django.core.exceptions import RequestDataTooBig
from django.http import HttpRequest, HttpResponse, HttpResponseServerError
from django.shortcuts import render
from django.template import loader

from migratieketen import logs
from migratieketen_web.api.middleware import error_problem, is_api_request

logger = logs.get_logger(__name__)

FALLBACK_500 = (
    '<!DOCTYPE html><html lang="nl"><head><meta charset="utf-8">'
    "<title>Er ging iets mis – Migratieketen</title></head><body>"
    "<h1>Er ging iets mis</h1><p>Er ging iets mis op de server. Probeer het later "
    'opnieuw.</p><p><a href="/">Naar de kaart van Nederland</a></p></body></html>'
)


def _page(request: HttpRequest, status: int) -> HttpResponse:
    if is_api_request(request):
        return error_problem(request, status)
    return render(request, f"{status}.html", status=status)


def bad_request(request: HttpRequest, exception: Exception) -> HttpResponse:
    return _page(request, 413 if isinstance(exception, RequestDataTooBig) else 400)


def permission_denied(request: HttpRequest, exception: Exception) -> HttpResponse:
    return _page(request, 403)


def page_not_found(request: HttpRequest, exception: Exception) -> HttpResponse:
    return _page(request, 404)


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    return render(request, "403_csrf.html", status=403)


def server_error(request: HttpRequest) -> HttpResponse:
    if is_api_request(request):
        return error_problem(request, 500)
    try:
        return HttpResponseServerError(loader.get_template("500.html").render())
    except Exception:  # the error page itself must never fail
        logger.exception("The 500 page could not be rendered")
        return HttpResponseServerError(FALLBACK_500)
