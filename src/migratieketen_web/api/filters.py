# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Query-parameter filters, validated by a serializer per collection.

A wrong filter value or an unknown parameter is a 400 problem document with
``invalidParams`` (``/core/error-handling/invalid-input``) rather than a silent
empty or unfiltered list: a typo like ``?provinice=PV27`` must not return all
gemeenten. The same serializers document the parameters in the OpenAPI
document (drf-spectacular explodes a serializer into query parameters).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from rest_framework import serializers

from migratieketen_web.api.pagination import MAX_LIMIT

PROVINCE_CODE = r"^PV[0-9]{2}$"
GEMEENTE_CODE = r"^GM[0-9]{4}$"

# Path patterns for the detail URLs (router ``lookup_value_regex``).
PROVINCE_CODE_PATH = "PV[0-9]{2}"
GEMEENTE_CODE_PATH = "GM[0-9]{4}"
WIJK_CODE_PATH = "WK[0-9]{4}[0-9A-Z]{2}"  # Amsterdam: WK0363AA
INDICATOR_KEY_PATH = "[-a-zA-Z0-9_]+"
# Years 1900-2999: year 0 or 0000 reached date() and raised a 500.
HALF_YEAR = r"^(19[0-9]{2}|2[0-9]{3})-[12]$"
UUID_PATH = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"


def code_field(pattern: str, example: str, what: str) -> serializers.RegexField:
    """An optional CBS-code filter with a Dutch help text and error."""
    return serializers.RegexField(
        pattern,
        required=False,
        help_text=f"Alleen {what} met deze CBS-code, bv. {example}.",
        error_messages={"invalid": f"Gebruik een CBS-code zoals {example}."},
    )


def half_year_field(help_text: str) -> serializers.RegexField:
    """An optional half-year parameter (JJJJ-1 or JJJJ-2) with a Dutch error."""
    return serializers.RegexField(
        HALF_YEAR,
        required=False,
        help_text=help_text,
        error_messages={
            "invalid": "Gebruik JJJJ-1 of JJJJ-2 met een jaar van 1900 tot en met "
            "2999, bv. 2025-1."
        },
    )


class PaginationParameters(serializers.Serializer):
    """limit/offset, documented for views that paginate by hand."""

    limit = serializers.IntegerField(
        required=False,
        min_value=1,
        max_value=MAX_LIMIT,
        help_text=f"Aantal resultaten per pagina (minimaal 1, maximaal {MAX_LIMIT}).",
    )
    offset = serializers.IntegerField(
        required=False,
        min_value=0,
        help_text="Index van het eerste resultaat (vanaf 0).",
    )


def validated_filters(
    filter_class: type[serializers.Serializer],
    query_params: Any,
    allowed_extra: Iterable[str] = ("limit", "offset"),
) -> dict[str, Any]:
    """Validate the query string; raise ValidationError on bad or unknown keys."""
    known = set(filter_class().fields) | set(allowed_extra)
    unknown = sorted(key for key in query_params if key not in known)
    data = {key: query_params.get(key) for key in query_params if key not in unknown}
    serializer = filter_class(data=data)
    valid = serializer.is_valid()
    errors: dict[str, Any] = dict(serializer.errors) if not valid else {}
    reason = (
        f"Onbekende parameter; toegestaan: {', '.join(sorted(known))}."
        if known
        else "Onbekende parameter; deze bron heeft geen parameters."
    )
    for key in unknown:
        errors[key] = [serializers.ErrorDetail(reason, code="unknown")]
    if errors:
        raise serializers.ValidationError(errors)
    return {k: v for k, v in serializer.validated_data.items() if v not in ("", None)}
