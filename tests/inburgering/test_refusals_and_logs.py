# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Refused input stores nothing and says why in Dutch; no BSN or name in any log line."""

from __future__ import annotations

import logging
from datetime import timedelta

from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone
from rest_framework.test import APIClient

import pytest

from migratieketen_web.accounts.isolation import actor_for_user
from migratieketen_web.inburgering import csv_import
from migratieketen_web.inburgering.models import Person
from register_support import make_gemeenten, make_user, valid_bsn

pytestmark = pytest.mark.django_db


@pytest.fixture
def klantmanager() -> User:
    make_gemeenten()
    return make_user("km", ("GM0363", "klantmanager"))


def _post(user: User, **changes: str) -> dict:
    client = APIClient()
    client.force_authenticate(user)
    body = {
        "gemeentecode": "GM0363",
        "bsn": valid_bsn(34567890),
        "naam": "Noor Testpersoon",
        "geboortedatum": "1988-07-01",
        "nationaliteit": "SY",
        "grond": "asiel",
        "startInburgeringsplicht": "2024-02-01",
    } | changes
    response = client.post("/api/v1/inburgeraars", body, format="json")
    assert response.status_code == 400, response.content
    assert Person.unscoped.count() == 0
    return {p["name"]: p["reason"] for p in response.json()["invalidParams"]}


def test_invalid_bsn_is_refused(klantmanager: User) -> None:
    reasons = _post(klantmanager, bsn="111222334")
    assert reasons["bsn"] == "Ongeldig BSN: het voldoet niet aan de elfproef."


def test_eu_citizen_is_refused_with_the_reason(klantmanager: User) -> None:
    reasons = _post(klantmanager, nationaliteit="PL", grond="overig")
    assert "Niet inburgeringsplichtig" in reasons["nationaliteit"]
    assert "vrij verkeer" in reasons["nationaliteit"]


def test_start_date_in_the_future_is_refused(klantmanager: User) -> None:
    tomorrow = (timezone.localdate() + timedelta(days=1)).isoformat()
    reasons = _post(klantmanager, startInburgeringsplicht=tomorrow)
    assert "ligt in de toekomst" in reasons["startInburgeringsplicht"]


HEADER = "bsn;naam;geboortedatum;nationaliteit;grond;startdatum;route\n"


def _csv(*rows: str) -> bytes:
    return (HEADER + "".join(r + "\n" for r in rows)).encode()


def test_a_csv_with_one_bad_row_stores_nothing(klantmanager: User) -> None:
    good = f"{valid_bsn(45678900)};Een Persoon;1990-01-01;SY;asiel;2023-05-01;b1"
    bad = f"{valid_bsn(45678910)};Twee Persoon;1991-01-01;DE;gezin;2023-05-01;"
    client = Client()
    client.force_login(klantmanager)
    upload = SimpleUploadedFile(
        "lijst.csv",
        _csv(
            good,
            good.replace("Een", "Drie").replace(good[:9], valid_bsn(45678920)),
            bad,
        ),
    )
    html = client.post(
        "/inburgering/import", {"gemeente": "GM0363", "bestand": upload}
    ).content.decode()
    assert "Import geweigerd; er is niets opgeslagen" in html
    assert "Rij 4, kolom nationaliteit: Niet inburgeringsplichtig" in html
    assert Person.unscoped.count() == 0
    with pytest.raises(csv_import.ImportRejected) as info:
        csv_import.import_csv(
            actor_for_user(klantmanager), "GM0363", _csv(good, good), klantmanager
        )
    assert info.value.issues == ["Rij 3, kolom bsn: zelfde BSN als rij 2."]
    csv_import.import_csv(actor_for_user(klantmanager), "GM0363", _csv(good), None)
    assert Person.unscoped.count() == 1


@pytest.mark.parametrize(
    ("row", "issue"),
    [
        (
            "123;A;1990-01-01;SY;asiel;2023-05-01;",
            "Rij 2, kolom bsn: Een BSN heeft 9 cijfers, niet 3.",
        ),
        (
            "{bsn};A;1990-13-01;SY;asiel;2023-05-01;",
            "Rij 2, kolom geboortedatum: geen datum",
        ),
        (
            "{bsn};A;1990-01-01;SY;vlucht;2023-05-01;",
            "Rij 2, kolom grond: Kies asiel, gezin of overig.",
        ),
        (
            "{bsn};A;1990-01-01;SY;asiel;2021-05-01;",
            "Rij 2, kolom startdatum: De startdatum 01-05-2021 ligt voor",
        ),
        (
            "{bsn};A;1990-01-01;SY;asiel;2023-05-01;c2",
            "Rij 2, kolom route: Kies b1, onderwijs of z.",
        ),
    ],
)
def test_csv_errors_name_row_and_column(
    klantmanager: User, row: str, issue: str
) -> None:
    with pytest.raises(csv_import.ImportRejected) as info:
        csv_import.parse(_csv(row.format(bsn=valid_bsn(56789000))), "GM0363")
    assert any(i.startswith(issue) for i in info.value.issues), info.value.issues
    assert all(valid_bsn(56789000) not in i for i in info.value.issues)


def test_export_is_safe_against_formula_injection(klantmanager: User) -> None:
    row = f'{valid_bsn(45678930)};=HYPERLINK("x");1990-01-01;SY;asiel;2023-05-01;'
    csv_import.import_csv(actor_for_user(klantmanager), "GM0363", _csv(row), None)
    client = Client()
    client.force_login(klantmanager)
    export = client.get("/inburgering/export.csv").content.decode("utf-8-sig")
    assert "'=HYPERLINK" in export
    assert ";=HYPERLINK" not in export


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(level=logging.DEBUG)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(self.format(record) + repr(record.__dict__))


def test_no_bsn_or_name_in_any_log_line(klantmanager: User) -> None:
    """Every logger at DEBUG while the register is used through pages and the API."""
    handler = _Collect()
    root = logging.getLogger()
    old_level = root.level
    root.addHandler(handler)
    root.setLevel(logging.DEBUG)
    bsn = valid_bsn(67890120)
    try:
        api = APIClient()
        api.force_authenticate(klantmanager)
        body = {
            "gemeentecode": "GM0363",
            "bsn": bsn,
            "naam": "Zainab Logtest",
            "geboortedatum": "1985-03-03",
            "nationaliteit": "AF",
            "grond": "asiel",
            "startInburgeringsplicht": "2023-09-01",
        }
        uuid = api.post("/api/v1/inburgeraars", body, format="json").json()["uuid"]
        api.post("/api/v1/inburgeraars", body, format="json")  # duplicate: 400
        api.post("/api/v1/inburgeraars", body | {"bsn": "123456789"}, format="json")
        api.get(f"/api/v1/inburgeraars/{uuid}")
        api.get("/api/v1/inburgeraars/00000000-0000-0000-0000-000000000000")
        web = Client()
        web.force_login(klantmanager)
        web.get("/inburgering")
        web.post("/inburgering", {"zoek": bsn})
        web.get(f"/inburgering/{uuid}")
        web.get("/inburgering/export.csv")
        other = make_user("buiten", ("GM0344", "klantmanager"))
        web.force_login(other)
        web.get(f"/inburgering/{uuid}")
    finally:
        root.removeHandler(handler)
        root.setLevel(old_level)
    assert handler.lines, "nothing was logged: the test would prove nothing"
    for line in handler.lines:
        assert bsn not in line
        assert "Zainab" not in line and "Logtest" not in line
