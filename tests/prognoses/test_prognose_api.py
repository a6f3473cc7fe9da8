# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""/api/v1/prognoses and /api/v1/instroomscenarios: explicit Dutch fields, problems."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.django_db

PROBLEM = "application/problem+json"


def _ok(client: Any, url: str) -> Any:
    response = client.get(url)
    assert response.status_code == 200, response.content[:500]
    assert response["API-Version"]
    return response.json()


def test_list_has_model_and_vintage(api_client: Any, stored_forecast: Any) -> None:
    page = _ok(api_client, "/api/v1/prognoses")
    assert page["count"] == 1
    item = page["results"][0]
    assert item["uuid"] == stored_forecast.uuid
    assert item["model"] == "ensemble"
    assert item["dataTotEnMet"] == "2024-Q4" and item["prognoseTotEnMet"] == "2026-Q4"
    assert item["kwantielniveaus"] == [0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95]
    vintage = item["datavintage"]
    assert len(vintage["controlesom"]) == 64
    assert {b["naam"] for b in vintage["bestanden"]} >= {
        "cbs_asylum_first_requests_quarterly_2013_2024.csv"
    }
    assert "reeksen" not in item  # figures only in the detail


def test_detail_has_monotone_quantiles_per_series(
    api_client: Any, stored_forecast: Any
) -> None:
    data = _ok(api_client, f"/api/v1/prognoses/{stored_forecast.uuid}")
    assert [r["reeks"] for r in data["reeksen"]] == [
        "eerste_asielverzoeken",
        "nareizigers",
        "totale_instroom",
    ]
    for reeks in data["reeksen"]:
        prognose = [k for k in reeks["kwartalen"] if k["soort"] == "prognose"]
        assert [k["periode"] for k in prognose][0] == "2025-Q1"
        assert len(prognose) == 8
        for k in reeks["kwartalen"]:
            values = [q["waarde"] for q in k["kwantielen"]]
            assert len(values) == 7 and values == sorted(values)
    assert data["kanttekening"].startswith("Deze prognose kent alleen")
    assert {row["jaar"] for row in data["mppVergelijking"]} == {2025, 2026}


def test_actueel_one_series(api_client: Any, stored_forecast: Any) -> None:
    data = _ok(api_client, "/api/v1/prognoses/actueel?reeks=nareizigers")
    assert data["uuid"] == stored_forecast.uuid
    (reeks,) = data["reeksen"]
    assert reeks["reeks"] == "nareizigers" and reeks["laatstGemeten"] == "2024-Q2"
    assert reeks["gemeten"][0]["periode"] == "2013-Q1"
    assert reeks["gemeten"][-1]["periode"] == "2024-Q2"
    assert reeks["kwartalen"][0] == {
        **reeks["kwartalen"][0],
        "periode": "2024-Q3",
        "soort": "schatting",
    }


@pytest.mark.parametrize(
    ("url", "status", "param"),
    [
        ("/api/v1/prognoses/actueel?reeks=alles", 400, "reeks"),
        ("/api/v1/prognoses/actueel?serie=nareizigers", 400, "serie"),
        ("/api/v1/prognoses?limit=0", 400, "limit"),
        ("/api/v1/instroomscenarios?prognose=geen-uuid", 400, "prognose"),
        ("/api/v1/prognoses/00000000-0000-4000-8000-000000000000", 404, None),
        ("/api/v1/prognoses/", 404, None),
    ],
)
def test_errors_are_problem_documents(
    api_client: Any, stored_forecast: Any, url: str, status: int, param: str | None
) -> None:
    response = api_client.get(url)
    assert response.status_code == status
    assert response["Content-Type"] == PROBLEM
    body = response.json()
    assert body["status"] == status and body["title"]
    if param:
        assert [p["name"] for p in body["invalidParams"]] == [param]


def test_actueel_without_data_is_503_problem(
    api_client: Any, settings: Any, tmp_path: Path
) -> None:
    settings.MIGRATIEKETEN_DATA_DIR = str(tmp_path / "leeg")
    response = api_client.get("/api/v1/prognoses/actueel")
    assert response.status_code == 503
    assert response["Content-Type"] == PROBLEM
    assert "bestaat niet" in response.json()["detail"]


def test_scenarios_list_filter_and_paths(api_client: Any, stored_forecast: Any) -> None:
    page = _ok(api_client, f"/api/v1/instroomscenarios?prognose={stored_forecast.uuid}")
    names = [s["naam"] for s in page["results"]]
    assert names[0] == "prognose-2024-Q4" and "regimewissel" in names
    assert all("paden" not in s for s in page["results"])
    regime = next(s for s in page["results"] if s["naam"] == "regimewissel")
    assert regime["seed"] == 7 and regime["aantalPaden"] == 200
    assert regime["prognose"].endswith(f"/api/v1/prognoses/{stored_forecast.uuid}")
    detail = _ok(api_client, regime["url"])
    assert len(detail["paden"]["totaleInstroom"]) == 200
    assert (
        len(detail["paden"]["eersteAsielverzoeken"][0]) == len(detail["perioden"]) == 8
    )
    empty = _ok(
        api_client,
        "/api/v1/instroomscenarios?prognose=00000000-0000-4000-8000-000000000000",
    )
    assert empty["count"] == 0
