# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Fan charts and line charts as plain SVG geometry, drawn on the server.

Why server-side: the charts must work without JavaScript and print; every chart has
a table with the same numbers next to it (the accessible alternative), a <title> and
a text legend. A fan chart shows the median with the 50 % (p25-p75) and 90 % (p5-p95)
bands of the ensemble.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from migratieketen_web.charts import (
    Tick,
    nice_step,
    nice_top,
    scale,
    svg_points,
    value_ticks,
)

__all__ = ["Chart", "Line", "Tick", "fan_chart", "line_chart", "nice_step"]

WIDTH, HEIGHT = 640, 260
LEFT, RIGHT, TOP, BOTTOM = 72, 16, 24, 36

Point = tuple[float, float]


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


def _unit(values: Sequence[float]) -> tuple[float, str]:
    """Divide big euro amounts into mln or mld so tick labels stay short."""
    top = max(values, default=0.0)
    if top >= 5e8:
        return 1e9, "× 1 mld"
    if top >= 5e5:
        return 1e6, "× 1 mln"
    return 1.0, ""


def _axes(
    months: Sequence[str], top_value: float, divisor: float
) -> tuple[float, float, tuple[Tick, ...], tuple[Tick, ...]]:
    top, step = nice_top(top_value / divisor)
    plot_h = HEIGHT - TOP - BOTTOM
    y_ticks = value_ticks(top, step, lambda v: scale(v, top, HEIGHT - BOTTOM, -plot_h))
    n = len(months)
    plot_w = WIDTH - LEFT - RIGHT

    def x(t: int) -> float:
        return scale(t, max(n - 1, 1), LEFT, plot_w)

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


def _xy(t: int, value: float, n: int, top: float, divisor: float) -> Point:
    plot_w = WIDTH - LEFT - RIGHT
    plot_h = HEIGHT - TOP - BOTTOM
    x = scale(t, max(n - 1, 1), LEFT, plot_w)
    y = scale(min(value / divisor, top), top, HEIGHT - BOTTOM, -plot_h)
    return x, y


def _polygon(
    lower: Sequence[float], upper: Sequence[float], top: float, divisor: float
) -> str:
    n = len(lower)
    forward = [_xy(t, upper[t], n, top, divisor) for t in range(n)]
    back = [_xy(t, lower[t], n, top, divisor) for t in reversed(range(n))]
    return svg_points(forward + back)


def fan_chart(
    months: Sequence[str],
    p5: Sequence[float],
    p25: Sequence[float],
    p50: Sequence[float],
    p75: Sequence[float],
    p95: Sequence[float],
    label: str,
) -> Chart:
    divisor, note = _unit(p95)
    top, _h, y_ticks, x_ticks = _axes(months, max(p95, default=0.0), divisor)
    n = len(months)
    median = svg_points([_xy(t, p50[t], n, top, divisor) for t in range(n)])
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
    divisor, note = _unit(values)
    top, _h, y_ticks, x_ticks = _axes(months, max(values, default=0.0), divisor)
    n = len(months)
    lines = []
    for i, (label, ys) in enumerate(series):
        points = svg_points(
            [_xy(t, v, n, top, divisor) for t, v in enumerate(ys) if v is not None]
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
