# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Property tests of the one isolation rule, over random users, roles and records.

For every generated world (users with random roles in random organisations, persons
in random gemeenten) and every user: the persons they can list, read, search, export
or write are exactly those of the gemeenten where they are klantmanager; everything
else is a 404 or a refusal. Hypothesis' Django TestCase rolls each example back.
"""

from __future__ import annotations

import itertools

from django.http import Http404

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase

from migratieketen_web.accounts.isolation import IsolationDenied, actor_for_user
from migratieketen_web.accounts.roles import Right
from migratieketen_web.inburgering import services
from migratieketen_web.inburgering.models import Person
from register_support import (
    CODES,
    isolation_world,
    make_gemeenten,
    make_user,
    person_input,
)

world = isolation_world(4, 8, st.booleans())
seeds = itertools.count(10_000_000, 2)  # valid_bsn(s) < s + 2: never a repeat


def expected_gemeenten(roles: list[tuple[str, str]]) -> set[str]:
    return {code for code, role in roles if role == "klantmanager"}


class IsolationProperties(TestCase):
    @settings(
        max_examples=40,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow],
    )
    @given(world)
    def test_no_read_list_search_export_or_write_across_gemeenten(
        self, generated: tuple[list[list[tuple[str, str]]], list[str], bool]
    ) -> None:
        users_roles, person_codes, superuser = generated
        make_gemeenten()
        owner = make_user("eigenaar", *[(c, "klantmanager") for c in CODES[:4]])
        writer = actor_for_user(owner)
        persons = [
            services.create_person(
                writer, person_input(code, seed=next(seeds), name=f"Persoon {i}")
            )
            for i, code in enumerate(person_codes)
        ]
        for n, roles in enumerate(users_roles):
            user = make_user(f"u{n}", *roles, is_superuser=superuser and n == 0)
            self._check_user(actor_for_user(user), roles, persons)

    def _check_user(self, actor, roles, persons) -> None:  # type: ignore[no-untyped-def]
        allowed = expected_gemeenten(roles)
        mine = {p.pk for p in persons if p.gemeente.code in allowed}
        listed = {p.pk for p in services.visible(actor)}
        assert listed == mine
        for p in persons:
            if p.pk in mine:
                assert services.get_person(actor, p.uuid).pk == p.pk
            else:
                with pytest.raises(Http404):
                    services.get_person(actor, p.uuid)
        found = {p.pk for p in services.search(actor, "Persoon")}
        assert found == mine
        exported = services.export_persons(actor)
        for p in persons:
            assert (str(p.uuid) in exported) is (p.pk in mine)
        assert set(Person.objects.all()) == set()  # the plain manager shows nothing
        for code in ("GM0363", "GM0344", "GM0599", "GM0518"):
            data = person_input(code, seed=next(seeds))
            if code in allowed:
                assert actor.may(Right.PERSONAL_WRITE, code)
            else:
                with pytest.raises(IsolationDenied):
                    services.create_person(actor, data)
