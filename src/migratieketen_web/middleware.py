# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Site-wide middleware: Dutch first, and a body-size limit for the web pages."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.middleware.locale import LocaleMiddleware
from django.shortcuts import render

from migratieketen_web.api.middleware import declared_body_size, is_api_request

# Pages that take the koppeling's three files (score table up to 64 MB).
UPLOAD_PAGES = frozenset({"/koppeling"})


class DutchFirstLocaleMiddleware(LocaleMiddleware):
    """Like Django's LocaleMiddleware, but ignores the browser's Accept-Language.

    Our users are Dutch civil servants whose browsers often say "en-US"; the
    language switch (a cookie set by /i18n/setlang/) is the only way to English.
    """

    def process_request(self, request):  # type: ignore[no-untyped-def]
        request.META.pop("HTTP_ACCEPT_LANGUAGE", None)
        return super().process_request(request)


def web_body_limit(request: HttpRequest) -> int:
    if request.method == "POST" and request.path_info in UPLOAD_PAGES:
        return int(settings.MIGRATIEKETEN_MAX_UPLOAD_BYTES)
    return int(settings.MIGRATIEKETEN_WEB_MAX_BODY_BYTES)


class WebBodySizeMiddleware:
    """A web request whose declared body is over the limit gets the 413 page, unread.

    Django's CSRF check parses a form body (uploaded files to disk) before the page
    checks who is logged in, so without this anyone holding a CSRF cookie could make
    the server store up to a gigabyte per request (waitress's own limit). The API has
    its own limits (api/middleware.py); waitress caps bodies without a Content-Length
    (`migratieketen serve`).
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not is_api_request(request) and declared_body_size(request) > web_body_limit(
            request
        ):
            return render(request, "413.html", status=413)
        return self.get_response(request)


def largest_body_bytes() -> int:
    """The largest body any request may have: waitress's max_request_body_size."""
    return max(
        int(settings.MIGRATIEKETEN_WEB_MAX_BODY_BYTES),
        int(settings.MIGRATIEKETEN_MAX_UPLOAD_BYTES),
        int(settings.MIGRATIEKETEN_API_MAX_BODY_BYTES),
    )
