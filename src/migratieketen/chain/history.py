# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Observed history as monthly model inputs, and the published occupancy to fit against.

Quarterly -> monthly rule (explicit): a quarter's total is split equally over its three
months, except where CBS published the months themselves (2018-01 … 2020-03), which are
used as published. Yearly UNHCR figures (repeat applications, IND decisions,
recognition and closed shares) are spread equally over the twelve months.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import numpy.typing as npt

from migratieketen.chain.params import ChainConfigError
from migratieketen.chain.scenario import month_index, month_label
from migratieketen.data import asylum

FloatArray = npt.NDArray[np.float64]
HISTORY_START = "2013-01"
# COA occupancy at 31 Dec 2012 (NJI/COA, coa_bezetting_jaarlijks_1995_2019.csv).
OPENING_OCCUPANCY_2012 = 14_604.0
COA_TABLE = Path("reference") / "tables" / "coa_occupancy_and_costs.csv"
UNHCR_STOCK_FILE = "unhcr_nl_refugee_population_stock_yearly_1951_2024.csv"


@dataclass(frozen=True, slots=True, eq=False)
class HistoryInputs:
    """Monthly observed inputs from `start` for `months` months (nan = not observed)."""

    start: int
    first: FloatArray
    nareizigers: FloatArray
    repeat: FloatArray
    ind_decisions: FloatArray
    recognition_first: FloatArray
    recognition_repeat: FloatArray
    closed_share: FloatArray


NO_CUTOFF = 10**9  # a month index after any data


def _quarterly_to_monthly(
    series: asylum.PeriodSeries, start: int, months: int, known: int = NO_CUTOFF
) -> FloatArray:
    """Quarter totals spread equally over their months (quarters that end after the
    month index `known` are left out: nan)."""
    out = np.full(months, np.nan)
    for period, value in zip(series.periods, series.values, strict=True):
        year, q = int(period[:4]), int(period[-1])
        first_month = year * 12 + (q - 1) * 3
        if first_month + 2 > known:
            continue
        for k in range(3):
            t = first_month + k - start
            if 0 <= t < months:
                out[t] = value / 3.0
    return out


def _overlay_monthly(
    out: FloatArray, series: asylum.PeriodSeries, start: int, known: int = NO_CUTOFF
) -> None:
    for period, value in zip(series.periods, series.values, strict=True):
        t = month_index(period) - start
        if 0 <= t < len(out) and month_index(period) <= known:
            out[t] = value


def _yearly(
    values: dict[int, float], start: int, months: int, partial: bool = False
) -> FloatArray:
    """Yearly values per month. A year without a figure takes the last earlier year
    (carried forward beyond the data), or else the first later year (RA decisions
    start in 2015 in the UNHCR file). A series without any figure is an error, or
    with `partial` all NaN."""
    if not values and partial:
        return np.full(months, np.nan)
    if not values:
        raise ChainConfigError("Historie: een invoerreeks heeft geen enkele waarde.")
    years = sorted(values)
    out = np.empty(months)
    for t in range(months):
        year = (start + t) // 12
        earlier = [y for y in years if y <= year]
        out[t] = values[earlier[-1]] if earlier else values[years[0]]
    return out


def _unhcr_repeat(data_dir: Path) -> dict[int, float]:
    path = data_dir / asylum.UNHCR_APPLICATIONS_FILE
    with path.open(encoding="utf-8", newline="") as fh:
        return {
            int(r["year"]): float(r["repeat_applications"])
            for r in csv.DictReader(fh)
            if r["repeat_applications"]
        }


def _unhcr_pending(data_dir: Path) -> dict[int, float]:
    """Asylum cases pending at the end of each year (UNHCR population statistics)."""
    path = data_dir / UNHCR_STOCK_FILE
    if not path.exists():
        raise ChainConfigError(f"Bestand {UNHCR_STOCK_FILE} ontbreekt in {data_dir}.")
    with path.open(encoding="utf-8", newline="") as fh:
        return {
            int(r["year"]): float(r["asylum_seekers"])
            for r in csv.DictReader(fh)
            if r["asylum_seekers"]
        }


