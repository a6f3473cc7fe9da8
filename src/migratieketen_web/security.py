# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Login throttling hooks for django-axes: the backend and the client address.

Why a backend subclass: Django's test client and management commands call
``authenticate()`` without a request; there is no HTTP client to throttle then,
and axes' own backend would raise. Every HTTP login path (the admin form, the
API's HTTP Basic login) passes the request and is counted.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest

from axes.backends import AxesStandaloneBackend


class RequestAxesBackend(AxesStandaloneBackend):
    """django-axes' lockout check, skipped only when there is no request at all."""

    def authenticate(
        self,
        request: HttpRequest | None,
        username: str | None = None,
        password: str | None = None,
        **kwargs: Any,
    ) -> None:
        if request is None:
            return None
        return super().authenticate(request, username, password, **kwargs)


def client_ip_address(request: HttpRequest) -> str | None:
    """The client's address: the peer, or behind N proxies the Nth from the right
    in X-Forwarded-For (entries further left can be forged by the client)."""
    proxies = int(getattr(settings, "REST_FRAMEWORK", {}).get("NUM_PROXIES") or 0)
    if proxies > 0:
        forwarded = [
            part.strip()
            for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
            if part.strip()
        ]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR")
