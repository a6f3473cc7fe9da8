# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""A start throttle shared by a web form and an API endpoint.

DRF's rate arithmetic (a list of recent start times per client in the cache), with
one key per scope and client address for web and API alike. The cache is the
database cache (settings.CACHES), so every process counts the same starts and a
restart forgets none; `jobs.services.admission` checks it inside the start's locked
transaction, so concurrent starts cannot slip past it either.
"""

from __future__ import annotations

from typing import Any

from rest_framework.throttling import SimpleRateThrottle


class StartThrottle(SimpleRateThrottle):
    def __init__(self, scope: str, rate: str) -> None:
        self.scope = scope
        self.rate = rate
        self.num_requests, self.duration = self.parse_rate(rate)

    def allow_request(self, request: Any, view: Any = None) -> bool:
        """As DRF's, but also for a Django request without a view (the web form)."""
        return super().allow_request(request, view)

    def get_cache_key(self, request: Any, view: Any) -> str:
        return self.cache_format % {
            "scope": self.scope,
            "ident": self.get_ident(request),
        }


def valid_rate(rate: str) -> str:
    """'30/hour' and the like (DRF's format), else ValueError with a Dutch message."""
    try:
        count, period = rate.split("/")
        if int(count) < 1 or period[0] not in "smhd":
            raise ValueError
    except (ValueError, IndexError) as exc:
        raise ValueError(
            f"Ongeldige limiet {rate!r}: gebruik bijvoorbeeld 30/hour of 5/minute."
        ) from exc
    return rate
