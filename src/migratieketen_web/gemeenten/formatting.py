# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Figures as people read them: Dutch number format and the indicator's unit.

Why not Django's localisation: the same text goes into SVG titles, aria-labels and
table cells, and must be identical everywhere; one small function keeps it so.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import get_language
from django.utils.translation import gettext as _


def _separators() -> tuple[str, str]:
    """(thousands, decimal) for the active language."""
    if (get_language() or "nl").startswith("en"):
        return ",", "."
    return ".", ","


def format_number(value: Any, decimals: int | None = None) -> str:
    """931298 -> "931.298"; 1.65 -> "1,7" (nl). None -> "–" (no figure)."""
    if value is None:
        return "–"
    if not isinstance(value, int):
        value = float(value)  # Decimal and Fraction too
    if decimals is None:
        decimals = 0 if float(value).is_integer() else 1
    thousands, decimal = _separators()
    text = f"{abs(value):,.{decimals}f}"
    text = text.replace(",", "\x00").replace(".", decimal).replace("\x00", thousands)
    return f"-{text}" if value < 0 and text.strip("0,.") else text


# One decimal rule per kind of figure, so that neighbours in a table or on a map
# agree ("39,8 %" next to "31,0 %", never next to "31 %"): shares and averages with
# one decimal, counts and classes whole.
WHOLE_UNITS = frozenset(
    {
        "personen",
        "plaatsen",
        "woningen",
        "huishoudens",
        "vestigingen",
        "auto's",
        "inwoners",
        "inwoners per km²",
        "adressen per km²",
        "ha",
        "euro",
        # the same units as the English pages name them
        "persons",
        "places",
        "dwellings",
        "households",
        "establishments",
        "cars",
        "inhabitants",
        "inhabitants per km²",
        "addresses per km²",
    }
)


def decimals_for(unit: str) -> int:
    """Decimals of a figure in `unit`: 0 for counts and classes, else 1."""
    if unit in WHOLE_UNITS or unit.startswith("klasse"):
        return 0
    return 1


def format_value(value: float | int | None, unit: str) -> str:
    """A figure with its unit: "40,0 %", "931.298 personen", "3 (klasse 1-5)"."""
    if value is None:
        return _("geen gegevens")
    number = format_number(value, decimals_for(unit))
    if unit == "%":
        return f"{number} %"
    if unit.startswith("x ") or unit.startswith("klasse"):
        return f"{number} ({unit})"
    return f"{number} {unit}" if unit else number
