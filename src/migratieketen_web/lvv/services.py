# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""The LVV register's operations; the only module of the app that calls the core.

Every read and write takes an `Actor`, goes through `Case.objects.for_actor` and writes
an audit line (in the same transaction as a write), as in the other registers. The
outcome shares are set next to the pilot evaluation's published figures.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import transaction
from django.http import Http404
from django.utils import timezone

from migratieketen.data.lvv_pilot import PilotFigures, load_pilot
from migratieketen.rules import lvv
from migratieketen.rules.lvv import Outcome, OutcomeClass, Track
from migratieketen_web.accounts.isolation import Actor, require
from migratieketen_web.accounts.registers import RegisterError, list_organisation
from migratieketen_web.accounts.roles import Right
from migratieketen_web.audit.models import Action, Status
from migratieketen_web.audit.purposes import LVV
from migratieketen_web.audit.recorder import record
from migratieketen_web.gemeenten.models import Gemeente
from migratieketen_web.lvv.models import Case, Contact

# Core names the app's other modules use (imported from here, never from the core;
# docs/adr/0008-one-domain-template.md).
__all__ = ["Outcome", "OutcomeClass", "Track"]

OBJECT_TYPE = "lvv.traject"
CLASS_NAMES = {c.value: label for c, label in lvv.CLASS_LABELS.items()}
TRACK_NAMES = {t.value: label for t, label in lvv.TRACK_LABELS.items()}


def _audit(
    actor: Actor,
    action: Action,
    cases: Iterable[Case],
    organisation: str = "",
    status: Status = Status.OK,
) -> None:
    record(
        actor,
        action,
        LVV,
        OBJECT_TYPE,
        [(c.pk, c.gemeente.code) for c in cases],
        organisation=organisation,
        status=status,
    )


def outcomes_of_class(cls: str) -> list[str]:
    """The outcomes the evaluation counts in outcome class `cls`."""
    return [o.value for o, c in lvv.OUTCOME_CLASS.items() if c.value == cls]


def facts(case: Case) -> lvv.CaseFacts:
    return lvv.CaseFacts(
        case.intake,
        lvv.Track(case.track),
        lvv.Outcome(case.outcome) if case.outcome else None,
        case.exit,
    )


@dataclass(frozen=True, slots=True)
class CaseInput:
    gemeente: str
    name: str
    intake: date
    track: str
    location: str = ""
    nationality: str = ""
    birth_year: int | None = None
    v_number: str = ""
    outcome: str = ""
    exit: date | None = None


def validate(data: CaseInput, today: date | None = None) -> None:
    """Every problem at once, in Dutch, field by field."""
    day = today or timezone.localdate()
    errors: dict[str, list[str]] = {}
    if not data.name.strip():
        errors["name"] = ["Vul de naam in."]
    if data.track not in {t.value for t in lvv.Track}:
        errors["track"] = ["Kies een traject uit de lijst."]
    if data.outcome and data.outcome not in {o.value for o in lvv.Outcome}:
        errors["outcome"] = ["Kies een uitkomst uit de lijst."]
    code = data.nationality.strip()
    if code and (len(code) != 2 or not code.isascii() or not code.isalpha()):
        errors["nationality"] = ["Gebruik een landcode van twee letters, bv. ER of MA."]
    number = data.v_number.strip()
    if number and (len(number) != 10 or not number.isdigit()):
        errors["v_number"] = ["Een vreemdelingennummer heeft 10 cijfers."]
    if data.birth_year is not None and not 1900 <= data.birth_year <= day.year:
        errors["birth_year"] = ["Vul een geboortejaar tussen 1900 en nu in."]
    if "track" not in errors and "outcome" not in errors:
        try:
            lvv.check_case(
                lvv.CaseFacts(
                    data.intake,
                    lvv.Track(data.track),
                    lvv.Outcome(data.outcome) if data.outcome else None,
                    data.exit,
                ),
                day,
            )
        except lvv.LvvError as exc:
            errors["exit" if data.exit or data.outcome else "intake"] = [str(exc)]
    if errors:
        raise RegisterError(errors)


def _gemeente(actor: Actor, code: str) -> Gemeente:
    require(actor, Right.PERSONAL_WRITE, code)
    gemeente = Gemeente.objects.filter(code=code).first()
    if gemeente is None:
        raise RegisterError({"gemeente": [f"Gemeente {code} bestaat niet."]})
    return gemeente


def save_case(
    actor: Actor, data: CaseInput, user: Any = None, case: Case | None = None
) -> Case:
    """Validate, check the right, store and log (one transaction)."""
    gemeente = _gemeente(actor, data.gemeente)
    validate(data)
    creating = case is None
    target = case or Case(gemeente=gemeente)
    if not creating and target.gemeente.code != data.gemeente:
        raise RegisterError({"gemeente": ["Een traject verhuist niet van gemeente."]})
    target.name = data.name.strip()
    target.intake, target.track = data.intake, data.track
    target.location = data.location.strip()
    target.nationality = data.nationality.strip().upper()
    target.birth_year, target.v_number = data.birth_year, data.v_number.strip()
    target.outcome, target.exit = data.outcome, data.exit
    if creating and getattr(user, "is_authenticated", False):
        target.created_by = user
    with transaction.atomic():
        target.save()
        _audit(actor, Action.CREATE if creating else Action.UPDATE, [target])
    return target


