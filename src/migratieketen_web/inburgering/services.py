# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""The inburgering register's operations; the only module of the app that calls the core.

Every read and write takes an `Actor`, goes through `Model.objects.for_actor` (the
isolation rule) and writes an audit line (`audit.recorder.record`) in the same
transaction as a write, so there is no change without its log line.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import Sum
from django.http import Http404
from django.utils import timezone

from migratieketen.bsn import BsnError, normalise_bsn
from migratieketen.data.csv_guard import refuse_unreadable_csv
from migratieketen.rules import wet_inburgering as wi
from migratieketen.rules.wet_inburgering import Ground, Route, SignalKind
from migratieketen_web.accounts.isolation import Actor, require
from migratieketen_web.accounts.registers import RegisterError, list_organisation
from migratieketen_web.accounts.roles import Right
from migratieketen_web.audit.models import Action, Status
from migratieketen_web.audit.purposes import INBURGERING
from migratieketen_web.audit.recorder import record
from migratieketen_web.gemeenten.models import Gemeente
from migratieketen_web.inburgering.bsn_key import bsn_hash
from migratieketen_web.inburgering.models import STEP_DATES, CostEntry, Person

# Core names the app's other modules use (imported from here, never from the core;
# docs/adr/0008-one-domain-template.md).
__all__ = [
    "BsnError",
    "Ground",
    "Route",
    "SignalKind",
    "normalise_bsn",
    "refuse_unreadable_csv",
]

OBJECT_TYPE = "inburgering.inburgeraar"
ROUTE_NAMES = {r.value: label for r, label in wi.ROUTE_LABELS.items()} | {
    "geen": "nog geen route"
}
SIGNAL_NAMES = {k.value: label for k, label in wi.SIGNAL_LABELS.items()}
STEP_FIELDS = tuple(name for name, _ in STEP_DATES)


def facts(person: Person) -> wi.CaseFacts:
    dates = {name: getattr(person, name) for name in STEP_FIELDS}
    return wi.CaseFacts(
        ground=wi.Ground(person.ground),
        duty_start=person.duty_start,
        route=wi.Route(person.route) if person.route else None,
        **dates,
    )


def _audit(
    actor: Actor, action: Action, persons: Iterable[Person], organisation: str = ""
) -> None:
    record(
        actor,
        action,
        INBURGERING,
        OBJECT_TYPE,
        [(p.pk, p.gemeente.code) for p in persons],
        organisation=organisation,
    )


# --- validation ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PersonInput:
    """One person as entered (form, API or CSV row), before validation."""

    gemeente: str
    bsn: str
    name: str
    birth_date: date
    nationality: str
    ground: str
    duty_start: date
    route: str = ""
    dates: Mapping[str, date | None] | None = None


def _check_identity(data: PersonInput, today: date) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}
    try:
        normalise_bsn(data.bsn)
    except BsnError as exc:
        errors["bsn"] = [str(exc)]
    if not data.name.strip():
        errors["name"] = ["Vul de naam in."]
    if data.birth_date > today:
        errors["birth_date"] = ["De geboortedatum ligt in de toekomst."]
    code = data.nationality.strip().upper()
    if len(code) != 2 or not code.isalpha() or not code.isascii():
        errors["nationality"] = [
            "Gebruik een landcode van twee letters (ISO 3166), bv. SY, ER of TR."
        ]
    return errors


def _check_duty(data: PersonInput, today: date) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}
    try:
        ground = wi.Ground(data.ground)
    except ValueError:
        return {"ground": ["Kies asiel, gezin of overig."]}
    try:
        wi.check_start_date(data.duty_start, today)
    except wi.InburgeringError as exc:
        errors["duty_start"] = [str(exc)]
    if data.route and data.route not in {r.value for r in wi.Route}:
        errors["route"] = ["Kies b1, onderwijs of z."]
    usable = "nationality" not in errors and "duty_start" not in errors
    if usable and len(data.nationality.strip()) == 2:
        decision = wi.duty_decision(data.nationality, ground, data.duty_start)
        if not decision.obliged:
            errors["nationality"] = [decision.reason]
    for name, value in (data.dates or {}).items():
        if value is not None and value > today:
            errors[name] = ["Deze datum ligt in de toekomst."]
    return errors


def validate(data: PersonInput, today: date | None = None) -> None:
    """Raise RegisterError with every problem at once, in Dutch, field by field."""
    day = today or timezone.localdate()
    errors = _check_identity(data, day)
    errors.update(_check_duty(data, day))
    dates = dict(data.dates or {})
    extended = dates.get("extended_until")
    if extended and extended > day:
        errors.pop("extended_until", None)  # an extension runs into the future
    if errors:
        raise RegisterError(errors)


# --- writes ----------------------------------------------------------------------------


