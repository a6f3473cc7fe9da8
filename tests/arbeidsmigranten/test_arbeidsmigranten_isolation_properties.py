# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""The part-1 isolation properties, extended to the housing register.

For every generated world (users with random roles in random organisations, locations
with occupants in random gemeenten) and every user: the locations they can list,
read, export or get signals for are exactly those of the gemeenten where they are
klantmanager; writes elsewhere are refused; every read leaves an audit line.
The strategy is the one of tests/accounts/test_isolation_properties.py.
"""

from __future__ import annotations

import itertools
from datetime import date

from django.http import Http404

import pytest
from arbeidsmigranten_support import location_input, make_wijken
from hypothesis import HealthCheck, given, settings
from hypothesis.extra.django import TestCase

from migratieketen_web.accounts.isolation import IsolationDenied, actor_for_user
from migratieketen_web.arbeidsmigranten import csv_io, services
from migratieketen_web.arbeidsmigranten.models import Location, Occupant
from migratieketen_web.audit.models import AuditEntry
from register_support import (
    CODES,
    isolation_world,
    make_gemeenten,
    make_user,
    valid_bsn,
)

world = isolation_world(3, 6)
numbers = itertools.count(1)
seeds = itertools.count(20_000_000, 2)


class HousingIsolationProperties(TestCase):
    @settings(
        max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow]
    )
    @given(world)
    def test_no_read_list_export_signal_or_write_across_gemeenten(
        self, generated: tuple[list[list[tuple[str, str]]], list[str]]
    ) -> None:
        users_roles, codes = generated
        make_wijken(make_gemeenten())
        owner = make_user("eigenaar", *[(c, "klantmanager") for c in CODES[:4]])
        writer = actor_for_user(owner)
        locations = []
        for code in codes:
            loc, _ = services.save_location(
                writer, location_input(code, huisnummer=next(numbers))
            )
            services.add_occupant(
                writer,
                loc,
                services.OccupantInput("rni", date(2025, 1, 1), valid_bsn(next(seeds))),
            )
            locations.append(loc)
        for n, roles in enumerate(users_roles):
            user = make_user(f"u{n}", *roles)
            self._check(actor_for_user(user), roles, locations)

    def _check(self, actor, roles, locations) -> None:  # type: ignore[no-untyped-def]
        allowed = {code for code, role in roles if role == "klantmanager"}
        mine = {loc.pk for loc in locations if loc.gemeente.code in allowed}
        assert {loc.pk for loc in services.visible(actor)} == mine
        before = AuditEntry.objects.count()
        for loc in locations:
            if loc.pk in mine:
                assert services.get_location(actor, loc.uuid).pk == loc.pk
                assert len(services.occupants_of(actor, loc)) == 1
            else:
                with pytest.raises(Http404):
                    services.get_location(actor, loc.uuid)
                assert services.occupants_of(actor, loc) == []
        assert AuditEntry.objects.count() > before  # every read, even a refusal
        records = services.signal_records(actor)
        assert {r["uuid"] for r in records} == {
            str(loc.uuid) for loc in locations if loc.pk in mine
        }
        exported = csv_io.export_locations(actor)
        for loc in locations:
            assert (str(loc.uuid) in exported) is (loc.pk in mine)
        assert set(Location.objects.all()) == set()
        assert set(Occupant.objects.all()) == set()
        for code in CODES[:4]:
            if code not in allowed:
                with pytest.raises(IsolationDenied):
                    services.save_location(actor, location_input(code, huisnummer=999))
