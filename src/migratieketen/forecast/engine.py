# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""The prognose: first requests, nareizigers and total inflow, with quantiles.

Flow: fit the ensemble members (`ensemble.CHOSEN`) to log first requests -> ensemble
(mu, sigma) per quarter
-> seeded sample paths -> permits -> nareizigers paths -> total = first + nareizigers.
Quarterly is the modelling resolution. Monthly figures come from splitting each
quarter by the month-in-quarter shares of the only monthly series we have
(2018-01 … 2020-03, 27 months): too short and too broken by COVID to fit a monthly
model, but enough to say which month of a quarter carries how much.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np
import numpy.typing as npt

from migratieketen.data.asylum import PeriodSeries, period_index, period_label
from migratieketen.forecast.ensemble import (
    CHOSEN,
    ENSEMBLE_NAME,
    EnsembleSpec,
    combine,
    quarterly_volatility_prior,
)
from migratieketen.forecast.inputs import DataVintage, ForecastInputs
from migratieketen.forecast.metrics import naive_scale
from migratieketen.forecast.models import MIN_HISTORY, LogForecast, fit_log_models
from migratieketen.forecast.mpp import bands_for
from migratieketen.forecast.nareizigers import (
    PermitModel,
    fit_permit_model,
    permit_proxy,
    simulate_nareizigers,
)
from migratieketen.forecast.quantiles import (
    LEVELS,
    lognormal_quantiles,
    sample_quantiles,
)
from migratieketen.forecast.weights import inverse_mase_weights

FloatArray = npt.NDArray[np.float64]

MAX_HORIZON = 8
DEFAULT_SEED = 20250101
DEFAULT_PATHS = 2000


def model_description(spec: EnsembleSpec = CHOSEN) -> str:
    """The chosen model in plain Dutch, for the page, CLI and stored forecasts."""
    return (
        f"Ensemble: {spec.description}, met een onzekerheidsvloer uit de jaarreeks "
        "1985-2018; nareizigers uit verleende vergunningen met vertraging."
    )


MODEL_DESCRIPTION = model_description()

CAVEAT_NL = (
    "Deze prognose kent alleen het verleden van de reeksen zelf. Zij weet niets van "
    "oorlogen, crises of rampen elders, van beleidswijzigingen (zoals het EU-"
    "migratiepact of nationale asielwetten), van de doorlooptijden bij de IND of van "
    "het beleid van buurlanden. Een plotselinge piek zoals in 2015 of een daling "
    "zoals in 2020 kan zij niet zien aankomen; de banden geven aan hoe groot zulke "
    "schokken in het verleden waren, niet wanneer de volgende komt. De kwartaalreeks "
    "begint pas in 2013; CBS herziet recente kwartalen nog. Nareizigers na "
    "2024-Q2 zijn niet gepubliceerd als tabel en worden hier geschat. 'Totale "
    "instroom' is eerste asielverzoeken plus nareizigers; volgende (herhaalde) "
    "asielverzoeken zitten er niet in, behalve in de jaarvergelijking met de MPP."
)


# Dutch titles of the series and frequencies, for tables shown to people (the
# command line); the ids stay the keys of the JSON/CSV output.
SERIES_LABELS_NL: dict[str, str] = {
    "eerste_asielverzoeken": "Eerste asielverzoeken",
    "nareizigers": "Nareizigers",
    "totale_instroom": "Totale instroom (eerste asielverzoeken en nareizigers)",
    "totale_instroom_incl_volgende": "Totale instroom inclusief volgende asielverzoeken",
    "nareizigers_nowcast": (
        "Nareizigers, nowcast: kwartalen na het laatste gepubliceerde nareizigerscijfer"
    ),
}
FREQUENCY_NL: dict[str, str] = {"Q": "per kwartaal", "M": "per maand", "Y": "per jaar"}


@dataclass(frozen=True, slots=True, eq=False)
class QuantileTable:
    """Predictive quantiles of one series: values[level, period]."""

    series: str
    frequency: str
    periods: tuple[str, ...]
    levels: tuple[float, ...]
    values: FloatArray

    def quantile(self, level: float) -> FloatArray:
        return np.asarray(self.values[self.levels.index(level)], dtype=np.float64)

    @property
    def title_nl(self) -> str:
        """ "Eerste asielverzoeken per kwartaal": the series as people read it."""
        label = SERIES_LABELS_NL.get(self.series, self.series)
        return f"{label}, {FREQUENCY_NL.get(self.frequency, self.frequency)}"

    @property
    def median(self) -> FloatArray:
        return self.quantile(0.5)

    def to_dict(self) -> dict[str, Any]:
        return {
            "series": self.series,
            "frequency": self.frequency,
            "periods": list(self.periods),
            "levels": list(self.levels),
            "quantiles": {
                f"{level:.2f}": [round(float(v), 1) for v in row]
                for level, row in zip(self.levels, self.values, strict=True)
            },
        }


