# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""The BAG address check against a local imitation of PDOK Locatieserver, and offline."""

from __future__ import annotations

import socket

from django.test import override_settings

import pytest
from arbeidsmigranten_support import location_input, make_wijken
from locatieserver import Locatieserver

from migratieketen.data import bag_adres
from migratieketen_web.accounts.isolation import actor_for_user
from migratieketen_web.arbeidsmigranten import services
from migratieketen_web.arbeidsmigranten.models import Location
from register_support import make_gemeenten, make_user


def test_lookup_finds_letter_and_toevoeging() -> None:
    with Locatieserver() as base:
        found = bag_adres.lookup("1012 ab", 10, "a", "2", base_url=base)
        plain = bag_adres.lookup("1012AB", 10, base_url=base)
        with pytest.raises(bag_adres.BagError, match="staat niet in de BAG"):
            bag_adres.lookup("1012AB", 11, base_url=base)
    assert found.nummeraanduiding == "0363200000000002"
    assert (found.gemeente, found.wijk) == ("GM0363", "WK0363AB")
    assert plain.huisletter == "" and plain.lat == pytest.approx(52.3731)


def test_a_closed_port_is_a_clear_offline_message() -> None:
    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with pytest.raises(bag_adres.BagUnavailable, match="geen verbinding met de PDOK"):
        bag_adres.lookup("1012AB", 10, base_url=f"http://127.0.0.1:{port}/x")


def test_a_bad_postcode_is_refused_before_any_request() -> None:
    with pytest.raises(bag_adres.BagError, match="vier cijfers en twee letters"):
        bag_adres.lookup("12AB", 1, base_url="http://127.0.0.1:9/")


@pytest.mark.django_db
def test_the_register_takes_street_and_wijk_from_the_bag() -> None:
    make_wijken(make_gemeenten())
    actor = actor_for_user(make_user("km", ("GM0363", "klantmanager")))
    with (
        Locatieserver() as base,
        override_settings(MIGRATIEKETEN_PDOK_LOCATIESERVER_URL=base),
    ):
        location, notice = services.save_location(actor, location_input())
        with pytest.raises(services.RegisterError) as info:
            services.save_location(
                actor, location_input(postcode="3511AA", huisnummer=3)
            )
    assert "Adres gevonden in de BAG" in notice
    assert location.bag_status == "gecontroleerd"
    assert (location.street, location.wijk.code) == ("Teststraat", "WK0363AB")
    assert "in gemeente GM0344, niet in GM0363" in info.value.errors["postcode"][0]
    assert Location.unscoped.count() == 1


@pytest.mark.django_db
def test_offline_the_location_is_stored_as_not_checked_with_the_reason() -> None:
    make_wijken(make_gemeenten())
    actor = actor_for_user(make_user("km", ("GM0363", "klantmanager")))
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with override_settings(
        MIGRATIEKETEN_PDOK_LOCATIESERVER_URL=f"http://127.0.0.1:{port}"
    ):
        location, notice = services.save_location(actor, location_input())
    assert location.bag_status == "niet_gecontroleerd"
    assert "niet gecontroleerd" in notice and "geen verbinding" in notice
    assert location.wijk.code == "WK0363AA"  # the wijk as entered
