# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Lokale ruimte for the web: store a gemeente's choices, feed them to the models.

The catalogue, the options and the effect on the woningmarkt levers come from the core
(`migratieketen.rules.lokale_ruimte`); this module checks the right (a `beleid` or
`beheerder` user of that gemeente, ADR 0012), stores the choice with its source
document and turns the core's levers into the woningmarkt `Policy`.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from migratieketen_web.accounts.isolation import Actor, require
from migratieketen_web.accounts.roles import Right
from migratieketen_web.gemeenten.models import Gemeente
from migratieketen_web.werkplaats.models import LocalChoice
from migratieketen_web.werkplaats.services import Policy
from migratieketen_web.werkplaats.services import lokale_ruimte as lr


def made(code: str) -> dict[str, str]:
    """The options this gemeente entered, by choice key."""
    return dict(
        LocalChoice.objects.filter(gemeente__code=code).values_list("key", "option")
    )


@dataclass(frozen=True, slots=True)
class ChoiceRow:
    choice: lr.Choice
    option: str
    entered: bool
    record: LocalChoice | None

    @property
    def option_label(self) -> str:
        return self.choice.label(self.option)


def rows(code: str) -> list[ChoiceRow]:
    """Every choice of the catalogue with the option in force (entered or default)."""
    records = {c.key: c for c in LocalChoice.objects.filter(gemeente__code=code)}
    state = lr.in_force({k: r.option for k, r in records.items()})
    return [
        ChoiceRow(c, state[c.key][0], state[c.key][1], records.get(c.key))
        for c in lr.CATALOGUE
    ]


def may_enter(actor: Actor, code: str) -> bool:
    return actor.may(Right.LOCAL_CHOICES_WRITE, code)


@transaction.atomic
def save(
    actor: Actor,
    user: Any,
    code: str,
    key: str,
    option: str,
    source_url: str,
    source_date: date,
    note: str = "",
) -> LocalChoice:
    """Store (or replace) one choice; IsolationDenied or LokaleRuimteError (Dutch)."""
    require(actor, Right.LOCAL_CHOICES_WRITE, code)
    lr.check(key, option)
    gemeente = Gemeente.objects.get(code=code)
    record, _created = LocalChoice.objects.update_or_create(
        gemeente=gemeente,
        key=key,
        defaults={
            "option": option,
            "source_url": source_url,
            "source_date": source_date,
            "note": note,
            "entered_by": user if getattr(user, "pk", None) else None,
        },
    )
    return record


def market_policy(code: str, base: Policy) -> tuple[Policy, str]:
    """The woningmarkt policy after the gemeente's entered choices, and the basis."""
    levers = lr.market_levers(made(code))
    if not levers.changed:
        return base, ""
    policy = base
    if levers.priority_share is not None:
        policy = replace(policy, priority_share=levers.priority_share)
    if levers.urgency_category is not None:
        policy = replace(policy, urgency_category=levers.urgency_category)
    return replace(policy, label=_("lokale keuze")), levers.reason


@dataclass(frozen=True, slots=True)
class ComparisonRow:
    gemeente: Gemeente
    record: LocalChoice
    outcome: dict[str, Any]


def comparison() -> list[tuple[lr.Choice, list[ComparisonRow]]]:
    """Per choice, the gemeenten that entered one, with their monitor outcome."""
    from migratieketen_web.werkplaats.outcomes import outcomes

    records = list(
        LocalChoice.objects.select_related("gemeente").order_by("gemeente__name")
    )
    found = outcomes([r.gemeente.code for r in records])
    out = []
    for choice in lr.CATALOGUE:
        mine = [r for r in records if r.key == choice.key]
        out.append(
            (
                choice,
                [
                    ComparisonRow(r.gemeente, r, found.get(r.gemeente.code, {}))
                    for r in mine
                ],
            )
        )
    return out
