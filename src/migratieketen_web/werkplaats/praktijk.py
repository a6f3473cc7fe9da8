# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Praktijkvoorbeelden: entered by signed-in users, published only after review.

Workflow: concept -> ter beoordeling (the author submits) -> gepubliceerd (a reviewer:
a `beheerder` of any organisation or a superuser, never the author). A reviewer can send
an example back to concept with a note. The public sees published examples only; an
author also sees her own. The catalogue starts empty: nothing invented is shipped.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from migratieketen_web.accounts.isolation import Actor
from migratieketen_web.accounts.roles import Right
from migratieketen_web.gemeenten import queries
from migratieketen_web.gemeenten.models import Gemeente
from migratieketen_web.werkplaats.models import Praktijkvoorbeeld, Status, Theme
from migratieketen_web.werkplaats.services import SIGNAL_KEYS, refuse_unreadable_csv

CSV_COLUMNS = (
    "titel",
    "gemeenten",
    "thema",
    "wat_gedaan",
    "resultaat",
    "bron_resultaat",
    "periode",
    "contactrol",
    "signalen",
)
REQUIRED = (
    "titel",
    "gemeenten",
    "thema",
    "wat_gedaan",
    "resultaat",
    "bron_resultaat",
    "periode",
)
MAX_ROWS = 500


def is_reviewer(actor: Actor) -> bool:
    return actor.holds(Right.PRACTICE_REVIEW)


def visible(user: Any, actor: Actor) -> QuerySet[Praktijkvoorbeeld]:
    """Published examples; plus the user's own, and for reviewers those in review."""
    shown = Q(status=Status.PUBLISHED)
    if getattr(user, "is_authenticated", False):
        shown |= Q(author=user)
        if is_reviewer(actor):
            shown |= Q(status=Status.IN_REVIEW)
    return Praktijkvoorbeeld.objects.filter(shown).prefetch_related("gemeenten")


def search(
    qs: QuerySet[Praktijkvoorbeeld], text: str = "", theme: str = "", gemeente: str = ""
) -> QuerySet[Praktijkvoorbeeld]:
    if text:
        qs = qs.filter(
            Q(title__icontains=text)
            | Q(what__icontains=text)
            | Q(result__icontains=text)
        )
    if theme:
        qs = qs.filter(theme=theme)
    if gemeente:
        qs = qs.filter(
            Q(gemeenten__code__iexact=gemeente) | Q(gemeenten__name__icontains=gemeente)
        )
    return qs.distinct()


def may_edit(user: Any, actor: Actor, example: Praktijkvoorbeeld) -> bool:
    if not getattr(user, "is_authenticated", False):
        return False
    own = example.author_id == user.pk and example.status != Status.PUBLISHED
    return own or is_reviewer(actor)


def submit(user: Any, example: Praktijkvoorbeeld) -> None:
    if example.author_id != getattr(user, "pk", None) or example.status != Status.DRAFT:
        raise PermissionDenied(
            _("Alleen de auteur kan een concept ter beoordeling aanbieden.")
        )
    example.status = Status.IN_REVIEW
    example.save(update_fields=["status"])


def publish(user: Any, actor: Actor, example: Praktijkvoorbeeld) -> None:
    """Only a reviewer, never the author, and only an example in review."""
    if not is_reviewer(actor):
        raise PermissionDenied(_("Alleen een beoordelaar (beheerder) kan publiceren."))
    if example.author_id == user.pk:
        raise PermissionDenied(_("U kunt uw eigen praktijkvoorbeeld niet beoordelen."))
    if example.status != Status.IN_REVIEW:
        raise PermissionDenied(
            _("Alleen een voorbeeld ter beoordeling kan worden gepubliceerd.")
        )
    example.status = Status.PUBLISHED
    example.reviewer = user
    example.published_at = timezone.now()
    example.save(update_fields=["status", "reviewer", "published_at"])


def send_back(user: Any, actor: Actor, example: Praktijkvoorbeeld, note: str) -> None:
    if not is_reviewer(actor) or example.author_id == user.pk:
        raise PermissionDenied(_("Alleen een andere beoordelaar kan terugsturen."))
    example.status = Status.DRAFT
    example.review_note = note[:500]
    example.reviewer = user
    example.save(update_fields=["status", "review_note", "reviewer"])


