# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""What the page shows of a stored forecast: history, fan, tables, backtest, MPP.

Only reads the stored `ForecastResult.to_dict()`; no forecasting happens here. The
one sum made is the total inflow of the nowcast quarters (first requests observed,
nareizigers not yet published): the observed count plus each nareizigers quantile,
which is exact because adding a known number shifts every quantile by it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext, gettext_noop

from migratieketen_web.prognoses.services import CHOSEN, VARIANTS, asylum_module

SERIES: dict[str, str] = {
    "eerste_asielverzoeken": gettext_noop("Eerste asielverzoeken"),
    "nareizigers": gettext_noop("Nareizigers"),
    "totale_instroom": gettext_noop("Totale instroom"),
}
SERIES_LONG: dict[str, str] = {
    "eerste_asielverzoeken": gettext_noop(
        "eerste asielverzoeken (zonder nareizigers en volgende verzoeken)"
    ),
    "nareizigers": gettext_noop(
        "nareizigers (gezinsleden die via nareis naar Nederland komen)"
    ),
    "totale_instroom": gettext_noop(
        "totale instroom: eerste asielverzoeken plus nareizigers"
    ),
}
DEFAULT_SERIES = "totale_instroom"
# The input files by the public table they hold (users never see a file name).
FILE_LABELS: dict[str, str] = {
    asylum_module.QUARTERLY_FILE: gettext_noop(
        "CBS 83102NED, eerste asielverzoeken en nareizigers per kwartaal"
    ),
    asylum_module.MONTHLY_FILE: gettext_noop(
        "CBS 83102NED, eerste asielverzoeken per maand"
    ),
    asylum_module.YEARLY_80059_FILE: gettext_noop(
        "CBS 80059NED, asielverzoeken incl. nareizigers per jaar"
    ),
    asylum_module.UNHCR_APPLICATIONS_FILE: gettext_noop(
        "UNHCR Refugee Data Finder, asielaanvragen per jaar"
    ),
    asylum_module.UNHCR_DECISIONS_FILE: gettext_noop(
        "UNHCR Refugee Data Finder, asielbeslissingen per jaar"
    ),
}


def file_label(name: str) -> str:
    """The public table behind an input file; an unknown file as 'invoerbestand'."""
    label = FILE_LABELS.get(name)
    return gettext(label) if label else gettext("ander invoerbestand")


MODEL_LABELS: dict[str, str] = {
    "naive": gettext_noop("Random walk (naïef: laatste kwartaal)"),
    "seizoensnaief": gettext_noop("Seizoensnaïef (zelfde kwartaal vorig jaar)"),
    "drift": gettext_noop("Random walk met drift"),
    "ets": gettext_noop("ETS (exponentiële afvlakking)"),
    "ets_gedempt": gettext_noop("ETS met gedempte trend"),
    "arima": gettext_noop("ARIMA"),
    "theta": gettext_noop("Theta"),
    # The core decides the ensemble; its own description keeps this label true.
    "ensemble": f"Ensemble: {CHOSEN.description[0].lower()}{CHOSEN.description[1:]}",
    "vergunningmodel": gettext_noop(
        "Vergunningmodel (nareizigers uit verleende vergunningen)"
    ),
}
BASELINE_MODELS = ("naive", "seizoensnaief", "drift")
CHOSEN_MODEL: dict[str, str] = {
    "eerste_asielverzoeken": "ensemble",
    "nareizigers": "vergunningmodel",
    "totale_instroom": "ensemble",
}
SERIES_END_LABELS: dict[str, str] = {
    "eerste_asielverzoeken_kwartaal": gettext_noop(
        "Eerste asielverzoeken per kwartaal"
    ),
    "nareizigers_kwartaal": gettext_noop("Nareizigers per kwartaal"),
    "asiel_inwilligingen_jaar": gettext_noop("Inwilligingen asiel per jaar (UNHCR)"),
    "eerste_asielverzoeken_maand": gettext_noop("Eerste asielverzoeken per maand"),
    "asielverzoeken_incl_nareizigers_jaar": gettext_noop(
        "Asielverzoeken incl. nareizigers per jaar (CBS 80059NED)"
    ),
    "volgende_asielaanvragen_jaar": gettext_noop(
        "Volgende asielaanvragen per jaar (UNHCR)"
    ),
}


class UnknownSeries(ValueError):
    """A series name that the forecast does not have; message in Dutch."""


def check_series(name: str) -> str:
    if name not in SERIES:
        raise UnknownSeries(
            gettext("Onbekende reeks '{name}'; kies uit {choices}.").format(
                name=name, choices=", ".join(SERIES)
            )
        )
    return name


@dataclass(frozen=True, slots=True)
class FanPeriod:
    """Quantiles of one quarter; `nowcast` = already past but not yet published."""

    period: str
    quantiles: dict[float, float]
    nowcast: bool

    @property
    def median(self) -> float:
        return self.quantiles[0.5]

    def level(self, level: float) -> float:
        return self.quantiles[level]

    @property
    def values(self) -> tuple[float, ...]:
        """Quantiles in increasing level, for table rows."""
        return tuple(self.quantiles[level] for level in sorted(self.quantiles))


@dataclass(frozen=True, slots=True)
class Fan:
    series: str
    history: tuple[tuple[str, float], ...]
    periods: tuple[FanPeriod, ...]
    levels: tuple[float, ...]

    @property
    def last_observed(self) -> str:
        return self.history[-1][0]


