# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Signals per labour-migrant housing location, each with the rule behind it.

Composes `huisvestingsnormen` (beds above a norm, overbewoning, local cap) and
`wet_brp` (under-registration at the address, RNI registrants past the two-thirds
threshold) with the register's own facts (SNF certificate expiry; occupants whose
job ends within 30 days in employer-tied housing: 'dreigende dakloosheid', a working
norm, not law). Plain facts in, so the register, the API, the CLI and tests share it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum
from typing import Any

from migratieketen.rules import huisvestingsnormen as hn
from migratieketen.rules import wet_brp
from migratieketen.rules.explain import LegalReference

# AANNAME: thirty days gives the gemeente time to find another bed before the job ends.
JOB_END_DAYS = 30
WORKING_NORM = LegalReference(
    "Werknorm register arbeidsmigranten (AANNAME: 30 dagen)", "", "-", ""
)
SNF_CERT = LegalReference(
    "SNF-keurmerk (Stichting Normering Flexwonen)",
    "",
    "-",
    "",
    "https://www.normeringflexwonen.nl/information-for-residents",
)


class SignalKind(StrEnum):
    BEDS_ABOVE_NORM = "bedden_boven_norm"
    OVERBEWONING = "overbewoning"
    LOCAL_CAP = "boven_lokale_norm"
    UNDER_REGISTRATION = "onderregistratie"
    SNF_EXPIRED = "snf_keurmerk_verlopen"
    HOMELESSNESS_RISK = "dreigende_dakloosheid"
    RNI_THRESHOLD = "rni_drempel_overschreden"


SIGNAL_LABELS = {
    SignalKind.BEDS_ABOVE_NORM: "Meer bedden dan de SNF-norm toestaat",
    SignalKind.OVERBEWONING: "Overbewoning",
    SignalKind.LOCAL_CAP: "Boven het lokale maximum",
    SignalKind.UNDER_REGISTRATION: "Meer bewoners dan BRP-inschrijvingen",
    SignalKind.SNF_EXPIRED: "SNF-keurmerk verlopen",
    SignalKind.HOMELESSNESS_RISK: "Dreigende dakloosheid",
    SignalKind.RNI_THRESHOLD: "RNI-inschrijving voorbij de tweederdegrens",
}
_NORM_SIGNAL = {
    hn.NormKind.SNF_AREA: SignalKind.BEDS_ABOVE_NORM,
    hn.NormKind.SNF_BEDROOM: SignalKind.BEDS_ABOVE_NORM,
    hn.NormKind.OVERBEWONING: SignalKind.OVERBEWONING,
    hn.NormKind.LOCAL_CAP: SignalKind.LOCAL_CAP,
}


@dataclass(frozen=True, slots=True)
class OccupantFacts:
    registration: wet_brp.Registration
    stay_start: date
    stay_end: date | None = None
    contract_end: date | None = None

    def present(self, today: date) -> bool:
        return self.stay_start <= today and (
            self.stay_end is None or self.stay_end >= today
        )


@dataclass(frozen=True, slots=True)
class LocationFacts:
    norms: hn.LocationNorms
    employer_tied: bool = False
    snf_expiry: date | None = None
    brp_registrations: int | None = None  # as known from the BRP at the address
    occupants: tuple[OccupantFacts, ...] = ()
    local_cap: hn.LocalCap | None = None


@dataclass(frozen=True, slots=True)
class Signal:
    """One signal: what, the numbers, and the rule (article or norm) behind it."""

    kind: SignalKind
    text: str
    reference: LegalReference
    numbers: dict[str, Any] = field(default_factory=dict)

    @property
    def label(self) -> str:
        return SIGNAL_LABELS[self.kind]

    def rule(self) -> str:
        return self.reference.label()

    def to_dict(self) -> dict[str, Any]:
        return {
            "soort": self.kind.value,
            "omschrijving": self.text,
            "regel": self.rule(),
            "regelUrl": self.reference.url,
            "toelichting": self.reference.note,
            "getallen": self.numbers,
        }