@dataclass(frozen=True, slots=True, eq=False)
class ForecastResult:
    """A complete prognose, plain data: what the page, CLI and API show."""

    model: str
    model_description: str
    cutoff: str
    until: str
    seed: int
    n_paths: int
    quarterly: dict[str, QuantileTable]
    monthly: dict[str, QuantileTable]
    yearly: dict[str, QuantileTable]
    history: dict[str, PeriodSeries]
    permit_model: PermitModel
    mpp_comparison: list[dict[str, Any]]
    vintage: DataVintage
    caveat: str = CAVEAT_NL
    backtest_summary: dict[str, Any] | None = None
    paths: dict[str, FloatArray] = field(default_factory=dict)  # not serialised
    ensemble: dict[str, Any] = field(default_factory=dict)  # spec and member weights

    def to_dict(self) -> dict[str, Any]:
        pm = self.permit_model
        return {
            "model": self.model,
            "model_description": self.model_description,
            "cutoff": self.cutoff,
            "until": self.until,
            "seed": self.seed,
            "n_paths": self.n_paths,
            "levels": list(LEVELS),
            "quarterly": {k: v.to_dict() for k, v in self.quarterly.items()},
            "monthly": {k: v.to_dict() for k, v in self.monthly.items()},
            "yearly": {k: v.to_dict() for k, v in self.yearly.items()},
            "history": {k: v.to_dict() for k, v in self.history.items()},
            "permit_model": {
                "lag_quarters": pm.lag,
                "ratio": round(pm.ratio, 4),
                "ar1": round(pm.phi, 4),
                "sigma_log": round(pm.sigma, 4),
                "n_fit": pm.n_fit,
            },
            "mpp_comparison": self.mpp_comparison,
            "data_vintage": self.vintage.to_dict(),
            "caveat": self.caveat,
            "backtest_summary": self.backtest_summary,
            "ensemble": self.ensemble,
        }


def first_request_ensemble(
    inputs: ForecastInputs,
    fits: dict[str, LogForecast],
    spec: EnsembleSpec = CHOSEN,
    weights: FloatArray | None = None,
) -> LogForecast:
    """The chosen model for first requests at this data vintage."""
    return combine(fits, quarterly_volatility_prior(inputs.yearly_long), spec, weights)


def ensemble_info(
    spec: EnsembleSpec, horizon: int, weights: FloatArray | None
) -> dict[str, Any]:
    """The combination as plain data: members and their weight per horizon."""
    n = len(spec.members)
    w = np.full((n, horizon), 1.0 / n) if weights is None else weights
    return {
        "name": spec.name,
        "description": spec.description,
        "members": list(spec.members),
        "aggregate": spec.aggregate,
        "weighting": spec.weighting,
        "weights": {
            m: [round(float(v), 4) for v in w[k]] for k, m in enumerate(spec.members)
        },
    }


def past_weights(
    inputs: ForecastInputs, spec: EnsembleSpec, horizon: int, n_jobs: int | None
) -> FloatArray | None:
    """Performance weights at the cutoff from refits at every earlier quarter.

    None for an equal-weight spec. Costs one batch fit over all past origins, the
    same fits a backtest makes, so that the prognose uses exactly the weights the
    backtest scored.
    """
    if spec.weighting == "equal":
        return None
    first = inputs.first
    start = period_index(first.first_period, "Q") + MIN_HISTORY - 1
    end = period_index(first.last_period, "Q")
    past = {
        period_label(q, "Q"): first.until(period_label(q, "Q")).values
        for q in range(start, end)
    }
    if not past:
        return None
    fits = fit_log_models(past, horizon, spec.members, n_jobs)
    scales = {origin: naive_scale(values) for origin, values in past.items()}
    actual = dict(zip(first.periods, first.values.tolist(), strict=True))
    return inverse_mase_weights(
        fits, scales, actual, spec.members, first.last_period, horizon
    )


