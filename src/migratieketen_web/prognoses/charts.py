# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""The fan chart and scenario sparklines as SVG geometry, drawn on the server.

Why server-side: the chart must work without JavaScript and print; the same numbers
are in a table next to it. Colour is never the only cue: history is a solid line,
the median a dashed line, and the bands carry their names in text at their end.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from django.utils.translation import gettext

from migratieketen_web.charts import Tick, nice_top, scale, svg_points, value_ticks
from migratieketen_web.gemeenten.formatting import format_number
from migratieketen_web.prognoses.presentation import Fan
from migratieketen_web.prognoses.services import period_index

WIDTH, HEIGHT = 820, 380
LEFT, RIGHT, TOP, BOTTOM = 72, 150, 20, 48


@dataclass(frozen=True, slots=True)
class Point:
    x: float
    y: float
    title: str


@dataclass(frozen=True, slots=True)
class BandLabel:
    y: float
    text: str


@dataclass(frozen=True, slots=True)
class FanChart:
    width: int
    height: int
    left: int
    right: int
    top: int
    baseline: float
    history: str  # polyline points
    median: str
    band90: str  # polygon points
    band50: str
    cut_x: float
    cut_label: str
    y_ticks: tuple[Tick, ...]
    x_ticks: tuple[Tick, ...]
    points: tuple[Point, ...]
    labels: tuple[BandLabel, ...]
    label_x: float


def _spread(wanted: list[float], gap: float, low: float, high: float) -> list[float]:
    """Move label positions apart (in order) so no two are closer than `gap`."""
    out = sorted(wanted)
    for i in range(1, len(out)):
        out[i] = max(out[i], out[i - 1] + gap)
    overflow = out[-1] - high if out else 0
    if overflow > 0:
        out = [y - overflow for y in out]
        for i in range(len(out) - 2, -1, -1):
            out[i] = min(out[i], out[i + 1] - gap)
    return [max(low, y) for y in out]


def fan_chart(fan: Fan) -> FanChart:
    """History line, 90 % and 50 % bands and the median, on one quarterly axis."""
    history = fan.history
    first_q = period_index(history[0][0], "Q")
    last_q = period_index(fan.periods[-1].period, "Q")
    plot_w = WIDTH - LEFT - RIGHT
    plot_h = HEIGHT - TOP - BOTTOM
    top_value = max([v for _, v in history] + [p.level(0.95) for p in fan.periods])
    top, step = nice_top(top_value)

    def x(period: str) -> float:
        return scale(
            period_index(period, "Q") - first_q, max(1, last_q - first_q), LEFT, plot_w
        )

    def y(value: float) -> float:
        return scale(value, top, TOP + plot_h, -plot_h)

    anchor_period, anchor_value = history[-1]
    anchor = (x(anchor_period), y(anchor_value))
    hist_pts = [(x(p), y(v)) for p, v in history]

    def band(low: float, high: float) -> str:
        upper = [anchor] + [(x(p.period), y(p.level(high))) for p in fan.periods]
        lower = [(x(p.period), y(p.level(low))) for p in reversed(fan.periods)]
        return svg_points(upper + lower)

    median = [anchor] + [(x(p.period), y(p.median)) for p in fan.periods]
    y_ticks = value_ticks(top, step, lambda v: round(y(v), 1))
    x_ticks = _year_ticks(fan, x, first_q)
    points = _points(fan, hist_pts, x, y)
    end = fan.periods[-1]
    wanted = [y(end.level(0.95)), y(end.level(0.75)), y(end.median)]
    placed = _spread(wanted, 15.0, TOP + 8, TOP + plot_h)
    labels = tuple(
        BandLabel(round(py, 1), text)
        for py, text in zip(
            placed, ("90 %-interval", "50 %-interval", "mediaan"), strict=True
        )
    )
    return FanChart(
        width=WIDTH,
        height=HEIGHT,
        left=LEFT,
        right=WIDTH - RIGHT,
        top=TOP,
        baseline=TOP + plot_h,
        history=svg_points(hist_pts),
        median=svg_points(median),
        band90=band(0.05, 0.95),
        band50=band(0.25, 0.75),
        cut_x=round(anchor[0], 1),
        cut_label=gettext("laatste cijfer {period}").format(period=anchor_period),
        y_ticks=y_ticks,
        x_ticks=x_ticks,
        points=tuple(points),
        labels=labels,
        label_x=round(x(end.period) + 8, 1),
    )


def _year_ticks(fan: Fan, x: Callable[[str], float], first_q: int) -> tuple[Tick, ...]:
    """A tick at each year's first quarter (every other year when there are many)."""
    years = sorted(
        {int(p[:4]) for p, _ in fan.history} | {int(p.period[:4]) for p in fan.periods}
    )
    every = 1 if len(years) <= 8 else 2
    return tuple(
        Tick(round(x(f"{year}-Q1"), 1), str(year))
        for year in years
        if (year - years[0]) % every == 0 and period_index(f"{year}-Q1", "Q") >= first_q
    )


def _points(
    fan: Fan,
    hist_pts: list[tuple[float, float]],
    x: Callable[[str], float],
    y: Callable[[float], float],
) -> list[Point]:
    """Hover points: measured history, then each forecast quarter with its intervals."""
    points = [
        Point(
            round(px, 1),
            round(py, 1),
            gettext("{period}: {value} (gemeten)").format(
                period=p, value=format_number(round(v))
            ),
        )
        for (p, v), (px, py) in zip(fan.history, hist_pts, strict=True)
    ]
    for p in fan.periods:
        kind = (
            gettext("schatting, nog niet gepubliceerd")
            if p.nowcast
            else gettext("prognose")
        )
        points.append(
            Point(
                round(x(p.period), 1),
                round(y(p.median), 1),
                gettext(
                    "{period} ({kind}): mediaan {median}; 50 %-interval {p25} tot "
                    "{p75}; 90 %-interval {p5} tot {p95}"
                ).format(
                    period=p.period,
                    kind=kind,
                    median=format_number(round(p.median)),
                    p25=format_number(round(p.level(0.25))),
                    p75=format_number(round(p.level(0.75))),
                    p5=format_number(round(p.level(0.05))),
                    p95=format_number(round(p.level(0.95))),
                ),
            )
        )
    return points


@dataclass(frozen=True, slots=True)
class Sparkline:
    width: int
    height: int
    line: str
    band: str  # empty when the scenario has a single path
    top_label: str


SPARK_W, SPARK_H, SPARK_PAD = 220, 64, 4


def sparkline(
    median: Sequence[float],
    low: Sequence[float] | None = None,
    high: Sequence[float] | None = None,
    top: float | None = None,
) -> Sparkline:
    """A small line (and 5-95 % band) on a shared vertical scale `top`."""
    values = list(high if high is not None else median)
    top = top or max(values) or 1.0
    n = len(median)

    def x(k: int) -> float:
        return scale(k, max(1, n - 1), SPARK_PAD, SPARK_W - 2 * SPARK_PAD)

    def y(v: float) -> float:
        return scale(v, top, SPARK_H - SPARK_PAD, -(SPARK_H - 2 * SPARK_PAD))

    line = svg_points([(x(k), y(v)) for k, v in enumerate(median)])
    band = ""
    if low is not None and high is not None:
        band = svg_points(
            [(x(k), y(v)) for k, v in enumerate(high)]
            + [(x(k), y(v)) for k, v in reversed(list(enumerate(low)))]
        )
    return Sparkline(SPARK_W, SPARK_H, line, band, format_number(round(top)))