def present(facts: LocationFacts, today: date) -> list[OccupantFacts]:
    return [o for o in facts.occupants if o.present(today)]


def _norm_signals(facts: LocationFacts, today: date) -> list[Signal]:
    norms = facts.norms
    count = len(present(facts, today))
    if count > norms.beds:
        norms = hn.LocationNorms(**{**_fields(norms), "occupants": count})
    found = []
    for check in hn.checks(norms, today, facts.local_cap):
        if not check.exceeded:
            continue
        found.append(
            Signal(
                _NORM_SIGNAL[check.kind],
                f"{check.label}: {check.persons} personen waar ten hoogste "
                f"{check.allowed} mogen, {check.excess} te veel ({check.arithmetic}).",
                check.reference,
                {
                    "norm": check.kind.value,
                    "personen": check.persons,
                    "toegestaan": check.allowed,
                    "teVeel": check.excess,
                },
            )
        )
    return found


def _fields(norms: hn.LocationNorms) -> dict[str, Any]:
    return {
        name: getattr(norms, name) for name in hn.LocationNorms.__dataclass_fields__
    }


def _registration_signals(facts: LocationFacts, today: date) -> list[Signal]:
    found = []
    here = present(facts, today)
    if facts.brp_registrations is not None and len(here) > facts.brp_registrations:
        found.append(
            Signal(
                SignalKind.UNDER_REGISTRATION,
                f"{len(here)} bewoners aanwezig, {facts.brp_registrations} ingeschreven "
                "in de BRP op dit adres: wie hier twee derde van een half jaar verblijft "
                "moet als ingezetene zijn ingeschreven (art. 2.38 lid 1 Wet BRP).",
                wet_brp.ART_2_38,
                {"bewoners": len(here), "brpInschrijvingen": facts.brp_registrations},
            )
        )
    passed = [
        o
        for o in here
        if o.registration is wet_brp.Registration.RNI
        and wet_brp.rni_threshold(o.stay_start, today, o.stay_end).passed
    ]
    if passed:
        needed = wet_brp.threshold_days(min(o.stay_start for o in passed))
        found.append(
            Signal(
                SignalKind.RNI_THRESHOLD,
                f"{len(passed)} bewoner(s) in de RNI verblijven hier al ten minste twee "
                f"derde van een half jaar (ongeveer {needed} dagen): inschrijving als "
                "ingezetene in de BRP (art. 2.38 lid 1 Wet BRP).",
                wet_brp.ART_2_38,
                {"bewoners": len(passed), "drempelDagen": needed},
            )
        )
    return found


def _other_signals(facts: LocationFacts, today: date) -> list[Signal]:
    found = []
    if facts.snf_expiry is not None and facts.snf_expiry < today:
        found.append(
            Signal(
                SignalKind.SNF_EXPIRED,
                f"Het SNF-keurmerk is verlopen op {facts.snf_expiry:%d-%m-%Y}.",
                SNF_CERT,
                {"verlopenOp": facts.snf_expiry.isoformat()},
            )
        )
    if facts.employer_tied:
        horizon = today + timedelta(days=JOB_END_DAYS)
        ending = [
            o
            for o in present(facts, today)
            if o.contract_end is not None and today <= o.contract_end <= horizon
        ]
        if ending:
            found.append(
                Signal(
                    SignalKind.HOMELESSNESS_RISK,
                    f"{len(ending)} bewoner(s) verliezen binnen {JOB_END_DAYS} dagen "
                    "hun werk en daarmee hun bed: de huur hangt af van het "
                    "arbeidscontract (AANNAME: werknorm van 30 dagen).",
                    WORKING_NORM,
                    {"bewoners": len(ending), "dagen": JOB_END_DAYS},
                )
            )
    return found


def location_signals(facts: LocationFacts, today: date) -> tuple[Signal, ...]:
    """Every signal of the location on `today`, norms first."""
    return tuple(
        _norm_signals(facts, today)
        + _registration_signals(facts, today)
        + _other_signals(facts, today)
    )