def _table_periods(
    table: dict[str, Any], nowcast: bool, shift: dict[str, float] | None = None
) -> list[FanPeriod]:
    levels = [float(level) for level in table["levels"]]
    out = []
    for k, period in enumerate(table["periods"]):
        add = (shift or {}).get(period, 0.0)
        out.append(
            FanPeriod(
                period,
                {
                    level: float(table["quantiles"][f"{level:.2f}"][k]) + add
                    for level in levels
                },
                nowcast,
            )
        )
    return out


def _history(result: dict[str, Any], series: str) -> list[tuple[str, float]]:
    history = result["history"]
    if series in history:  # the core stores the total's history since 2026-11
        h = history[series]
        return list(zip(h["periods"], h["values"], strict=True))
    # Forecasts saved before: the total is observed only where both parts are.
    first = dict(
        zip(
            history["eerste_asielverzoeken"]["periods"],
            history["eerste_asielverzoeken"]["values"],
            strict=True,
        )
    )
    nar = history["nareizigers"]
    return [
        (p, first[p] + v)
        for p, v in zip(nar["periods"], nar["values"], strict=True)
        if p in first
    ]


def fan(result: dict[str, Any], series: str) -> Fan:
    """History, nowcast and forecast quarters of one series, in time order."""
    check_series(series)
    quarterly = result["quarterly"]
    periods: list[FanPeriod] = []
    nowcast = quarterly.get("nareizigers_nowcast")
    if nowcast and series in ("nareizigers", "totale_instroom"):
        shift = None
        if series == "totale_instroom":
            first = result["history"]["eerste_asielverzoeken"]
            observed = dict(zip(first["periods"], first["values"], strict=True))
            shift = {p: observed[p] for p in nowcast["periods"]}
        periods += _table_periods(nowcast, True, shift)
    periods += _table_periods(quarterly[series], False)
    return Fan(
        series=series,
        history=tuple(_history(result, series)),
        periods=tuple(periods),
        levels=tuple(float(level) for level in result["levels"]),
    )


@dataclass(frozen=True, slots=True)
class BacktestCell:
    mase: float | None
    coverage90: float | None
    skill: float | None
    n: int


@dataclass(frozen=True, slots=True)
class BacktestRow:
    model: str
    label: str
    chosen: bool
    baseline: bool
    cells: tuple[BacktestCell, ...]  # one per horizon


@dataclass(frozen=True, slots=True)
class BacktestTable:
    horizons: tuple[int, ...]
    rows: tuple[BacktestRow, ...]
    window: tuple[str, str]
    seconds: float | None


@dataclass(frozen=True, slots=True)
class EnsembleChoice:
    """How the ensemble was chosen: by a fixed rule, on this same backtest."""

    variants: int  # how many ensemble variants were compared
    chosen_score: float | None
    runner_up: str | None  # Dutch description of the second-best variant
    runner_up_score: float | None


def ensemble_choice(result: dict[str, Any]) -> EnsembleChoice:
    """The selection among the ensemble variants, from the stored backtest (a
    forecast stored before the variants were kept has no runner-up)."""
    variants = (result.get("backtest_summary") or {}).get("selection") or []
    chosen = next((v for v in variants if v.get("chosen")), None)
    others = [v for v in variants if not v.get("chosen") and v.get("score") is not None]
    runner = max(others, key=lambda v: float(v["score"]), default=None)
    return EnsembleChoice(
        variants=len(variants) or len(VARIANTS),
        chosen_score=_number(chosen.get("score")) if chosen else None,
        runner_up=str(runner["description"]) if runner else None,
        runner_up_score=_number(runner["score"]) if runner else None,
    )


def _number(value: Any) -> float | None:
    if value is None:
        return None
    value = float(value)
    return None if value != value else value  # NaN: no reference score


def backtest_table(
    result: dict[str, Any], series: str, horizons: tuple[int, ...] = (1, 2, 4, 8)
) -> BacktestTable | None:
    """MASE, 90 % coverage and skill vs random walk per model and horizon."""
    summary = result.get("backtest_summary")
    if not summary or not summary.get(series):
        return None
    by_model: dict[str, dict[int, dict[str, Any]]] = {}
    for row in summary[series]:
        by_model.setdefault(row["model"], {})[int(row["horizon"])] = row
    order = list(MODEL_LABELS)
    models = sorted(by_model, key=lambda m: (order.index(m) if m in order else 99, m))
    rows = []
    for model in models:
        cells = []
        for h in horizons:
            r = by_model[model].get(h)
            cells.append(
                BacktestCell(
                    _number(r["mase"]) if r else None,
                    _number(r["coverage90"]) if r else None,
                    _number(r["skill_mase"]) if r and model != "naive" else None,
                    int(r["n"]) if r else 0,
                )
            )
        rows.append(
            BacktestRow(
                model,
                gettext(MODEL_LABELS.get(model, model)),
                model == CHOSEN_MODEL[series],
                model in BASELINE_MODELS,
                tuple(cells),
            )
        )
    window = summary.get("window") or ["", ""]
    return BacktestTable(
        horizons, tuple(rows), (window[0], window[1]), summary.get("seconds")
    )


def yearly_rows(table: dict[str, Any]) -> list[FanPeriod]:
    """Calendar-year quantiles (years whose quarters are observed or forecast)."""
    return _table_periods(table, False)


def level_label(level: float) -> str:
    """0.05 -> '5 %'."""
    return f"{round(level * 100)} %"
