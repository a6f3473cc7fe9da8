# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""An absolute session lifetime on top of the idle timeout (SESSION_COOKIE_AGE)."""

from __future__ import annotations

import time
from collections.abc import Callable

from django.conf import settings
from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponse

LOGIN_AT = "migratieketen_login_at"


class SessionLimitMiddleware:
    """Log out a session older than MIGRATIEKETEN_SESSION_MAX_HOURS since login."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            started = request.session.get(LOGIN_AT)
            limit = 3600 * int(settings.MIGRATIEKETEN_SESSION_MAX_HOURS)
            if started is None or time.time() - float(started) > limit:
                logout(request)
        return self.get_response(request)
