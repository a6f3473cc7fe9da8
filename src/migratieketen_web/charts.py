# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Building blocks shared by the server-drawn SVG charts of the monitor, prognoses
and scenarios apps: round axis steps, tick labels, the linear mapping from a value to
a pixel position and the points text of SVG polylines and polygons.

Why one module: the three charts must agree on how an axis is rounded and labelled,
so a reader sees the same gridlines for the same numbers on every page.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from migratieketen_web.gemeenten.formatting import format_number

# Multiples of a power of ten that make readable gridline steps.
_FACTORS = (1, 2, 2.5, 5, 10)


@dataclass(frozen=True, slots=True)
class Tick:
    """A labelled gridline: `pos` is the pixel position along its axis."""

    pos: float
    label: str


def nice_step(value: float) -> float:
    """A round step (1, 2, 2.5, 5 x 10^k) giving about four to six gridlines up to
    `value`; 1.0 for an empty axis (value <= 0)."""
    if value <= 0:
        return 1.0
    raw = value / 5
    magnitude = 10 ** math.floor(math.log10(raw))
    # The tolerance keeps float noise (0.1 * 3) from skipping to the next factor.
    return next(f * magnitude for f in _FACTORS if raw <= f * magnitude + 1e-9)


def nice_top(value: float) -> tuple[float, float]:
    """A round upper bound (a whole number of steps >= value) and its tick step."""
    if value <= 0:
        return 1.0, 1.0
    step = nice_step(value)
    return math.ceil(value / step) * step, step


def tick_values(top: float, step: float) -> list[float]:
    """0, step, 2 x step, ... up to and including `top`."""
    return [k * step for k in range(int(round(top / step)) + 1)]


def tick_label(value: float, step: float) -> str:
    """A tick label with as many decimals as the step needs (all alike: 0,5 1,0)."""
    return format_number(value, 0 if float(step).is_integer() else 1)


def value_ticks(
    top: float, step: float, position: Callable[[float], float]
) -> tuple[Tick, ...]:
    """The gridlines of a value axis from 0 to `top`, placed by `position`."""
    return tuple(Tick(position(v), tick_label(v, step)) for v in tick_values(top, step))


def scale(value: float, top: float, start: float, length: float) -> float:
    """Map 0..top linearly onto start..start + length (a negative length runs up,
    as a vertical SVG axis does)."""
    return start + length * value / top


def svg_points(points: Sequence[tuple[float, float]]) -> str:
    """The `points` attribute of a polyline or polygon: "x,y x,y" at 0.1 px."""
    return " ".join(f"{x:.1f},{y:.1f}" for x, y in points)
