# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Fan chart geometry: bands ordered, labels apart, axis rounded."""

from __future__ import annotations

from django.utils import translation

import pytest

from migratieketen_web.prognoses.charts import fan_chart, nice_top
from migratieketen_web.prognoses.presentation import Fan, FanPeriod

LEVELS = (0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95)


def _fan() -> Fan:
    periods = tuple(
        FanPeriod(
            f"2025-Q{q}",
            {lv: 1000 * q * (0.5 + lv) for lv in LEVELS},
            nowcast=False,
        )
        for q in range(1, 5)
    )
    history = tuple((f"2024-Q{q}", 900.0 + q) for q in range(1, 5))
    return Fan("eerste_asielverzoeken", history, periods, LEVELS)


def test_bands_labels_and_ticks() -> None:
    # Chart texts follow the active language; a web test may have left English on.
    with translation.override("nl"):
        chart = fan_chart(_fan())
    assert chart.cut_label == "laatste cijfer 2024-Q4"
    assert [t.label for t in chart.y_ticks][0] == "0"
    top_tick = float(chart.y_ticks[-1].label.replace(".", ""))
    assert top_tick >= 4000 * 1.45
    ys = [label.y for label in chart.labels]
    assert all(b - a >= 15 for a, b in zip(ys, ys[1:], strict=False))
    assert [label.text for label in chart.labels] == [
        "90 %-interval",
        "50 %-interval",
        "mediaan",
    ]
    # 4 history points + 4 forecast points, each with a title for hover/AT.
    assert len(chart.points) == 8
    assert "mediaan 4.000" in chart.points[-1].title


@pytest.mark.parametrize(
    ("value", "top", "step"),
    [(23_456, 25_000, 5_000), (62_196, 80_000, 20_000), (9, 10, 2), (0, 1, 1)],
)
def test_nice_top(value: float, top: float, step: float) -> None:
    assert nice_top(value) == (top, step)