def relevant(code: str, signal_keys: set[str]) -> list[Praktijkvoorbeeld]:
    """Published examples for a gemeente page: matching its signals, or its own."""
    match = Q(gemeenten__code=code)
    for key in signal_keys:
        match |= Q(signals__contains=key)
    return list(
        Praktijkvoorbeeld.objects.filter(match, status=Status.PUBLISHED)
        .distinct()
        .prefetch_related("gemeenten")[:10]
    )


def comparable(example: Praktijkvoorbeeld) -> list[tuple[str, str]]:
    """(code, name) of gemeenten like the example's, by the documented measure."""
    own = {g.code for g in example.gemeenten.all()}
    found: dict[str, float] = {}
    for code in own:
        for n in queries.comparable_gemeenten(code)[0]:
            if n.code not in own:
                found[n.code] = min(found.get(n.code, n.distance), n.distance)
    names = dict(Gemeente.objects.filter(code__in=found).values_list("code", "name"))
    return [(c, names.get(c, c)) for c in sorted(found, key=lambda c: found[c])][:8]


# --- import ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ImportRejected(Exception):
    errors: tuple[str, ...]


def _row_errors(i: int, row: dict[str, str], known: dict[str, Gemeente]) -> list[str]:
    errors = []
    for column in REQUIRED:
        if not (row.get(column) or "").strip():
            errors.append(
                _("Rij %(r)s, kolom %(c)s: verplicht.") % {"r": i, "c": column}
            )
    codes = [
        c.strip().upper() for c in (row.get("gemeenten") or "").split(",") if c.strip()
    ]
    for code in codes:
        if code not in known:
            errors.append(
                _("Rij %(r)s, kolom gemeenten: onbekende gemeentecode %(v)s.")
                % {"r": i, "v": code}
            )
    theme = (row.get("thema") or "").strip()
    if theme and theme not in Theme.values:
        errors.append(
            _("Rij %(r)s, kolom thema: '%(v)s' is geen thema; kies uit %(opts)s.")
            % {"r": i, "v": theme, "opts": ", ".join(Theme.values)}
        )
    for key in (row.get("signalen") or "").split(","):
        if key.strip() and key.strip() not in SIGNAL_KEYS:
            errors.append(
                _("Rij %(r)s, kolom signalen: onbekend signaal %(v)s.")
                % {"r": i, "v": key.strip()}
            )
    return errors


@refuse_unreadable_csv(lambda m: ImportRejected((m,)))
def parse_csv(text: str) -> list[dict[str, str]]:
    """Rows of a semicolon-separated CSV with the columns of CSV_COLUMNS."""
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")), delimiter=";")
    missing = [c for c in REQUIRED if c not in (reader.fieldnames or [])]
    if missing:
        raise ImportRejected(
            (
                _("Kolommen ontbreken: %(c)s. Verwacht: %(all)s.")
                % {"c": ", ".join(missing), "all": ";".join(CSV_COLUMNS)},
            )
        )
    rows = list(reader)
    if not rows:
        raise ImportRejected((_("Het bestand bevat geen regels."),))
    if len(rows) > MAX_ROWS:
        raise ImportRejected(
            (_("Ten hoogste %(n)s regels per bestand.") % {"n": MAX_ROWS},)
        )
    return rows


@transaction.atomic
def import_csv(user: Any, text: str) -> list[Praktijkvoorbeeld]:
    """All or nothing: every row checked first; stored as concept by this user."""
    if not getattr(user, "is_authenticated", False):
        raise PermissionDenied(_("Log in om praktijkvoorbeelden in te lezen."))
    rows = parse_csv(text)
    known = {g.code: g for g in Gemeente.objects.all()}
    errors = [
        e for i, row in enumerate(rows, start=2) for e in _row_errors(i, row, known)
    ]
    if errors:
        raise ImportRejected(tuple(errors))
    created = []
    for row in rows:
        example = Praktijkvoorbeeld.objects.create(
            title=row["titel"].strip()[:200],
            theme=row["thema"].strip(),
            what=row["wat_gedaan"].strip(),
            result=row["resultaat"].strip(),
            result_source=row["bron_resultaat"].strip()[:500],
            period=row["periode"].strip()[:50],
            contact_role=(row.get("contactrol") or "").strip()[:200],
            signals=(row.get("signalen") or "").strip()[:300],
            author=user,
        )
        codes = {c.strip().upper() for c in row["gemeenten"].split(",") if c.strip()}
        example.gemeenten.set([known[c] for c in codes])
        created.append(example)
    return created
