# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Validated loaders for the asylum inflow series (CBS, IND, UNHCR, COA).

Forecasts are only as good as their input, so every loader rejects a gap, a negative
count, a duplicate or an unparseable period with a Dutch message that names the file,
the row and the column. A series may *end* early (CBS stopped publishing the
nareizigers table after 2024-Q2): trailing empty cells shorten the series, but an empty
cell between two values is a gap and is rejected.

All loaders return a small typed `PeriodSeries` (periods + numpy values + provenance).
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from migratieketen.data.provenance import Provenance

FloatArray = npt.NDArray[np.float64]

QUARTERLY_FILE = "cbs_asylum_first_requests_quarterly_2013_2024.csv"
MONTHLY_FILE = "cbs_asylum_first_requests_monthly_2018_2020.csv"
YEARLY_80059_FILE = "cbs_80059ned_asylum_requests_incl_family_yearly_1975_2018.csv"
UNHCR_APPLICATIONS_FILE = "unhcr_nl_asylum_applications_yearly_2000_2024.csv"
UNHCR_DECISIONS_FILE = "unhcr_nl_asylum_decisions_yearly_2000_2024.csv"
COA_FILE = "coa_bezetting_jaarlijks_1995_2019.csv"
PERMITS_FILE = "cbs_verleende_verblijfsvergunningen_asiel_nationaliteit_2016_2022h1.csv"

CBS_LICENCE = "CC BY 4.0"
CBS_83102_URL = "https://opendata.cbs.nl/ODataApi/OData/83102NED"

FREQUENCIES = ("Q", "M", "Y")
_PATTERNS = {
    "Q": re.compile(r"^(\d{4})-Q([1-4])$"),
    "M": re.compile(r"^(\d{4})-(0[1-9]|1[0-2])$"),
    "Y": re.compile(r"^(\d{4})$"),
}
_STEPS_PER_YEAR = {"Q": 4, "M": 12, "Y": 1}


class AsylumDataError(ValueError):
    """A series file or payload is not usable; the message (Dutch) says where and why."""


def period_index(period: str, frequency: str) -> int:
    """An integer that increases by one per period, so gaps are a simple difference."""
    match = _PATTERNS[frequency].match(period)
    if match is None:
        raise ValueError(period)
    year = int(match.group(1))
    if frequency == "Y":
        return year
    return year * _STEPS_PER_YEAR[frequency] + int(match.group(2)) - 1


def period_label(index: int, frequency: str) -> str:
    """Inverse of `period_index`: "2025-Q1", "2019-07" or "2024"."""
    if frequency == "Y":
        return str(index)
    steps = _STEPS_PER_YEAR[frequency]
    year, sub = divmod(index, steps)
    return f"{year}-Q{sub + 1}" if frequency == "Q" else f"{year}-{sub + 1:02d}"


def period_end(period: str, frequency: str) -> date:
    """The last day of a period: the peildatum of a flow over that period."""
    idx = period_index(period, frequency)
    if frequency == "Y":
        return date(idx, 12, 31)
    steps = _STEPS_PER_YEAR[frequency]
    year, sub = divmod(idx + 1, steps)
    month = sub * (12 // steps) + 1
    first_of_next = date(year, month, 1)
    return date.fromordinal(first_of_next.toordinal() - 1)


@dataclass(frozen=True, slots=True, eq=False)
class PeriodSeries:
    """A regular, gap-free series of counts (persons) per period, with its source."""

    name: str  # "eerste_asielverzoeken"
    frequency: str  # "Q", "M" or "Y"
    periods: tuple[str, ...]
    values: FloatArray
    provenance: Provenance
    unit: str = "personen"

    def __post_init__(self) -> None:
        if self.frequency not in FREQUENCIES:
            raise AsylumDataError(f"Onbekende frequentie '{self.frequency}'.")
        if len(self.periods) != len(self.values):
            raise AsylumDataError(
                f"Reeks {self.name}: {len(self.periods)} perioden maar "
                f"{len(self.values)} waarden."
            )
        self.values.setflags(write=False)

    def __len__(self) -> int:
        return len(self.periods)

    @property
    def first_period(self) -> str:
        return self.periods[0]

    @property
    def last_period(self) -> str:
        return self.periods[-1]

    def until(self, last: str) -> PeriodSeries:
        """The series cut off after `last` (inclusive): the data vintage of a backtest."""
        stop = period_index(last, self.frequency)
        keep = [
            i
            for i, p in enumerate(self.periods)
            if period_index(p, self.frequency) <= stop
        ]
        n = len(keep)
        return PeriodSeries(
            self.name,
            self.frequency,
            self.periods[:n],
            self.values[:n].copy(),
            self.provenance,
            self.unit,
        )

    def value(self, period: str) -> float:
        return float(self.values[self.periods.index(period)])

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "frequency": self.frequency,
            "unit": self.unit,
            "periods": list(self.periods),
            "values": [float(v) for v in self.values],
            "source": self.provenance.attribution(),
        }


