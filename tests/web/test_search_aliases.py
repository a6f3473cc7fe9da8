# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Issue 11: the web search knows the names people use, and suggests on no match."""

from __future__ import annotations

from django.test import Client

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("query", "url"),
    [
        ("den haag", "/gemeenten/GM0518"),
        ("Den Bosch", "/gemeenten/GM0796"),
        ("Friesland", "/provincies/PV21"),
        ("Fryslân", "/provincies/PV21"),
        ("brabant", "/provincies/PV30"),
    ],
)
def test_common_names_lead_to_the_place(client: Client, query: str, url: str) -> None:
    response = client.get("/zoeken", {"q": query})
    assert response.status_code == 302
    assert response["Location"] == url


def test_a_former_gemeente_is_listed_with_where_it_went(client: Client) -> None:
    html = client.get("/zoeken", {"q": "Weesp"}).content.decode()
    assert '<a class="utrecht-link" href="/gemeenten/GM0363">Amsterdam</a>' in html
    assert "voormalige gemeente Weesp, opgegaan in Amsterdam per 24-03-2022" in html
    haaren = client.get("/zoeken", {"q": "Haaren"}).content.decode()
    for code in ("GM0757", "GM0824", "GM0855", "GM0865"):
        assert f'href="/gemeenten/{code}"' in haaren


def test_no_match_suggests_names_and_aliases(client: Client) -> None:
    html = client.get("/zoeken", {"q": "den hag"}).content.decode()
    assert "Niets gevonden" in html and "Bedoelt u:" in html
    assert (
        '<a class="utrecht-link" href="/gemeenten/GM0518">Den Haag (&#x27;s-Gravenhage)'
        in html
    )
    assert "Bedoelt u:" not in client.get("/zoeken", {"q": "xyzzy"}).content.decode()


def test_a_place_found_by_two_names_is_listed_once(client: Client) -> None:
    html = client.get("/zoeken", {"q": "haag"}).content.decode()
    assert html.count('href="/gemeenten/GM0518"') == 1