def simulate_lognormal_paths(
    forecast: LogForecast, rng: np.random.Generator, n_paths: int
) -> FloatArray:
    """Paths whose log has marginal N(mu_h, sigma_h^2) and random-walk dependence."""
    var = forecast.sigma**2
    increments_sd = np.sqrt(np.diff(np.concatenate([[0.0], var])).clip(min=0.0))
    shocks = rng.standard_normal((n_paths, len(var))) * increments_sd[None, :]
    return np.asarray(np.exp(forecast.mu[None, :] + np.cumsum(shocks, axis=1)))


@dataclass(frozen=True, slots=True, eq=False)
class InflowPaths:
    """Sample paths per quarter after the cutoff, plus the nareizigers nowcast."""

    periods: tuple[str, ...]
    first: FloatArray
    nareizigers: FloatArray
    total: FloatArray
    nowcast_periods: tuple[str, ...]  # observed-first quarters lacking nareizigers
    nareizigers_nowcast: FloatArray
    permit_model: PermitModel


def simulate_inflow(
    inputs: ForecastInputs,
    first_forecast: LogForecast,
    rng: np.random.Generator,
    n_paths: int,
) -> InflowPaths:
    """First-request paths, nareizigers from permits, and their sum."""
    horizon = len(first_forecast.mu)
    cutoff_q = period_index(inputs.first.last_period, "Q")
    end = cutoff_q + horizon
    first_paths = simulate_lognormal_paths(first_forecast, rng, n_paths)
    proxy = permit_proxy(
        inputs.first,
        inputs.positive_decisions,
        inputs.recognition_rate,
        end,
        first_paths,
    )
    model = fit_permit_model(inputs.nareizigers, proxy)
    drift = quarterly_volatility_prior(inputs.yearly_long)
    nar = simulate_nareizigers(model, proxy, end, rng, n_paths, drift)
    n_nowcast = cutoff_q - model.last_index
    if n_nowcast < 0:
        raise ValueError("nareizigers reach beyond the first-request cutoff")
    nowcast, future = nar[:, :n_nowcast], nar[:, n_nowcast:]
    periods = tuple(period_label(cutoff_q + 1 + k, "Q") for k in range(horizon))
    return InflowPaths(
        periods=periods,
        first=first_paths,
        nareizigers=future,
        total=first_paths + future,
        nowcast_periods=tuple(
            period_label(model.last_index + 1 + k, "Q") for k in range(n_nowcast)
        ),
        nareizigers_nowcast=nowcast,
        permit_model=model,
    )


def month_shares(monthly: PeriodSeries) -> FloatArray:
    """Share of each calendar month in its quarter (12 values; thirds if unknown)."""
    shares: list[list[float]] = [[] for _ in range(12)]
    by_period = dict(zip(monthly.periods, monthly.values, strict=True))
    years = sorted({int(p[:4]) for p in monthly.periods})
    for year in years:
        for quarter in range(4):
            months = [f"{year}-{3 * quarter + m + 1:02d}" for m in range(3)]
            if all(m in by_period for m in months):
                total = sum(by_period[m] for m in months)
                if total > 0:
                    for m_i, m in enumerate(months):
                        shares[3 * quarter + m_i].append(by_period[m] / total)
    out = np.empty(12)
    for quarter in range(4):
        block = [shares[3 * quarter + m] for m in range(3)]
        if all(block):
            means = np.array([np.mean(b) for b in block])
            out[3 * quarter : 3 * quarter + 3] = means / means.sum()
        else:
            out[3 * quarter : 3 * quarter + 3] = 1.0 / 3.0
    return out


def _monthly_table(
    name: str, quarters: tuple[str, ...], paths: FloatArray, shares: FloatArray
) -> QuantileTable:
    periods: list[str] = []
    columns: list[FloatArray] = []
    for k, quarter in enumerate(quarters):
        year, q = int(quarter[:4]), int(quarter[-1]) - 1
        for m in range(3):
            month = 3 * q + m
            periods.append(f"{year}-{month + 1:02d}")
            columns.append(paths[:, k] * shares[month])
    values = sample_quantiles(np.column_stack(columns)) if columns else np.empty((7, 0))
    return QuantileTable(name, "M", tuple(periods), LEVELS, values)


