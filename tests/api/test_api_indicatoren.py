# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""/api/v1/indicatoren and /indicatoren/{sleutel}/waarden (the map data)."""

from __future__ import annotations

import pytest
from api_support import BRON_KEYS, assert_problem

pytestmark = pytest.mark.django_db

HUUR = "/api/v1/indicatoren/pct_huurwoningen_corporatie"


def test_list(client, api_data):
    body = client.get("/api/v1/indicatoren").json()
    assert [i["sleutel"] for i in body["results"]] == [
        "bevolkingsdichtheid",
        "pct_huurwoningen_corporatie",
    ]
    first = body["results"][0]
    assert set(first) == {
        "sleutel",
        "naam",
        "naamEngels",
        "eenheid",
        "hogerIs",
        "bron",
        "url",
        "waardenUrl",
    }
    assert first["hogerIs"] == "meer"
    assert set(first["bron"]) == BRON_KEYS


def test_detail(client, api_data):
    body = client.get(HUUR).json()
    assert body["naam"] == "Huurwoningen van corporaties"
    assert body["naamEngels"] == "Social housing"
    assert body["hogerIs"] == "neutraal"
    assert body["waardenUrl"] == f"http://testserver{HUUR}/waarden"
    assert body["bron"]["titel"] == "Kerncijfers wijken en buurten 2022"


def test_waarden_per_gemeente_with_indicator_and_source(client, api_data):
    body = client.get(f"{HUUR}/waarden").json()
    assert set(body) == {"count", "next", "previous", "indicator", "results"}
    assert body["count"] == 3
    assert body["indicator"]["sleutel"] == "pct_huurwoningen_corporatie"
    assert body["indicator"]["bron"]["tabel"] == "85318NED"
    assert [(r["gemeente"]["code"], r["waarde"]) for r in body["results"]] == [
        ("GM0363", 41.0),
        ("GM0392", 33.5),
        ("GM0344", None),
    ]


def test_waarden_filter_and_pagination(client, api_data):
    body = client.get(f"{HUUR}/waarden?provincie=PV27&limit=1").json()
    assert body["count"] == 2
    assert [r["gemeente"]["code"] for r in body["results"]] == ["GM0363"]
    assert body["next"].endswith("/waarden?limit=1&offset=1&provincie=PV27")


def test_waarden_invalid_filter(client, api_data):
    body = assert_problem(client.get(f"{HUUR}/waarden?provincie=x"), 400)
    assert body["invalidParams"][0]["name"] == "provincie"


def test_waarden_query_count(client, api_data, django_assert_max_num_queries):
    with django_assert_max_num_queries(3):  # indicator + count + page
        client.get(f"{HUUR}/waarden")


def test_unknown_indicator_is_404_problem(client, api_data):
    assert_problem(client.get("/api/v1/indicatoren/bestaat_niet"), 404)
    assert_problem(client.get("/api/v1/indicatoren/bestaat_niet/waarden"), 404)