def add_contact(actor: Actor, case: Case, day: date, party: str, note: str) -> Contact:
    require(actor, Right.PERSONAL_WRITE, case.gemeente.code)
    if day > timezone.localdate() or day < case.intake:
        raise RegisterError(
            {"date": ["De datum ligt voor de intake of in de toekomst."]}
        )
    with transaction.atomic():
        contact = Contact.objects.for_actor(actor, Right.PERSONAL_WRITE).create(
            case=case, date=day, party=party, note=note.strip()
        )
        _audit(actor, Action.UPDATE, [case])
    return contact


def visible(actor: Actor) -> Any:
    return Case.objects.for_actor(actor, Right.PERSONAL_READ).select_related("gemeente")


def get_case(actor: Actor, case_uuid: Any, *, log: bool = True) -> Case:
    """One case by UUID, or Http404 (also for another gemeente's case)."""
    case = visible(actor).filter(uuid=case_uuid).first()
    if case is None:
        record(actor, Action.READ, LVV, OBJECT_TYPE, [], status=Status.DENIED)
        raise Http404("Dit traject bestaat niet of u heeft er geen toegang toe.")
    if log:
        _audit(actor, Action.READ, [case])
    return case


def log_list(actor: Actor, cases: list[Case], action: Action = Action.LIST) -> None:
    organisation = list_organisation(actor)
    _audit(actor, action, cases, organisation)


def contacts_of(actor: Actor, case: Case) -> list[Contact]:
    return list(Contact.objects.for_actor(actor, Right.PERSONAL_READ).filter(case=case))


@dataclass(frozen=True, slots=True)
class CaseView:
    case: Case
    days: int
    outcome_class: str | None

    @property
    def class_label(self) -> str:
        return CLASS_NAMES[self.outcome_class] if self.outcome_class else ""


def case_view(case: Case, today: date | None = None) -> CaseView:
    f = facts(case)
    cls = lvv.outcome_class(f.outcome).value if f.outcome else None
    return CaseView(case, lvv.duration_days(f, today or timezone.localdate()), cls)


# --- aggregates --------------------------------------------------------------------


def pilot() -> PilotFigures | None:
    return load_pilot(Path(str(getattr(settings, "MIGRATIEKETEN_DATA_DIR", ""))))


def minimum_cell() -> int:
    return int(getattr(settings, "MIGRATIEKETEN_MIN_CELL", 10))


@dataclass(frozen=True, slots=True)
class Aggregate:
    """Outcome shares of one gemeente (or all) next to the pilot evaluation's figures.

    Public: shares only when the exits reach the minimum cell size; counts below it
    hidden.
    """

    scope: str  # a gemeente code, or "NL"
    cases: int | None
    in_care: int | None
    exited: int | None
    shares: dict[str, int | None]
    median_days: dict[str, float | None]
    public: bool
    minimum_cell: int
    pilot: PilotFigures | None
    as_of: date


def _aggregate_right(actor: Actor, code: str | None) -> tuple[Right, bool] | None:
    target = code or "*"
    if code is None:
        if actor.gemeenten(Right.AGGREGATES) is None:
            return Right.AGGREGATES, False
        return Right.PUBLIC_AGGREGATES, True
    if actor.may(Right.AGGREGATES, target):
        return Right.AGGREGATES, False
    if actor.may(Right.PUBLIC_AGGREGATES, target):
        return Right.PUBLIC_AGGREGATES, True
    return None


def aggregate(
    actor: Actor, code: str | None = None, today: date | None = None
) -> Aggregate | None:
    """Shares per outcome class for a gemeente, or nationally with `code` None."""
    day = today or timezone.localdate()
    found = _aggregate_right(actor, code)
    if found is None:
        return None
    right, public = found
    qs = Case.objects.for_actor(actor, right)
    if code:
        qs = qs.filter(gemeente__code=code)
    cases = [facts(c) for c in qs]
    shares = lvv.outcome_shares(cases, day)
    minimum = minimum_cell()

    def cell(n: int) -> int | None:
        return None if public and 0 < n < minimum else n

    small = public and shares.exited < minimum
    return Aggregate(
        code or "NL",
        cell(len(cases)),
        cell(shares.in_care),
        cell(shares.exited),
        {k: None if small else v for k, v in shares.shares.items()},
        {k: None if small else v for k, v in shares.median_days.items()},
        public,
        minimum,
        pilot(),
        day,
    )


def chain_outflow(
    actor: Actor, codes: Iterable[str] | None = None, months: int = 12
) -> lvv.Outflow:
    """Monthly LVV exit rates per outcome class, for the chain model's LVV outflow.

    Counts only (right `cijfers.lezen`); `codes` narrows to some gemeenten.
    """
    qs = Case.objects.for_actor(actor, Right.AGGREGATES)
    if codes is not None:
        qs = qs.filter(gemeente__code__in=list(codes))
    return lvv.outflow([facts(c) for c in qs], timezone.localdate(), months)