def build_series(
    name: str,
    frequency: str,
    rows: Iterable[tuple[str, str, str | float | None]],
    provenance_for_last: Any,
    *,
    file: str,
    column: str,
    scale: float = 1.0,
) -> PeriodSeries:
    """Validate `(row_label, period, raw_value)` triples into a `PeriodSeries`.

    `provenance_for_last` is called with the end date of the last period, so the
    peildatum in the attribution is the true one.
    """
    parsed: list[tuple[str, int, str, float | None]] = []
    for row_label, period, raw in rows:
        period = period.strip()
        try:
            idx = period_index(period, frequency)
        except ValueError:
            expected = {"Q": "JJJJ-Qn", "M": "JJJJ-MM", "Y": "JJJJ"}[frequency]
            raise AsylumDataError(
                f"{file}, {row_label}, kolom 'periode': '{period}' is geen geldige "
                f"periode (verwacht {expected})."
            ) from None
        parsed.append(
            (row_label, idx, period, _parse_count(raw, file, row_label, column))
        )
    if not parsed:
        raise AsylumDataError(
            f"{file}: geen enkele rij met gegevens in kolom '{column}'."
        )
    parsed.sort(key=lambda item: item[1])
    # A series may start late and stop early; a hole in between is a gap.
    present = [i for i, item in enumerate(parsed) if item[3] is not None]
    if not present:
        raise AsylumDataError(f"{file}, kolom '{column}': de kolom is helemaal leeg.")
    parsed = parsed[present[0] : present[-1] + 1]
    periods: list[str] = []
    values: list[float] = []
    previous: tuple[str, int, str] | None = None
    for row_label, idx, period, value in parsed:
        if previous is not None:
            if idx == previous[1]:
                raise AsylumDataError(
                    f"{file}, {row_label}, kolom 'periode': periode {period} komt "
                    f"dubbel voor (ook in {previous[0]})."
                )
            if idx != previous[1] + 1:
                missing = period_label(previous[1] + 1, frequency)
                raise AsylumDataError(
                    f"{file}, {row_label}, kolom 'periode': gat in de reeks, periode "
                    f"{missing} ontbreekt tussen {previous[2]} en {period}."
                )
        if value is None:
            raise AsylumDataError(
                f"{file}, {row_label}, kolom '{column}': geen waarde voor {period}; "
                f"een gat midden in de reeks is niet toegestaan."
            )
        periods.append(period)
        values.append(value * scale)
        previous = (row_label, idx, period)
    return PeriodSeries(
        name=name,
        frequency=frequency,
        periods=tuple(periods),
        values=np.asarray(values, dtype=np.float64),
        provenance=provenance_for_last(period_end(periods[-1], frequency)),
    )


def _parse_count(
    raw: str | float | None, file: str, row_label: str, column: str
) -> float | None:
    if raw is None:
        return None
    if isinstance(raw, int | float):
        value = float(raw)
    else:
        text = raw.strip()
        if text == "":
            return None
        try:
            value = float(text)
        except ValueError:
            raise AsylumDataError(
                f"{file}, {row_label}, kolom '{column}': '{text}' is geen getal."
            ) from None
    if not np.isfinite(value):
        raise AsylumDataError(f"{file}, {row_label}, kolom '{column}': waarde {raw!r}.")
    if value < 0:
        raise AsylumDataError(
            f"{file}, {row_label}, kolom '{column}': negatief aantal ({value:g}); "
            f"een aantal personen kan niet negatief zijn."
        )
    return value


