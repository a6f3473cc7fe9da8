# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Registration of (EU labour) migrants: Wet basisregistratie personen (Wet BRP).

BWB id BWBR0033715; https://wetten.overheid.nl/BWBR0033715 .
* art. 1.1 (jci1.3:c:BWBR0033715&artikel=1.1), woonadres: the address where one lives;
  with several, where one is expected to spend most nights in half a year; failing that,
  where one is expected to spend at least two thirds of the nights in three months.
* art. 2.38 lid 1 (jci1.3:c:BWBR0033715&artikel=2.38): whoever can reasonably be expected
  to stay here at least two thirds of the time during half a year reports in person
  within five days of arrival: registration as ingezetene in the BRP.
* art. 2.43 (jci1.3:c:BWBR0033715&artikel=2.43): departure is reported by an ingezetene
  expected to spend at least two thirds of a year abroad, from five days before.
* art. 2.62-2.78 (afdeling 2, niet-ingezetenen; art. 2.67 registration on request):
  the RNI. It records no Dutch stay address, except the voluntary temporary stay address
  since 24 October 2022 and, in the experiment tijdelijk verblijfsadres (art. 4.16a;
  Stb. 2023, 309, from October 2023 for four years), as reported by designated gemeenten.
The fractions, terms and gemeenten are dated parameters in `parameters/wet_brp/`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from fractions import Fraction
from functools import lru_cache
from typing import Any

from migratieketen.rules.explain import LegalReference
from migratieketen.rules.parameters import load_parameter
from migratieketen.rules.wet_inburgering import add_months

LAW = "Wet basisregistratie personen"
BWB_ID = "BWBR0033715"
_JCI = f"https://wetten.overheid.nl/jci1.3:c:{BWB_ID}"


def _ref(article: str, lid: str = "") -> LegalReference:
    url = f"{_JCI}&artikel={article}" + (f"&lid={lid}" if lid else "")
    return LegalReference(LAW, BWB_ID, article, lid, url)


ART_1_1 = _ref("1.1")
ART_2_38 = _ref("2.38", "1")
ART_2_43 = _ref("2.43")
ART_2_67 = _ref("2.67")
ART_4_16A = _ref("4.16a")
EXPERIMENT = LegalReference(
    "Besluit experimenten bijhouding basisregistratie personen (Stb. 2023, 309)",
    "",
    "2.4",
    "",
    "https://zoek.officielebekendmakingen.nl/stb-2023-309.html",
)


class Registration(StrEnum):
    """Where a person is (or should be) registered."""

    BRP = "brp"  # ingezetene
    RNI = "rni"  # niet-ingezetene
    NONE = "geen"


def _value(name: str, at: date) -> Any:
    return load_parameter(f"wet_brp/{name}").value_at(at)


def _fraction(value: Mapping[str, Any], prefix: str = "") -> Fraction:
    return Fraction(
        int(value[f"{prefix}numerator"]), int(value[f"{prefix}denominator"])
    )


@dataclass(frozen=True, slots=True)
class RegistrationDecision:
    """BRP as ingezetene (with the reporting deadline) or RNI, and why (Dutch)."""

    registration: Registration
    report_by: date | None
    threshold_days: int
    window_days: int
    reason: str
    reference: LegalReference


def window_days(start: date, months: int) -> int:
    """Days in the period of `months` calendar months from `start`."""
    return (add_months(start, months) - start).days


