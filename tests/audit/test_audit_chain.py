# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""The audit log is append-only and its hash chain finds every kind of tampering."""

from __future__ import annotations

from django.db import DatabaseError, connection, transaction

import pytest

from migratieketen_web.accounts.isolation import Actor
from migratieketen_web.audit.chain import verify
from migratieketen_web.audit.models import Action, AppendOnlyError, AuditEntry
from migratieketen_web.audit.purposes import INBURGERING
from migratieketen_web.audit.recorder import record

pytestmark = pytest.mark.django_db
ACTOR = Actor(7, "km", "web")


def _lines(n: int) -> list[AuditEntry]:
    out = []
    for i in range(n):
        out += record(
            ACTOR,
            Action.READ,
            INBURGERING,
            "inburgering.inburgeraar",
            [(i + 1, "GM0363")],
        )
    return out


def _raw(sql: str, params: list[object]) -> None:
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "ALTER TABLE audit_auditentry DISABLE TRIGGER audit_no_update"
            )
        else:
            cursor.execute("DROP TRIGGER IF EXISTS audit_no_update")
            cursor.execute("DROP TRIGGER IF EXISTS audit_no_delete")
        cursor.execute(sql, params)


def test_a_line_records_who_what_which_why_and_the_ground() -> None:
    (line,) = record(
        ACTOR,
        Action.LIST,
        INBURGERING,
        "inburgering.inburgeraar",
        [(3, "GM0363"), (1, "GM0363")],
    )
    assert (line.user_id, line.username, line.channel) == (7, "km", "web")
    assert line.organisation == "GM0363" and line.ids == [1, 3]
    assert "Wet inburgering 2021" in line.purpose and "AVG" in line.legal_ground
    assert verify().intact and verify().checked == 1


def test_one_line_per_gemeente_of_the_records() -> None:
    lines = record(
        ACTOR, Action.EXPORT, INBURGERING, "x", [(1, "GM0363"), (2, "GM0344")]
    )
    assert sorted(line.organisation for line in lines) == ["GM0344", "GM0363"]


def test_the_orm_refuses_updates_and_deletes() -> None:
    (line,) = _lines(1)
    with pytest.raises(AppendOnlyError):
        line.save()
    with pytest.raises(AppendOnlyError):
        line.delete()
    with pytest.raises(AppendOnlyError):
        AuditEntry.objects.filter(pk=line.pk).update(username="x")
    with pytest.raises(AppendOnlyError):
        AuditEntry.objects.all().delete()


def test_the_database_refuses_a_raw_update() -> None:
    (line,) = _lines(1)
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as c:
        c.execute("UPDATE audit_auditentry SET username = 'x' WHERE id = %s", [line.pk])


@pytest.mark.parametrize(
    ("sql", "reason"),
    [
        ("UPDATE audit_auditentry SET username = 'iemand' WHERE id = %s", "gewijzigd"),
        ("DELETE FROM audit_auditentry WHERE id = %s", "verwijderd"),
    ],
)
def test_verify_finds_a_changed_or_removed_line(sql: str, reason: str) -> None:
    lines = _lines(4)
    _raw(sql, [lines[1].pk])
    result = verify()
    assert not result.intact
    assert any(reason in p.reason for p in result.problems)


def test_verify_finds_lines_removed_at_the_end() -> None:
    lines = _lines(3)
    _raw("DELETE FROM audit_auditentry WHERE id = %s", [lines[-1].pk])
    result = verify()
    assert not result.intact
    assert "aan het eind verwijderd" in result.problems[-1].reason
