# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""CBS SES-WOA scores per gemeente: the value type, and the readers of CBS table files.

The Spreidingswet key weights inhabitants with the SES-WOA score of each gemeente. Three
sources can supply it, in this order of precedence (`preferred_scores`):

1. the gemeente rows of the CBS SES-WOA table, as `data sync` writes them into the data
   folder (`cbs_ses_woa_gemeenten.csv`, see `schema.SES_WOA_GEMEENTEN`);
2. the household-weighted mean over the gemeente's 4-digit postcodes, computed from the
   CBS postcode file (`ses_woa_pc4.py`), an approximation of 1;
3. a CBS table file a user downloaded (`load_ses_woa`, CLI `--ses`): StatLine "CSV met
   statistische symbolen" (';'-separated) or the OData TypedDataSet CSV. Gemeente rows are
   found by their code (GM + 4 digits, in any column); the score column is
   'SES-WOA/Totaalscore/Gemiddelde score' (StatLine) or 'GemiddeldeScore_*' (OData).
"""

from __future__ import annotations

import csv
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from fractions import Fraction
from pathlib import Path

from migratieketen.data.csvtable import CsvTable
from migratieketen.data.issues import IssueList
from migratieketen.data.provenance import Provenance
from migratieketen.data.sources import ses_woa_provenance

GM_CODE = re.compile(r"^GM\d{4}$")
MISSING = {"", ".", "x", "-", "?"}

SOURCE_CBS = "cbs"  # gemeente rows of the CBS table, in the data folder
SOURCE_POSTCODE = "postcode"  # household-weighted mean of the CBS postcode scores
SOURCE_FILE = "bestand"  # a CBS table file given by the user


class SesWoaError(ValueError):
    """The SES-WOA file cannot be used (message in Dutch for users)."""


@dataclass(frozen=True, slots=True)
class SesWoaScores:
    """SES-WOA total score per gemeente from one source and one period."""

    scores: dict[str, Fraction]  # gemeentecode -> mean total score
    period: str  # CBS period as published ("2022", "2022JJ00")
    suppressed: tuple[str, ...]  # gemeenten in the source without a score
    provenance: Provenance
    source: str = SOURCE_FILE
    # Share of a gemeente's households whose postcode has a score (postcode source only).
    coverage: dict[str, Fraction] = field(default_factory=dict)
    notes: tuple[str, ...] = ()  # warnings for the user (Dutch)
    gemeente_notes: dict[str, str] = field(default_factory=dict)  # code -> warning

    @property
    def year(self) -> int | None:
        match = re.match(r"\d{4}", self.period)
        return int(match.group()) if match else None

    def label(self) -> str:
        """One Dutch line saying which SES-WOA figure this is."""
        if self.source == SOURCE_POSTCODE:
            return (
                f"CBS SES-WOA per postcode (peildatum {self.provenance.reference_date:%d-%m-%Y}), "
                "huishoudgewogen gemiddelde per gemeente (benadering van het CBS-"
                "gemeentecijfer)"
            )
        table = (
            f" (tabel {self.provenance.table_id})" if self.provenance.table_id else ""
        )
        return f"CBS SES-WOA per gemeente{table}, periode {self.period}"


def preferred_scores(available: Mapping[str, SesWoaScores]) -> SesWoaScores | None:
    """The CBS gemeente rows when present, else the postcode aggregate, else None."""
    for source in (SOURCE_CBS, SOURCE_POSTCODE):
        if source in available:
            return available[source]
    return None


def _fraction(value: object) -> Fraction | None:
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return Fraction(str(value))  # through str: 0.052 stays 52/1000
    return None


def scores_from_synced_table(table: CsvTable, issues: IssueList) -> SesWoaScores | None:
    """The synced CBS gemeente rows (one period, one table); None if inconsistent."""
    periods = {str(r["periode"]) for r in table.rows}
    tables = {str(r["cbs_tabel"]) for r in table.rows}
    name = table.spec.filename
    if len(periods) != 1 or len(tables) != 1:
        issues.add(
            name,
            None,
            "periode" if len(periods) != 1 else "cbs_tabel",
            "het bestand moet precies één periode van één CBS-tabel bevatten, niet "
            f"{', '.join(sorted(periods | tables))}",
        )
        return None
    period, table_id = periods.pop(), tables.pop()
    scores = {}
    suppressed = []
    for row in table.rows:
        value = _fraction(row["ses_woa_totaal"])
        if value is None:
            suppressed.append(str(row["gemeentecode"]))
        else:
            scores[str(row["gemeentecode"])] = value
    year = re.match(r"\d{4}", period)
    return SesWoaScores(
        scores=scores,
        period=period,
        suppressed=tuple(sorted(suppressed)),
        provenance=ses_woa_provenance(
            table_id, date(int(year.group()), 1, 1) if year else None, name
        ),
        source=SOURCE_CBS,
    )


# --- a CBS table file given by the user ----------------------------------------------


def _score_column(header: list[str]) -> int:
    for i, name in enumerate(header):
        low = name.lower()
        if "totaalscore" in low and "gemiddelde" in low:
            return i
    for i, name in enumerate(header):
        if name.startswith("GemiddeldeScore"):
            return i
    raise SesWoaError(
        "Geen kolom met de SES-WOA-totaalscore gevonden (verwacht 'SES-WOA/Totaalscore/"
        "Gemiddelde score' of 'GemiddeldeScore_...')."
    )


def _period_column(header: list[str]) -> int | None:
    for i, name in enumerate(header):
        if name.strip().lower() == "perioden":
            return i
    return None


def _parse_score(raw: str, where: str) -> Fraction | None:
    text = raw.strip().strip('"').strip()
    if text in MISSING:
        return None
    try:
        return Fraction(text.replace(",", "."))
    except ValueError as exc:
        raise SesWoaError(f"{where}: '{raw}' is geen getal.") from exc


def _rows_by_period(
    path: Path, rows: list[list[str]]
) -> dict[str, dict[str, Fraction | None]]:
    header = [h.strip() for h in rows[0]]
    score_col = _score_column(header)
    period_col = _period_column(header)
    by_period: dict[str, dict[str, Fraction | None]] = {}
    for lineno, row in enumerate(rows[1:], start=2):
        codes = [cell.strip() for cell in row if GM_CODE.match(cell.strip())]
        if not codes:
            continue  # wijk, buurt or national rows
        if len(row) != len(header):
            raise SesWoaError(f"{path.name} rij {lineno}: aantal kolommen klopt niet.")
        per = row[period_col].strip() if period_col is not None else ""
        bucket = by_period.setdefault(per, {})
        if codes[0] in bucket:
            raise SesWoaError(f"{path.name} rij {lineno}: {codes[0]} komt dubbel voor.")
        bucket[codes[0]] = _parse_score(row[score_col], f"{path.name} rij {lineno}")
    return by_period


def load_ses_woa(path: Path, period: str | None = None) -> SesWoaScores:
    """Read gemeente scores for one period (default: the latest in the file)."""
    if not path.is_file():
        raise SesWoaError(f"SES-WOA-bestand ontbreekt: {path}")
    text = path.read_text(encoding="utf-8-sig")
    first = text.splitlines()[0] if text else ""
    delimiter = ";" if first.count(";") > first.count(",") else ","
    rows = list(csv.reader(text.splitlines(), delimiter=delimiter))
    if len(rows) < 2:
        raise SesWoaError(f"{path.name}: geen gegevensregels.")
    by_period = _rows_by_period(path, rows)
    if not by_period:
        raise SesWoaError(f"{path.name}: geen gemeenten (GMxxxx) gevonden.")
    chosen = period if period is not None else max(by_period)
    if chosen not in by_period:
        raise SesWoaError(
            f"{path.name}: periode '{chosen}' niet gevonden; wel: "
            f"{', '.join(sorted(by_period))}."
        )
    values = by_period[chosen]
    scores = {c: v for c, v in values.items() if v is not None}
    year = re.match(r"\d{4}", chosen)
    return SesWoaScores(
        scores=scores,
        period=chosen,
        suppressed=tuple(sorted(c for c, v in values.items() if v is None)),
        provenance=ses_woa_provenance(
            "85163NED",
            date(int(year.group()), 1, 1) if year else None,
            path.name,
        ),
        source=SOURCE_FILE,
    )
