# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Monitor of the taakstelling: opgave with carry-over, realised, remaining, status per
peildatum and the provincial supervision step, for one gemeente over several half-years.

Pure Python on plain inputs so a Django app can store realisations and call `monitor`.
Legal basis: art. 28-29 Huisvestingswet 2014 (BWBR0035303,
https://wetten.overheid.nl/jci1.3:c:BWBR0035303&artikel=28); carry-over is practice
(rules.md §1.2); the peildata 1 April / 1 October and the not-at-fault status when COA
linked too few people follow COA (rules.md §1.3); supervision follows art. 124
Gemeentewet (BWBR0005416) and the provincial beleidskaders (rules.md §1.5).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from migratieketen.rules.explain import Explanation
from migratieketen.rules.huisvestingswet import (
    ART_28,
    CARRY_OVER_PRACTICE,
    GEMEENTEWET_124,
    HalfYear,
    TaakstellingError,
    supervision_threshold,
)
from migratieketen.rules.parameters import load_parameter


@dataclass(frozen=True, slots=True)
class Realisation:
    """Vergunninghouders housed in a gemeente on a date (counts for that half-year)."""

    gemeente: str  # CBS code
    housed_on: date
    persons: int
    kind: str = "regulier"  # "regulier", "nareiziger", "zelf_gevonden"
    reference: str = ""  # the gemeente's own kenmerk; unique when given


def realised_per_half_year(
    realisations: Sequence[Realisation], gemeente: str, as_of: date
) -> dict[HalfYear, int]:
    out: dict[HalfYear, int] = {}
    for r in realisations:
        if r.gemeente != gemeente or r.housed_on > as_of:
            continue
        hy = HalfYear(r.housed_on.year, 1 if r.housed_on.month <= 6 else 2)
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
    # lopend | gehaald | voorsprong | achterstand | buiten schuld | niet geregistreerd
    status: str
    missed: bool  # counts for supervision

    def explanation(self, gemeente: str) -> Explanation:
        notes: tuple[str, ...] = ()
        if self.status == "buiten schuld":
            notes = (
                f"COA koppelde {self.linked_by_peildatum} vergunninghouders voor de "
                f"peildatum, minder dan de opgave {self.opgave}: niet verwijtbaar.",
            )
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


def _supervision_step(
    province_code: str, rows: Sequence[HalfYearStatus]
) -> SupervisionStep | None:
    ended = [r for r in rows if r.ended]
    streak = 0
    for r in ended:
        if r.missed:
            streak += 1
        elif r.status != "buiten schuld":
            streak = 0
    if streak == 0 or not ended:
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
    realisations: Sequence[Realisation],
    as_of: date,
    opening_balance: int = 0,
    linked_by_peildatum: Mapping[HalfYear, int] | None = None,
    registered: bool = True,
) -> MonitorReport:
    """Status of every half-year up to `as_of`, with carry-over and the supervision step.

    A half-year that has ended with an achterstand is 'missed', unless COA linked fewer
    people than the opgave before the peildatum ('buiten schuld'), which neither counts
    as missed nor resets the streak.

    `registered=False` says the register holds nothing for this gemeente at all: an
    ended half-year then reads 'niet geregistreerd' instead of an achterstand, since
    an empty register is missing information, not proof that nobody was housed.
    """
    if not periods:
        raise TaakstellingError("Geen halfjaren opgegeven.")
    for prev, hy in zip(periods, periods[1:], strict=False):
        if hy != prev.next():
            raise TaakstellingError(
                f"Halfjaren moeten aansluiten: {prev} wordt gevolgd door {hy}."
            )
    realised = realised_per_half_year(realisations, gemeente, as_of)
    linked = linked_by_peildatum or {}
    rows: list[HalfYearStatus] = []
    balance = opening_balance
    for hy in periods:
        if hy.start > as_of:
            break
        if hy not in taakstellingen:
            raise TaakstellingError(f"Geen taakstelling voor {gemeente} in {hy}.")
        t = taakstellingen[hy]
        opgave = balance + t
        done = realised.get(hy, 0)
        ended = hy.end < as_of
        carry = opgave - done
        link = linked.get(hy)
        if not ended:
            status, missed = "lopend", False
        elif not registered:
            status, missed = "niet geregistreerd", False
        elif carry > 0 and link is not None and link < opgave:
            status, missed = "buiten schuld", False
        elif carry > 0:
            status, missed = "achterstand", True
        elif carry < 0:
            status, missed = "voorsprong", False
        else:
            status, missed = "gehaald", False
        rows.append(
            HalfYearStatus(
                hy,
                balance,
                t,
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
        balance = carry
    if not rows:
        raise TaakstellingError(f"Het eerste halfjaar begint na {as_of.isoformat()}.")
    return MonitorReport(
        gemeente,
        province_code,
        as_of,
        tuple(rows),
        _supervision_step(province_code, rows),
    )
