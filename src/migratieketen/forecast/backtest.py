# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Rolling-origin backtest of every model and baseline, in one run.

At each origin (last quarter of data: 2014-Q4 … 2024-Q3) the inputs are cut to what
describes periods up to that quarter, every model is refitted and forecasts 1-8
quarters ahead. Scores per horizon: MASE and MAPE of the median, CRPS (scaled like
MASE), coverage of the central 50 % and 90 % intervals, and skill against the random
walk. The main window is targets 2016-Q1 … 2024-Q4; the surge quarters of 2015 and
2022-2023 are reported separately, because the upper tail is what sizes reception.
"""

from __future__ import annotations

import math
import time
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

import numpy as np
import numpy.typing as npt

from migratieketen.data.asylum import period_index, period_label
from migratieketen.forecast.engine import (
    DEFAULT_SEED,
    InflowPaths,
    _yearly_tables,
    first_request_ensemble,
    simulate_inflow,
)
from migratieketen.forecast.ensemble import (
    CHOSEN,
    ENSEMBLE_NAME,
    VARIANTS,
    EnsembleSpec,
)
from migratieketen.forecast.inputs import ForecastInputs
from migratieketen.forecast.metrics import (
    absolute_percentage_error,
    covered,
    crps_from_quantiles,
    naive_scale,
    scaled_absolute_error,
)
from migratieketen.forecast.models import (
    ALL_MODELS,
    BASELINES,
    MIN_HISTORY,
    LogForecast,
    fit_log_models,
)
from migratieketen.forecast.mpp import bands_for
from migratieketen.forecast.quantiles import (
    SCORING_LEVELS,
    lognormal_quantiles,
    sample_quantiles,
)
from migratieketen.forecast.weights import inverse_mase_weights

FloatArray = npt.NDArray[np.float64]

MAX_H = 8
REPORT_HORIZONS: tuple[int, ...] = (1, 2, 3, 4, 8)
MAIN_WINDOW = ("2016-Q1", "2024-Q4")
SURGES: dict[str, tuple[str, str]] = {
    "piek 2015": ("2015-Q1", "2015-Q4"),
    "piek 2022-2023": ("2022-Q1", "2023-Q4"),
}
PERMIT_MODEL_NAME = "vergunningmodel"
BACKTEST_PATHS = 1000
_I05, _I25, _I50, _I75, _I95 = (
    SCORING_LEVELS.index(x) for x in (0.05, 0.25, 0.5, 0.75, 0.95)
)


@dataclass(frozen=True, slots=True, eq=False)
class Record:
    """One scored forecast: a series, model, origin and horizon."""

    series: str
    model: str
    origin: str
    horizon: int
    target: str
    actual: float
    quantiles: FloatArray  # at SCORING_LEVELS
    scale: float  # MASE denominator from the history at the origin

    @property
    def median(self) -> float:
        return float(self.quantiles[_I50])


@dataclass(frozen=True, slots=True)
class ScoreRow:
    series: str
    model: str
    subset: str
    horizon: int  # 0 = all horizons 1-8 pooled
    n: int
    mase: float
    mape: float
    crps: float  # scaled by the MASE denominator
    coverage50: float
    coverage90: float
    skill_mase: float  # 1 - MASE / MASE(naive); > 0 beats the random walk
    skill_crps: float

    def to_dict(self) -> dict[str, Any]:
        """JSON-safe: a score without a reference (NaN) becomes None."""
        out: dict[str, Any] = {}
        for k in self.__slots__:
            v = getattr(self, k)
            out[k] = None if isinstance(v, float) and math.isnan(v) else v
        return out


# The selection rule's score (docs/forecast-backtest.md): mean MASE skill against the
# random walk over these horizons, averaged over these series.
SELECTION_SERIES: tuple[str, ...] = ("eerste_asielverzoeken", "totale_instroom")
SELECTION_HORIZONS: tuple[int, ...] = (2, 3, 4)


@dataclass(frozen=True, slots=True)
class VariantScore:
    """One ensemble variant scored in the backtest that `CHOSEN` was selected on."""

    name: str
    description: str  # Dutch
    score: float  # selection score; higher is better
    chosen: bool

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "description": self.description,
            "score": None if math.isnan(self.score) else self.score,
            "chosen": self.chosen,
        }


@dataclass(frozen=True, slots=True, eq=False)
class BacktestResult:
    origins: tuple[str, ...]
    records: tuple[Record, ...]
    scores: tuple[ScoreRow, ...]
    yearly: tuple[dict[str, Any], ...]
    seconds: float
    seed: int
    vintage: dict[str, Any] = field(default_factory=dict)
    ensemble: str = CHOSEN.name
    # every variant in VARIANTS scored on this same backtest (the chosen one too)
    selection: tuple[VariantScore, ...] = ()

    def rows(self, series: str, subset: str = "hoofdvenster") -> list[ScoreRow]:
        return [r for r in self.scores if r.series == series and r.subset == subset]

    def selection_score(self) -> float:
        """The ensemble's score under the selection rule (higher is better)."""
        skills = [
            r.skill_mase
            for series in SELECTION_SERIES
            for r in self.rows(series)
            if r.model == ENSEMBLE_NAME and r.horizon in SELECTION_HORIZONS
        ]
        return float(np.mean(skills)) if skills else float("nan")

    def summary(self) -> dict[str, Any]:
        """Compact per-horizon table of every model for the forecast page."""
        out: dict[str, Any] = {
            "window": list(MAIN_WINDOW),
            "seconds": round(self.seconds, 2),
            "ensemble": self.ensemble,
        }
        for series in ("eerste_asielverzoeken", "nareizigers", "totale_instroom"):
            out[series] = [
                r.to_dict() for r in self.rows(series) if r.horizon in REPORT_HORIZONS
            ]
        # The ensemble was chosen on this same backtest: the page says so and shows
        # the runner-up with its score.
        out["selection"] = [v.to_dict() for v in self.selection]
        return out

    def to_dict(self) -> dict[str, Any]:
        return {
            "origins": list(self.origins),
            "seed": self.seed,
            "seconds": self.seconds,
            "ensemble": self.ensemble,
            "window": list(MAIN_WINDOW),
            "surges": {k: list(v) for k, v in SURGES.items()},
            "scores": [r.to_dict() for r in self.scores],
            "yearly": list(self.yearly),
            "data_vintage": self.vintage,
            "selection": [v.to_dict() for v in self.selection],
        }