def _gemeente(actor: Actor, code: str) -> Gemeente:
    require(actor, Right.PERSONAL_WRITE, code)
    gemeente = Gemeente.objects.filter(code=code).first()
    if gemeente is None:
        raise RegisterError({"gemeente": [f"Gemeente {code} bestaat niet."]})
    return gemeente


def create_person(actor: Actor, data: PersonInput, user: Any = None) -> Person:
    """Validate, check the right for the gemeente, store and log (one transaction)."""
    gemeente = _gemeente(actor, data.gemeente)
    validate(data)
    person = Person(
        gemeente=gemeente,
        bsn_hash=bsn_hash(data.bsn),
        name=data.name.strip(),
        birth_date=data.birth_date,
        nationality=data.nationality.strip().upper(),
        ground=data.ground,
        duty_start=data.duty_start,
        route=data.route,
        created_by=user if getattr(user, "is_authenticated", False) else None,
        **{k: v for k, v in (data.dates or {}).items() if k in STEP_FIELDS},
    )
    try:
        with transaction.atomic():
            person.save(force_insert=True)
            _audit(actor, Action.CREATE, [person])
    except IntegrityError as exc:
        raise RegisterError(
            {
                "bsn": [
                    "Deze persoon (zelfde BSN) staat al in het register van deze "
                    "gemeente."
                ]
            }
        ) from exc
    return person


def update_steps(
    actor: Actor, person: Person, route: str, dates: Mapping[str, date | None]
) -> Person:
    """Change the route and the trajectory's dates; log the change."""
    require(actor, Right.PERSONAL_WRITE, person.gemeente.code)
    data = PersonInput(
        person.gemeente.code,
        "",
        person.name,
        person.birth_date,
        person.nationality,
        person.ground,
        person.duty_start,
        route,
        dates,
    )
    errors = _check_duty(data, timezone.localdate())
    errors.pop("duty_start", None)
    if dates.get("extended_until"):
        errors.pop("extended_until", None)
    if errors:
        raise RegisterError(errors)
    person.route = route
    for name in STEP_FIELDS:
        if name in dates:
            setattr(person, name, dates[name])
    with transaction.atomic():
        person.save()
        _audit(actor, Action.UPDATE, [person])
    return person


def add_cost(
    actor: Actor, person: Person, module: str, amount: Decimal, booked_on: date
) -> CostEntry:
    require(actor, Right.PERSONAL_WRITE, person.gemeente.code)
    if module not in wi.COST_MODULES:
        raise RegisterError({"module": ["Kies een module uit de lijst."]})
    if amount < 0:
        raise RegisterError({"amount": ["Een bedrag kan niet negatief zijn."]})
    if booked_on > timezone.localdate():
        raise RegisterError({"booked_on": ["De datum ligt in de toekomst."]})
    with transaction.atomic():
        entry = CostEntry.objects.for_actor(actor, Right.PERSONAL_WRITE).create(
            person=person, module=module, amount=amount, booked_on=booked_on
        )
        _audit(actor, Action.UPDATE, [person])
    return entry


# --- reads -----------------------------------------------------------------------------


def visible(actor: Actor) -> Any:
    """Persons the actor may read: the isolation rule, nothing else."""
    return Person.objects.for_actor(actor, Right.PERSONAL_READ).select_related(
        "gemeente"
    )


def get_person(actor: Actor, person_uuid: Any, *, log: bool = True) -> Person:
    """One person by UUID, or Http404 (also for another gemeente's person)."""
    person = visible(actor).filter(uuid=person_uuid).first()
    if person is None:
        record(
            actor,
            Action.READ,
            INBURGERING,
            OBJECT_TYPE,
            [],
            status=Status.DENIED,
        )
        raise Http404("Deze inburgeraar bestaat niet of u heeft er geen toegang toe.")
    if log:
        _audit(actor, Action.READ, [person])
    return person


def log_list(actor: Actor, persons: list[Person], action: Action = Action.LIST) -> None:
    """Log the persons a list, search or export showed (one line per gemeente)."""
    organisation = list_organisation(actor)
    _audit(actor, action, persons, organisation)


def search(actor: Actor, query: str) -> list[Person]:
    """By BSN (exact, through its keyed hash) or by part of the name."""
    text = query.strip()
    qs = visible(actor)
    try:
        found = list(qs.filter(bsn_hash=bsn_hash(text)))
    except BsnError:
        found = list(qs.filter(name__icontains=text)[:100]) if len(text) >= 2 else []
    log_list(actor, found, Action.SEARCH)
    return found


