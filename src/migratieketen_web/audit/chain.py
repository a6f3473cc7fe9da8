# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Appending to the audit log and verifying its hash chain.

digest(n) = SHA-256(digest(n-1) + canonical JSON of line n's fields); the first line
chains to 64 zeros. Appending first bumps the single `AuditHead` row (a row lock on
PostgreSQL, the write lock on SQLite), so two requests never chain to the same line.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime

from django.db import connection, transaction
from django.db.models import F

from migratieketen_web.audit.models import AuditEntry, AuditHead

GENESIS = "0" * 64
HASHED_FIELDS = (
    "uuid",
    "at",
    "trace_id",
    "user_id",
    "username",
    "token_id",
    "channel",
    "organisation",
    "action",
    "status",
    "object_type",
    "record_ids",
    "activity",
    "purpose",
    "legal_ground",
)


def _plain(value: object) -> object:
    if isinstance(value, datetime):
        return value.isoformat(timespec="microseconds")
    if value is None or isinstance(value, int | str):
        return value
    return str(value)


def compute_digest(entry: AuditEntry, previous: str) -> str:
    fields = {name: _plain(getattr(entry, name)) for name in HASHED_FIELDS}
    payload = json.dumps(fields, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256((previous + payload).encode()).hexdigest()


_BUMP = (
    f"UPDATE {AuditHead._meta.db_table} SET count = count + 1 WHERE id = 1 "
    "RETURNING digest"
)


def _lock_head() -> str:
    """Count the new line and lock the head in one statement; the last digest."""
    with connection.cursor() as cursor:
        cursor.execute(_BUMP)
        row = cursor.fetchone()
    if row is not None:
        return str(row[0])
    AuditHead.objects.get_or_create(id=1, defaults={"digest": GENESIS})
    AuditHead.objects.filter(id=1).update(count=F("count") + 1)
    return AuditHead.objects.select_for_update().get(id=1).digest


def append(entry: AuditEntry) -> AuditEntry:
    """Chain `entry` to the last line and store it, atomically."""
    with transaction.atomic():
        previous = _lock_head()
        entry.previous_digest = previous
        entry.digest = compute_digest(entry, previous)
        entry.save(force_insert=True)
        AuditHead.objects.filter(id=1).update(digest=entry.digest)
    return entry


@dataclass(frozen=True, slots=True)
class ChainProblem:
    line: int  # internal id of the line
    reason: str  # Dutch


@dataclass(frozen=True, slots=True)
class Verification:
    checked: int
    problems: tuple[ChainProblem, ...]

    @property
    def intact(self) -> bool:
        return not self.problems


def _walk() -> Iterator[tuple[AuditEntry, str]]:
    previous = GENESIS
    for entry in AuditEntry.objects.order_by("pk").iterator(chunk_size=2000):
        yield entry, previous
        previous = entry.digest


def verify() -> Verification:
    """Recompute every digest; report each line whose content or link is wrong."""
    problems: list[ChainProblem] = []
    checked = 0
    last = GENESIS
    for entry, previous in _walk():
        checked += 1
        if entry.previous_digest != previous:
            problems.append(
                ChainProblem(
                    entry.pk,
                    "verwijst niet naar de vorige regel: een regel is verwijderd, "
                    "ingevoegd of verplaatst",
                )
            )
        if compute_digest(entry, entry.previous_digest) != entry.digest:
            problems.append(
                ChainProblem(entry.pk, "de inhoud past niet bij de hash: gewijzigd")
            )
        last = entry.digest
    head = AuditHead.objects.filter(id=1).first()
    if head is not None and (head.digest != last or head.count != checked):
        problems.append(
            ChainProblem(
                0,
                f"de kop van het logboek ({head.count} regels) past niet bij de "
                f"laatste regel ({checked} regels): er zijn regels aan het eind "
                "verwijderd",
            )
        )
    return Verification(checked, tuple(problems))
