# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""LVV (Landelijke Vreemdelingenvoorzieningen): tracks, outcomes and their classes.

Not a law but an administrative agreement of Rijk and VNG (end 2018); pilot from 1 April
2019 in Amsterdam, Eindhoven, Groningen, Rotterdam and Utrecht (`parameters/lvv/`). The
goal is a 'bestendige oplossing'. The outcome classes follow the WODC/Regioplan final
evaluation (November 2022):
* lasting (bestendig): a residence permit after all, independent (assisted) return,
  onward migration;
* semi-lasting (semi-bestendig): a new asylum application, medical postponement of
  departure (uitstel van vertrek, art. 64 Vreemdelingenwet 2000);
* none (geen oplossing): left for an unknown destination, removed from the LVV, other.
Shares are whole percentages of the exits, rounded half up as the evaluation publishes.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum
from statistics import median

from migratieketen.rules.parameters import load_parameter


class Track(StrEnum):
    """The trajectory agreed at intake (it may change during the stay)."""

    RETURN = "terugkeer"
    ONWARD = "doormigratie"
    NEW_APPLICATION = "legalisatie_nieuwe_aanvraag"
    MEDICAL = "legalisatie_medisch"
    OTHER = "legalisatie_overig"


class Outcome(StrEnum):
    PERMIT = "verblijfsvergunning"
    RETURN = "zelfstandige_terugkeer"
    ONWARD = "doormigratie"
    ASYLUM = "nieuwe_asielaanvraag"
    MEDICAL = "medisch_uitstel_van_vertrek"
    UNKNOWN = "vertrokken_onbekend"
    REMOVED = "uitgeplaatst"
    OTHER = "overig"


class OutcomeClass(StrEnum):
    LASTING = "bestendig"
    SEMI_LASTING = "semi_bestendig"
    NONE = "geen"


TRACK_LABELS = {
    Track.RETURN: "terugkeer",
    Track.ONWARD: "doormigratie",
    Track.NEW_APPLICATION: "legalisatie: nieuwe aanvraag",
    Track.MEDICAL: "legalisatie: medisch",
    Track.OTHER: "legalisatie: overig",
}
OUTCOME_LABELS = {
    Outcome.PERMIT: "verblijfsvergunning",
    Outcome.RETURN: "zelfstandige terugkeer",
    Outcome.ONWARD: "doormigratie",
    Outcome.ASYLUM: "nieuwe asielaanvraag",
    Outcome.MEDICAL: "medisch uitstel van vertrek",
    Outcome.UNKNOWN: "vertrokken met onbekende bestemming",
    Outcome.REMOVED: "uit de LVV geplaatst",
    Outcome.OTHER: "overig",
}
CLASS_LABELS = {
    OutcomeClass.LASTING: "bestendige oplossing",
    OutcomeClass.SEMI_LASTING: "semi-bestendige oplossing",
    OutcomeClass.NONE: "geen oplossing",
}
OUTCOME_CLASS = {
    Outcome.PERMIT: OutcomeClass.LASTING,
    Outcome.RETURN: OutcomeClass.LASTING,
    Outcome.ONWARD: OutcomeClass.LASTING,
    Outcome.ASYLUM: OutcomeClass.SEMI_LASTING,
    Outcome.MEDICAL: OutcomeClass.SEMI_LASTING,
    Outcome.UNKNOWN: OutcomeClass.NONE,
    Outcome.REMOVED: OutcomeClass.NONE,
    Outcome.OTHER: OutcomeClass.NONE,
}


class LvvError(ValueError):
    """Input the register refuses (message in Dutch)."""


def outcome_class(outcome: Outcome) -> OutcomeClass:
    return OUTCOME_CLASS[outcome]


def pilot_gemeenten(on: date) -> frozenset[str]:
    param = load_parameter("lvv/pilotgemeenten")
    if on < param.values[0][0]:
        return frozenset()
    return frozenset(str(c) for c in param.value_at(on))


@dataclass(frozen=True, slots=True)
class CaseFacts:
    intake: date
    track: Track
    outcome: Outcome | None = None
    exit: date | None = None


def check_case(facts: CaseFacts, today: date) -> None:
    """An exit needs an outcome and lies between the intake and today."""
    if facts.intake > today:
        raise LvvError("De intake ligt in de toekomst.")
    if (facts.outcome is None) != (facts.exit is None):
        raise LvvError("Vul de uitkomst en de datum van uitstroom samen in.")
    if facts.exit is not None and not facts.intake <= facts.exit <= today:
        raise LvvError(
            "De uitstroom ligt voor de intake of in de toekomst; controleer de datum."
        )


def duration_days(facts: CaseFacts, today: date) -> int:
    """Days in the LVV: from intake to exit, or to today while still in it."""
    return ((facts.exit or today) - facts.intake).days


def share(part: int, whole: int) -> int | None:
    if whole <= 0:
        return None
    return int((Decimal(100 * part) / Decimal(whole)).to_integral_value(ROUND_HALF_UP))


@dataclass(frozen=True, slots=True)
class OutcomeShares:
    """Exits per outcome class with shares and the median stay per class (days)."""

    exited: int
    in_care: int
    counts: dict[str, int]
    shares: dict[str, int | None]
    median_days: dict[str, float | None]
    per_outcome: dict[str, int]


def outcome_shares(cases: Iterable[CaseFacts], today: date) -> OutcomeShares:
    counts = {c.value: 0 for c in OutcomeClass}
    days: dict[str, list[int]] = {c.value: [] for c in OutcomeClass}
    per_outcome = {o.value: 0 for o in Outcome}
    in_care = 0
    for case in cases:
        if case.outcome is None:
            in_care += 1
            continue
        cls = outcome_class(case.outcome).value
        counts[cls] += 1
        per_outcome[case.outcome.value] += 1
        days[cls].append(duration_days(case, today))
    exited = sum(counts.values())
    return OutcomeShares(
        exited,
        in_care,
        counts,
        {k: share(v, exited) for k, v in counts.items()},
        {k: float(median(v)) if v else None for k, v in days.items()},
        per_outcome,
    )


@dataclass(frozen=True, slots=True)
class Outflow:
    """Monthly exit probability per outcome class among those in care (chain model).

    `rates[cls]` = exits of that class / person-months in care over the window; the
    chain can draw LVV outflow from it. Estimated from the register, not from a law.
    """

    months: int
    person_months: float
    rates: dict[str, float]
    exits: dict[str, int]


def outflow(cases: Iterable[CaseFacts], today: date, months: int = 12) -> Outflow:
    """Exit rates per outcome class over the last `months` months before `today`."""
    start_index = today.year * 12 + today.month - 1 - months
    start = date(start_index // 12, start_index % 12 + 1, 1)
    exposure = 0.0
    exits = {c.value: 0 for c in OutcomeClass}
    for case in cases:
        begin = max(case.intake, start)
        end = min(case.exit or today, today)
        if end > begin:
            exposure += (end - begin).days / (365.25 / 12)
        if case.outcome is not None and case.exit is not None and case.exit >= start:
            exits[outcome_class(case.outcome).value] += 1
    rates = {k: (v / exposure if exposure else 0.0) for k, v in exits.items()}
    return Outflow(months, exposure, rates, exits)
