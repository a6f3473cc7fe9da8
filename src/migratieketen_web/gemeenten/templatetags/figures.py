# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Template filters for figures: `{{ value|number }}`, `{{ value|number:2 }}` and
`{{ value|with_unit:unit }}`; every page formats figures through these two functions."""

from __future__ import annotations

from django import template

from migratieketen_web.gemeenten.formatting import format_number, format_value

register = template.Library()


@register.filter
def number(value: float | int | None, decimals: int | None = None) -> str:
    return format_number(value, None if decimals in (None, "") else int(decimals))


@register.filter
def with_unit(value: float | int | None, unit: str) -> str:
    return format_value(value, unit)