def _record(
    series: str,
    model: str,
    origin: str,
    h: int,
    actual: float,
    q: FloatArray,
    scale: float,
) -> Record:
    target = period_label(period_index(origin, "Q") + h, "Q")
    return Record(series, model, origin, h, target, actual, q, scale)


def _horizon_records(
    series: str,
    model: str,
    origin: str,
    q: FloatArray,
    observed: Mapping[str, float],
    scale: float,
) -> list[Record]:
    """One record per horizon whose target quarter is observed."""
    out: list[Record] = []
    for h in range(1, MAX_H + 1):
        target = period_label(period_index(origin, "Q") + h, "Q")
        if target in observed:
            out.append(
                _record(series, model, origin, h, observed[target], q[:, h - 1], scale)
            )
    return out


def _baseline_records(
    series: str,
    values_by_period: dict[str, float],
    histories: dict[str, FloatArray],
    n_jobs: int | None,
) -> list[Record]:
    fits = fit_log_models(histories, MAX_H, BASELINES, n_jobs)
    out: list[Record] = []
    for origin, per_model in fits.items():
        scale = naive_scale(histories[origin])
        for name, fc in per_model.items():
            q = lognormal_quantiles(fc.mu, fc.sigma, SCORING_LEVELS)
            out += _horizon_records(series, name, origin, q, values_by_period, scale)
    return out


