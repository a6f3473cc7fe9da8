# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""/api/v1/koppelingen: 202 + Location, the result, staff only, refusals store nothing."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import User
from django.utils import timezone
from rest_framework.test import APIClient

import pytest

from migratieketen.plan.koppeling import DEFAULT_WAIT_WEEKS
from migratieketen_web.audit.models import AuditEntry
from migratieketen_web.jobs.models import Job
from migratieketen_web.koppeling.models import KoppelingRun
from register_support import make_gemeenten, make_user, valid_bsn

pytestmark = pytest.mark.django_db

HOUSEHOLDS = [
    {"huishoudenId": "HH01", "aankomst": "2025-01-06", "personen": 3, "volwassenen": 2},
    {"huishoudenId": "HH02", "aankomst": "2025-01-07", "personen": 1, "volwassenen": 1},
    {"huishoudenId": "HH03", "aankomst": "2025-01-08", "personen": 4, "volwassenen": 2,
     "gemeenteVerplicht": "GM0599"},
]  # fmt: skip
CAPACITY = [
    {"gemeentecode": "GM0363", "capaciteit": 4},
    {"gemeentecode": "GM0344", "capaciteit": 3},
    {"gemeentecode": "GM0599", "capaciteit": 4},
]
SCORES = [
    {"huishoudenId": h["huishoudenId"], "gemeentecode": c["gemeentecode"], "score": s}
    for h, row in zip(
        HOUSEHOLDS, [[1, 2, 0.5], [0.3, 0.2, 0.1], [0, 0, 1]], strict=True
    )
    for c, s in zip(CAPACITY, row, strict=True)
]


@pytest.fixture
def staff() -> User:
    make_gemeenten()
    return User.objects.create_superuser(
        "coordinator", password="een-lang-wachtwoord-1"
    )


def _client(user: User) -> APIClient:
    client = APIClient()
    client.force_authenticate(user)
    return client


def _start(user: User, **body: Any) -> Any:
    payload = {"huishoudens": HOUSEHOLDS, "capaciteit": CAPACITY, "scores": SCORES}
    return _client(user).post("/api/v1/koppelingen", payload | body, format="json")


def test_start_answers_202_with_location_and_the_result(staff: User) -> None:
    response = _start(staff)
    assert response.status_code == 202, response.content
    location = response["Location"]
    body = _client(staff).get(location).json()
    assert body["status"] == "klaar"
    by_id = {k["huishoudenId"]: k for k in body["koppelingen"]}
    assert by_id["HH03"]["gemeentecode"] == "GM0599"  # the hard constraint holds
    assert by_id["HH01"]["gemeentecode"] == "GM0344"  # its best score
    assert len(by_id["HH01"]["uitleg"]["top3"]) == 3
    assert body["samenvatting"]["aandeelHindsightOptimum"] == pytest.approx(1.0)
    assert body["samenvatting"]["eerlijkheid"]["groepen"]
    actions = set(AuditEntry.objects.values_list("action", flat=True))
    assert {"aanmaken", "lezen"} <= actions


@pytest.mark.parametrize(
    "change, words",
    [
        ({"bsn": "x"}, "BSN"),
        ({"naam": "x"}, "namen"),
        ({"achternaam": "x"}, "namen"),
        ({"huishoudenId": valid_bsn(23456789)}, "elfproef"),
        ({"huishoudenId": "Fatima el Amrani"}, "persoonsnaam"),
    ],
)
def test_personal_data_is_refused_and_nothing_stored(
    staff: User, change: dict[str, str], words: str
) -> None:
    households = [HOUSEHOLDS[0] | change, *HOUSEHOLDS[1:]]
    response = _start(staff, huishoudens=households, scores=[])
    assert response.status_code == 400
    reasons = " ".join(p["reason"] for p in response.json()["invalidParams"])
    assert words in reasons and "niets" in reasons
    assert KoppelingRun.objects.count() == 0
    assert Job.objects.filter(kind="koppeling").count() == 0


def test_the_beslistermijn_is_passed_and_reported(staff: User) -> None:
    response = _start(staff, beslistermijn=1)
    assert response.status_code == 202, response.content
    body = _client(staff).get(response["Location"]).json()
    assert body["beslistermijn"] == 1
    assert body["samenvatting"]["wachten"]["beslistermijnWeken"] == 1
    default = _client(staff).get(_start(staff)["Location"]).json()
    assert default["beslistermijn"] is None
    assert (
        default["samenvatting"]["wachten"]["beslistermijnWeken"] == DEFAULT_WAIT_WEEKS
    )


@pytest.mark.parametrize("value", [9, -1, 1.5, "2", True])
def test_a_beslistermijn_outside_its_range_is_a_400(staff: User, value: Any) -> None:
    response = _start(staff, beslistermijn=value)
    assert response.status_code == 400
    params = response.json()["invalidParams"]
    assert params[0]["name"] == "beslistermijn"
    assert "0 tot en met 8" in params[0]["reason"]
    assert KoppelingRun.objects.count() == 0


def test_a_bad_row_names_row_and_column(staff: User) -> None:
    households = [HOUSEHOLDS[0] | {"personen": 0}, *HOUSEHOLDS[1:]]
    response = _start(staff, huishoudens=households)
    assert response.status_code == 400
    reason = response.json()["invalidParams"][0]["reason"]
    assert "rij 2, kolom personen" in reason
    assert KoppelingRun.objects.count() == 0


def test_only_staff_with_the_aggregates_right(staff: User) -> None:
    anonymous = APIClient().post("/api/v1/koppelingen", {}, format="json")
    assert anonymous.status_code == 401
    caseworker = make_user("km", ("GM0363", "klantmanager"))
    assert _start(caseworker).status_code == 403
    policy_staff = make_user("bl", ("GM0363", "beleid"), is_staff=True)
    assert _start(policy_staff).status_code == 202


def test_another_coordinators_run_is_a_404(staff: User) -> None:
    location = _start(staff)["Location"]
    other = make_user("bl2", ("GM0363", "beleid"), is_staff=True)
    assert _client(other).get(location).status_code == 404


def test_the_record_says_when_the_upload_was_removed(staff: User) -> None:
    location = _start(staff)["Location"]
    assert _client(staff).get(location).json()["invoerVerwijderd"] is None
    KoppelingRun.objects.update(inputs_removed_at=timezone.now())
    assert _client(staff).get(location).json()["invoerVerwijderd"]
