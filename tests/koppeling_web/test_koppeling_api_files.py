# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""/api/v1/koppelingen with the CLI's CSV files (multipart) and bodies past 1 MB.

Before, every API body had the general 1 MB limit: a score table for more than about
40 households x 342 gemeenten was a 413, while the web page takes 64 MB.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from rest_framework.test import APIClient

import pytest

from migratieketen_web.koppeling.models import KoppelingRun
from register_support import make_gemeenten, valid_bsn

pytestmark = pytest.mark.django_db

H_CSV = (
    "huishouden_id,aankomst,personen,volwassenen,gemeente_verplicht\n"
    "HH01,2025-01-06,3,2,\nHH02,2025-01-07,1,1,\nHH03,2025-01-08,4,2,GM0599\n"
)
C_CSV = "gemeentecode,capaciteit\nGM0363,4\nGM0344,3\nGM0599,4\n"
S_CSV = "huishouden_id,gemeentecode,score\n" + "".join(
    f"{h},{g},{s}\n"
    for h, row in zip(
        ("HH01", "HH02", "HH03"), ((1, 2, 0.5), (0.3, 0.2, 0.1), (0, 0, 1)), strict=True
    )
    for g, s in zip(("GM0363", "GM0344", "GM0599"), row, strict=True)
)


@pytest.fixture
def client() -> APIClient:
    make_gemeenten()
    user = User.objects.create_superuser(
        "coordinator", password="een-lang-wachtwoord-1"
    )
    api = APIClient()
    api.force_authenticate(user)
    return api


def _file(name: str, text: str) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, text.encode("utf-8"), content_type="text/csv")


def _post_files(client: APIClient, **fields: Any) -> Any:
    body = {
        "huishoudens": _file("H.csv", H_CSV),
        "scores": _file("S.csv", S_CSV),
        "capaciteit": _file("C.csv", C_CSV),
    } | fields
    return client.post(
        "/api/v1/koppelingen",
        {k: v for k, v in body.items() if v is not None},
        format="multipart",
    )


def test_the_csv_files_start_a_run_like_the_json_lists(client: APIClient) -> None:
    response = _post_files(client, seed="3", beslistermijn="1", modus="batch")
    assert response.status_code == 202, response.content
    body = client.get(response["Location"]).json()
    assert (body["status"], body["modus"], body["seed"]) == ("klaar", "batch", 3)
    assert body["beslistermijn"] == 1
    by_id = {k["huishoudenId"]: k["gemeentecode"] for k in body["koppelingen"]}
    assert by_id["HH03"] == "GM0599" and by_id["HH01"] == "GM0344"


def test_without_a_mode_the_files_get_the_dynamic_policy(client: APIClient) -> None:
    response = _post_files(client, scores=None, capaciteit=None)
    assert response.status_code == 202, response.content
    assert response.json()["modus"] == "dynamisch"


@pytest.mark.parametrize(
    "fields, name, words",
    [
        ({"huishoudens": None}, "huishoudens", "Kies een bestand"),
        ({"huishoudens": H_CSV}, "huishoudens", "geen tekstveld"),
        ({"modus": "willekeurig"}, "modus", "willekeurig"),
        ({"beslistermijn": "9"}, "beslistermijn", "hooguit 8"),
        ({"seed": "-1"}, "seed", "geheel getal"),
        ({"extra": _file("x.csv", "a\n1\n")}, "extra", "Onbekend veld"),
        (
            {
                "scores": _file(
                    "S.csv", "huishouden_id,gemeentecode,score\nHH01,GM0363,hoog\n"
                )
            },
            "scores",
            "hoog",
        ),
    ],
)
def test_a_wrong_upload_is_a_400_on_its_field_and_stores_nothing(
    client: APIClient, fields: dict[str, Any], name: str, words: str
) -> None:
    response = _post_files(client, **fields)
    assert response.status_code == 400, response.content
    params = {p["name"]: p["reason"] for p in response.json()["invalidParams"]}
    assert words in params[name], params
    assert KoppelingRun.objects.count() == 0


