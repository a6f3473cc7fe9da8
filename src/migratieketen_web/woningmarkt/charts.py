# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""The frontier and the waiting-time chart of /woningmarkt as SVG geometry.

Drawn on the server with the shared axis helpers (`migratieketen_web.charts`), so the
charts work without JavaScript; the same numbers are always in a table next to them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from migratieketen_web.charts import (
    Tick,
    nice_top,
    scale,
    svg_points,
    value_ticks,
)
from migratieketen_web.gemeenten.formatting import format_number
from migratieketen_web.woningmarkt import services

WIDTH, HEIGHT = 640, 340
LEFT, RIGHT, TOP, BOTTOM = 64, 16, 36, 48


@dataclass(frozen=True, slots=True)
class Dot:
    x: float
    y: float
    kind: str  # "grid", "efficient", "current", "chosen"
    title: str


@dataclass(frozen=True, slots=True)
class ScatterChart:
    width: int
    height: int
    left: int
    right: int
    top: int
    baseline: float
    dots: tuple[Dot, ...]
    line: str  # the points best on both axes, joined from left to right
    x_ticks: tuple[Tick, ...]
    y_ticks: tuple[Tick, ...]


def _months(value: float) -> str:
    return format_number(value, 1)


def point_title(p: services.FrontierPoint) -> str:
    m = p.metrics
    return (
        f"voorrang {format_number(p.priority_share * 100)} %, "
        f"{format_number(p.tussenvoorziening_places)} plaatsen tussenvoorziening: "
        f"{_months(m['coa_months'])} maanden in COA per statushouder, "
        f"{_months(m['urgent_months'])} maanden wachten voor andere urgenten"
    )


def front_2d(xy: Sequence[tuple[float, float]]) -> list[tuple[float, float]]:
    """The points no other point beats on both plotted axes, from left to right: the
    line drawn through the cloud (the table also counts places and priority)."""
    out: list[tuple[float, float]] = []
    for x, y in sorted(xy):
        if not out or y < out[-1][1]:
            out.append((x, y))
    return out


def frontier_chart(points: Sequence[services.FrontierPoint]) -> ScatterChart:
    """x: months in COA per statushouder; y: other urgent seekers' wait (months)."""
    xs = [p.metrics["coa_months"] for p in points]
    ys = [p.metrics["urgent_months"] for p in points]
    x_top, x_step = nice_top(max([1.0, *xs]))
    y_top, y_step = nice_top(max([1.0, *ys]))
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM

    def px(v: float) -> float:
        return round(scale(v, x_top, LEFT, plot_w), 1)

    def py(v: float) -> float:
        return round(scale(v, y_top, TOP + plot_h, -plot_h), 1)

    dots = []
    for p, x, y in zip(points, xs, ys, strict=True):
        kind = (
            "chosen"
            if p.chosen
            else "current"
            if p.current
            else "efficient"
            if p.efficient
            else "grid"
        )
        dots.append(Dot(px(x), py(y), kind, point_title(p)))
    # the special markers last, so they are drawn on top
    dots.sort(key=lambda d: ("grid", "efficient", "current", "chosen").index(d.kind))
    efficient = front_2d(list(zip(xs, ys, strict=True)))
    return ScatterChart(
        WIDTH,
        HEIGHT,
        LEFT,
        WIDTH - RIGHT,
        TOP,
        TOP + plot_h,
        tuple(dots),
        svg_points([(px(x), py(y)) for x, y in efficient]),
        value_ticks(x_top, x_step, px),
        value_ticks(y_top, y_step, py),
    )


@dataclass(frozen=True, slots=True)
class Bar:
    y: float
    width: float
    height: float
    series: int
    title: str


@dataclass(frozen=True, slots=True)
class Label:
    y: float
    label: str


@dataclass(frozen=True, slots=True)
class BarChart:
    width: int
    height: int
    left: int
    right: int
    top: int
    baseline: float
    bars: tuple[Bar, ...]
    labels: tuple[Label, ...]
    ticks: tuple[Tick, ...]


BAR_LEFT = 180


def wait_chart(rows: Sequence[tuple[str, float | None, float | None]]) -> BarChart:
    """Horizontal bars per group: the median (series 0) and p90 (series 1) wait."""
    values = [v for _, a, b in rows for v in (a, b) if v is not None]
    top, step = nice_top(max([1.0, *values]))
    group_h = 44.0
    top_margin = 16
    height = int(top_margin + group_h * len(rows) + BOTTOM)
    plot_w = WIDTH - BAR_LEFT - RIGHT

    def px(v: float) -> float:
        return round(scale(v, top, BAR_LEFT, plot_w), 1)

    bars, labels = [], []
    for i, (label, median, p90) in enumerate(rows):
        y0 = top_margin + i * group_h
        labels.append(Label(round(y0 + group_h / 2, 1), label))
        for s, (name, value) in enumerate((("mediaan", median), ("p90", p90))):
            if value is None:
                continue
            bars.append(
                Bar(
                    round(y0 + 6 + s * 16, 1),
                    round(px(value) - BAR_LEFT, 1),
                    14.0,
                    s,
                    f"{label}, {name}: {_months(value)} maanden",
                )
            )
    return BarChart(
        WIDTH,
        height,
        BAR_LEFT,
        WIDTH - RIGHT,
        top_margin,
        top_margin + group_h * len(rows),
        tuple(bars),
        tuple(labels),
        value_ticks(top, step, px),
    )
