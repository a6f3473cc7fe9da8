# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Everything a forecast reads, cut at a data vintage, with a fingerprint of the files.

A forecast is only reproducible if we know exactly which data it saw, so the inputs
carry the SHA-256 of each file and the last period of each series; `cut` gives the
inputs as they would have looked at an earlier moment (used by the backtest).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from migratieketen.data import asylum
from migratieketen.data.asylum import PeriodSeries, period_index

INPUT_FILES: tuple[str, ...] = (
    asylum.QUARTERLY_FILE,
    asylum.MONTHLY_FILE,
    asylum.YEARLY_80059_FILE,
    asylum.UNHCR_APPLICATIONS_FILE,
    asylum.UNHCR_DECISIONS_FILE,
)


@dataclass(frozen=True, slots=True)
class DataVintage:
    """Which data a forecast used: cut-off period, file hashes and series ends."""

    cutoff: str  # last quarter of data the forecast may see, e.g. "2024-Q4"
    files: dict[str, str] = field(default_factory=dict)  # file name -> sha256
    series_end: dict[str, str] = field(default_factory=dict)  # series -> last period
    sources: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "cutoff": self.cutoff,
            "files": dict(self.files),
            "series_end": dict(self.series_end),
            "sources": list(self.sources),
        }


@dataclass(frozen=True, slots=True)
class ForecastInputs:
    """The series the forecast models read, all validated by `migratieketen.data`."""

    first: PeriodSeries  # quarterly first asylum requests
    nareizigers: PeriodSeries  # quarterly nareizigers (ends 2024-Q2)
    positive_decisions: PeriodSeries  # yearly UNHCR first-instance positive decisions
    recognition_rate: PeriodSeries  # yearly first-instance recognition rate
    first_monthly: PeriodSeries  # 2018-01 … 2020-03, for the month-in-quarter split
    nareizigers_monthly: PeriodSeries
    yearly_long: PeriodSeries  # CBS 80059NED 1975-2018, requests incl. nareizigers
    repeat_yearly: PeriodSeries  # UNHCR repeat applications, for the MPP comparison
    vintage: DataVintage

    def cut(self, cutoff: str) -> ForecastInputs:
        """The inputs restricted to data describing periods up to `cutoff` (a quarter).

        A calendar year counts as known only once its fourth quarter is.
        """
        try:
            q = period_index(cutoff, "Q")
        except ValueError:
            raise ValueError(
                f"'{cutoff}' is geen kwartaal (verwacht JJJJ-Qn, bv. 2024-Q4)."
            ) from None
        first_q = period_index(self.first.first_period, "Q")
        last_q = period_index(self.first.last_period, "Q")
        if not first_q <= q <= last_q:
            raise ValueError(
                f"Datagrens {cutoff} valt buiten de reeks eerste asielverzoeken "
                f"({self.first.first_period} t/m {self.first.last_period})."
            )
        year, quarter = divmod(q, 4)
        last_year = str(year if quarter == 3 else year - 1)
        monthly_last = f"{year}-{3 * (quarter + 1):02d}"
        first = self.first.until(cutoff)
        nareizigers = self.nareizigers.until(cutoff)
        cut = replace(
            self,
            first=first,
            nareizigers=nareizigers,
            positive_decisions=self.positive_decisions.until(last_year),
            recognition_rate=self.recognition_rate.until(last_year),
            first_monthly=self.first_monthly.until(monthly_last),
            nareizigers_monthly=self.nareizigers_monthly.until(monthly_last),
            yearly_long=self.yearly_long.until(last_year),
            repeat_yearly=self.repeat_yearly.until(last_year),
        )
        return replace(cut, vintage=_vintage(cut, cutoff, self.vintage.files))


def _series_of(inputs: ForecastInputs) -> dict[str, PeriodSeries]:
    return {
        "eerste_asielverzoeken_kwartaal": inputs.first,
        "nareizigers_kwartaal": inputs.nareizigers,
        "asiel_inwilligingen_jaar": inputs.positive_decisions,
        "eerste_asielverzoeken_maand": inputs.first_monthly,
        "asielverzoeken_incl_nareizigers_jaar": inputs.yearly_long,
        "volgende_asielaanvragen_jaar": inputs.repeat_yearly,
    }


def _vintage(inputs: ForecastInputs, cutoff: str, files: dict[str, str]) -> DataVintage:
    series = _series_of(inputs)
    ends = {name: s.last_period if len(s) else "" for name, s in series.items()}
    sources = tuple(sorted({s.provenance.attribution() for s in series.values()}))
    return DataVintage(
        cutoff=cutoff, files=dict(files), series_end=ends, sources=sources
    )


def file_sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def load_inputs(data_dir: Path | str, cutoff: str | None = None) -> ForecastInputs:
    """Load and validate every input series; cut at `cutoff` (default: all data)."""
    data_dir = Path(data_dir)
    decisions = asylum.load_unhcr_decisions(data_dir, "FI")
    # Before 2008 the UNHCR NL decisions carry large 'closed' counts and old-law
    # categories (UNHCR Refugee Data Finder), so the permit model only uses 2008 onwards.
    positive = _from_year(decisions.positive(), "2008")
    rate = _from_year(decisions.recognition_rate(), "2008")
    first = asylum.load_first_requests_quarterly(data_dir)
    files = {name: file_sha256(data_dir / name) for name in INPUT_FILES}
    inputs = ForecastInputs(
        first=first,
        nareizigers=asylum.load_nareizigers_quarterly(data_dir),
        positive_decisions=positive,
        recognition_rate=rate,
        first_monthly=asylum.load_first_requests_monthly(data_dir),
        nareizigers_monthly=asylum.load_nareizigers_monthly(data_dir),
        yearly_long=asylum.load_total_inflow_yearly_80059(data_dir),
        repeat_yearly=asylum.load_unhcr_repeat_applications(data_dir),
        vintage=DataVintage(cutoff=first.last_period, files=files),
    )
    return inputs.cut(cutoff or first.last_period)


def _from_year(series: PeriodSeries, first_year: str) -> PeriodSeries:
    start = series.periods.index(first_year)
    return PeriodSeries(
        series.name,
        series.frequency,
        series.periods[start:],
        series.values[start:].copy(),
        series.provenance,
        series.unit,
    )