def persons_per_decision_guess(data_dir: Path | str, known_until: str) -> float:
    """First guess of `history_persons_per_decision` from data up to `known_until`.

    Over 2013 to the last year that is over by `known_until`: persons who entered the
    procedure (CBS first + UNHCR repeat requests) minus the growth of the UNHCR
    pending cases since the end of 2012, per UNHCR decision (first instance + appeal).
    Why: UNHCR partly counts cases, not persons, and misses those who leave during
    the procedure; the replay needs persons leaving the IND queue per decision.
    """
    data_dir = Path(data_dir)
    last_year = (month_index(known_until) - 11) // 12
    years = range(int(HISTORY_START[:4]), last_year + 1)
    if not years:
        raise ChainConfigError(
            f"Kalibratie tot {known_until}: er is nog geen volledig jaar sinds "
            f"{HISTORY_START}."
        )
    try:
        first = asylum.load_first_requests_quarterly(data_dir)
        fi = asylum.load_unhcr_decisions(data_dir, "FI").total
        ra = asylum.load_unhcr_decisions(data_dir, "RA").total
    except asylum.AsylumDataError as exc:
        raise ChainConfigError(str(exc)) from exc
    entered = sum(
        float(v)
        for p, v in zip(first.periods, first.values, strict=True)
        if int(p[:4]) in years
    )
    repeat, pending = _unhcr_repeat(data_dir), _unhcr_pending(data_dir)
    entered += sum(repeat.get(y, 0.0) for y in years)
    entered -= pending[last_year] - pending[years[0] - 1]
    decisions = sum(
        float(v)
        for series in (fi, ra)
        for p, v in zip(series.periods, series.values, strict=True)
        if int(p) in years
    )
    return entered / decisions


def _complete_years(values: dict[int, float], known: int) -> dict[int, float]:
    """Only years that are over by the month index `known` (a yearly figure counts
    every month of its year)."""
    return {y: v for y, v in values.items() if y * 12 + 11 <= known}


def load_history(
    data_dir: Path | str,
    until: str,
    known_until: str | None = None,
    partial: bool = False,
) -> HistoryInputs:
    """Observed monthly inputs from 2013-01 up to and including `until`.

    `known_until` (a calibration's cut-off) keeps out every figure about a later
    period: quarters and yearly figures that end after it are not read, and a year
    without a figure takes the last earlier one, as beyond the data. `partial`: a
    yearly series with no figure known by then is NaN instead of an error.
    """
    data_dir = Path(data_dir)
    start = month_index(HISTORY_START)
    months = month_index(until) - start + 1
    if months < 1:
        raise ChainConfigError(f"Historie: '{until}' ligt voor {HISTORY_START}.")
    known = NO_CUTOFF if known_until is None else month_index(known_until)
    try:
        first = _quarterly_to_monthly(
            asylum.load_first_requests_quarterly(data_dir), start, months, known
        )
        _overlay_monthly(
            first, asylum.load_first_requests_monthly(data_dir), start, known
        )
        nare = _quarterly_to_monthly(
            asylum.load_nareizigers_quarterly(data_dir), start, months, known
        )
        _overlay_monthly(nare, asylum.load_nareizigers_monthly(data_dir), start, known)
        fi = asylum.load_unhcr_decisions(data_dir, "FI")
        ra = asylum.load_unhcr_decisions(data_dir, "RA")
    except asylum.AsylumDataError as exc:
        raise ChainConfigError(str(exc)) from exc
    last_first = np.flatnonzero(np.isfinite(first))
    if len(last_first) == 0 or last_first[-1] < months - 1:
        raise ChainConfigError(
            f"Historie tot {until}: eerste asielverzoeken zijn maar bekend tot "
            f"{month_label(start + int(last_first[-1]) if len(last_first) else start)}."
        )

    def per_year(series: asylum.PeriodSeries) -> dict[int, float]:
        values = zip(series.periods, series.values, strict=True)
        return _complete_years({int(p): float(v) for p, v in values}, known)

    fi_total, ra_total = per_year(fi.total), per_year(ra.total)
    decisions = {y: (fi_total[y] + ra_total.get(y, 0.0)) / 12 for y in fi_total}
    closed = {
        y: float(c) / fi_total[y] for y, c in per_year(fi.closed).items() if fi_total[y]
    }
    rec_fi = {
        y: v for y, v in per_year(fi.recognition_rate()).items() if np.isfinite(v)
    }
    rec_ra = {
        y: v for y, v in per_year(ra.recognition_rate()).items() if np.isfinite(v)
    }
    repeat = {
        y: v / 12 for y, v in _complete_years(_unhcr_repeat(data_dir), known).items()
    }
    return HistoryInputs(
        start=start,
        first=first,
        nareizigers=nare,
        repeat=_yearly(repeat, start, months, partial),
        ind_decisions=_yearly(decisions, start, months, partial),
        recognition_first=_yearly(rec_fi, start, months, partial),
        recognition_repeat=_yearly(rec_ra, start, months, partial),
        closed_share=_yearly(closed, start, months, partial),
    )


