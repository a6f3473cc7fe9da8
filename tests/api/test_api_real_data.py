# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""The API on the real open data (../shared/data), imported by the web importer.

Catches what hand-made fixtures cannot: real code formats (WK0363AA), every
gemeente having a province and figures, and sources on every figure.
"""

from __future__ import annotations

import pytest
from api_support import BRON_KEYS

importer = pytest.importorskip(
    "migratieketen_web.gemeenten.importer",
    reason="the gemeenten importer is not available",
)

pytestmark = [pytest.mark.django_db, pytest.mark.slow]


@pytest.fixture
def real_data(db, shared_data_dir):  # type: ignore[no-untyped-def]
    return importer.import_data_dir(shared_data_dir)


def _all(client, url: str) -> list[dict]:  # type: ignore[no-untyped-def]
    results: list[dict] = []
    while url:
        body = client.get(url).json()
        results.extend(body["results"])
        url = body["next"]
    return results


def test_every_resource_of_the_real_data_is_served(client, real_data):
    gemeenten = _all(client, "/api/v1/gemeenten?limit=150")
    assert len(gemeenten) == real_data.gemeenten
    assert len({g["code"] for g in gemeenten}) == real_data.gemeenten

    provincies = client.get("/api/v1/provincies").json()
    assert provincies["count"] == real_data.provinces == 12
    assert sum(p["aantalGemeenten"] for p in provincies["results"]) == len(gemeenten)

    wijken = client.get("/api/v1/wijken?limit=1").json()
    assert wijken["count"] == real_data.wijken
    amsterdam_wijken = _all(client, "/api/v1/wijken?gemeente=GM0363")
    assert amsterdam_wijken
    for wijk in amsterdam_wijken:  # letter codes like WK0363AA resolve
        assert client.get(wijk["url"]).status_code == 200

    indicatoren = _all(client, "/api/v1/indicatoren")
    assert len(indicatoren) == real_data.indicators


def test_real_gemeente_detail_has_sources_on_every_figure(client, real_data):
    body = client.get("/api/v1/gemeenten/GM0363").json()
    assert body["naam"] == "Amsterdam"
    assert body["provincie"]["code"] == "PV27"
    assert body["inwoners"]
    assert body["aantalWijken"] > 0
    figures = [*body["inwoners"], *body["indicatorwaarden"]]
    for figure in figures:
        assert set(figure["bron"]) == BRON_KEYS
        assert figure["bron"]["uitgever"]
        assert figure["bron"]["vermelding"].startswith("Bron: ")
    assert client.get(body["links"]["wijken"]).json()["count"] == body["aantalWijken"]


def test_real_province_sum_equals_sum_of_its_gemeenten(client, real_data):
    province = client.get("/api/v1/provincies/PV27").json()
    latest = max(province["inwoners"], key=lambda row: row["jaar"])
    total = 0
    for gemeente in province["gemeenten"]:
        detail = client.get(gemeente["url"]).json()
        by_year = {row["jaar"]: row["aantal"] for row in detail["inwoners"]}
        total += by_year.get(latest["jaar"], 0)
    assert latest["aantal"] == total
    assert latest["aantalGemeenten"] == len(province["gemeenten"])


def test_real_map_data_has_one_value_per_gemeente(client, real_data):
    indicator = client.get("/api/v1/indicatoren?limit=1").json()["results"][0]
    body = client.get(f"{indicator['waardenUrl']}?limit=1000").json()
    assert body["count"] == real_data.gemeenten
    assert body["next"] is None
    assert body["indicator"]["bron"]["vermelding"]
