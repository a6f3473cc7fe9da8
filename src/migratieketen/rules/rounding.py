# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Exact integer rounding of quotients, so no float error can move a number by one.

Every share in these laws is `a x b / c` with whole numbers; we keep the numerator and
the denominator as integers and round with integer division.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

RoundingMode = Literal["ceil", "half_up", "floor", "largest_remainder"]
ROUNDING_MODES: tuple[str, ...] = ("ceil", "half_up", "floor", "largest_remainder")


def ceil_div(num: int, den: int) -> int:
    return -((-num) // den)


def half_up_div(num: int, den: int) -> int:
    """Round num/den to the nearest integer, halves away from zero (num, den >= 0)."""
    return (2 * num + den) // (2 * den)


def round_quotient(num: int, den: int, mode: str) -> int:
    """Round one quotient; largest_remainder is not per-item and is rejected here."""
    if den <= 0:
        raise ValueError("deler moet positief zijn")
    if mode == "ceil":
        return ceil_div(num, den)
    if mode == "half_up":
        return half_up_div(num, den)
    if mode == "floor":
        return num // den
    raise ValueError(f"onbekende afronding per waarde: {mode!r}")


def largest_remainder(
    numerators: Sequence[int], den: int, total: int, tie_break: Sequence[int] = ()
) -> list[int]:
    """Hamilton apportionment: floors, then +1 to the largest remainders until `total`.

    Ties between equal remainders go to the larger `tie_break` value (e.g. population),
    then to the earlier position, so the result is deterministic.
    """
    floors = [n // den for n in numerators]
    missing = total - sum(floors)
    if missing < 0 or missing > len(numerators):
        raise ValueError("totaal valt buiten het bereik van de afgeronde aandelen")
    keys = tie_break if tie_break else [0] * len(numerators)
    order = sorted(
        range(len(numerators)),
        key=lambda i: (-(numerators[i] % den), -keys[i], i),
    )
    for i in order[:missing]:
        floors[i] += 1
    return floors


def round_all(
    numerators: Sequence[int], den: int, mode: str, total: int | None = None
) -> list[int]:
    """Round every quotient numerators[i]/den; largest_remainder needs the `total`."""
    if mode == "largest_remainder":
        if total is None:
            total = half_up_div(sum(numerators), den)
        return largest_remainder(numerators, den, total, tie_break=numerators)
    if mode not in ROUNDING_MODES:
        raise ValueError(
            f"Onbekende afronding '{mode}'; kies uit {', '.join(ROUNDING_MODES)}."
        )
    return [round_quotient(n, den, mode) for n in numerators]