def test_a_bsn_in_a_file_is_refused_and_nothing_stored(client: APIClient) -> None:
    households = H_CSV.replace("HH02", valid_bsn(23456789))
    response = _post_files(client, huishoudens=_file("H.csv", households))
    assert response.status_code == 400
    assert "elfproef" in response.json()["invalidParams"][0]["reason"]
    assert KoppelingRun.objects.count() == 0


def test_the_upload_limit_is_its_own(client: APIClient, settings: Any) -> None:
    settings.MIGRATIEKETEN_API_MAX_BODY_BYTES = 1024
    padded = _file("S.csv", S_CSV + "\n" * 3000)  # blank lines: skipped when read
    started = _post_files(client, scores=padded)  # 3.8 KB: past the general limit
    assert started.status_code == 202, started.content
    other = client.post(
        "/api/v1/scenarioruns", {"scenario": {"name": "x" * 2000}}, format="json"
    )
    assert other.status_code == 413
    settings.MIGRATIEKETEN_MAX_UPLOAD_BYTES = 2048
    refused = _post_files(client, scores=_file("S.csv", S_CSV + "\n" * 3000))
    assert refused.status_code == 413
    assert "2048 bytes" in refused.json()["detail"]
    assert KoppelingRun.objects.count() == 1


def _unknown_households(rows: int) -> str:
    """A score table of `rows` rows whose households are not in H.csv (refused)."""
    return "huishouden_id,gemeentecode,score\n" + "".join(
        f"ZZ{i:06d},GM0363,0.5\n" for i in range(rows)
    )


def test_files_of_several_mb_reach_the_checks(client: APIClient) -> None:
    """3 MB of CSV, past the general 1 MB and Django's 2.5 MB in-memory limit: the
    core reads the scores and refuses their rows, so the whole file arrived."""
    scores = _unknown_households(150_000)
    assert len(scores) > 3_000_000
    response = _post_files(client, scores=_file("S.csv", scores))
    assert response.status_code == 400, response.content[:300]
    reason = response.json()["invalidParams"][0]["reason"]
    assert "ZZ000000" in reason and "niets" in reason
    assert KoppelingRun.objects.count() == 0


def test_json_past_the_general_limit_is_a_413_that_points_to_the_files(
    client: APIClient, settings: Any
) -> None:
    """JSON is held whole in memory: it keeps the general limit."""
    households = [
        {
            "huishoudenId": "HH01",
            "aankomst": "2025-01-06",
            "personen": 1,
            "volwassenen": 1,
        }
    ]
    scores = [
        {"huishoudenId": f"ZZ{i:06d}", "gemeentecode": "GM0363", "score": 0.5}
        for i in range(20_000)
    ]
    body = {"huishoudens": households, "scores": scores}
    response = client.post("/api/v1/koppelingen", body, format="json")
    assert response.status_code == 413
    detail = response.json()["detail"]
    assert str(settings.MIGRATIEKETEN_API_MAX_BODY_BYTES) in detail
    assert "multipart/form-data" in detail
    assert str(settings.MIGRATIEKETEN_MAX_UPLOAD_BYTES) in detail
    assert KoppelingRun.objects.count() == 0


def test_django_refusing_a_body_inside_the_api_is_a_413_not_a_500(
    client: APIClient, settings: Any
) -> None:
    """Should Django's in-memory limit ever be below the API's, the refusal is still
    a 413 problem (it was a 500)."""
    settings.MIGRATIEKETEN_API_MAX_BODY_BYTES = 4_000_000
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 10_000
    body = {"huishoudens": [{"huishoudenId": "x" * 20_000}]}
    response = client.post("/api/v1/koppelingen", body, format="json")
    assert response.status_code == 413
    assert response["Content-Type"] == "application/problem+json"


def test_django_keeps_in_memory_what_the_api_accepts() -> None:
    from django.conf import settings

    assert (
        settings.DATA_UPLOAD_MAX_MEMORY_SIZE
        >= settings.MIGRATIEKETEN_API_MAX_BODY_BYTES
    )