@lru_cache(maxsize=8192)
def threshold_days(start: date, at: date | None = None) -> int:
    """The fewest days of a half-year from `start` that make two thirds (rounded up).

    Cached per date: every RNI occupant of every location asks it on each page view.
    """
    value = _value("verblijfsdrempel", at or start)
    days = window_days(start, int(value["months"]))
    share = _fraction(value) * days
    return int(-(-share.numerator // share.denominator))


def registration_decision(arrival: date, expected_days: int) -> RegistrationDecision:
    """Art. 2.38 lid 1: two thirds of half a year expected here -> BRP within 5 days."""
    value = _value("verblijfsdrempel", arrival)
    window = window_days(arrival, int(value["months"]))
    needed = threshold_days(arrival)
    if expected_days >= needed:
        report_by = arrival + timedelta(days=int(value["report_days"]))
        return RegistrationDecision(
            Registration.BRP,
            report_by,
            needed,
            window,
            f"Verwacht verblijf {expected_days} van {window} dagen is ten minste twee "
            f"derde ({needed} dagen): inschrijven als ingezetene in de BRP, persoonlijk "
            f"aangifte uiterlijk {report_by:%d-%m-%Y} (art. 2.38 lid 1 Wet BRP).",
            ART_2_38,
        )
    return RegistrationDecision(
        Registration.RNI,
        None,
        needed,
        window,
        f"Verwacht verblijf {expected_days} van {window} dagen is minder dan twee derde "
        f"({needed} dagen): geen ingezetene; inschrijving in de RNI op verzoek "
        "(art. 2.67 Wet BRP).",
        ART_2_67,
    )


def woonadres(
    nights_half_year: Mapping[str, int],
    nights_three_months: Mapping[str, int],
    three_months_days: int = 91,
) -> str | None:
    """Art. 1.1: the address with most nights in half a year; else >= 2/3 in 3 months.

    A tie for most nights means no such address; the fallback then needs two thirds of
    the `three_months_days` nights of the coming three months at one address.
    """
    if nights_half_year:
        most = max(nights_half_year.values())
        leaders = [a for a, n in nights_half_year.items() if n == most]
        if len(leaders) == 1 and most > 0:
            return leaders[0]
    total = three_months_days
    value = _value("woonadres", date(2014, 1, 6))
    share = _fraction(value, "fallback_")
    for address, nights in nights_three_months.items():
        if total and Fraction(nights, total) >= share:
            return address
    return None


@dataclass(frozen=True, slots=True)
class DepartureDecision:
    must_report: bool
    earliest: date | None
    reason: str
    reference: LegalReference = ART_2_43


def departure_decision(departure: date, expected_days_abroad: int) -> DepartureDecision:
    """Art. 2.43: two thirds of a year abroad -> report, at the earliest 5 days before."""
    value = _value("vertrek", departure)
    year = window_days(departure, int(value["months"]))
    share = _fraction(value) * year
    needed = int(-(-share.numerator // share.denominator))
    if expected_days_abroad >= needed:
        earliest = departure - timedelta(days=int(value["days_before"]))
        return DepartureDecision(
            True,
            earliest,
            f"{expected_days_abroad} van {year} dagen in het buitenland is ten minste "
            f"twee derde ({needed}): vertrek melden, vanaf {earliest:%d-%m-%Y} "
            "(art. 2.43 Wet BRP).",
        )
    return DepartureDecision(
        False,
        None,
        f"{expected_days_abroad} van {year} dagen in het buitenland is minder dan twee "
        f"derde ({needed}): geen vertrekaangifte (art. 2.43 Wet BRP).",
    )


@dataclass(frozen=True, slots=True)
class RniThreshold:
    """An RNI registrant's stay measured against the two-thirds rule."""

    passed: bool
    passed_on: date | None
    days_present: int
    threshold_days: int
    window_days: int


def rni_threshold(
    stay_start: date, today: date, stay_end: date | None = None
) -> RniThreshold:
    """Whether the stay so far reached two thirds of the half-year from its start.

    The stay counts from `stay_start` up to `stay_end` or `today`. Once the days present
    in the first half-year reach the threshold, the person meets art. 2.38 lid 1 and
    belongs in the BRP as ingezetene, not (only) in the RNI.
    """
    value = _value("verblijfsdrempel", stay_start)
    window = window_days(stay_start, int(value["months"]))
    needed = threshold_days(stay_start)
    last = min(today, stay_end) if stay_end else today
    present = max(0, min((last - stay_start).days + 1, window))
    passed_on = stay_start + timedelta(days=needed - 1)
    passed = present >= needed
    return RniThreshold(passed, passed_on if passed else None, present, needed, window)


def experiment_gemeenten(on: date) -> frozenset[str]:
    """Gemeenten in the experiment tijdelijk verblijfsadres on `on` (none before)."""
    param = load_parameter("wet_brp/experiment_tijdelijk_verblijfsadres")
    if on < param.values[0][0]:
        return frozenset()
    return frozenset(str(c) for c in param.value_at(on))


def in_experiment(gemeente: str, on: date) -> bool:
    return gemeente.upper() in experiment_gemeenten(on)
