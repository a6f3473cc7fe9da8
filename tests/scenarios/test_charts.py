# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Fan-chart geometry and the month/euro texts of the result page."""

from __future__ import annotations

from django.utils import translation

import pytest

from migratieketen_web.scenarios import charts
from migratieketen_web.scenarios.results import euro, month_ranges


@pytest.mark.parametrize(
    ("top", "step"), [(4, 1), (9, 2), (12, 2.5), (48_000, 10_000), (0.7, 0.2)]
)
def test_nice_step_gives_round_gridlines(top: float, step: float) -> None:
    assert charts.nice_step(top) == pytest.approx(step)
    assert 2 <= top / charts.nice_step(top) <= 6


def _points(text: str) -> list[tuple[float, float]]:
    return [tuple(map(float, p.split(","))) for p in text.split()]  # type: ignore[misc]


def test_fan_chart_bands_contain_the_median_and_stay_in_the_plot() -> None:
    months = [f"2025-{m:02d}" for m in range(1, 13)] + ["2026-01", "2026-02"]
    p50 = [float(100 * t) for t in range(len(months))]
    chart = charts.fan_chart(
        months,
        [v * 0.5 for v in p50],
        [v * 0.8 for v in p50],
        p50,
        [v * 1.2 for v in p50],
        [v * 1.6 for v in p50],
        "test",
    )
    median = _points(chart.lines[0].points)
    band90 = _points(chart.band90)
    assert len(median) == len(months) and len(band90) == 2 * len(months)
    for (x, y), (ux, uy), (lx, ly) in zip(
        median, band90[: len(months)], reversed(band90[len(months) :]), strict=True
    ):
        assert ux == lx == x
        assert uy <= y <= ly  # SVG y grows downwards
        assert chart.top <= uy and ly <= chart.baseline
    assert [t.label for t in chart.x_ticks] == [
        "2025-01",
        "2025-04",
        "2025-07",
        "2025-10",
        "2026-01",
    ]
    assert chart.y_ticks[0].label == "0"


def test_large_values_are_scaled_and_say_so() -> None:
    chart = charts.line_chart(["2025-01", "2025-02"], [("kosten", [1e8, 5e8])])
    assert chart.unit_note == "× 1 mld"
    assert chart.band90 == ""


def test_month_ranges_and_euros_read_as_dutch() -> None:
    with translation.override("nl"):
        assert month_ranges(["2025-08", "2025-09", "2025-10", "2026-02"]) == [
            "augustus 2025 t/m oktober 2025",
            "februari 2026",
        ]
        assert euro(3_012_000_000) == "€\u00a03,0\u00a0mld"
        assert euro(61_400_000) == "€\u00a061\u00a0mln"
        assert euro(30_400) == "€\u00a030.400"


def test_long_horizons_label_every_other_year() -> None:
    months = [f"{2025 + t // 12}-{t % 12 + 1:02d}" for t in range(240)]
    chart = charts.line_chart(months, [("x", [1.0] * 240)])
    assert [t.label for t in chart.x_ticks] == [str(y) for y in range(2025, 2045, 2)]
