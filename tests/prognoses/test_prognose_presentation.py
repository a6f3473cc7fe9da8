# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""What the page reads from a stored forecast: histories, nowcast, backtest rows."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from migratieketen_web.prognoses import presentation
from migratieketen_web.prognoses.models import Forecast

pytestmark = pytest.mark.django_db


def _result(stored_forecast: Any) -> dict[str, Any]:
    return Forecast.objects.get(uuid=stored_forecast.uuid).result


def test_total_history_same_from_core_or_from_parts(stored_forecast: Any) -> None:
    result = _result(stored_forecast)
    older = copy.deepcopy(result)
    older["history"].pop("totale_instroom", None)  # as forecasts saved before
    assert presentation.fan(result, "totale_instroom").history == (
        presentation.fan(older, "totale_instroom").history
    )


def test_total_nowcast_is_observed_first_plus_nareizigers(stored_forecast: Any) -> None:
    result = _result(stored_forecast)
    total = presentation.fan(result, "totale_instroom")
    nar = presentation.fan(result, "nareizigers")
    first = dict(
        zip(
            result["history"]["eerste_asielverzoeken"]["periods"],
            result["history"]["eerste_asielverzoeken"]["values"],
            strict=True,
        )
    )
    nowcast = [p for p in total.periods if p.nowcast]
    assert [p.period for p in nowcast] == ["2024-Q3", "2024-Q4"]
    for t, n in zip(nowcast, nar.periods, strict=False):
        for level in total.levels:
            assert t.level(level) == pytest.approx(first[t.period] + n.level(level))


def test_backtest_rows_mark_chosen_and_baselines(stored_forecast: Any) -> None:
    table = presentation.backtest_table(_result(stored_forecast), "nareizigers")
    assert table is not None
    chosen = [r.model for r in table.rows if r.chosen]
    assert chosen == ["vergunningmodel"]
    assert {r.model for r in table.rows if r.baseline} == {
        "naive",
        "seizoensnaief",
        "drift",
    }
    naive = next(r for r in table.rows if r.model == "naive")
    assert all(c.skill is None for c in naive.cells)  # the reference itself


def test_unknown_series_is_rejected() -> None:
    with pytest.raises(presentation.UnknownSeries, match="kies uit"):
        presentation.check_series("asielzoekers")
