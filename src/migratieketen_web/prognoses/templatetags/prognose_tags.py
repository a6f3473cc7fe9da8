# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Filters for forecast figures: persons, shares, skill, MASE, quantile levels."""

from __future__ import annotations

from django import template

from migratieketen_web.gemeenten.formatting import format_number
from migratieketen_web.prognoses.presentation import level_label

register = template.Library()


@register.filter
def persons(value: float | None) -> str:
    """A forecast count rounded to whole persons: 12345.6 -> '12.346'."""
    return format_number(None if value is None else round(value))


@register.filter
def share(value: float | None) -> str:
    """0.889 -> '89 %'."""
    return "–" if value is None else f"{format_number(round(value * 100))} %"


@register.filter
def skill(value: float | None, decimals: int = 0) -> str:
    """Skill against the random walk: 0.12 -> '+12 %', -0.3 -> '−30 %'
    (`|skill:1`: 0.0275 -> '+2,8 %')."""
    if value is None:
        return "–"
    pct = round(value * 100, int(decimals))
    sign = "+" if pct > 0 else ("−" if pct < 0 else "")
    return f"{sign}{format_number(abs(pct), int(decimals) or None)} %"


@register.filter
def score(value: float | None) -> str:
    """MASE with two decimals: 0.851 -> '0,85'."""
    return format_number(value, 2)


@register.filter
def level(value: float) -> str:
    return level_label(float(value))
