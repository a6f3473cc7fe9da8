# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Public aggregates the default score model and the synthetic streams are built from.

* CBS (April 2018), "11 procent van statushouders heeft werk": share of 18-64 year-olds
  of the 2014 permit cohort in work, by months since the permit and nationality.
* CBS (April 2023), "Steeds meer statushouders hebben betaald werk": asylum permits
  granted by nationality, 2016 - 2022-H1 (incl. nareizigers).
* CBS asylum requests and nareizigers per quarter.
Each figure keeps its source line; nothing here is typed in by hand.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from migratieketen.plan.koppeling.model import KoppelingError

EMPLOYMENT_FILE = "cbs_statushouders_werkend_cohort2014_naar_nationaliteit.csv"
PERMITS_FILE = "cbs_verleende_verblijfsvergunningen_asiel_nationaliteit_2016_2022h1.csv"
REQUESTS_FILE = "cbs_asylum_first_requests_quarterly_2013_2024.csv"
EMPLOYMENT_SOURCE = (
    "Bron: CBS, '11 procent van statushouders heeft werk' (nieuwsbericht 2018/16), "
    "werkenden 18-64 jaar, vergunningcohort 2014; licentie CC BY 4.0"
)
PERMITS_SOURCE = (
    "Bron: CBS, 'Steeds meer statushouders hebben betaald werk' (nieuwsbericht "
    "2023/15), verleende verblijfsvergunningen asiel naar nationaliteit 2016 - 2022-H1; "
    "licentie CC BY 4.0"
)
REQUESTS_SOURCE = (
    "Bron: CBS, eerste asielverzoeken en nareizigers per kwartaal; licentie CC BY 4.0"
)
OTHER = "overig"


def _rows(data_dir: Path, name: str) -> list[dict[str, str]]:
    path = Path(data_dir) / name
    if not path.is_file():
        raise KoppelingError(f"Open-databestand {name} ontbreekt in {data_dir}.")
    with path.open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


@dataclass(frozen=True, slots=True)
class EmploymentRates:
    months: int
    by_nationality: dict[str, float]  # share 0-1
    source: str = EMPLOYMENT_SOURCE

    def rate(self, group: str) -> float:
        return self.by_nationality.get(group, self.by_nationality[OTHER])


def employment_rates(data_dir: Path, months: int = 30) -> EmploymentRates:
    """Share in work `months` after the permit (the longest CBS published: 30)."""
    rows = [
        r
        for r in _rows(data_dir, EMPLOYMENT_FILE)
        if r["months_since_permit"] == str(months)
    ]
    if not rows:
        raise KoppelingError(f"Geen CBS-arbeidsdeelname na {months} maanden gevonden.")
    return EmploymentRates(
        months, {r["nationality"]: float(r["pct_working_age18_64"]) / 100 for r in rows}
    )


def permit_shares(data_dir: Path) -> dict[str, float]:
    """Share of each nationality group in asylum permits 2016 - 2022-H1."""
    rows = _rows(data_dir, PERMITS_FILE)
    groups = [c.removesuffix("_x1000") for c in rows[0] if c.endswith("_x1000")]
    totals = {g: sum(float(r[f"{g}_x1000"]) for r in rows) for g in groups}
    totals[OTHER] = totals.pop("overig_onbekend", 0.0)
    whole = sum(totals.values())
    return {g: v / whole for g, v in totals.items()}


def nareiziger_share(data_dir: Path, year: int = 2023) -> float:
    """Nareizigers as a share of first requests plus nareizigers in one year."""
    rows = [r for r in _rows(data_dir, REQUESTS_FILE) if r["year"] == str(year)]
    first = sum(float(r["first_asylum_requests_x1000"]) for r in rows)
    follow = sum(float(r["following_family_members_x1000"] or 0) for r in rows)
    if not rows or follow == 0:
        raise KoppelingError(f"Geen CBS-cijfers over nareizigers voor {year}.")
    return follow / (first + follow)
