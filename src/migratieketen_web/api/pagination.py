# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""limit/offset pagination that rejects bad values instead of ignoring them.

DRF's LimitOffsetPagination silently falls back to the default page on
``?limit=abc`` and caps ``?limit=1000000`` at its maximum; a client would then
believe it has all data. Here a bad value, and a limit over the maximum, is a
400 problem document with ``invalidParams`` that names the allowed range, and
the OpenAPI document states the same minimum and maximum.
"""

from __future__ import annotations

from typing import Any

from rest_framework import serializers
from rest_framework.pagination import LimitOffsetPagination
from rest_framework.request import Request

DEFAULT_LIMIT = 100
MAX_LIMIT = 1000  # all ~350 gemeenten of a map fit in one page


def _bounded_int(
    request: Request, name: str, minimum: int, maximum: int | None = None
) -> int | None:
    raw = request.query_params.get(name)
    if raw is None:
        return None
    try:
        value = int(raw)
    except ValueError:
        value = None
    if value is None or value < minimum or (maximum is not None and value > maximum):
        allowed = (
            f"van {minimum} tot en met {maximum}"
            if maximum is not None
            else f"van minimaal {minimum}"
        )
        raise serializers.ValidationError(
            {
                name: [
                    serializers.ErrorDetail(
                        f"Geef een geheel getal {allowed}.", code="invalid"
                    )
                ]
            }
        )
    return value


class StrictLimitOffsetPagination(LimitOffsetPagination):
    """``count/next/previous/results`` pages; 1 <= limit <= MAX_LIMIT, offset >= 0."""

    default_limit = DEFAULT_LIMIT
    max_limit = MAX_LIMIT
    limit_query_description = (
        f"Aantal resultaten per pagina (standaard {DEFAULT_LIMIT}, minimaal 1, "
        f"maximaal {MAX_LIMIT}; meer is een 400)."
    )
    offset_query_description = "Index van het eerste resultaat (vanaf 0)."

    def get_limit(self, request: Request) -> int:
        value = _bounded_int(request, self.limit_query_param, 1, self.max_limit)
        return self.default_limit if value is None else value

    def get_offset(self, request: Request) -> int:
        value = _bounded_int(request, self.offset_query_param, 0)
        return 0 if value is None else value

    def get_schema_operation_parameters(self, view: Any) -> list[dict[str, Any]]:
        parameters = super().get_schema_operation_parameters(view)
        for parameter in parameters:
            if parameter["name"] == self.limit_query_param:
                parameter["schema"].update(
                    minimum=1, maximum=self.max_limit, default=self.default_limit
                )
            elif parameter["name"] == self.offset_query_param:
                parameter["schema"].update(minimum=0, default=0)
        return parameters

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
