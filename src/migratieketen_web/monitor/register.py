# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Writing realisations: one entry (web form, API) or a whole CSV file, idempotent.

The CSV is parsed and validated by the core (`parse_realisations`), which rejects the
whole file on any bad row; only then are rows compared with the register and written
in one transaction, so the register never holds part of a file. The idempotency keys
are described in `models.py`.
"""

from __future__ import annotations

import csv
import hashlib
import io
import uuid
from collections import Counter
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.utils import timezone

from migratieketen_web.api import permissions
from migratieketen_web.gemeenten.models import Gemeente
from migratieketen_web.monitor import models, services
from migratieketen_web.monitor.services import Realisation as CoreRealisation
from migratieketen_web.monitor.services import RealisationImportError


class AlreadyImported(Exception):
    """This exact file was imported before; nothing changed (Dutch message)."""

    def __init__(self, batch: models.RealisationImport) -> None:
        self.batch = batch
        super().__init__(
            f"Dit bestand is al geïmporteerd op {batch.imported_at:%d-%m-%Y %H:%M} "
            f"({batch.filename}); er is niets gewijzigd."
        )


class ImportRejected(Exception):
    """The file was refused as a whole; `issues` are Dutch 'rij n, kolom c: why'."""

    def __init__(self, issues: list[str]) -> None:
        self.issues = issues
        super().__init__("Import geweigerd, niets opgeslagen: " + "; ".join(issues[:5]))


class KeyConflict(Exception):
    """The kenmerk exists for this gemeente with other figures (Dutch message)."""


class NotAllowed(PermissionDenied):
    """The user may not write the register for this gemeente (Dutch message)."""


WRITE_SCOPE = permissions.REGISTERS_BIJWERKEN


def may_write(user: Any, gemeente: str | None = None) -> bool:
    """The register's write rule (form, CSV import, API, beheer): the one check
    `api.permissions.holds_scope`, with the gemeente once it is known."""
    return permissions.holds_scope(user, WRITE_SCOPE, gemeente)


def check_may_write(user: Any, gemeente: str) -> None:
    if not may_write(user, gemeente):
        raise NotAllowed(
            f"U mag geen realisaties invoeren voor {gemeente} (scope "
            f"'{WRITE_SCOPE.label}' nodig)."
        )


@dataclass(frozen=True, slots=True)
class ImportOutcome:
    batch: models.RealisationImport
    added: int
    already_present: int


def _account(user: Any) -> Any:
    """The user account to record as author; None for the server operator."""
    return user if isinstance(user, get_user_model()) else None


def reference_key(reference: str) -> str:
    return f"kenmerk:{reference}"


def _same(
    existing: models.Realisation, housed_on: date, persons: int, kind: str
) -> bool:
    return (existing.housed_on, existing.persons, existing.kind) == (
        housed_on,
        persons,
        kind,
    )


def _describe(r: models.Realisation) -> str:
    return f"{r.housed_on:%d-%m-%Y}, {r.persons} personen, {r.get_kind_display()}"


def record_realisation(
    *,
    gemeente: Gemeente,
    housed_on: date,
    persons: int,
    households: int | None,
    kind: str,
    reference: str,
    source: str,
    user: Any,
) -> tuple[models.Realisation, bool]:
    """Store one realisation; (row, created). Same kenmerk + same figures: no-op."""
    check_may_write(user, gemeente.code)
    key = reference_key(reference) if reference else f"{source}:{uuid.uuid4()}"
    fields = {
        "housed_on": housed_on,
        "persons": persons,
        "households": households,
        "kind": kind,
        "reference": reference,
        "source": source,
        "created_by": _account(user),
    }
    try:
        with transaction.atomic():
            existing = _existing(gemeente, key, housed_on, persons, kind, reference)
            if existing is not None:
                return existing, False
            row = models.Realisation.objects.create(
                gemeente=gemeente, key=key, **fields
            )
    except IntegrityError:
        # A concurrent request stored this kenmerk between our read and our write:
        # answer as if it had come first (the same figures: no-op; others: conflict).
        with transaction.atomic():
            existing = _existing(gemeente, key, housed_on, persons, kind, reference)
        if existing is None:
            raise
        return existing, False
    return row, True


def _existing(
    gemeente: Gemeente,
    key: str,
    housed_on: date,
    persons: int,
    kind: str,
    reference: str,
) -> models.Realisation | None:
    """The row with this key, if its figures are the same; KeyConflict if not."""
    existing = (
        models.Realisation.objects.select_for_update()
        .filter(gemeente=gemeente, key=key)
        .first()
    )
    if existing is None or _same(existing, housed_on, persons, kind):
        return existing
    raise KeyConflict(
        f"Kenmerk '{reference}' is voor {gemeente.name} al gebruikt met andere "
        f"gegevens ({_describe(existing)})."
    )


def _data_row_numbers(text: str) -> list[int]:
    """File row numbers of the non-empty data rows, as parse_realisations counts them."""
    first = text.splitlines()[0] if text.strip() else ""
    delimiter = ";" if first.count(";") > first.count(",") else ","
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    next(reader, None)
    return [
        n for n, row in enumerate(reader, start=2) if any(cell.strip() for cell in row)
    ]


def csv_keys(rows: list[CoreRealisation]) -> list[str]:
    """Idempotency key per parsed row (see models.py)."""
    seen: Counter[tuple[str, date, int, str]] = Counter()
    keys = []
    for r in rows:
        if r.reference:
            keys.append(reference_key(r.reference))
            continue
        ident = (r.gemeente, r.housed_on, r.persons, r.kind)
        seen[ident] += 1
        keys.append(f"csv:{r.housed_on.isoformat()}:{r.persons}:{r.kind}:{seen[ident]}")
    return keys


def _parse(
    content: bytes, user: Any, today: date | None
) -> tuple[list[CoreRealisation], list[int]]:
    """Decode, check against the schema and the write rule; (rows, file row numbers)."""
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ImportRejected(
            [f"bestand: geen UTF-8-tekst (byte {exc.start}); sla op als CSV UTF-8"]
        ) from exc
    known = set(Gemeente.objects.values_list("code", flat=True))
    try:
        parsed = services.parse_realisations_csv(
            text, known, today or timezone.localdate()
        )
    except RealisationImportError as exc:
        raise ImportRejected([i.text() for i in exc.issues]) from exc
    row_numbers = _data_row_numbers(text.lstrip("\ufeff"))
    refused = [
        f"rij {rowno}, kolom 'gemeentecode': u mag geen realisaties invoeren voor "
        f"{r.gemeente}"
        for rowno, r in zip(row_numbers, parsed, strict=True)
        if not may_write(user, r.gemeente)
    ]
    if refused:
        raise ImportRejected(refused)
    return parsed, row_numbers


def _new_rows(
    parsed: list[CoreRealisation], row_numbers: list[int], keys: list[str]
) -> tuple[list[tuple[CoreRealisation, str]], int]:
    """Rows not yet in the register, and how many are; a changed kenmerk refuses all."""
    existing = {
        (r.gemeente.code, r.key): r
        for r in models.Realisation.objects.select_related("gemeente").filter(
            gemeente__code__in={r.gemeente for r in parsed}, key__in=set(keys)
        )
    }
    issues, new, present = [], [], 0
    for rowno, r, key in zip(row_numbers, parsed, keys, strict=True):
        old = existing.get((r.gemeente, key))
        if old is None:
            new.append((r, key))
        elif _same(old, r.housed_on, r.persons, r.kind):
            present += 1
        else:
            issues.append(
                f"rij {rowno}, kolom 'kenmerk': kenmerk '{r.reference}' bestaat al "
                f"voor {r.gemeente} met andere gegevens ({_describe(old)})"
            )
    if issues:
        raise ImportRejected(issues)
    return new, present


def import_realisations(
    content: bytes, filename: str, user: Any, today: date | None = None
) -> ImportOutcome:
    """Import a realisations CSV all or nothing; a second import of it changes nothing."""
    checksum = hashlib.sha256(content).hexdigest()
    previous = models.RealisationImport.objects.filter(checksum=checksum).first()
    if previous is not None:
        raise AlreadyImported(previous)
    parsed, row_numbers = _parse(content, user, today)
    new, present = _new_rows(parsed, row_numbers, csv_keys(parsed))
    gemeenten = Gemeente.objects.in_bulk(
        {r.gemeente for r, _ in new}, field_name="code"
    )
    try:
        with transaction.atomic():
            batch = models.RealisationImport.objects.create(
                imported_by=_account(user),
                filename=filename[:255],
                checksum=checksum,
                rows=len(parsed),
                added=len(new),
                already_present=present,
            )
            models.Realisation.objects.bulk_create(
                [
                    models.new_realisation(
                        gemeente=gemeenten[r.gemeente],
                        housed_on=r.housed_on,
                        persons=r.persons,
                        households=r.households,
                        kind=r.kind,
                        reference=r.reference,
                        key=key,
                        source=models.RealisationSource.CSV,
                        batch=batch,
                        created_by=batch.imported_by,
                    )
                    for r, key in new
                ]
            )
    except IntegrityError as exc:  # a concurrent import of the same file or rows
        raise ImportRejected(
            ["bestand: tegelijk met een andere import ingelezen; probeer het opnieuw"]
        ) from exc
    return ImportOutcome(batch, len(new), present)