def _yearly_tables(
    inputs: ForecastInputs, paths: InflowPaths
) -> tuple[dict[str, QuantileTable], dict[str, FloatArray]]:
    """Calendar-year totals for years whose quarters are all observed or simulated."""
    first_obs = dict(zip(inputs.first.periods, inputs.first.values, strict=True))
    nar_obs = dict(
        zip(inputs.nareizigers.periods, inputs.nareizigers.values, strict=True)
    )
    first_sim = {p: paths.first[:, k] for k, p in enumerate(paths.periods)}
    nar_sim = {p: paths.nareizigers[:, k] for k, p in enumerate(paths.periods)}
    nar_sim.update(
        {
            p: paths.nareizigers_nowcast[:, k]
            for k, p in enumerate(paths.nowcast_periods)
        }
    )
    years = sorted({int(p[:4]) for p in paths.periods})
    n = paths.first.shape[0]
    sums: dict[str, dict[int, FloatArray]] = {
        "eerste_asielverzoeken": {},
        "nareizigers": {},
    }
    for year in years:
        quarters = [f"{year}-Q{q}" for q in range(1, 5)]
        if not all(q in first_obs or q in first_sim for q in quarters):
            continue
        f = sum(
            (
                first_sim[q] if q in first_sim else np.full(n, first_obs[q])
                for q in quarters
            ),
            np.zeros(n),
        )
        r = sum(
            (nar_sim[q] if q in nar_sim else np.full(n, nar_obs[q]) for q in quarters),
            np.zeros(n),
        )
        sums["eerste_asielverzoeken"][year] = f
        sums["nareizigers"][year] = r
    kept = sorted(sums["eerste_asielverzoeken"])
    periods = tuple(str(y) for y in kept)
    yearly_paths: dict[str, FloatArray] = {}
    if kept:
        yearly_paths["eerste_asielverzoeken"] = np.column_stack(
            [sums["eerste_asielverzoeken"][y] for y in kept]
        )
        yearly_paths["nareizigers"] = np.column_stack(
            [sums["nareizigers"][y] for y in kept]
        )
        yearly_paths["totale_instroom"] = (
            yearly_paths["eerste_asielverzoeken"] + yearly_paths["nareizigers"]
        )
        repeat = (
            float(inputs.repeat_yearly.values[-1]) if len(inputs.repeat_yearly) else 0.0
        )
        yearly_paths["totale_instroom_incl_volgende"] = (
            yearly_paths["totale_instroom"] + repeat
        )
    tables = {
        name: QuantileTable(name, "Y", periods, LEVELS, sample_quantiles(p))
        for name, p in yearly_paths.items()
    }
    return tables, yearly_paths


def _mpp_comparison(
    yearly: dict[str, QuantileTable], inputs: ForecastInputs
) -> list[dict[str, Any]]:
    table = yearly.get("totale_instroom_incl_volgende")
    if table is None:
        return []
    repeat_year = inputs.repeat_yearly.last_period if len(inputs.repeat_yearly) else ""
    out: list[dict[str, Any]] = []
    for k, period in enumerate(table.periods):
        for band in bands_for(int(period)):
            out.append(
                {
                    "year": int(period),
                    "mpp": band.to_dict(),
                    "forecast_p05": round(float(table.quantile(0.05)[k])),
                    "forecast_p50": round(float(table.quantile(0.5)[k])),
                    "forecast_p95": round(float(table.quantile(0.95)[k])),
                    "note": (
                        "prognose = eerste asielverzoeken + nareizigers + volgende "
                        f"asielverzoeken op het niveau van {repeat_year} (UNHCR)"
                    ),
                }
            )
    return out


def _history(inputs: ForecastInputs) -> dict[str, PeriodSeries]:
    """Observed series for the fan chart; the total only where both parts exist."""
    first = dict(zip(inputs.first.periods, inputs.first.values, strict=True))
    common = [p for p in inputs.nareizigers.periods if p in first]
    total = PeriodSeries(
        "totale_instroom",
        "Q",
        tuple(common),
        np.array([first[p] + inputs.nareizigers.value(p) for p in common]),
        inputs.nareizigers.provenance,
    )
    return {
        "eerste_asielverzoeken": inputs.first,
        "nareizigers": inputs.nareizigers,
        "totale_instroom": total,
    }


def horizon_to(cutoff: str, until: str) -> int:
    """Quarters from the data cutoff to `until`; rejects what the model cannot do."""
    try:
        h = period_index(until, "Q") - period_index(cutoff, "Q")
    except ValueError:
        raise ValueError(f"'{until}' is geen kwartaal (verwacht JJJJ-Qn).") from None
    if h < 1:
        raise ValueError(f"{until} ligt niet na het laatste datakwartaal {cutoff}.")
    if h > MAX_HORIZON:
        raise ValueError(
            f"{until} ligt {h} kwartalen na {cutoff}; de prognose gaat hooguit "
            f"{MAX_HORIZON} kwartalen vooruit."
        )
    return h