@dataclass(frozen=True, slots=True)
class _Observed:
    """Observed quarterly values by period: first requests, nareizigers, total."""

    first: dict[str, float]
    nareizigers: dict[str, float]
    total: dict[str, float]

    @classmethod
    def of(cls, inputs: ForecastInputs) -> _Observed:
        first = dict(
            zip(inputs.first.periods, inputs.first.values.tolist(), strict=True)
        )
        nar = dict(
            zip(
                inputs.nareizigers.periods,
                inputs.nareizigers.values.tolist(),
                strict=True,
            )
        )
        total = {p: first[p] + v for p, v in nar.items() if p in first}
        return cls(first, nar, total)


def _backtest_origins(inputs: ForecastInputs, first_origin: str) -> tuple[str, ...]:
    first = inputs.first
    last = period_index(first.last_period, "Q")
    start = period_index(first_origin, "Q")
    if start - period_index(first.first_period, "Q") + 1 < MIN_HISTORY:
        raise ValueError(
            f"first origin {first_origin} leaves fewer than {MIN_HISTORY} quarters"
        )
    return tuple(period_label(q, "Q") for q in range(start, last))


def _ensemble_at(
    cut: ForecastInputs,
    per_model: Mapping[str, LogForecast],
    spec: EnsembleSpec,
    earlier: Mapping[str, Mapping[str, LogForecast]],
    scales: Mapping[str, float],
    first_by: Mapping[str, float],
    origin: str,
) -> LogForecast:
    """The ensemble at one origin; weights only from origins before it (`earlier`),
    scored on targets up to this one."""
    weights = None
    if spec.weighting == "inverse_mase":
        weights = inverse_mase_weights(
            earlier, scales, first_by, spec.members, origin, MAX_H
        )
    return first_request_ensemble(cut, dict(per_model), spec, weights)


def _chain_records(
    origin: str, cut: ForecastInputs, paths: InflowPaths, obs: _Observed
) -> tuple[list[Record], FloatArray]:
    """Nareizigers and the total, from the simulated chain; also the observed total
    up to the origin (for the baselines)."""
    n_obs = cut.nareizigers
    nar_scale = naive_scale(n_obs.values)
    total_obs = np.array([obs.first[p] + obs.nareizigers[p] for p in n_obs.periods])
    total_scale = naive_scale(total_obs)
    nar_q = sample_quantiles(paths.nareizigers, SCORING_LEVELS)
    tot_q = sample_quantiles(paths.total, SCORING_LEVELS)
    records: list[Record] = []
    for h in range(1, MAX_H + 1):
        target = paths.periods[h - 1]
        if target in obs.nareizigers:
            records.append(
                _record(
                    "nareizigers",
                    PERMIT_MODEL_NAME,
                    origin,
                    h,
                    obs.nareizigers[target],
                    nar_q[:, h - 1],
                    nar_scale,
                )
            )
            records.append(
                _record(
                    "totale_instroom",
                    ENSEMBLE_NAME,
                    origin,
                    h,
                    obs.total[target],
                    tot_q[:, h - 1],
                    total_scale,
                )
            )
    return records, total_obs


