# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Inburgering: Wet inburgering 2021 (Wi2021), in force since 1 January 2022.

BWB id BWBR0044770; https://wetten.overheid.nl/BWBR0044770 .
* art. 2 (jci1.3:c:BWBR0044770&artikel=2): who is inburgeringsplichtig (a holder of a
  residence permit for a non-temporary purpose). EU/EEA/Swiss citizens live here under free movement
  (art. 8 onder e Vreemdelingenwet 2000) and are not obliged.
* art. 11 lid 1-2 (jci1.3:c:BWBR0044770&artikel=11): the duty is met within three years;
  the term starts on the day after the date of the PIP (art. 15 lid 3).
* art. 12 (jci1.3:c:BWBR0044770&artikel=12): the college extends the term; Besluit
  inburgering 2021 art. 4.3 lid 2: no blame ('geen verwijt') for not meeting it in time.
* art. 13 lid 1: the college arranges the inburgering of asielstatushouders (and is paid
  for it through the specifieke uitkering); gezins- and overige migranten pay themselves.
* art. 14: brede intake; art. 15: persoonlijk plan inburgering en participatie (PIP).
* Besluit inburgering 2021 art. 3.3 (B1 exam parts) and 3.4 (KNM); leerroutes B1,
  onderwijsroute and Z-route; PVT and MAP are parts of the duty.
* Participatiewet art. 56a (jci1.3:c:BWBR0015703&artikel=56a): ontzorgen in the first
  six months of bijstand.
