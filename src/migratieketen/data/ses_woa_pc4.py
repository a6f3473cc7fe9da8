# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""SES-WOA per 4-digit postcode (CBS maatwerk, 1-1-2022) and its per-gemeente mean.

CBS publishes the SES-WOA score per postcode; the Spreidingswet needs it per gemeente.
Until the CBS gemeente rows are in the data folder, the mean over a gemeente's postcodes,
weighted with their private households (the unit the CBS score is averaged over),
approximates the CBS gemeente figure. A postcode that CBS suppressed (too few
households) has no score and drops out; the share of households that still counts is
reported per gemeente, with a warning below `COVERAGE_WARNING_BELOW`. A postcode that
crosses a gemeente border counts whole for the gemeente its file row names.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from fractions import Fraction

from migratieketen.data.csvtable import Cell, CsvTable
from migratieketen.data.issues import IssueList
from migratieketen.data.provenance import Provenance
from migratieketen.data.ses_woa import SOURCE_POSTCODE, SesWoaScores
from migratieketen.data.sources import CBS_LICENCE

GEMEENTE_COLUMN = "gemeente_code_2025_derived"
SCORE_COLUMN = "ses_woa_total"
HOUSEHOLDS_COLUMN = "n_households"
# Below this share of households with a score, the gemeente mean may be biased: the
# suppressed postcodes are small ones (e.g. islands), not a random sample. In the
# shared data 2 of 342 gemeenten are below it (Terschelling 0.885, Weststellingwerf 0.923).
COVERAGE_WARNING_BELOW = Fraction(95, 100)
REFERENCE_DATE = date(2022, 1, 1)
_GM = re.compile(r"^GM\d{4}$")


def pc4_provenance(filename: str) -> Provenance:
    return Provenance(
        publisher="CBS",
        title="Sociaal-economische status per viercijferige postcode (incl. "
        "studentenhuishoudens), voorlopige cijfers",
        table_id="",
        reference_date=REFERENCE_DATE,
        licence=CBS_LICENCE,
        url="https://www.cbs.nl/nl-nl/maatwerk",
        note=f"CBS maatwerk 2024/24 (ses_pc4_2021_2022_incl_exclstudentenv4.xlsx), "
        f"ingelezen uit {filename}. De gemeente per postcode is afgeleid "
        "(punt-in-vlak met de gemeentegrenzen 2025); het gemiddelde per gemeente "
        "rekent Migratieketen zelf uit.",
    )


def check_postcodes(
    table: CsvTable, gemeente_codes: set[str], issues: IssueList
) -> None:
    """Every gemeente code is known; every score has households to weigh it with."""
    name = table.spec.filename
    for row, line in zip(table.rows, table.lines, strict=True):
        code = row.get(GEMEENTE_COLUMN)
        if isinstance(code, str) and code:
            if not _GM.match(code):
                issues.add(
                    name, line, GEMEENTE_COLUMN,
                    f"'{code}' is geen geldige gemeentecode (verwacht GM + 4 cijfers)",
                )  # fmt: skip
            elif code not in gemeente_codes:
                issues.add(
                    name, line, GEMEENTE_COLUMN,
                    f"onbekende gemeentecode {code} (niet in de gemeentelijke indeling "
                    "van de data-map)",
                )  # fmt: skip
        households = row.get(HOUSEHOLDS_COLUMN)
        if row.get(SCORE_COLUMN) is not None and not (
            isinstance(households, int) and households > 0
        ):
            issues.add(
                name, line, HOUSEHOLDS_COLUMN,
                "postcode met een SES-WOA-score maar zonder huishoudens: het gewicht "
                "ontbreekt",
            )  # fmt: skip


@dataclass(slots=True)
class _Sums:
    weighted: Fraction = Fraction(0)
    with_score: int = 0
    households: int = 0
    postcodes: int = 0


def _score(value: Cell) -> Fraction | None:
    if isinstance(value, int | float) and not isinstance(value, bool):
        return Fraction(str(value))
    return None


def _sums(rows: Iterable[dict[str, Cell]]) -> dict[str, _Sums]:
    sums: dict[str, _Sums] = {}
    for row in rows:
        code = row.get(GEMEENTE_COLUMN)
        if not isinstance(code, str) or not code:
            continue  # postcode without a gemeente (e.g. no polygon): not counted
        acc = sums.setdefault(code, _Sums())
        households = row.get(HOUSEHOLDS_COLUMN)
        n = households if isinstance(households, int) else 0
        acc.households += n
        acc.postcodes += 1
        score = _score(row.get(SCORE_COLUMN))
        if score is not None and n > 0:
            acc.weighted += score * n
            acc.with_score += n
    return sums


def aggregate(table: CsvTable, gemeenten: Mapping[str, str]) -> SesWoaScores:
    """Household-weighted mean score per gemeente (code -> name), exact.

    The postcode scores have 3 decimals and the weights are whole households, so the
    mean is an exact fraction and the distribution that uses it stays exact.
    """
    sums = _sums(table.rows)
    scores: dict[str, Fraction] = {}
    coverage: dict[str, Fraction] = {}
    suppressed: list[str] = []
    warnings: dict[str, str] = {}
    for code in sorted(gemeenten):
        acc = sums.get(code)
        if acc is None or acc.with_score == 0:
            suppressed.append(code)
            continue
        scores[code] = acc.weighted / acc.with_score
        coverage[code] = Fraction(acc.with_score, acc.households)
        if coverage[code] < COVERAGE_WARNING_BELOW:
            warnings[code] = (
                f"{gemeenten[code]} ({code}): maar {_pct(coverage[code])} van de "
                "huishoudens woont in een postcode met een SES-WOA-score; het "
                "gemiddelde is minder zeker"
            )
    notes = list(warnings.values())
    if suppressed:
        notes.append(
            f"Geen SES-WOA-score voor {len(suppressed)} gemeente(n): "
            f"{', '.join(suppressed[:10])}"
        )
    return SesWoaScores(
        scores=scores,
        period=str(REFERENCE_DATE.year),
        suppressed=tuple(suppressed),
        provenance=pc4_provenance(table.spec.filename),
        source=SOURCE_POSTCODE,
        coverage=coverage,
        notes=tuple(notes),
        gemeente_notes=warnings,
    )


def _pct(share: Fraction) -> str:
    return f"{float(share) * 100:.1f}".replace(".", ",") + " %"