def run_backtest(
    inputs: ForecastInputs,
    first_origin: str = "2014-Q4",
    seed: int = DEFAULT_SEED,
    n_paths: int = BACKTEST_PATHS,
    n_jobs: int | None = None,
    spec: EnsembleSpec = CHOSEN,
    fits: Mapping[str, Mapping[str, LogForecast]] | None = None,
    compare_variants: bool = True,
) -> BacktestResult:
    """Rolling-origin backtest on `inputs` (all data up to its cutoff).

    `spec` is the ensemble scored as "ensemble" (default: the chosen one). `fits`
    may hand in the model fits of an earlier run on the same inputs and origins, so
    that ensemble variants are compared on identical member forecasts.
    `compare_variants` also scores every other variant in VARIANTS on the same
    fits (cheap next to the fits), so a reader sees what the choice was made from.
    """
    started = time.perf_counter()
    origins = _backtest_origins(inputs, first_origin)
    obs = _Observed.of(inputs)
    histories = {o: inputs.first.until(o).values for o in origins}
    if fits is None:
        fits = fit_log_models(histories, MAX_H, ALL_MODELS, n_jobs)
    elif set(origins) - set(fits):
        raise ValueError("the given fits do not cover every backtest origin")
    scales = {o: naive_scale(histories[o]) for o in origins}
    records: list[Record] = []
    nar_hist: dict[str, FloatArray] = {}
    total_hist: dict[str, FloatArray] = {}
    yearly: list[dict[str, Any]] = []
    for i, origin in enumerate(origins):
        cut = inputs.cut(origin)
        per_model = dict(fits[origin])
        earlier = {o: fits[o] for o in origins[:i]}
        per_model[ENSEMBLE_NAME] = _ensemble_at(
            cut, per_model, spec, earlier, scales, obs.first, origin
        )
        for name, fc in per_model.items():
            q = lognormal_quantiles(fc.mu, fc.sigma, SCORING_LEVELS)
            records += _horizon_records(
                "eerste_asielverzoeken", name, origin, q, obs.first, scales[origin]
            )
        # Nareizigers and total come from the simulated chain.
        rng = np.random.default_rng([seed, i])
        paths = simulate_inflow(cut, per_model[ENSEMBLE_NAME], rng, n_paths)
        chain, total_obs = _chain_records(origin, cut, paths, obs)
        records += chain
        if cut.nareizigers.last_period == origin:
            nar_hist[origin] = cut.nareizigers.values
            total_hist[origin] = total_obs
        if origin.endswith("Q4"):
            yearly.extend(_yearly_check(cut, paths, obs.first, obs.nareizigers, inputs))
    # Baselines for nareizigers and total, on the origins where nareizigers are observed.
    records += _baseline_records("nareizigers", obs.nareizigers, nar_hist, n_jobs)
    records += _baseline_records("totale_instroom", obs.total, total_hist, n_jobs)
    # The permit model and the total need first-request origins also where the
    # baselines could run; keep only origins both have, so the comparison is fair.
    records = _common_origins(records)
    result = BacktestResult(
        origins=origins,
        records=tuple(records),
        scores=tuple(_score(records)),
        yearly=tuple(yearly),
        seconds=time.perf_counter() - started,
        seed=seed,
        vintage=inputs.vintage.to_dict(),
        ensemble=spec.name,
    )
    if not compare_variants:
        return result
    others = {
        v.name: run_backtest(
            inputs, first_origin, seed, n_paths, n_jobs, v, fits, False
        )
        for v in VARIANTS
        if v != spec
    }
    selection = _variant_scores({**others, spec.name: result})
    return replace(result, selection=selection, seconds=time.perf_counter() - started)


def _variant_scores(by_name: Mapping[str, BacktestResult]) -> tuple[VariantScore, ...]:
    """Every variant's selection score, in the order of VARIANTS."""
    return tuple(
        VariantScore(
            v.name, v.description, by_name[v.name].selection_score(), v == CHOSEN
        )
        for v in VARIANTS
        if v.name in by_name
    )


def _common_origins(records: list[Record]) -> list[Record]:
    by_series: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for r in records:
        by_series[r.series][r.model].add(r.origin)
    keep: dict[str, set[str]] = {}
    for series, models in by_series.items():
        keep[series] = set.intersection(*models.values())
    return [r for r in records if r.origin in keep[r.series]]


def _in(target: str, window: tuple[str, str]) -> bool:
    q = period_index(target, "Q")
    return period_index(window[0], "Q") <= q <= period_index(window[1], "Q")


def _aggregate(records: list[Record]) -> tuple[int, float, float, float, float, float]:
    n = len(records)
    mase = float(
        np.mean([scaled_absolute_error(r.actual, r.median, r.scale) for r in records])
    )
    mape = float(
        np.mean([absolute_percentage_error(r.actual, r.median) for r in records])
    )
    crps = float(
        np.mean(
            [
                crps_from_quantiles(r.actual, r.quantiles, SCORING_LEVELS) / r.scale
                for r in records
            ]
        )
    )
    cov50 = float(
        np.mean(
            [covered(r.actual, r.quantiles[_I25], r.quantiles[_I75]) for r in records]
        )
    )
    cov90 = float(
        np.mean(
            [covered(r.actual, r.quantiles[_I05], r.quantiles[_I95]) for r in records]
        )
    )
    return n, mase, mape, crps, cov50, cov90


