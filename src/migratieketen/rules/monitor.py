# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""The taakstelling ledger: carry-over, status per half-year and the supervision step.

The one implementation of these rules; the web monitor, the YAML law cases
(tests/rules/cases/huisvestingswet.yaml) and `benchmarks/bench_rules.py` all use it.

* Opgave = meegenomen + taakstelling: B&W house vergunninghouders per taakstelling
  (art. 28 Huisvestingswet 2014, https://wetten.overheid.nl/jci1.3:c:BWBR0035303&artikel=28).
  Carrying an achterstand (+) or voorsprong (-) into the next half-year is practice, not
  statute ("De achterstanden van de vorige taakstelling schuiven automatisch door",
  Rijksoverheid, quoted by gemeente.nu, april 2022): `huisvestingswet.CARRY_OVER_PRACTICE`.
* Buiten schuld: COA must have linked (gekoppeld) enough vergunninghouders to the
  gemeente by the peildatum, 1 April or 1 October (COA, "Huisvesting van statushouders",
  https://www.coa.nl/nl/huisvesting-van-statushouders; parameter huisvestingswet/peildata).
* Supervision: interbestuurlijk toezicht by the province, art. 124 Gemeentewet
  (https://wetten.overheid.nl/jci1.3:c:BWBR0005416&artikel=124), with thresholds per
  province from the provincial beleidskaders (parameters huisvestingswet/toezicht and
  toezicht_ladder).

Pure Python on plain inputs: realised persons per half-year in, statuses out. The
caller supplies the date (`as_of`); nothing here reads a clock.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from migratieketen.rules.explain import Explanation
from migratieketen.rules.huisvestingswet import (
    ART_28,
    CARRY_OVER_PRACTICE,
    GEMEENTEWET_124,
    MIN_YEAR,
    HalfYear,
    TaakstellingError,
)
from migratieketen.rules.parameters import load_parameter

# The statuses of a half-year, in the order a reader meets them.
RUNNING = "lopend"
MET = "gehaald"
AHEAD = "voorsprong"
BEHIND = "achterstand"
NOT_AT_FAULT = "buiten schuld"
NOT_REGISTERED = "niet geregistreerd"
STATUSES = (RUNNING, MET, AHEAD, BEHIND, NOT_AT_FAULT, NOT_REGISTERED)
NOT_REGISTERED_NOTE = (
    "Voor dit halfjaar staat niets in het realisatieregister. Een leeg register bewijst "
    "niet dat niemand gehuisvest is: er is geen oordeel (geen achterstand, voorsprong of "
    "toezichtstap) en er schuift niets door naar het volgende halfjaar."
)
FROM_THE_START = HalfYear(MIN_YEAR, 1)  # registered_from: every half-year registered


@dataclass(frozen=True, slots=True)
class Realisation:
    """Vergunninghouders housed in a gemeente on a date (counts for that half-year)."""

    gemeente: str  # CBS code
    housed_on: date
    persons: int
    kind: str = "regulier"  # "regulier", "nareiziger", "zelf_gevonden"
    reference: str = ""  # the gemeente's own kenmerk; unique when given
    households: int | None = None


def half_year_of(day: date) -> HalfYear:
    """The half-year a housing date counts for (art. 1 lid 1 onder e: per half-year)."""
    return HalfYear.of(day)


def realised_per_half_year(
    realisations: Sequence[Realisation], gemeente: str, as_of: date
) -> dict[HalfYear, int]:
    """Persons housed per half-year up to and including `as_of`, for one gemeente."""
    out: dict[HalfYear, int] = {}
    for r in realisations:
        if r.gemeente != gemeente or r.housed_on > as_of:
            continue
        hy = half_year_of(r.housed_on)
        out[hy] = out.get(hy, 0) + r.persons
    return out


@dataclass(frozen=True, slots=True)
class HalfYearStatus:
    half_year: HalfYear
    carry_in: int
    taakstelling: int
    opgave: int
    realised: int  # up to as_of
    remaining: int  # max(0, opgave - realised)
    carry_out: int  # opgave - realised (final only when the half-year has ended)
    ended: bool
    linked_by_peildatum: int | None  # COA koppelingen by 1 April / 1 October
    status: str  # one of STATUSES
    missed: bool  # counts for supervision

    @property
    def achterstand(self) -> bool:
        """The one definition of 'achterstand' every monitor figure counts.

        An ended half-year of a gemeente that registers its housing, closed with
        persons still to house: status achterstand, or achterstand buiten schuld.
        A running half-year has no achterstand yet, and an empty register is no proof
        of one ('niet geregistreerd').
        """
        return self.status in (BEHIND, NOT_AT_FAULT)

    def explanation(self, gemeente: str) -> Explanation:
        notes: tuple[str, ...] = ()
        if self.status == NOT_AT_FAULT:
            notes = (
                f"COA koppelde {self.linked_by_peildatum} vergunninghouders voor de "
                f"peildatum, minder dan de opgave {self.opgave}: niet verwijtbaar.",
            )
        elif self.status == NOT_REGISTERED:
            notes = (NOT_REGISTERED_NOTE,)
        return Explanation(
            subject=f"monitor {gemeente} {self.half_year}",
            value=self.remaining,
            references=(ART_28, CARRY_OVER_PRACTICE),
            inputs={
                "meegenomen": self.carry_in,
                "taakstelling": self.taakstelling,
                "gehuisvest": self.realised,
                "gekoppeld voor peildatum": self.linked_by_peildatum,
            },
            arithmetic=(
                f"opgave {self.carry_in} + {self.taakstelling} = {self.opgave}; "
                f"nog te huisvesten max(0, {self.opgave} - {self.realised}) = "
                f"{self.remaining}; status {self.status}"
            ),
            notes=notes,
        )


@dataclass(frozen=True, slots=True)
class SupervisionStep:
    half_year: HalfYear
    consecutive_missed: int
    step: str
    escalation: bool

    def explanation(self, gemeente: str) -> Explanation:
        return Explanation(
            subject=f"toezicht {gemeente} {self.half_year}",
            value=self.step,
            references=(GEMEENTEWET_124,),
            inputs={"halfjaren op rij niet gehaald": self.consecutive_missed},
            arithmetic=f"{self.consecutive_missed} op rij -> {self.step}",
        )


@dataclass(frozen=True, slots=True)
class MonitorReport:
    gemeente: str
    province_code: str
    as_of: date
    half_years: tuple[HalfYearStatus, ...]
    supervision: SupervisionStep | None

    @property
    def current(self) -> HalfYearStatus:
        return self.half_years[-1]


def _status(
    ended: bool, registered: bool, opgave: int, carry: int, linked: int | None
) -> tuple[str, bool]:
    """(status, missed) of one half-year; see `carry_over` for the rules."""
    if not registered:
        return NOT_REGISTERED, False
    if not ended:
        return RUNNING, False
    if carry > 0 and linked is not None and linked < opgave:
        return NOT_AT_FAULT, False
    if carry > 0:
        return BEHIND, True
    if carry < 0:
        return AHEAD, False
    return MET, False


def _check_periods(periods: Sequence[HalfYear]) -> None:
    if not periods:
        raise TaakstellingError("Geen halfjaren opgegeven.")
    for prev, hy in zip(periods, periods[1:], strict=False):
        if hy.ordinal != prev.ordinal + 1:
            raise TaakstellingError(
                f"Halfjaren moeten aansluiten: {prev} wordt gevolgd door {hy}."
            )


def carry_over(
    periods: Sequence[HalfYear],
    taakstellingen: Mapping[HalfYear, int],
    realised: Mapping[HalfYear, int],
    as_of: date,
    opening_balance: int = 0,
    linked_by_peildatum: Mapping[HalfYear, int] | None = None,
    registered_from: HalfYear | None = FROM_THE_START,
) -> tuple[HalfYearStatus, ...]:
    """Every half-year up to `as_of`: opgave with carry-over, what remains, the status.

    Achterstand (+) and voorsprong (-) carry into the next half-year, so persons are
    conserved: opening + sum(taakstelling) - sum(realised) = the last carry_out.
    `realised` holds the persons housed per half-year up to `as_of`. A half-year that
    has ended with an achterstand is missed, unless COA linked fewer people than the
    opgave before the peildatum (buiten schuld).

    `registered_from` is the first half-year for which the gemeente keeps the register
    (None: not at all). Earlier half-years read 'niet geregistreerd': an empty register
    is missing information, not proof that nobody was housed, so they get no verdict
    and carry nothing over; the first registered half-year starts from 0 (or from
    `opening_balance` when it is the first period).
    """
    _check_periods(periods)
    linked = linked_by_peildatum or {}
    now = half_year_of(as_of).ordinal  # earlier half-years have ended on as_of
    rows: list[HalfYearStatus] = []
    balance = opening_balance
    for hy in periods:
        registered = registered_from is not None and hy >= registered_from
        if not registered:
            balance = 0  # unknown, so nothing is carried in
        if hy.ordinal > now:
            break
        taak = taakstellingen.get(hy)
        if taak is None:
            raise TaakstellingError(f"Geen taakstelling voor {hy}.")
        done = realised.get(hy, 0)
        if done < 0:
            raise TaakstellingError(f"Aantal gehuisvest in {hy} is negatief ({done}).")
        opgave = balance + taak
        carry = opgave - done
        ended, link = hy.ordinal < now, linked.get(hy)
        status, missed = _status(ended, registered, opgave, carry, link)
        rows.append(
            HalfYearStatus(
                hy,
                balance,
                taak,
                opgave,
                done,
                max(0, carry),
                carry,
                ended,
                link,
                status,
                missed,
            )
        )
        balance = carry if registered else 0
    if not rows:
        raise TaakstellingError(f"Het eerste halfjaar begint na {as_of.isoformat()}.")
    return tuple(rows)


@dataclass(frozen=True, slots=True)
class SupervisionThreshold:
    """Consecutive missed half-years before a signal and before intervention."""

    signal_after_missed: int
    escalate_after_missed: int | None


def supervision_threshold(province_code: str, at: date) -> SupervisionThreshold:
    """The province's thresholds in force on `at` (its beleidskader, else the default)."""
    table: dict[str, Any] = load_parameter("huisvestingswet/toezicht").value_at(at)
    cfg = table.get(province_code, table["default"])
    esc = cfg.get("escalate_after_missed")
    return SupervisionThreshold(
        int(cfg["signal_after_missed"]), int(esc) if esc is not None else None
    )


def supervision_step(
    province_code: str, rows: Sequence[HalfYearStatus]
) -> SupervisionStep | None:
    """The province's step after consecutive missed half-years (art. 124 Gemeentewet).

    Only ended half-years count. A missed half-year lengthens the streak; one buiten
    schuld neither lengthens nor breaks it; any other status breaks it. The thresholds
    and the ladder are dated parameters per province (huisvestingswet/toezicht,
    huisvestingswet/toezicht_ladder), read on the last ended half-year's end date.
    """
    ended = [r for r in rows if r.ended]
    streak = 0
    for r in ended:
        if r.missed:
            streak += 1
        elif r.status != NOT_AT_FAULT:
            streak = 0
    if streak == 0:
        return None
    last = ended[-1].half_year
    threshold = supervision_threshold(province_code, last.end)
    if streak < threshold.signal_after_missed:
        return None
    ladder = load_parameter("huisvestingswet/toezicht_ladder").value_at(last.end)
    steps: list[str] = list(ladder["steps"])
    if (
        threshold.escalate_after_missed is not None
        and streak >= threshold.escalate_after_missed
    ):
        return SupervisionStep(last, streak, str(ladder["escalation"]), True)
    return SupervisionStep(last, streak, steps[min(streak, len(steps)) - 1], False)


def monitor(
    gemeente: str,
    province_code: str,
    periods: Sequence[HalfYear],
    taakstellingen: Mapping[HalfYear, int],
    realised: Mapping[HalfYear, int],
    as_of: date,
    opening_balance: int = 0,
    linked_by_peildatum: Mapping[HalfYear, int] | None = None,
    registered_from: HalfYear | None = FROM_THE_START,
) -> MonitorReport:
    """The ledger of one gemeente as it stood on `as_of`, with its supervision step."""
    rows = carry_over(
        periods,
        taakstellingen,
        realised,
        as_of,
        opening_balance,
        linked_by_peildatum,
        registered_from,
    )
    return MonitorReport(
        gemeente, province_code, as_of, rows, supervision_step(province_code, rows)
    )


def day_after(hy: HalfYear) -> date:
    """The first day on which `hy` has ended: the `as_of` of a closed half-year."""
    return hy.end + timedelta(days=1)