def _quarterly_tables(
    ensemble: LogForecast, paths: InflowPaths
) -> dict[str, QuantileTable]:
    """Quarterly quantiles: first requests (closed form), nareizigers and total
    (from the simulated paths), and the nareizigers nowcast where there is one."""
    quarterly = {
        "eerste_asielverzoeken": QuantileTable(
            "eerste_asielverzoeken",
            "Q",
            paths.periods,
            LEVELS,
            lognormal_quantiles(ensemble.mu, ensemble.sigma),
        ),
        "nareizigers": QuantileTable(
            "nareizigers",
            "Q",
            paths.periods,
            LEVELS,
            sample_quantiles(paths.nareizigers),
        ),
        "totale_instroom": QuantileTable(
            "totale_instroom", "Q", paths.periods, LEVELS, sample_quantiles(paths.total)
        ),
    }
    if paths.nowcast_periods:
        quarterly["nareizigers_nowcast"] = QuantileTable(
            "nareizigers_nowcast",
            "Q",
            paths.nowcast_periods,
            LEVELS,
            sample_quantiles(paths.nareizigers_nowcast),
        )
    return quarterly


def _monthly_tables(
    inputs: ForecastInputs, paths: InflowPaths
) -> dict[str, QuantileTable]:
    """Monthly quantiles: each quarter's paths spread by the observed month shares."""
    shares_first = month_shares(inputs.first_monthly)
    shares_nar = month_shares(inputs.nareizigers_monthly)
    monthly = {
        "eerste_asielverzoeken": _monthly_table(
            "eerste_asielverzoeken", paths.periods, paths.first, shares_first
        ),
        "nareizigers": _monthly_table(
            "nareizigers", paths.periods, paths.nareizigers, shares_nar
        ),
    }
    monthly_total_paths = np.column_stack(
        [
            paths.first[:, k] * shares_first[3 * (int(q[-1]) - 1) + m]
            + paths.nareizigers[:, k] * shares_nar[3 * (int(q[-1]) - 1) + m]
            for k, q in enumerate(paths.periods)
            for m in range(3)
        ]
    )
    monthly["totale_instroom"] = QuantileTable(
        "totale_instroom",
        "M",
        monthly["eerste_asielverzoeken"].periods,
        LEVELS,
        sample_quantiles(monthly_total_paths),
    )
    return monthly


def make_forecast(
    inputs: ForecastInputs,
    until: str,
    seed: int = DEFAULT_SEED,
    n_paths: int = DEFAULT_PATHS,
    n_jobs: int | None = None,
    backtest_summary: dict[str, Any] | None = None,
) -> ForecastResult:
    """The prognose from `inputs` (already cut at their vintage) up to quarter `until`."""
    cutoff = inputs.first.last_period
    horizon = horizon_to(cutoff, until)
    spec = CHOSEN
    fits = fit_log_models(
        {"prognose": inputs.first.values}, horizon, spec.members, n_jobs
    )
    weights = past_weights(inputs, spec, horizon, n_jobs)
    ensemble = first_request_ensemble(inputs, fits["prognose"], spec, weights)
    rng = np.random.default_rng(seed)
    paths = simulate_inflow(inputs, ensemble, rng, n_paths)
    quarterly = _quarterly_tables(ensemble, paths)
    monthly = _monthly_tables(inputs, paths)
    yearly, yearly_paths = _yearly_tables(inputs, paths)
    return ForecastResult(
        model=ENSEMBLE_NAME,
        model_description=model_description(spec),
        cutoff=cutoff,
        until=until,
        seed=seed,
        n_paths=n_paths,
        quarterly=quarterly,
        monthly=monthly,
        yearly=yearly,
        history=_history(inputs),
        permit_model=paths.permit_model,
        mpp_comparison=_mpp_comparison(yearly, inputs),
        vintage=inputs.vintage,
        backtest_summary=backtest_summary,
        ensemble=ensemble_info(spec, horizon, weights),
        paths={
            "eerste_asielverzoeken": paths.first,
            "nareizigers": paths.nareizigers,
            "totale_instroom": paths.total,
            **{f"jaar_{k}": v for k, v in yearly_paths.items()},
        },
    )
