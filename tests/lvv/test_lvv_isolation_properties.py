# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""The part-1 isolation properties, extended to the LVV register (same strategy)."""

from __future__ import annotations

import itertools
from datetime import timedelta

from django.http import Http404
from django.utils import timezone

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis.extra.django import TestCase

from migratieketen_web.accounts.isolation import IsolationDenied, actor_for_user
from migratieketen_web.audit.models import AuditEntry
from migratieketen_web.lvv import services
from migratieketen_web.lvv.models import Case, Contact
from register_support import CODES, isolation_world, make_gemeenten, make_user

world = isolation_world(3, 6)
numbers = itertools.count(1)


def _input(code: str) -> services.CaseInput:
    return services.CaseInput(
        code,
        f"Persoon {next(numbers)}",
        timezone.localdate() - timedelta(days=30),
        "doormigratie",
    )


class LvvIsolationProperties(TestCase):
    @settings(
        max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow]
    )
    @given(world)
    def test_no_read_list_or_write_across_gemeenten(
        self, generated: tuple[list[list[tuple[str, str]]], list[str]]
    ) -> None:
        users_roles, codes = generated
        make_gemeenten()
        owner = make_user("eigenaar", *[(c, "klantmanager") for c in CODES[:4]])
        writer = actor_for_user(owner)
        cases = []
        for code in codes:
            case = services.save_case(writer, _input(code))
            services.add_contact(writer, case, timezone.localdate(), "dtv", "")
            cases.append(case)
        for n, roles in enumerate(users_roles):
            self._check(actor_for_user(make_user(f"u{n}", *roles)), roles, cases)

    def _check(self, actor, roles, cases) -> None:  # type: ignore[no-untyped-def]
        allowed = {code for code, role in roles if role == "klantmanager"}
        mine = {c.pk for c in cases if c.gemeente.code in allowed}
        assert {c.pk for c in services.visible(actor)} == mine
        before = AuditEntry.objects.count()
        for case in cases:
            if case.pk in mine:
                assert services.get_case(actor, case.uuid).pk == case.pk
                assert len(services.contacts_of(actor, case)) == 1
            else:
                with pytest.raises(Http404):
                    services.get_case(actor, case.uuid)
                assert services.contacts_of(actor, case) == []
        assert AuditEntry.objects.count() - before == len(cases)
        assert set(Case.objects.all()) == set() and set(Contact.objects.all()) == set()
        for code in CODES[:4]:
            if code not in allowed:
                with pytest.raises(IsolationDenied):
                    services.save_case(actor, _input(code))
