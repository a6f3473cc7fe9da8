# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""/api/v1/gemeenten: collection, filters, pagination and the detail resource."""

from __future__ import annotations

import pytest
from api_support import BRON_KEYS, assert_problem

pytestmark = pytest.mark.django_db

URL = "/api/v1/gemeenten"


def test_list_is_paginated_sorted_by_name_with_camelcase_dutch_fields(client, api_data):
    response = client.get(URL)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    body = response.json()
    assert set(body) == {"count", "next", "previous", "results"}
    assert body["count"] == 3
    assert body["next"] is None and body["previous"] is None
    assert [g["naam"] for g in body["results"]] == ["Amsterdam", "Haarlem", "Utrecht"]
    first = body["results"][0]
    assert set(first) == {"code", "naam", "provincie", "url"}
    assert first["code"] == "GM0363"
    assert first["provincie"] == {
        "code": "PV27",
        "naam": "Noord-Holland",
        "url": "http://testserver/api/v1/provincies/PV27",
    }
    assert first["url"] == "http://testserver/api/v1/gemeenten/GM0363"


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("provincie=PV27", ["GM0363", "GM0392"]),
        ("provincie=PV26", ["GM0344"]),
        ("provincie=PV20", []),
        ("naam=aar", ["GM0392"]),
        ("naam=UTR", ["GM0344"]),
        ("code=GM0392", ["GM0392"]),
        ("provincie=PV27&naam=amster", ["GM0363"]),
    ],
)
def test_filters(client, api_data, query, expected):
    body = client.get(f"{URL}?{query}").json()
    assert [g["code"] for g in body["results"]] == expected
    assert body["count"] == len(expected)


@pytest.mark.parametrize(
    ("query", "name", "code"),
    [
        ("provincie=27", "provincie", "invalid"),
        ("provincie=Noord-Holland", "provincie", "invalid"),
        ("code=363", "code", "invalid"),
        ("provinice=PV27", "provinice", "unknown"),
        ("limit=abc", "limit", "invalid"),
        ("limit=0", "limit", "invalid"),
        ("offset=-1", "offset", "invalid"),
    ],
)
def test_invalid_filter_is_a_400_problem_with_invalid_params(
    client, api_data, query, name, code
):
    body = assert_problem(client.get(f"{URL}?{query}"), 400)
    assert body["title"] == "Ongeldige aanvraag"
    [param] = body["invalidParams"]
    assert param["name"] == name
    assert param["code"] == code
    assert param["reason"]


def test_invalid_filter_reason_is_dutch(client, api_data):
    body = client.get(f"{URL}?provincie=27").json()
    assert body["invalidParams"][0]["reason"] == "Gebruik een CBS-code zoals PV27."
    body = client.get(f"{URL}?provinice=PV27").json()
    assert body["invalidParams"][0]["reason"] == (
        "Onbekende parameter; toegestaan: code, limit, naam, offset, provincie."
    )


def test_pagination_limit_offset_links(client, api_data):
    body = client.get(f"{URL}?limit=1&offset=1").json()
    assert body["count"] == 3
    assert [g["naam"] for g in body["results"]] == ["Haarlem"]
    assert body["next"] == "http://testserver/api/v1/gemeenten?limit=1&offset=2"
    assert body["previous"] == "http://testserver/api/v1/gemeenten?limit=1"


def test_limit_over_the_maximum_is_a_400_naming_the_range(client, api_data):
    """Issue 9 #14: no silent cap; the problem names the allowed range."""
    body = assert_problem(client.get(f"{URL}?limit=1000000"), 400)
    assert body["invalidParams"] == [
        {
            "name": "limit",
            "code": "invalid",
            "reason": "Geef een geheel getal van 1 tot en met 1000.",
        }
    ]
    assert len(client.get(f"{URL}?limit=1000").json()["results"]) == 3


def test_list_query_count_does_not_grow_with_rows(
    client, api_data, django_assert_max_num_queries
):
    with django_assert_max_num_queries(2):  # count + page (province joined)
        client.get(URL)


def test_detail(client, api_data):
    response = client.get(f"{URL}/GM0363")
    assert response.status_code == 200
    body = response.json()
    assert set(body) == {
        "code",
        "naam",
        "provincie",
        "inwoners",
        "indicatorwaarden",
        "aantalWijken",
        "links",
    }
    assert body["code"] == "GM0363"
    assert body["naam"] == "Amsterdam"
    assert body["provincie"]["code"] == "PV27"
    assert body["aantalWijken"] == 2
    assert [(i["jaar"], i["aantal"]) for i in body["inwoners"]] == [
        (2023, 918_117),
        (2024, 931_298),
    ]
    bron = body["inwoners"][1]["bron"]
    assert set(bron) == BRON_KEYS
    assert bron["uitgever"] == "CBS"
    assert bron["tabel"] == "03759ned"
    assert bron["peildatum"] == "2024-01-01"
    assert bron["licentie"] == "CC BY 4.0"
    assert bron["vermelding"].startswith("Bron: CBS, Bevolking op 1 januari 2024")
    waarden = {w["sleutel"]: w for w in body["indicatorwaarden"]}
    assert waarden["pct_huurwoningen_corporatie"]["waarde"] == 41.0
    assert waarden["pct_huurwoningen_corporatie"]["eenheid"] == "%"
    assert waarden["bevolkingsdichtheid"]["bron"]["tabel"] == "85318NED"
    assert body["links"] == {
        "self": "http://testserver/api/v1/gemeenten/GM0363",
        "provincie": "http://testserver/api/v1/provincies/PV27",
        "wijken": "http://testserver/api/v1/wijken?gemeente=GM0363",
    }


def test_detail_missing_value_is_null(client, api_data):
    body = client.get(f"{URL}/GM0344").json()
    waarden = {w["sleutel"]: w["waarde"] for w in body["indicatorwaarden"]}
    assert waarden["pct_huurwoningen_corporatie"] is None
    assert body["aantalWijken"] == 1


def test_detail_query_count_is_fixed(client, api_data, django_assert_max_num_queries):
    with django_assert_max_num_queries(3):  # gemeente + population + indicator values
        client.get(f"{URL}/GM0363")


def test_detail_unknown_code_is_404_problem(client, api_data):
    body = assert_problem(client.get(f"{URL}/GM9999"), 404)
    assert body["title"] == "Niet gevonden"
    # Precise (issue 11): names the gemeente, no trailing-slash hint without a slash.
    assert body["detail"] == "Gemeente GM9999 bestaat niet."


def test_detail_malformed_code_is_404_problem(client, api_data):
    assert_problem(client.get(f"{URL}/amsterdam"), 404)


def test_detail_rejects_query_parameters(client, api_data):
    body = assert_problem(client.get(f"{URL}/GM0363?limit=5"), 400)
    assert body["invalidParams"][0] == {
        "name": "limit",
        "code": "unknown",
        "reason": "Onbekende parameter; deze bron heeft geen parameters.",
    }
