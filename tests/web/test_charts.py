# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""The shared chart building blocks: round axis steps, ticks, scale and points."""

from __future__ import annotations

from django.utils import translation

import pytest

from migratieketen_web.charts import (
    Tick,
    nice_step,
    nice_top,
    scale,
    svg_points,
    tick_label,
    tick_values,
    value_ticks,
)


@pytest.mark.parametrize(
    ("value", "step"),
    [
        (0, 1.0),
        (-3, 1.0),
        (4, 1.0),
        (5, 1.0),
        (9, 2.0),
        (12, 2.5),
        (13, 5.0),
        (0.7, 0.2),
        (48_000, 10_000.0),
        (62_196, 20_000.0),
        (0.3, 0.1),
        (2.4e9, 5e8),
    ],
)
def test_nice_step_is_a_round_number(value: float, step: float) -> None:
    assert nice_step(value) == pytest.approx(step)


@pytest.mark.parametrize(
    "value", [0.07, 0.7, 1, 3, 7.5, 11, 12.5, 99, 101, 1234, 23_456, 62_196, 3e9]
)
def test_ticks_cover_the_maximum_with_four_to_six_gridlines(value: float) -> None:
    top, step = nice_top(value)
    ticks = tick_values(top, step)
    assert ticks[0] == 0
    assert ticks[-1] == pytest.approx(top)
    assert top >= value > top - step  # the top is the first round step above value
    assert 2 <= len(ticks) - 1 <= 6


def test_empty_axis_still_has_one_step() -> None:
    assert nice_top(0) == (1.0, 1.0)
    assert tick_values(*nice_top(0)) == [0.0, 1.0]


def test_scale_maps_zero_and_top_to_the_ends() -> None:
    # A vertical SVG axis: 0 at the baseline (y = 300), top at y = 20.
    assert scale(0, 500, 300, -280) == 300
    assert scale(500, 500, 300, -280) == 20
    assert scale(250, 500, 300, -280) == 160
    # A horizontal axis runs to the right.
    assert scale(3, 12, 72, 600) == 222


def test_value_ticks_place_and_label_each_gridline() -> None:
    with translation.override("nl"):
        ticks = value_ticks(2.0, 0.5, lambda v: scale(v, 2.0, 100, -100))
        assert ticks == (
            Tick(100.0, "0,0"),
            Tick(75.0, "0,5"),
            Tick(50.0, "1,0"),
            Tick(25.0, "1,5"),
            Tick(0.0, "2,0"),
        )
        assert tick_label(25_000, 5_000) == "25.000"
    with translation.override("en"):
        assert tick_label(25_000, 5_000) == "25,000"


def test_svg_points_round_to_a_tenth_pixel() -> None:
    assert svg_points([(72, 20.04), (91.26, 280.0)]) == "72.0,20.0 91.3,280.0"
    assert svg_points([]) == ""