def _score(records: list[Record]) -> list[ScoreRow]:
    subsets: dict[str, tuple[str, str]] = {"hoofdvenster": MAIN_WINDOW, **SURGES}
    groups: dict[tuple[str, str, str, int], list[Record]] = defaultdict(list)
    for r in records:
        for subset, window in subsets.items():
            if _in(r.target, window):
                groups[(r.series, r.model, subset, r.horizon)].append(r)
                groups[(r.series, r.model, subset, 0)].append(r)
    aggregated = {key: _aggregate(recs) for key, recs in groups.items()}
    rows: list[ScoreRow] = []
    for (series, model, subset, h), (n, mase, mape, crps, c50, c90) in sorted(
        aggregated.items()
    ):
        ref = aggregated.get((series, "naive", subset, h))
        skill_mase = 1.0 - mase / ref[1] if ref and ref[1] > 0 else float("nan")
        skill_crps = 1.0 - crps / ref[3] if ref and ref[3] > 0 else float("nan")
        rows.append(
            ScoreRow(
                series,
                model,
                subset,
                h,
                n,
                mase,
                mape,
                crps,
                c50,
                c90,
                skill_mase,
                skill_crps,
            )
        )
    return rows


def _yearly_check(
    cut: ForecastInputs,
    paths: Any,
    first_by: dict[str, float],
    nar_by: dict[str, float],
    full: ForecastInputs,
) -> list[dict[str, Any]]:
    """Next calendar year's total from an origin in Q4, against the outcome and MPP."""
    tables, _ = _yearly_tables(cut, paths)
    table = tables.get("totale_instroom")
    if table is None:
        return []
    out: list[dict[str, Any]] = []
    repeat_by = dict(
        zip(full.repeat_yearly.periods, full.repeat_yearly.values.tolist(), strict=True)
    )
    for k, period in enumerate(table.periods):
        quarters = [f"{period}-Q{q}" for q in range(1, 5)]
        if not all(q in first_by and q in nar_by for q in quarters):
            continue
        actual = sum(first_by[q] + nar_by[q] for q in quarters)
        prev = [f"{int(period) - 1}-Q{q}" for q in range(1, 5)]
        last_year = (
            sum(first_by[q] + nar_by[q] for q in prev)
            if all(q in nar_by for q in prev)
            else None
        )
        row: dict[str, Any] = {
            "year": int(period),
            "origin": cut.first.last_period,
            "years_ahead": int(period) - int(cut.first.last_period[:4]),
            "actual": actual,
            "p05": float(table.quantile(0.05)[k]),
            "p50": float(table.quantile(0.5)[k]),
            "p95": float(table.quantile(0.95)[k]),
            "covered90": covered(
                actual, float(table.quantile(0.05)[k]), float(table.quantile(0.95)[k])
            ),
            "ape_ensemble": absolute_percentage_error(
                actual, float(table.quantile(0.5)[k])
            ),
            "ape_last_year": absolute_percentage_error(actual, last_year)
            if last_year
            else None,
        }
        repeat_prev = repeat_by.get(str(int(period) - 1))
        repeat_now = repeat_by.get(period)
        for band in bands_for(int(period)):
            if (
                band.published == "januari 2016"
                and repeat_prev is not None
                and repeat_now is not None
            ):
                incl = tables["totale_instroom_incl_volgende"]
                row["mpp"] = {
                    **band.to_dict(),
                    "actual_incl_volgende": actual + repeat_now,
                    "mpp_covered": band.covers(actual + repeat_now),
                    "forecast_p05_incl_volgende": float(incl.quantile(0.05)[k]),
                    "forecast_p95_incl_volgende": float(incl.quantile(0.95)[k]),
                    "forecast_covered": covered(
                        actual + repeat_now,
                        float(incl.quantile(0.05)[k]),
                        float(incl.quantile(0.95)[k]),
                    ),
                }
        out.append(row)
    return out
