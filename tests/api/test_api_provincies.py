# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""/api/v1/provincies: collection and detail with summed inhabitants."""

from __future__ import annotations

import pytest
from api_support import BRON_KEYS, INHABITANTS, assert_problem

pytestmark = pytest.mark.django_db


def test_list(client, api_data):
    body = client.get("/api/v1/provincies").json()
    assert body["count"] == 2
    assert body["results"] == [
        {
            "code": "PV27",
            "naam": "Noord-Holland",
            "aantalGemeenten": 2,
            "url": "http://testserver/api/v1/provincies/PV27",
        },
        {
            "code": "PV26",
            "naam": "Utrecht",
            "aantalGemeenten": 1,
            "url": "http://testserver/api/v1/provincies/PV26",
        },
    ]


def test_list_rejects_unknown_parameter(client, api_data):
    body = assert_problem(client.get("/api/v1/provincies?naam=Utrecht"), 400)
    assert body["invalidParams"][0]["name"] == "naam"


def test_detail_sums_inhabitants_per_year_with_source(client, api_data):
    body = client.get("/api/v1/provincies/PV27").json()
    assert body["code"] == "PV27"
    assert body["aantalGemeenten"] == 2
    assert [g["code"] for g in body["gemeenten"]] == ["GM0363", "GM0392"]
    assert body["gemeenten"][0]["url"] == "http://testserver/api/v1/gemeenten/GM0363"
    sums = {row["jaar"]: row for row in body["inwoners"]}
    for year in (2023, 2024):
        expected = sum(
            figures[year]
            for _, province, figures in INHABITANTS.values()
            if province == "PV27"
        )
        assert sums[year]["aantal"] == expected
        assert sums[year]["aantalGemeenten"] == 2
        assert set(sums[year]["bron"]) == BRON_KEYS
        assert sums[year]["bron"]["peildatum"] == f"{year}-01-01"


def test_detail_unknown_is_404_problem(client, api_data):
    assert_problem(client.get("/api/v1/provincies/PV99"), 404)