def costs_of(actor: Actor, persons: Iterable[Person]) -> dict[int, dict[str, Decimal]]:
    """Booked cost per person and module, through the isolation rule."""
    ids = [p.pk for p in persons]
    rows = (
        CostEntry.objects.for_actor(actor, Right.PERSONAL_READ)
        .filter(person_id__in=ids)
        .values("person_id", "module")
        .annotate(total=Sum("amount"))
    )
    result: dict[int, dict[str, Decimal]] = {pk: {} for pk in ids}
    for row in rows:
        result[row["person_id"]][row["module"]] = row["total"]
    return result


def cost_entries(actor: Actor, person: Person) -> list[CostEntry]:
    return list(
        CostEntry.objects.for_actor(actor, Right.PERSONAL_READ).filter(person=person)
    )


# --- one case, for the detail page and the API -----------------------------------------


@dataclass(frozen=True, slots=True)
class CaseView:
    person: Person
    steps: tuple[wi.Step, ...]
    signals: tuple[wi.Signal, ...]
    term: wi.Term | None
    cost: wi.PersonCost
    ended_on: date | None


def case_view(actor: Actor, person: Person, today: date | None = None) -> CaseView:
    """Steps with deadlines and articles, signals, the term and cost against budget."""
    day = today or timezone.localdate()
    case = facts(person)
    booked = costs_of(actor, [person])[person.pk]
    return CaseView(
        person,
        wi.steps(case, day),
        wi.signals(case, day),
        wi.term(case),
        wi.person_cost(case, booked),
        wi.duty_ended(case),
    )


def signals_for(
    persons: Iterable[Person], today: date
) -> dict[int, tuple[wi.Signal, ...]]:
    return {p.pk: wi.signals(facts(p), today) for p in persons}


# --- aggregates without personal data --------------------------------------------------


@dataclass(frozen=True, slots=True)
class Aggregate:
    """Counts and money of one gemeente's register; no person can be picked out.

    `suppressed` lists the cells (keys) hidden because they are below the minimum
    cell size; public pages get those, users with `beleid` get everything.
    """

    code: str
    persons: int | None
    per_route: dict[str, int | None]
    with_term: int | None
    share_within_term: int | None
    signals: dict[str, int | None]
    gap: wi.FundingGap | None
    suppressed: tuple[str, ...]
    public: bool
    minimum_cell: int
    as_of: date


def minimum_cell() -> int:
    from django.conf import settings

    return int(getattr(settings, "MIGRATIEKETEN_MIN_CELL", 10))


def _within_term(case: wi.CaseFacts, today: date) -> bool | None:
    current = wi.term(case)
    if current is None:
        return None
    ended = wi.duty_ended(case)
    return (ended or today) <= current.end


def _counts(persons: list[Person], today: date) -> dict[str, Any]:
    per_route = {r.value: 0 for r in wi.Route} | {"geen": 0}
    signals = {k.value: 0 for k in wi.SignalKind}
    with_term = within = 0
    for p in persons:
        case = facts(p)
        per_route[p.route or "geen"] += 1
        for s in wi.signals(case, today):
            signals[s.kind.value] += 1
        inside = _within_term(case, today)
        if inside is not None:
            with_term += 1
            within += int(inside)
    return {
        "per_route": per_route,
        "signals": signals,
        "with_term": with_term,
        "within": within,
    }


def _suppress(value: int, minimum: int, key: str, hidden: list[str]) -> int | None:
    if 0 < value < minimum:
        hidden.append(key)
        return None
    return value


def gemeente_aggregate(
    actor: Actor, code: str, today: date | None = None
) -> Aggregate | None:
    """The Inburgering section of a gemeente page; None without any right to it."""
    day = today or timezone.localdate()
    if actor.may(Right.AGGREGATES, code):
        right, public = Right.AGGREGATES, False
    elif actor.may(Right.PUBLIC_AGGREGATES, code):
        right, public = Right.PUBLIC_AGGREGATES, True
    else:
        return None
    persons = list(Person.objects.for_actor(actor, right).filter(gemeente__code=code))
    counts = _counts(persons, day)
    costs = costs_for_aggregate(actor, right, persons)
    gap = wi.funding_gap(wi.person_cost(facts(p), costs[p.pk]) for p in persons)
    share = wi.share(counts["within"], counts["with_term"])
    if not public:
        return Aggregate(
            code,
            len(persons),
            counts["per_route"],
            counts["with_term"],
            share,
            counts["signals"],
            gap,
            (),
            False,
            minimum_cell(),
            day,
        )
    return _public_aggregate(code, persons, counts, gap, share, day)


def _public_aggregate(
    code: str,
    persons: list[Person],
    counts: dict[str, Any],
    gap: wi.FundingGap,
    share: int | None,
    day: date,
) -> Aggregate:
    minimum, hidden = minimum_cell(), list[str]()
    total = _suppress(len(persons), minimum, "persons", hidden)
    routes = {
        k: _suppress(v, minimum, f"route.{k}", hidden)
        for k, v in counts["per_route"].items()
    }
    signals = {
        k: _suppress(v, minimum, f"signal.{k}", hidden)
        for k, v in counts["signals"].items()
    }
    with_term = _suppress(counts["with_term"], minimum, "with_term", hidden)
    return Aggregate(
        code,
        total,
        routes,
        with_term,
        share if with_term is not None else None,
        signals,
        gap if gap.asylum_persons >= minimum else None,
        tuple(hidden),
        True,
        minimum,
        day,
    )


