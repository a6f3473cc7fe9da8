# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""The gemeente page's Arbeidsmigranten section and the public beds-per-wijk table."""

from __future__ import annotations

from datetime import date

from django.test import Client, override_settings

import pytest
from arbeidsmigranten_support import location_input, make_wijken

from migratieketen_web.accounts.isolation import PUBLIC, actor_for_user
from migratieketen_web.arbeidsmigranten import services
from register_support import make_gemeenten, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def register() -> None:
    make_wijken(make_gemeenten())
    actor = actor_for_user(make_user("km", ("GM0363", "klantmanager")))
    for n, (beds, wijk) in enumerate(
        [(10, "WK0363AA"), (4, "WK0363AA"), (3, "WK0363AB")]
    ):
        loc, _ = services.save_location(
            actor, location_input(beds=beds, wijk=wijk, huisnummer=n + 1)
        )
        if n == 0:
            services.add_occupant(
                actor, loc, services.OccupantInput("rni", date(2025, 1, 1))
            )


def test_beleid_sees_every_count(register: None) -> None:
    beleid = actor_for_user(make_user("beleid", ("GM0363", "beleid")))
    agg = services.gemeente_aggregate(beleid, "GM0363")
    assert agg is not None and not agg.public
    assert (agg.locations, agg.beds, agg.occupants_rni) == (3, 17, 1)
    assert agg.signals["overbewoning"] == 1 and agg.per_type["woning"] == 3


def test_the_public_sees_only_cells_from_the_minimum_up(register: None) -> None:
    agg = services.gemeente_aggregate(PUBLIC, "GM0363")
    assert agg is not None and agg.public
    assert agg.beds == 17 and agg.locations is None  # 3 locations < 10
    assert agg.signals["overbewoning"] is None and agg.occupants_rni is None
    assert {"locations", "signal.overbewoning", "rni"} <= set(agg.suppressed)
    rows, public = services.wijk_beds(PUBLIC, "GM0363")
    by_code = {r.code: r for r in rows}
    assert public
    assert (by_code["WK0363AA"].beds, str(by_code["WK0363AA"].per_100)) == (14, "0.4")
    assert by_code["WK0363AB"].beds is None and by_code["WK0363AB"].per_100 is None


def test_the_public_pages_show_no_small_cells(register: None) -> None:
    client = Client()
    html = client.get("/arbeidsmigranten/wijken/GM0363").content.decode()
    assert "Haarlemmerbuurt" in html and "14" in html
    assert "CBS" in html  # the wijk inhabitants' source
    svg = html.split('class="mk-map__svg"', 1)[1].split("</svg>", 1)[0]
    assert svg.count("<path") > 20  # every Amsterdam wijk from the shapes file
    assert 'class="mk-bin-0"' in svg and "Haarlemmerbuurt: 0,4 bedden" in svg
    assert "Jordaan: – bedden" in svg  # hidden, not drawn as a value
    with override_settings(MIGRATIEKETEN_MIN_CELL=1):
        html = client.get("/arbeidsmigranten/wijken/GM0363").content.decode()
    assert ">3<" in html
    page = client.get("/gemeenten/GM0363").content.decode()
    assert "Huisvestingslocaties in het register" in page or "arbeidsmigranten" in page
