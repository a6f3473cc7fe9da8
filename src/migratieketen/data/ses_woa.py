# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Loader for CBS SES-WOA scores per gemeente (table 85163NED and successors).

The Spreidingswet key weights inhabitants with these scores. They are not in the open data
folder; a user who has downloaded the CBS table (StatLine "CSV met statistische symbolen",
';'-separated, or the OData TypedDataSet CSV) can load it here. Gemeente rows are found by
their code (GM + 4 digits, in any column); the score column is 'SES-WOA/Totaalscore/
Gemiddelde score' (StatLine) or 'GemiddeldeScore_*' (OData).
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from datetime import date
from fractions import Fraction
from pathlib import Path

from migratieketen.data.provenance import Provenance

GM_CODE = re.compile(r"^GM\d{4}$")
MISSING = {"", ".", "x", "-", "?"}


class SesWoaError(ValueError):
    """The SES-WOA file cannot be used (message in Dutch for users)."""


@dataclass(frozen=True, slots=True)
class SesWoaScores:
    scores: dict[str, Fraction]  # gemeentecode -> mean total score
    period: str
    suppressed: tuple[str, ...]  # gemeenten in the file without a score
    provenance: Provenance


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
        provenance=Provenance(
            publisher="CBS",
            title="Sociaal-economische status; scores per wijk en buurt",
            table_id="85163NED",
            reference_date=date(int(year.group()), 1, 1) if year else date(1900, 1, 1),
            licence="CC BY 4.0",
            url="https://opendata.cbs.nl/statline/#/CBS/nl/dataset/85163NED/table",
            note=f"Ingelezen uit {path.name}, periode {chosen}.",
        ),
    )
