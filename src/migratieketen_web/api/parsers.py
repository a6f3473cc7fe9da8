# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""The API's JSON parser, with a nesting limit.

Python's json module recurses once per level: a body of a few hundred thousand
``[`` characters raised RecursionError, a 500. No resource of this API nests
deeper than a few levels, so anything deeper than MAX_JSON_DEPTH is a 400
problem document before any view sees it. (The body size is limited before
parsing, in ``middleware.py``.)
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from rest_framework.exceptions import ParseError
from rest_framework.parsers import JSONParser

MAX_JSON_DEPTH = 32


def json_depth(value: Any) -> int:
    """Nesting depth of a parsed JSON value (a scalar is 0), without recursion."""
    deepest = 0
    stack: list[tuple[Any, int]] = [(value, 0)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict):
            children = list(item.values())
        elif isinstance(item, list):
            children = item
        else:
            continue
        deepest = max(deepest, depth + 1)
        stack.extend((child, depth + 1) for child in children)
    return deepest


def _too_deep() -> ParseError:
    return ParseError(
        f"De JSON is dieper genest dan {MAX_JSON_DEPTH} niveaus; dat gebruikt "
        "geen enkele bron van deze API."
    )


class LimitedJSONParser(JSONParser):
    """JSONParser that answers 400 for JSON nested deeper than MAX_JSON_DEPTH."""

    def parse(
        self,
        stream: Any,
        media_type: str | None = None,
        parser_context: Mapping[str, Any] | None = None,
    ) -> Any:
        try:
            data = super().parse(stream, media_type, parser_context)
        except RecursionError:
            raise _too_deep() from None
        if json_depth(data) > MAX_JSON_DEPTH:
            raise _too_deep()
        return data
