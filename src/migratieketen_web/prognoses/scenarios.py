# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Stored inflow scenarios as the scenarios page shows them: per-quarter summaries.

The paths themselves are the core's (`migratieketen.forecast.scenarios`); here they
are only summarised with the core's `sample_quantiles` (median, 5 % and 95 %) and
turned back into a core `InflowScenario` for the CSV download.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext

import numpy as np

from migratieketen_web.prognoses.charts import Sparkline, sparkline
from migratieketen_web.prognoses.models import InflowScenario
from migratieketen_web.prognoses.services import (
    SERIES,
    CoreInflowScenario,
    sample_quantiles,
)

SUMMARY_LEVELS = (0.05, 0.5, 0.95)


@dataclass(frozen=True, slots=True)
class ScenarioQuarter:
    period: str
    first: float  # medians over the paths
    nareizigers: float
    total: float
    total_low: float  # 5 % of the total over the paths
    total_high: float  # 95 %


@dataclass(frozen=True, slots=True)
class ScenarioView:
    scenario: InflowScenario
    quarters: tuple[ScenarioQuarter, ...]
    sum_total: float  # median over paths of the sum over all quarters
    spark: Sparkline | None = None

    @property
    def single_path(self) -> bool:
        return self.scenario.n_paths == 1

    @property
    def rows(self) -> list[tuple[str, list[float]]]:
        """Table rows (series) with one value per quarter: compact, quarters across."""
        qs = self.quarters
        rows = [
            (gettext("Eerste asielverzoeken"), [q.first for q in qs]),
            (gettext("Nareizigers"), [q.nareizigers for q in qs]),
            (gettext("Totale instroom"), [q.total for q in qs]),
        ]
        if not self.single_path:
            rows.append(
                (
                    gettext("Totale instroom, 5 % van de paden"),
                    [q.total_low for q in qs],
                )
            )
            rows.append(
                (
                    gettext("Totale instroom, 95 % van de paden"),
                    [q.total_high for q in qs],
                )
            )
        return rows

    @property
    def peak(self) -> ScenarioQuarter:
        """The quarter with the highest (median) total inflow."""
        return max(self.quarters, key=lambda q: q.total)


def to_core(stored: InflowScenario) -> CoreInflowScenario:
    """The stored row back as the core's plain-data InflowScenario (validated again)."""
    return CoreInflowScenario(
        name=stored.name,
        description=stored.description,
        kind=stored.kind,
        seed=stored.seed,
        periods=tuple(stored.periods),
        paths={k: np.asarray(v, dtype=np.float64) for k, v in stored.paths.items()},
        parameters=dict(stored.parameters),
    )


def summarise(stored: InflowScenario) -> ScenarioView:
    paths = {k: np.asarray(stored.paths[k], dtype=np.float64) for k in SERIES}
    q = {k: sample_quantiles(v, SUMMARY_LEVELS) for k, v in paths.items()}
    quarters = tuple(
        ScenarioQuarter(
            period,
            float(q["eerste_asielverzoeken"][1, k]),
            float(q["nareizigers"][1, k]),
            float(q["totale_instroom"][1, k]),
            float(q["totale_instroom"][0, k]),
            float(q["totale_instroom"][2, k]),
        )
        for k, period in enumerate(stored.periods)
    )
    total_sum = float(np.median(paths["totale_instroom"].sum(axis=1)))
    return ScenarioView(stored, quarters, total_sum)


def with_sparklines(views: list[ScenarioView]) -> list[ScenarioView]:
    """Sparklines of the total on one shared scale, so scenarios compare by eye."""
    if not views:
        return []
    top = max(q.total_high for v in views for q in v.quarters)
    out = []
    for v in views:
        median = [q.total for q in v.quarters]
        if v.single_path:
            spark = sparkline(median, top=top)
        else:
            spark = sparkline(
                median,
                [q.total_low for q in v.quarters],
                [q.total_high for q in v.quarters],
                top=top,
            )
        out.append(ScenarioView(v.scenario, v.quarters, v.sum_total, spark))
    return out
