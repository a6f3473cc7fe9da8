# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""limit/offset pagination that rejects bad values instead of ignoring them.

DRF's LimitOffsetPagination silently falls back to the default page on
``?limit=abc``; a client would then believe it has all data. Here a bad value
is a 400 problem document with ``invalidParams``.
"""

from __future__ import annotations

from typing import Any

from rest_framework import serializers
from rest_framework.pagination import LimitOffsetPagination
from rest_framework.request import Request

DEFAULT_LIMIT = 100
MAX_LIMIT = 1000  # all ~350 gemeenten of a map fit in one page


def _non_negative_int(request: Request, name: str, minimum: int) -> int | None:
    raw = request.query_params.get(name)
    if raw is None:
        return None
    try:
        value = int(raw)
    except ValueError:
        value = minimum - 1
    if value < minimum:
        raise serializers.ValidationError(
            {
                name: [
                    serializers.ErrorDetail(
                        f"Geef een geheel getal van minimaal {minimum}.",
                        code="invalid",
                    )
                ]
            }
        )
    return value


class StrictLimitOffsetPagination(LimitOffsetPagination):
    """``count/next/previous/results`` pages; limit capped at MAX_LIMIT."""

    default_limit = DEFAULT_LIMIT
    max_limit = MAX_LIMIT
    limit_query_description = f"Aantal resultaten per pagina (standaard {DEFAULT_LIMIT}, maximaal {MAX_LIMIT})."
    offset_query_description = "Index van het eerste resultaat (vanaf 0)."

    def get_limit(self, request: Request) -> int:
        value = _non_negative_int(request, self.limit_query_param, 1)
        if value is None:
            return self.default_limit
        return min(value, self.max_limit)

    def get_offset(self, request: Request) -> int:
        value = _non_negative_int(request, self.offset_query_param, 0)
        return 0 if value is None else value

    def get_paginated_response_schema(self, schema: dict[str, Any]) -> dict[str, Any]:
        result = super().get_paginated_response_schema(schema)
        props = result["properties"]
        props["count"]["description"] = "Totaal aantal resultaten."
        props["next"]["description"] = (
            "Adres van de volgende pagina; null op de laatste."
        )
        props["previous"]["description"] = (
            "Adres van de vorige pagina; null op de eerste."
        )
        return result
