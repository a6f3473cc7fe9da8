# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""GET /api/v1/woningmarkt/{gemeentecode}: levers as query parameters, Dutch errors."""

from __future__ import annotations

from django.test import Client

import pytest

pytestmark = pytest.mark.django_db

PROBLEM = "application/problem+json"


def test_the_levers_give_waits_per_group_and_the_frontier(client: Client) -> None:
    response = client.get(
        "/api/v1/woningmarkt/GM0363?voorrang=0.3&tussenvoorziening=200&urgentie=true"
    )
    assert response.status_code == 200
    body = response.json()
    assert body["gemeentecode"] == "GM0363" and body["gemeentenaam"] == "Amsterdam"
    assert body["hefbomen"] == {
        "voorrang": 0.3,
        "urgentie": True,
        "tussenvoorziening": 200,
        "personenPerWoning": None,
        "nieuwbouw": 0,
    }
    assert set(body["wachttijden"]) == {
        "statushouders_coa",
        "statushouders_woning",
        "urgent",
        "regulier",
    }
    for group in body["wachttijden"].values():
        assert group["p50_maanden"]["mediaan"] <= group["p90_maanden"]["mediaan"]
    points = body["front"]["punten"]
    assert len(points) == 21 * 5 + 2
    assert sum(p["huidig_beleid"] for p in points) == 1
    chosen = [p for p in points if p["gekozen_beleid"]]
    assert len(chosen) == 1 and chosen[0]["voorrang_aandeel"] == 0.3
    assert body["label"].startswith("SCHATTING")
    assert any(line.startswith("AANNAME") for line in body["aannames"])


def test_without_levers_the_current_policy_is_answered(client: Client) -> None:
    body = client.get("/api/v1/woningmarkt/GM0984").json()
    assert body["hefbomen"]["voorrang"] == 0.06
    assert body["huidigBeleid"] == "voorrang 6 %"


@pytest.mark.parametrize(
    ("query", "field", "message"),
    [
        ("voorrang=1.5", "voorrang", "Voorrang is een aandeel tot en met 1"),
        ("voorrang=-0.1", "voorrang", "Voorrang kan niet onder 0 liggen."),
        ("voorrang=dertig", "voorrang", "Geef een aandeel tussen 0 en 1"),
        ("tussenvoorziening=-1", "tussenvoorziening", "niet negatief"),
        ("tussenvoorziening=2.5", "tussenvoorziening", "Geef een geheel getal."),
        ("personenPerWoning=0.1", "personenPerWoning", "Minstens 0.5 persoon"),
        ("urgentie=misschien", "urgentie", "Geef true of false."),
        ("onbekend=1", "onbekend", "Onbekende parameter"),
    ],
)
def test_bad_levers_are_a_dutch_400_problem(
    client: Client, query: str, field: str, message: str
) -> None:
    response = client.get(f"/api/v1/woningmarkt/GM0363?{query}")
    assert response.status_code == 400
    assert response["Content-Type"].startswith(PROBLEM)
    params = response.json()["invalidParams"]
    assert any(p["name"] == field and message in p["reason"] for p in params), params


def test_an_unknown_or_malformed_gemeente_is_a_404(client: Client) -> None:
    unknown = client.get("/api/v1/woningmarkt/GM9999")
    assert unknown.status_code == 404
    assert "GM9999" in unknown.json()["detail"]
    assert client.get("/api/v1/woningmarkt/Amsterdam").status_code == 404


def test_the_collection_lists_every_gemeente_with_its_address(client: Client) -> None:
    body = client.get("/api/v1/woningmarkt").json()
    assert len(body["gemeenten"]) == 342
    venray = next(g for g in body["gemeenten"] if g["gemeentecode"] == "GM0984")
    assert venray == {
        "gemeentecode": "GM0984",
        "gemeentenaam": "Venray",
        "url": "http://testserver/api/v1/woningmarkt/GM0984",
    }
    assert client.get("/api/v1/woningmarkt?x=1").status_code == 400