def costs_for_aggregate(
    actor: Actor, right: Right, persons: list[Person]
) -> dict[int, dict[str, Decimal]]:
    ids = [p.pk for p in persons]
    rows = (
        CostEntry.objects.for_actor(actor, right)
        .filter(person_id__in=ids)
        .values("person_id", "module")
        .annotate(total=Sum("amount"))
    )
    result: dict[int, dict[str, Decimal]] = {pk: {} for pk in ids}
    for row in rows:
        result[row["person_id"]][row["module"]] = row["total"]
    return result


@dataclass(frozen=True, slots=True)
class Caseload:
    """The register's open trajectories as the chain model's starting state.

    `by_route[route][m]` counts persons whose route started m months before `as_of`
    (the chain's trajectory ages); `without_route` have a duty but no route yet.
    """

    as_of: date
    gemeenten: tuple[str, ...]
    by_route: dict[str, list[int]]
    without_route: int

    def scenario_values(self) -> dict[str, list[float]]:
        """The ketenmodel scenario's `initial_inburgering` (ChainScenario)."""
        return {
            route: [float(c) for c in counts] for route, counts in self.by_route.items()
        }


def caseload(
    actor: Actor, codes: Iterable[str] | None = None, months: int = 72
) -> Caseload:
    """Open trajectories per route and age in months, for gemeenten the actor may see."""
    day = timezone.localdate()
    qs = Person.objects.for_actor(actor, Right.AGGREGATES)
    if codes is not None:
        qs = qs.filter(gemeente__code__in=list(codes))
    by_route = {r.value: [0] * months for r in wi.Route}
    without = 0
    seen: set[str] = set()
    for p in qs.select_related("gemeente"):
        case = facts(p)
        if wi.duty_ended(case) is not None:
            continue
        seen.add(p.gemeente.code)
        if not p.route or p.route_started is None:
            without += 1
            continue
        age = (day.year - p.route_started.year) * 12 + day.month - p.route_started.month
        by_route[p.route][min(max(age, 0), months - 1)] += 1
    return Caseload(day, tuple(sorted(seen)), by_route, without)


# --- bulk import -----------------------------------------------------------------------


class DuplicateInRegister(Exception):
    """Rows (0-based indexes) whose BSN is already in the gemeente's register."""

    def __init__(self, indexes: list[int]) -> None:
        self.indexes = indexes
        super().__init__(f"{len(indexes)} rijen staan al in het register")


def import_persons(
    actor: Actor, gemeente_code: str, inputs: list[PersonInput], user: Any = None
) -> list[Person]:
    """Store every validated row in one transaction with one audit line, or none."""
    gemeente = _gemeente(actor, gemeente_code)
    hashes = [bsn_hash(d.bsn) for d in inputs]
    taken = set(
        Person.objects.for_actor(actor, Right.PERSONAL_WRITE)
        .filter(gemeente=gemeente, bsn_hash__in=hashes)
        .values_list("bsn_hash", flat=True)
    )
    if taken:
        raise DuplicateInRegister([i for i, h in enumerate(hashes) if h in taken])
    creator = user if getattr(user, "is_authenticated", False) else None
    persons = [
        Person(
            gemeente=gemeente,
            bsn_hash=h,
            name=d.name.strip(),
            birth_date=d.birth_date,
            nationality=d.nationality.strip().upper(),
            ground=d.ground,
            duty_start=d.duty_start,
            route=d.route,
            created_by=creator,
            **{k: v for k, v in (d.dates or {}).items() if k in STEP_FIELDS},
        )
        for d, h in zip(inputs, hashes, strict=True)
    ]
    with transaction.atomic():
        for person in persons:
            person.save(force_insert=True)
        _audit(actor, Action.IMPORT, persons)
    return persons


def export_persons(actor: Actor) -> str:
    """Every person the actor may read, as CSV; logged as an export."""
    from migratieketen_web.inburgering.csv_export import export_rows, person_row

    persons = list(visible(actor).order_by("gemeente__code", "name", "pk"))
    day = timezone.localdate()
    rows = []
    for p in persons:
        case = facts(p)
        current = wi.term(case)
        rows.append(
            person_row(
                p,
                current.end if current else None,
                [s.label for s in wi.signals(case, day)],
            )
        )
    with transaction.atomic():
        log_list(actor, persons, Action.EXPORT)
    return export_rows(rows)
