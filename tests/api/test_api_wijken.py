# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""/api/v1/wijken: collection with the gemeente filter, and detail."""

from __future__ import annotations

import pytest
from api_support import BRON_KEYS, assert_problem

pytestmark = pytest.mark.django_db


def test_list_sorted_by_code(client, api_data):
    body = client.get("/api/v1/wijken").json()
    assert [w["code"] for w in body["results"]] == [
        "WK034400",
        "WK036300",
        "WK0363AA",
        "WK039200",
    ]


def test_filter_by_gemeente(client, api_data):
    body = client.get("/api/v1/wijken?gemeente=GM0363").json()
    assert body["count"] == 2
    assert {w["gemeente"]["code"] for w in body["results"]} == {"GM0363"}


def test_invalid_gemeente_filter(client, api_data):
    body = assert_problem(client.get("/api/v1/wijken?gemeente=Amsterdam"), 400)
    assert body["invalidParams"][0]["name"] == "gemeente"


def test_detail(client, api_data):
    body = client.get("/api/v1/wijken/WK036300").json()
    assert body["naam"] == "Burgwallen-Oude Zijde"
    assert body["inwoners"] == 4_195
    assert body["gemeente"] == {
        "code": "GM0363",
        "naam": "Amsterdam",
        "url": "http://testserver/api/v1/gemeenten/GM0363",
    }
    assert set(body["bron"]) == BRON_KEYS
    assert body["bron"]["tabel"] == "85984NED"
    assert body["url"] == "http://testserver/api/v1/wijken/WK036300"


def test_detail_with_letters_in_code(client, api_data):
    body = client.get("/api/v1/wijken/WK0363AA").json()
    assert body["naam"] == "Burgwallen-Nieuwe Zijde"


def test_suppressed_inhabitants_are_null(client, api_data):
    assert client.get("/api/v1/wijken/WK034400").json()["inwoners"] is None


def test_list_query_count(client, api_data, django_assert_max_num_queries):
    with django_assert_max_num_queries(2):
        client.get("/api/v1/wijken")


def test_unknown_wijk_is_404_problem(client, api_data):
    assert_problem(client.get("/api/v1/wijken/WK999999"), 404)