Terms that are working norms, not law (brede intake, PIP's ten weeks, signal thresholds),
carry status 'unverified' in their YAML and are labelled AANNAME wherever shown.

Every function takes plain facts (`CaseFacts`) so the register, the CLI and tests share it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from enum import StrEnum

from migratieketen.rules.explain import Explanation, LegalReference
from migratieketen.rules.parameters import Parameter, load_parameter

LAW = "Wet inburgering 2021"
BWB_ID = "BWBR0044770"
_JCI = f"https://wetten.overheid.nl/jci1.3:c:{BWB_ID}"
# Besluit inburgering 2021 as amended by Stb. 2022, 489 (its BWB id was not verified).
_BESLUIT = "https://zoek.officielebekendmakingen.nl/stb-2022-489.html"

ART_2 = LegalReference(LAW, BWB_ID, "2", "", f"{_JCI}&artikel=2")
ART_11 = LegalReference(LAW, BWB_ID, "11", "", f"{_JCI}&artikel=11")
ART_11_2 = LegalReference(LAW, BWB_ID, "11", "2", f"{_JCI}&artikel=11&lid=2")
ART_12 = LegalReference(LAW, BWB_ID, "12", "", f"{_JCI}&artikel=12")
ART_13_1 = LegalReference(LAW, BWB_ID, "13", "1", f"{_JCI}&artikel=13&lid=1")
ART_14 = LegalReference(LAW, BWB_ID, "14", "", f"{_JCI}&artikel=14")
ART_15 = LegalReference(LAW, BWB_ID, "15", "", f"{_JCI}&artikel=15")
BESLUIT_3_3 = LegalReference("Besluit inburgering 2021", "", "3.3", "", _BESLUIT)
BESLUIT_3_4 = LegalReference("Besluit inburgering 2021", "", "3.4", "", _BESLUIT)
BESLUIT_4_3 = LegalReference("Besluit inburgering 2021", "", "4.3", "2", _BESLUIT)
VW_8 = LegalReference(
    "Vreemdelingenwet 2000",
    "BWBR0011823",
    "8",
    "",
    "https://wetten.overheid.nl/jci1.3:c:BWBR0011823&artikel=8",
)
PW_56A = LegalReference(
    "Participatiewet",
    "BWBR0015703",
    "56a",
    "",
    "https://wetten.overheid.nl/jci1.3:c:BWBR0015703&artikel=56a",
)
WORKING_NORM = "AANNAME: gemeentelijke werknorm, geen wettelijke termijn."


class InburgeringError(ValueError):
    """Input that the law or the register refuses (message in Dutch for users)."""


class Ground(StrEnum):
    """The residence ground that brings the duty; decides who pays (art. 13)."""

    ASIEL = "asiel"
    GEZIN = "gezin"
    OVERIG = "overig"


class Route(StrEnum):
    B1 = "b1"
    ONDERWIJS = "onderwijs"
    Z = "z"


GROUND_LABELS = {
    Ground.ASIEL: "asielstatushouder",
    Ground.GEZIN: "gezinsmigrant",
    Ground.OVERIG: "overige migrant",
}
ROUTE_LABELS = {
    Route.B1: "B1-route",
    Route.ONDERWIJS: "onderwijsroute",
    Route.Z: "Z-route",
}


def _param(name: str) -> Parameter:
    return load_parameter(f"wet_inburgering/{name}")


def in_force_from() -> date:
    return date.fromisoformat(str(_param("van_kracht").value_at(date(2022, 1, 1))))


def add_years(day: date, years: int) -> date:
    """Same calendar day `years` later; 29 February becomes 28 February."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def add_months(day: date, months: int) -> date:
    """Same day `months` later, clipped to the month's last day (31 Jan + 1 = 28 Feb)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    for last in (31, 30, 29, 28):
        try:
            return date(year, month + 1, min(day.day, last))
        except ValueError:
            continue
    raise AssertionError("unreachable")  # pragma: no cover


# --- who is obliged ---------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class DutyDecision:
    """Whether a person can be registered as inburgeringsplichtig, and why (Dutch)."""

    obliged: bool
    reason: str
    references: tuple[LegalReference, ...]


def exempt_nationalities(at: date) -> frozenset[str]:
    return frozenset(_param("niet_inburgeringsplichtige_nationaliteiten").value_at(at))


def check_start_date(start: date, today: date) -> None:
    """The duty's start is a fact that has happened: not in the future, not before Wi2021."""
    if start > today:
        raise InburgeringError(
            f"De startdatum van de inburgeringsplicht ({start:%d-%m-%Y}) ligt in de "
            "toekomst; registreer iemand pas als de plicht is begonnen."
        )
    first = in_force_from()
    if start < first:
        raise InburgeringError(
            f"De startdatum {start:%d-%m-%Y} ligt voor {first:%d-%m-%Y}: wie toen "
            "inburgeringsplichtig werd, valt onder de Wet inburgering (2013), niet "
            "onder de Wet inburgering 2021."
        )


def duty_decision(nationality: str, ground: Ground, start: date) -> DutyDecision:
    """Art. 2 Wi2021: EU/EEA/Swiss citizens are not obliged; others by their ground."""
    code = nationality.strip().upper()
    if code in exempt_nationalities(start):
        return DutyDecision(
            False,
            f"Niet inburgeringsplichtig: een burger van de EU, de EER of Zwitserland "
            f"(nationaliteit {code}) verblijft hier op grond van het vrij verkeer "
            "(art. 8 onder e Vreemdelingenwet 2000), niet op een verblijfsvergunning "
            "die de inburgeringsplicht meebrengt (art. 2 Wet inburgering 2021). "
            "Vrijwillig inburgeren kan wel, maar hoort niet in dit register.",
            (ART_2, VW_8),
        )
    return DutyDecision(
        True,
        f"Inburgeringsplichtig als {GROUND_LABELS[ground]} (art. 2 Wet inburgering "
        "2021).",
        (ART_2,),
    )


# --- the case and its steps -------------------------------------------------------


@dataclass(frozen=True, slots=True)
class CaseFacts:
    """What the register knows of one inburgeringsplichtige's trajectory (dates)."""

    ground: Ground
    duty_start: date
    brede_intake_started: date | None = None
    pip_date: date | None = None
    route: Route | None = None
    route_started: date | None = None
    knm_done: date | None = None
    map_done: date | None = None
    pvt_done: date | None = None
    route_done: date | None = None
    last_progress: date | None = None
    extended_until: date | None = None
    exempted_on: date | None = None
    bijstand_started: date | None = None
    bijstand_ended: date | None = None


@dataclass(frozen=True, slots=True)
class Term:
    """The inburgeringstermijn (art. 11), with its extension (art. 12) if any."""

    start: date
    statutory_end: date
    end: date
    extended: bool

    def explanation(self) -> Explanation:
        arithmetic = (
            f"start {self.start:%d-%m-%Y} (dag na het PIP) + 3 jaar "
            f"= uiterlijk {self.statutory_end:%d-%m-%Y}"
        )
        if self.extended:
            arithmetic += f"; verlengd tot {self.end:%d-%m-%Y}"
        refs = (ART_11, ART_11_2, ART_12) if self.extended else (ART_11, ART_11_2)
        return Explanation(
            "inburgeringstermijn",
            self.end.isoformat(),
            refs,
            {"start": self.start, "einde": self.end},
            arithmetic,
        )


def term(facts: CaseFacts) -> Term | None:
    """Art. 11: three years from the day after the PIP; None while there is no PIP."""
    if facts.pip_date is None:
        return None
    years = int(_param("inburgeringstermijn").value_at(facts.pip_date))
    start = facts.pip_date + timedelta(days=1)
    statutory_end = add_years(start, years) - timedelta(days=1)
    extended = facts.extended_until is not None and facts.extended_until > statutory_end
    end = facts.extended_until if extended and facts.extended_until else statutory_end
    return Term(start, statutory_end, end, extended)


def duty_ended(facts: CaseFacts) -> date | None:
    """The day the duty ended: ontheffing, or route + PVT + MAP all completed."""
    if facts.exempted_on is not None:
        return facts.exempted_on
    parts = (facts.route_done, facts.pvt_done, facts.map_done)
    if all(parts):
        return max(p for p in parts if p is not None)
    return None


class StepStatus(StrEnum):
    DONE = "afgerond"
    OPEN = "open"
    LATE = "te laat"
    NOT_APPLICABLE = "n.v.t."


@dataclass(frozen=True, slots=True)
class Step:
    """One step of the trajectory with its deadline and the article behind it."""

    key: str
    label: str
    deadline: date | None
    done_on: date | None
    status: StepStatus
    reference: LegalReference
    note: str = ""


def _status(done: date | None, deadline: date | None, today: date) -> StepStatus:
    if done is not None:
        return StepStatus.DONE
    if deadline is not None and today > deadline:
        return StepStatus.LATE
    return StepStatus.OPEN


def brede_intake_deadline(facts: CaseFacts) -> date:
    weeks = int(_param("termijn_brede_intake").value_at(facts.duty_start))
    return facts.duty_start + timedelta(weeks=weeks)


def pip_deadline(facts: CaseFacts) -> date | None:
    if facts.brede_intake_started is None:
        return None
    weeks = int(_param("termijn_pip").value_at(facts.brede_intake_started))
    return facts.brede_intake_started + timedelta(weeks=weeks)


def ontzorgen_period(facts: CaseFacts) -> tuple[date, date] | None:
    """Art. 56a Pw: the first six months of bijstand, or until it ends earlier."""
    if facts.ground is not Ground.ASIEL or facts.bijstand_started is None:
        return None
    months = int(_param("ontzorgen").value_at(facts.bijstand_started))
    end = add_months(facts.bijstand_started, months) - timedelta(days=1)
    if facts.bijstand_ended is not None and facts.bijstand_ended < end:
        end = facts.bijstand_ended
    return facts.bijstand_started, end


def _intake_steps(facts: CaseFacts, today: date) -> list[Step]:
    intake_deadline = brede_intake_deadline(facts)
    pip_due = pip_deadline(facts)
    return [
        Step(
            "brede_intake",
            "Brede intake gestart",
            intake_deadline,
            facts.brede_intake_started,
            _status(facts.brede_intake_started, intake_deadline, today),
            ART_14,
            WORKING_NORM,
        ),
        Step(
            "pip",
            "Persoonlijk plan inburgering en participatie (PIP)",
            pip_due,
            facts.pip_date,
            _status(facts.pip_date, pip_due, today),
            ART_15,
            "AANNAME: tien weken na de start van de brede intake (niet geverifieerd).",
        ),
    ]


def _route_steps(facts: CaseFacts, end: date | None, today: date) -> list[Step]:
    route_label = ROUTE_LABELS[facts.route] if facts.route else "Leerroute"
    knm_applies = facts.route in (Route.B1, None)
    steps = [
        Step(
            "leerroute",
            f"{route_label} afgerond",
            end,
            facts.route_done,
            _status(facts.route_done, end, today),
            BESLUIT_3_3 if facts.route is Route.B1 else ART_11,
        ),
        Step(
            "knm",
            "Kennis van de Nederlandse maatschappij (KNM)",
            end if knm_applies else None,
            facts.knm_done,
            _status(facts.knm_done, end, today)
            if knm_applies or facts.knm_done
            else StepStatus.NOT_APPLICABLE,
            BESLUIT_3_4,
            ""
            if knm_applies
            else "In de Z-route en de onderwijsroute alleen als "
            "de inburgeringsplichtige dat wil en kan.",
        ),
    ]
    for key, label, done in (
        ("map", "Module arbeidsmarkt en participatie (MAP)", facts.map_done),
        ("pvt", "Participatieverklaringstraject (PVT)", facts.pvt_done),
    ):
        steps.append(Step(key, label, end, done, _status(done, end, today), ART_11))
    return steps


def steps(facts: CaseFacts, today: date) -> tuple[Step, ...]:
    """Every step with its deadline: intake and PIP, then route, KNM, MAP and PVT."""
    current = term(facts)
    end = current.end if current else None
    result = _intake_steps(facts, today) + _route_steps(facts, end, today)
    period = ontzorgen_period(facts)
    if period is not None:
        result.append(
            Step(
                "ontzorgen",
                "Ontzorgen (vaste lasten uit de bijstand betaald)",
                period[1],
                period[1] if today > period[1] else None,
                StepStatus.DONE if today > period[1] else StepStatus.OPEN,
                PW_56A,
                f"Van {period[0]:%d-%m-%Y} tot en met {period[1]:%d-%m-%Y}.",
            )
        )
    if facts.exempted_on is not None:
        result = [
            s
            if s.status is StepStatus.DONE
            else Step(
                s.key,
                s.label,
                None,
                None,
                StepStatus.NOT_APPLICABLE,
                s.reference,
                "Ontheffing verleend.",
            )
            for s in result
        ]
    return tuple(result)


# --- signals -----------------------------------------------------------------------


class SignalKind(StrEnum):
    INTAKE_LATE = "brede_intake_te_laat"
    PIP_LATE = "pip_te_laat"
    NEAR_END = "einde_termijn_nadert"
    TERM_PASSED = "termijn_verstreken"
    NO_PROGRESS = "geen_voortgang"


SIGNAL_LABELS = {
    SignalKind.INTAKE_LATE: "Brede intake te laat",
    SignalKind.PIP_LATE: "PIP te laat",
    SignalKind.NEAR_END: "Einde termijn nadert",
    SignalKind.TERM_PASSED: "Termijn verstreken",
    SignalKind.NO_PROGRESS: "Route zonder voortgang",
}


@dataclass(frozen=True, slots=True)
class Signal:
    kind: SignalKind
    text: str
    reference: LegalReference

    @property
    def label(self) -> str:
        return SIGNAL_LABELS[self.kind]


def signal_thresholds(at: date) -> dict[str, int]:
    return {k: int(v) for k, v in _param("signalen").value_at(at).items()}


def _term_signals(facts: CaseFacts, today: date) -> list[Signal]:
    current = term(facts)
    if current is None:
        return []
    if today > current.end:
        return [
            Signal(
                SignalKind.TERM_PASSED,
                f"De inburgeringstermijn liep af op {current.end:%d-%m-%Y}: verlengen "
                "(art. 12) of ontheffing, of handhaven.",
                ART_12,
            )
        ]
    months = signal_thresholds(today)["near_end_months"]
    if today >= add_months(current.end, -months):
        return [
            Signal(
                SignalKind.NEAR_END,
                f"De inburgeringstermijn loopt af op {current.end:%d-%m-%Y} "
                f"(binnen {months} maanden).",
                ART_11,
            )
        ]
    return []


def _progress_signal(facts: CaseFacts, today: date) -> list[Signal]:
    if facts.route is None or facts.route_started is None or facts.route_done:
        return []
    months = signal_thresholds(today)["no_progress_months"]
    marks = [
        d
        for d in (facts.route_started, facts.last_progress, facts.knm_done)
        if d is not None
    ]
    latest = max(marks)
    if today < add_months(latest, months):
        return []
    return [
        Signal(
            SignalKind.NO_PROGRESS,
            f"Geen voortgang geregistreerd sinds {latest:%d-%m-%Y} (langer dan "
            f"{months} maanden; AANNAME: werknorm).",
            ART_15,
        )
    ]


def signals(facts: CaseFacts, today: date) -> tuple[Signal, ...]:
    """Late intake or PIP, term near its end or passed, a route without progress."""
    if duty_ended(facts) is not None:
        return ()
    found: list[Signal] = []
    by_key = {s.key: s for s in steps(facts, today)}
    if by_key["brede_intake"].status is StepStatus.LATE:
        found.append(
            Signal(
                SignalKind.INTAKE_LATE,
                "De brede intake is niet gestart binnen "
                f"{by_key['brede_intake'].deadline:%d-%m-%Y} ({WORKING_NORM})",
                ART_14,
            )
        )
    if by_key["pip"].status is StepStatus.LATE:
        found.append(
            Signal(
                SignalKind.PIP_LATE,
                f"Het PIP is niet vastgesteld voor {by_key['pip'].deadline:%d-%m-%Y} "
                "(AANNAME: tien weken na de start van de brede intake).",
                ART_15,
            )
        )
    return tuple(found + _term_signals(facts, today) + _progress_signal(facts, today))


# --- money ---------------------------------------------------------------------------


class CostCategory(StrEnum):
    """Who pays: the SPUK budget (voorzieningen) or the gemeentefonds (uitvoering)."""

    VOORZIENING = "voorziening"
    UITVOERING = "uitvoering"


@dataclass(frozen=True, slots=True)
class CostModule:
    key: str
    label: str
    category: CostCategory


COST_MODULES: dict[str, CostModule] = {
    m.key: m
    for m in (
        CostModule("b1", "B1-route", CostCategory.VOORZIENING),
        CostModule("onderwijs", "Onderwijsroute", CostCategory.VOORZIENING),
        CostModule("z", "Z-route", CostCategory.VOORZIENING),
        CostModule("knm", "KNM", CostCategory.VOORZIENING),
        CostModule("map", "MAP", CostCategory.VOORZIENING),
        CostModule("pvt", "PVT", CostCategory.VOORZIENING),
        CostModule(
            "begeleiding", "Maatschappelijke begeleiding", CostCategory.VOORZIENING
        ),
        CostModule("tolk", "Tolken", CostCategory.VOORZIENING),
        CostModule("intake_pip", "Brede intake en PIP", CostCategory.UITVOERING),
        CostModule("ontzorgen", "Ontzorgen", CostCategory.UITVOERING),
    )
}


@dataclass(frozen=True, slots=True)
class Budget:
    """The budget one person brings (SPUK), with the parameter and its source."""

    amount: Decimal
    parameter: str
    source: str
    reference_title: str
    reference_href: str


def budget_for(facts: CaseFacts) -> Budget:
    """Art. 13 lid 1: only asielstatushouders bring budget; others pay themselves."""
    if facts.ground is not Ground.ASIEL:
        return Budget(
            Decimal(0),
            "",
            "Gezins- en overige migranten betalen hun inburgering zelf (DUO-lening); "
            "de gemeente krijgt geen budget per persoon.",
            ART_13_1.label(),
            ART_13_1.url,
        )
    at = facts.duty_start
    if facts.route is Route.ONDERWIJS:
        param = _param("budget_onderwijsroute")
        if param.value_at(at) is not None:
            return _budget(param, at)
    return _budget(_param("budget_per_leerroute"), at)


def _budget(param: Parameter, at: date) -> Budget:
    entry = param.entry_at(at)
    ref = param.reference_at(at)
    return Budget(
        Decimal(str(entry["value"])),
        param.name,
        str(entry.get("source", "")),
        ref.title,
        ref.href,
    )


def route_price(route: Route, at: date) -> Decimal:
    """AANNAME: the expected cost of one trajectory of `route` (routeprijs.yaml)."""
    return Decimal(str(_param("routeprijs").value_at(at)[route.value]))


@dataclass(frozen=True, slots=True)
class PersonCost:
    """Booked cost of one person against the budget that person brings."""

    ground: Ground
    route: Route | None
    voorzieningen: Decimal
    uitvoering: Decimal
    per_module: Mapping[str, Decimal]
    budget: Budget
    estimated_voorzieningen: Decimal  # AANNAME: at least the route price

    @property
    def gap(self) -> Decimal:
        """Booked voorzieningen minus budget: positive is a shortfall."""
        return self.voorzieningen - self.budget.amount


def person_cost(facts: CaseFacts, costs: Mapping[str, Decimal]) -> PersonCost:
    """Sum the booked costs per module and set them against the person's budget."""
    unknown = sorted(set(costs) - set(COST_MODULES))
    if unknown:
        raise InburgeringError(
            f"Onbekende kostenmodule(s): {', '.join(unknown)}; kies uit "
            f"{', '.join(COST_MODULES)}."
        )
    voorz = sum(
        (v for k, v in costs.items() if COST_MODULES[k].category == "voorziening"),
        Decimal(0),
    )
    uitv = sum(
        (v for k, v in costs.items() if COST_MODULES[k].category == "uitvoering"),
        Decimal(0),
    )
    estimate = voorz
    if facts.route is not None and facts.ground is Ground.ASIEL:
        estimate = max(voorz, route_price(facts.route, facts.duty_start))
    return PersonCost(
        facts.ground, facts.route, voorz, uitv, dict(costs), budget_for(facts), estimate
    )


@dataclass(frozen=True, slots=True)
class FundingGap:
    """Per gemeente: what the asielstatushouders' inburgering costs against the budget."""

    persons: int
    asylum_persons: int
    budget: Decimal
    voorzieningen: Decimal
    uitvoering: Decimal
    estimated_voorzieningen: Decimal
    per_route: Mapping[str, Decimal] = field(default_factory=dict)
    sources: tuple[str, ...] = ()

    @property
    def gap(self) -> Decimal:
        """Booked voorzieningen of asielstatushouders minus their budget."""
        return self.voorzieningen - self.budget

    @property
    def estimated_gap(self) -> Decimal:
        """AANNAME: with at least the route price per person in a route."""
        return self.estimated_voorzieningen - self.budget


def funding_gap(people: Iterable[PersonCost]) -> FundingGap:
    """Add up the asielstatushouders' booked costs and budgets (art. 13 lid 1)."""
    persons = asylum = 0
    budget = voorz = uitv = estimate = Decimal(0)
    per_route: dict[str, Decimal] = {}
    sources: set[str] = set()
    for p in people:
        persons += 1
        uitv += p.uitvoering
        if p.ground is not Ground.ASIEL:
            continue
        asylum += 1
        budget += p.budget.amount
        voorz += p.voorzieningen
        estimate += p.estimated_voorzieningen
        key = p.route.value if p.route else "geen"
        per_route[key] = per_route.get(key, Decimal(0)) + p.voorzieningen
        sources.add(f"{p.budget.reference_title}: {p.budget.source}")
    return FundingGap(
        persons,
        asylum,
        budget,
        voorz,
        uitv,
        estimate,
        per_route,
        tuple(sorted(sources)),
    )


def share(part: int, whole: int) -> int | None:
    """A whole percentage rounded half up, as CBS publishes shares; None when whole=0."""
    if whole <= 0:
        return None
    return int(
        (Decimal(100 * part) / Decimal(whole)).to_integral_value("ROUND_HALF_UP")
    )
