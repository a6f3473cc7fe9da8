# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""A grouped bar chart as plain SVG geometry, drawn on the server.

Why server-side: the trend chart must work without JavaScript and print well; the
same numbers are always in a table next to it (the accessible alternative), so the
chart only carries <title> labels per bar.
"""

from __future__ import annotations

from dataclasses import dataclass

from migratieketen_web.charts import nice_step, scale, tick_label, tick_values
from migratieketen_web.gemeenten.formatting import format_number

WIDTH, HEIGHT = 640, 280
LEFT, RIGHT, TOP, BOTTOM = 64, 16, 16, 40


@dataclass(frozen=True, slots=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    series: int
    title: str


@dataclass(frozen=True, slots=True)
class Tick:
    """A horizontal gridline; the template reads `y` (the shared Tick says `pos`)."""

    y: float
    label: str


@dataclass(frozen=True, slots=True)
class Label:
    x: float
    label: str


@dataclass(frozen=True, slots=True)
class BarChart:
    width: int
    height: int
    bars: tuple[Bar, ...]
    ticks: tuple[Tick, ...]
    labels: tuple[Label, ...]
    legend: tuple[tuple[int, str], ...]
    baseline: float
    left: int
    right: int


def bar_chart(
    categories: list[str], series: list[tuple[str, list[int | None]]]
) -> BarChart:
    """Bars per category, one per series; None values are left out (no bar)."""
    values = [v for _, vals in series for v in vals if v is not None]
    top = max([1, *values])
    # People come whole: the step is a whole number (2.5 becomes 2, below 1 is 1).
    step = max(1, int(nice_step(top)))
    top = -(-top // step) * step
    plot_w = WIDTH - LEFT - RIGHT
    plot_h = HEIGHT - TOP - BOTTOM
    group = plot_w / max(1, len(categories))
    bar_w = min(40.0, group * 0.8 / max(1, len(series)))
    bars = []
    for ci, cat in enumerate(categories):
        start = LEFT + ci * group + (group - bar_w * len(series)) / 2
        for si, (name, vals) in enumerate(series):
            value = vals[ci]
            if value is None:
                continue
            h = plot_h * max(0, value) / top
            bars.append(
                Bar(
                    round(start + si * bar_w, 1),
                    round(TOP + plot_h - h, 1),
                    round(bar_w - 2, 1),
                    round(h, 1),
                    si,
                    f"{cat}, {name}: {format_number(value)}",
                )
            )
    ticks = tuple(
        Tick(round(scale(v, top, TOP + plot_h, -plot_h), 1), tick_label(v, step))
        for v in tick_values(top, step)
    )
    labels = tuple(
        Label(round(LEFT + ci * group + group / 2, 1), cat)
        for ci, cat in enumerate(categories)
    )
    return BarChart(
        WIDTH,
        HEIGHT,
        tuple(bars),
        ticks,
        labels,
        tuple((i, name) for i, (name, _) in enumerate(series)),
        TOP + plot_h,
        LEFT,
        WIDTH - RIGHT,
    )