def _read_csv(
    data_dir: Path | str, file: str, required: Sequence[str]
) -> list[dict[str, str]]:
    path = Path(data_dir) / file
    if not path.is_file():
        raise AsylumDataError(f"Bestand {path} niet gevonden.")
    with path.open(newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        header = reader.fieldnames or []
        missing = [c for c in required if c not in header]
        if missing:
            raise AsylumDataError(
                f"{file}: kolom(men) {', '.join(missing)} ontbreken in de kopregel."
            )
        return list(reader)


def _rows(
    records: list[dict[str, str]], period_column: str, value_column: str
) -> list[tuple[str, str, str]]:
    # Row numbers as a user sees them in a spreadsheet: the header is row 1.
    return [
        (f"rij {n}", rec[period_column] or "", rec[value_column] or "")
        for n, rec in enumerate(records, start=2)
    ]


def _cbs_provenance(title: str, table_id: str, url: str = "") -> Any:
    def make(ref: date) -> Provenance:
        return Provenance("CBS, IND", title, table_id, ref, CBS_LICENCE, url)

    return make


def load_first_requests_quarterly(data_dir: Path | str) -> PeriodSeries:
    """First asylum requests per quarter, 2013-Q1 … 2024-Q4 (persons, latest vintage)."""
    column = "first_asylum_requests_approx"
    records = _read_csv(data_dir, QUARTERLY_FILE, ["period", column])
    return build_series(
        "eerste_asielverzoeken",
        "Q",
        _rows(records, "period", column),
        _cbs_provenance(
            "Asielverzoeken en nareizigers; eerste asielverzoeken", "83102NED"
        ),
        file=QUARTERLY_FILE,
        column=column,
    )


def load_nareizigers_quarterly(data_dir: Path | str) -> PeriodSeries:
    """Nareizigers (following family members) per quarter, 2013-Q1 … 2024-Q2."""
    column = "following_family_members_persons"
    records = _read_csv(data_dir, QUARTERLY_FILE, ["period", column])
    return build_series(
        "nareizigers",
        "Q",
        _rows(records, "period", column),
        _cbs_provenance("Asielverzoeken en nareizigers; nareizigers", "83102NED"),
        file=QUARTERLY_FILE,
        column=column,
    )


def load_first_requests_monthly(data_dir: Path | str) -> PeriodSeries:
    """First asylum requests per month, 2018-01 … 2020-03 (persons, rounded to 5)."""
    column = "first_asylum_requests"
    records = _read_csv(data_dir, MONTHLY_FILE, ["month", column])
    return build_series(
        "eerste_asielverzoeken",
        "M",
        _rows(records, "month", column),
        _cbs_provenance("Asielverzoeken en nareizigers (maandcijfers)", "83102NED"),
        file=MONTHLY_FILE,
        column=column,
    )


def load_nareizigers_monthly(data_dir: Path | str) -> PeriodSeries:
    """Nareizigers per month, 2018-01 … 2020-03 (persons, rounded to 5)."""
    column = "following_family_members"
    records = _read_csv(data_dir, MONTHLY_FILE, ["month", column])
    return build_series(
        "nareizigers",
        "M",
        _rows(records, "month", column),
        _cbs_provenance("Asielverzoeken en nareizigers (maandcijfers)", "83102NED"),
        file=MONTHLY_FILE,
        column=column,
    )


def load_total_inflow_yearly_80059(data_dir: Path | str) -> PeriodSeries:
    """Asylum requests incl. nareizigers per year, 1975 … 2018 (CBS 80059NED).

    Before 2007 the series includes repeat requests; before 2013 nareizigers cannot be
    separated. It is long history for priors on volatility, not a like-for-like series.
    """
    column = "asylum_requests_and_following_family_members_total"
    records = _read_csv(data_dir, YEARLY_80059_FILE, ["year", column])
    return build_series(
        "asielverzoeken_incl_nareizigers",
        "Y",
        _rows(records, "year", column),
        _cbs_provenance("Asielverzoeken en nareizigers (jaarcijfers)", "80059NED"),
        file=YEARLY_80059_FILE,
        column=column,
    )


def _unhcr_provenance(title: str) -> Any:
    def make(ref: date) -> Provenance:
        return Provenance(
            "UNHCR",
            title,
            "",
            ref,
            CBS_LICENCE,
            "https://www.unhcr.org/refugee-statistics/",
        )

    return make


def load_unhcr_repeat_applications(data_dir: Path | str) -> PeriodSeries:
    """UNHCR repeat ("volgende") asylum applications in NL per year, 2010 … 2024."""
    column = "repeat_applications"
    records = _read_csv(data_dir, UNHCR_APPLICATIONS_FILE, ["year", column])
    return build_series(
        "unhcr_volgende_asielaanvragen",
        "Y",
        _rows(records, "year", column),
        _unhcr_provenance("Refugee Data Finder, asylum applications"),
        file=UNHCR_APPLICATIONS_FILE,
        column=column,
    )


@dataclass(frozen=True, slots=True, eq=False)
class DecisionSeries:
    """UNHCR asylum decisions per year at one decision level (FI = first instance)."""

    level: str
    recognized: PeriodSeries
    other: PeriodSeries
    rejected: PeriodSeries
    closed: PeriodSeries
    total: PeriodSeries

    @property
    def provenance(self) -> Provenance:
        return self.total.provenance

    def positive(self) -> PeriodSeries:
        """Positive decisions (refugee status + subsidiary protection) per year."""
        return PeriodSeries(
            "asiel_inwilligingen",
            "Y",
            self.recognized.periods,
            self.recognized.values + self.other.values,
            self.provenance,
        )

    def recognition_rate(self) -> PeriodSeries:
        """(recognized + other) / (recognized + other + rejected): Eurostat convention."""
        positive = self.recognized.values + self.other.values
        base = positive + self.rejected.values
        rate = np.divide(positive, base, out=np.full_like(base, np.nan), where=base > 0)
        return PeriodSeries(
            "inwilligingspercentage",
            "Y",
            self.recognized.periods,
            rate,
            self.provenance,
            unit="fractie",
        )


def load_unhcr_decisions(data_dir: Path | str, level: str = "FI") -> DecisionSeries:
    """UNHCR asylum decisions for NL per year at `level` (default first instance).

    Years before 2008 carry large 'closed' counts and old-law categories; the models
    use 2008 onwards (UNHCR Refugee Data Finder, https://www.unhcr.org/refugee-statistics/).
    """
    columns = ["recognized", "other", "rejected", "closed", "total"]
    records = _read_csv(data_dir, UNHCR_DECISIONS_FILE, ["year", "dec_level", *columns])
    numbered = [
        (n, rec) for n, rec in enumerate(records, start=2) if rec["dec_level"] == level
    ]
    if not numbered:
        raise AsylumDataError(
            f"{UNHCR_DECISIONS_FILE}, kolom 'dec_level': geen rijen met niveau '{level}'."
        )
    built: dict[str, PeriodSeries] = {}
    for column in columns:
        rows = [
            (f"rij {n}", rec["year"] or "", rec[column] or "") for n, rec in numbered
        ]
        built[column] = build_series(
            f"unhcr_{column}",
            "Y",
            rows,
            _unhcr_provenance(f"Refugee Data Finder, asylum decisions ({level})"),
            file=UNHCR_DECISIONS_FILE,
            column=column,
        )
    lengths = {s.periods for s in built.values()}
    if len(lengths) != 1:
        raise AsylumDataError(
            f"{UNHCR_DECISIONS_FILE}: de kolommen {', '.join(columns)} beslaan niet "
            f"dezelfde jaren."
        )
    return DecisionSeries(level=level, **built)


def load_permits_yearly(data_dir: Path | str) -> PeriodSeries:
    """Asylum residence permits granted per year, 2016 … 2021, incl. nareizigers.

    The 2022-H1 row is a half year and is left out of the yearly series.
    """
    column = "total_x1000_derived"
    records = _read_csv(data_dir, PERMITS_FILE, ["period", column])
    rows = [r for r in _rows(records, "period", column) if "-H" not in r[1]]
    return build_series(
        "verleende_verblijfsvergunningen_asiel",
        "Y",
        rows,
        _cbs_provenance("Verleende verblijfsvergunningen asiel (cohortstudie)", ""),
        file=PERMITS_FILE,
        column=column,
        scale=1000.0,
    )


def load_coa_occupancy(data_dir: Path | str) -> PeriodSeries:
    """Persons in COA central reception at year end, 1995 … 2019.

    1995–2010 from the logogemeenten list (COA figures), 2011–2019 from NJI (31 Dec);
    the two agree where they overlap, and the logogemeenten 2015 value is mid-September,
    so NJI is preferred wherever it exists.
    """
    old, nji = "bewoners_logogemeenten_2015", "bewoners_nji_31dec"
    records = _read_csv(data_dir, COA_FILE, ["year", old, nji])
    rows = [
        (f"rij {n}", rec["year"] or "", (rec[nji] or "").strip() or rec[old] or "")
        for n, rec in enumerate(records, start=2)
    ]

    def make(ref: date) -> Provenance:
        return Provenance(
            "COA",
            "Bezetting centrale opvang (jaareinde)",
            "",
            ref,
            "geen licentie vermeld",
        )

    return build_series(
        "coa_bezetting", "Y", rows, make, file=COA_FILE, column=f"{nji}/{old}"
    )


# --- CBS open data (OData v3, table 83102NED) ---------------------------------------

# Field names per measure; the first present in a record is used. Public clients of
# 83102NED read the total as TotaalAsielverzoeken_1, while its sister table 80059NED
# (yearly, 1975-2018) names it TotaalAsielverzoekenEnNareizigers_1: both are accepted.
ODATA_MEASURES: dict[str, tuple[str, ...]] = {
    "eerste_asielverzoeken": ("EersteAsielverzoekenPersonen_2",),
    "nareizigers": ("NareizigersPersonen_4",),
    "volgende_asielverzoeken": ("VolgendeAsielverzoeken_3",),
    "totaal_asielverzoeken": (
        "TotaalAsielverzoeken_1",
        "TotaalAsielverzoekenEnNareizigers_1",
    ),
}
ODATA_TOTALS = {"Geslacht": "T001038", "Leeftijd": "10000", "Nationaliteit": "T001059"}
_ODATA_PERIOD = re.compile(r"^(\d{4})(KW|MM|JJ)(\d{2})$")


def odata_query_url(base: str = CBS_83102_URL) -> str:
    """TypedDataSet URL for the national totals of 83102NED (all periods).

    CBS pads dimension codes with spaces ("T001059  "), so `eq` is unreliable and the
    filter uses startswith. The answer feeds `parse_cbs_83102_odata`.
    """
    parts = " and ".join(f"startswith({k},'{v}')" for k, v in ODATA_TOTALS.items())
    return f"{base}/TypedDataSet?$format=json&$filter={parts.replace(' ', '%20')}"


def odata_period(code: str) -> tuple[str, str]:
    """CBS period code ("2018KW01", "2018MM07", "2018JJ00") -> (frequency, label)."""
    match = _ODATA_PERIOD.match(code.strip())
    if match is None:
        raise ValueError(code)
    year, kind, number = match.group(1), match.group(2), int(match.group(3))
    if kind == "KW" and 1 <= number <= 4:
        return "Q", f"{year}-Q{number}"
    if kind == "MM" and 1 <= number <= 12:
        return "M", f"{year}-{number:02d}"
    if kind == "JJ" and number == 0:
        return "Y", year
    raise ValueError(code)


def parse_cbs_83102_odata(
    payload: Mapping[str, Any],
    measure: str = "eerste_asielverzoeken",
    frequency: str = "Q",
) -> PeriodSeries:
    """Parse a TypedDataSet JSON of CBS 83102NED into a national `PeriodSeries`.

    Only the national totals (all sexes, ages and nationalities) are used; rows of
    other frequencies are skipped. The same validation applies as for the CSV files.
    """
    source = f"CBS OData {CBS_83102_URL}/TypedDataSet"
    if measure not in ODATA_MEASURES:
        raise AsylumDataError(f"Onbekende maat '{measure}' voor tabel 83102NED.")
    fields = ODATA_MEASURES[measure]
    values = payload.get("value")
    if not isinstance(values, list):
        raise AsylumDataError(f"{source}: het antwoord heeft geen lijst 'value'.")
    rows: list[tuple[str, str, str | float | None]] = []
    for n, record in enumerate(values, start=1):
        if not isinstance(record, Mapping):
            raise AsylumDataError(f"{source}, record {n}: geen object.")
        if any(str(record.get(k, "")).strip() != v for k, v in ODATA_TOTALS.items()):
            continue
        code = str(record.get("Perioden", ""))
        try:
            freq, label = odata_period(code)
        except ValueError:
            raise AsylumDataError(
                f"{source}, record {n}, veld 'Perioden': '{code}' is geen geldige "
                f"CBS-periodecode."
            ) from None
        if freq != frequency:
            continue
        field = next((f for f in fields if f in record), None)
        if field is None:
            raise AsylumDataError(
                f"{source}, record {n}: veld '{' of '.join(fields)}' ontbreekt."
            )
        raw = record[field]
        if raw is not None and not isinstance(raw, int | float | str):
            raise AsylumDataError(
                f"{source}, record {n}, veld '{field}': '{raw}' is geen getal."
            )
        rows.append((f"record {n}", label, raw))
    return build_series(
        measure,
        frequency,
        rows,
        _cbs_provenance(
            "Asielverzoeken en nareizigers; nationaliteit, geslacht en leeftijd",
            "83102NED",
            CBS_83102_URL,
        ),
        file=source,
        column=fields[0],
    )