@dataclass(frozen=True, slots=True)
class Observation:
    """One published figure: persons in COA (total) or statushouders in COA."""

    month: str
    series: str  # "coa_total" or "coa_statushouders"
    value: float
    source: str


def _number(text: str) -> float | None:
    cleaned = text.replace("~", "").replace(",", "").replace(">", "").strip()
    head = cleaned.split(" ")[0]
    try:
        return float(head)
    except ValueError:
        return None


def _table_month(text: str) -> str | None:
    """'2019-11-11' -> 2019-11; '2022-12 (end)' -> 2022-12; '2016' -> None."""
    head = text.split(" ")[0]
    if len(head) >= 7 and head[4] == "-":
        return head[:7]
    return None


def load_observations(
    shared_dir: Path | str, until: str = "2023-06"
) -> list[Observation]:
    """Published COA occupancy and statushouders in COA up to `until` (inclusive).

    Year-end occupancy 2013-2019 (NJI 31 Dec / COA) from the data folder, and the dated
    point figures of the reference table (peildata as reported). Figures marked as a
    capacity ('~35,000 capacity') are skipped: they are not occupancy.
    """
    shared_dir = Path(shared_dir)
    last = month_index(until)
    obs: list[Observation] = []
    try:
        coa = asylum.load_coa_occupancy(shared_dir / "data")
    except asylum.AsylumDataError as exc:
        raise ChainConfigError(str(exc)) from exc
    for period, value in zip(coa.periods, coa.values, strict=True):
        year = int(period)
        if year >= 2013 and year * 12 + 11 <= last:
            obs.append(
                Observation(f"{year}-12", "coa_total", float(value), "COA/NJI 31 dec")
            )
    table = shared_dir / COA_TABLE
    if not table.exists():
        raise ChainConfigError(f"Referentietabel {table} ontbreekt.")
    with table.open(encoding="utf-8", newline="") as fh:
        lines = [ln for ln in fh if not ln.startswith("#")]
    for row in csv.DictReader(lines):
        month = _table_month(row["date"])
        if month is None or month_index(month) > last:
            continue
        total_text = row["total_in_COA_care"] or ""
        total = None if "capacity" in total_text else _number(total_text)
        holders = _number(row["of_which_statushouders"] or "")
        if total is not None and not total_text.startswith(">"):
            obs.append(Observation(month, "coa_total", total, row["source"]))
        if holders is not None:
            obs.append(Observation(month, "coa_statushouders", holders, row["source"]))
    return sorted(obs, key=lambda o: (month_index(o.month), o.series))
