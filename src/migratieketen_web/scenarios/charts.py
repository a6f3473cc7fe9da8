# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Fan charts and line charts as plain SVG geometry, drawn on the server.

Why server-side: the charts must work without JavaScript and print; every chart has
a table with the same numbers next to it (the accessible alternative), a <title> and
a text legend. A fan chart shows the median with the 50 % (p25-p75) and 90 % (p5-p95)
bands of the ensemble.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from migratieketen_web.gemeenten.formatting import format_number

WIDTH, HEIGHT = 640, 260
LEFT, RIGHT, TOP, BOTTOM = 72, 16, 24, 36


@dataclass(frozen=True, slots=True)
class Tick:
    pos: float
    label: str


@dataclass(frozen=True, slots=True)
class Line:
    points: str  # "x,y x,y ..."
    series: int
    label: str


@dataclass(frozen=True, slots=True)
class Chart:
    width: int
    height: int
    left: int
    right: int
    top: int
    baseline: float
    band90: str  # polygon points, "" when not a fan chart
    band50: str
    lines: tuple[Line, ...]
    y_ticks: tuple[Tick, ...]
    x_ticks: tuple[Tick, ...]
    unit_note: str  # "x 1 mln euro" when values are scaled


def nice_step(top: float) -> float:
    """A round step (1, 2, 2.5, 5 x 10^k) giving about four to six gridlines."""
    if top <= 0:
        return 1.0
    raw = top / 5
    magnitude = 10 ** math.floor(math.log10(raw))
    for factor in (1, 2, 2.5, 5, 10):
        if raw <= factor * magnitude:
            return factor * magnitude
    return 10 * magnitude


def _scale(values: Sequence[float]) -> tuple[float, str]:
    top = max(values, default=0.0)
    if top >= 5e8:
        return 1e9, "× 1 mld"
    if top >= 5e5:
        return 1e6, "× 1 mln"
    return 1.0, ""


def _axes(
    months: Sequence[str], top_value: float, divisor: float
) -> tuple[float, float, tuple[Tick, ...], tuple[Tick, ...]]:
    step = nice_step(top_value / divisor)
    top = max(step, math.ceil(top_value / divisor / step) * step)
    plot_h = HEIGHT - TOP - BOTTOM
    y_ticks = tuple(
        Tick(
            HEIGHT - BOTTOM - plot_h * (i * step) / top,
            format_number(i * step, 0 if float(step).is_integer() else 1),
        )
        for i in range(int(round(top / step)) + 1)
    )
    n = len(months)
    plot_w = WIDTH - LEFT - RIGHT

    def x(t: int) -> float:
        return LEFT + plot_w * t / max(n - 1, 1)

    if n > 24:
        # Year labels at January; every 2nd or 5th year on long horizons.
        years = 1 if n <= 120 else 2 if n <= 240 else 5
        first = int(months[0][:4])
        x_ticks = tuple(
            Tick(x(t), months[t][:4])
            for t in range(n)
            if months[t].endswith("-01") and (int(months[t][:4]) - first) % years == 0
        )
    else:
        every = 3 if n > 6 else 1
        x_ticks = tuple(Tick(x(t), months[t]) for t in range(0, n, every))
    return top, plot_h, y_ticks, x_ticks


def _xy(t: int, value: float, n: int, top: float, divisor: float) -> str:
    plot_w = WIDTH - LEFT - RIGHT
    plot_h = HEIGHT - TOP - BOTTOM
    x = LEFT + plot_w * t / max(n - 1, 1)
    y = HEIGHT - BOTTOM - plot_h * min(value / divisor, top) / top
    return f"{x:.1f},{y:.1f}"


def _polygon(
    lower: Sequence[float], upper: Sequence[float], top: float, divisor: float
) -> str:
    n = len(lower)
    forward = [_xy(t, upper[t], n, top, divisor) for t in range(n)]
    back = [_xy(t, lower[t], n, top, divisor) for t in reversed(range(n))]
    return " ".join(forward + back)


def fan_chart(
    months: Sequence[str],
    p5: Sequence[float],
    p25: Sequence[float],
    p50: Sequence[float],
    p75: Sequence[float],
    p95: Sequence[float],
    label: str,
) -> Chart:
    divisor, note = _scale(p95)
    top, _h, y_ticks, x_ticks = _axes(months, max(p95, default=0.0), divisor)
    n = len(months)
    median = " ".join(_xy(t, p50[t], n, top, divisor) for t in range(n))
    return Chart(
        width=WIDTH,
        height=HEIGHT,
        left=LEFT,
        right=WIDTH - RIGHT,
        top=TOP,
        baseline=HEIGHT - BOTTOM,
        band90=_polygon(p5, p95, top, divisor),
        band50=_polygon(p25, p75, top, divisor),
        lines=(Line(median, 0, label),),
        y_ticks=y_ticks,
        x_ticks=x_ticks,
        unit_note=note,
    )


def line_chart(
    months: Sequence[str], series: Sequence[tuple[str, Sequence[float | None]]]
) -> Chart:
    """Several lines on one axis (e.g. the medians of two scenarios); None = gap."""
    values = [v for _label, ys in series for v in ys if v is not None]
    divisor, note = _scale(values)
    top, _h, y_ticks, x_ticks = _axes(months, max(values, default=0.0), divisor)
    n = len(months)
    lines = []
    for i, (label, ys) in enumerate(series):
        points = " ".join(
            _xy(t, v, n, top, divisor) for t, v in enumerate(ys) if v is not None
        )
        lines.append(Line(points, i, label))
    return Chart(
        width=WIDTH,
        height=HEIGHT,
        left=LEFT,
        right=WIDTH - RIGHT,
        top=TOP,
        baseline=HEIGHT - BOTTOM,
        band90="",
        band50="",
        lines=tuple(lines),
        y_ticks=y_ticks,
        x_ticks=x_ticks,
        unit_note=note,
    )
