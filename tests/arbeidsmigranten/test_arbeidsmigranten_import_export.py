# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""CSV import all or nothing with row and column; export safe against formula injection."""

from __future__ import annotations

from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

import pytest
from arbeidsmigranten_support import make_wijken

from migratieketen_web.accounts.isolation import actor_for_user
from migratieketen_web.arbeidsmigranten import csv_io
from migratieketen_web.arbeidsmigranten.models import Location, Occupant
from migratieketen_web.audit.models import Action, AuditEntry
from migratieketen_web.inburgering.csv_import import ImportRejected
from register_support import make_gemeenten, make_user, valid_bsn

pytestmark = pytest.mark.django_db

LOCATIONS = "postcode;huisnummer;wijk;soort;bedden;gebruiksoppervlakte;slaapkamers;snf_geldig_tot;exploitant\n"
GOOD = "1012AB;10;WK0363AA;woning;10;60;7|7;2027-01-31;Flex BV\n"
OCCUPANTS = (
    "postcode;huisnummer;bsn;inschrijving;werkgever;contract_einde;verblijf_vanaf\n"
)


@pytest.fixture
def klantmanager() -> User:
    make_wijken(make_gemeenten())
    return make_user("km", ("GM0363", "klantmanager"))


def _refused(user: User, content: str, what: str = "locaties") -> list[str]:
    client = Client()
    client.force_login(user)
    upload = SimpleUploadedFile("lijst.csv", content.encode(), "text/csv")
    response = client.post(
        "/arbeidsmigranten/import",
        {"gemeente": "GM0363", "soort": what, "bestand": upload},
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Import geweigerd; er is niets opgeslagen" in html, html[-2000:]
    return [
        line for line in html.split('<li class="utrecht-unordered-list__item">')[1:]
    ]


@pytest.mark.parametrize(
    ("bad_row", "expected"),
    [
        (
            "1012AB;12;WK999999;woning;4;60;;;",
            "Rij 3, kolom wijk: Wijk WK999999 is onbekend",
        ),
        (
            "1012AB;12;WK0363AA;woning;-2;60;;;",
            "Rij 3, kolom bedden: Het aantal bedden kan niet negatief",
        ),
        (
            "1012AB;12;WK0363AA;woning;4;60;;31/01/2027;",
            "Rij 3, kolom snf_geldig_tot: geen datum",
        ),
        ("1012AB;12;WK0363AA;kasteel;4;60;;;", "Rij 3, kolom soort: Kies woning"),
    ],
)
def test_one_bad_location_row_stores_nothing(
    klantmanager: User, bad_row: str, expected: str
) -> None:
    issues = _refused(klantmanager, LOCATIONS + GOOD + bad_row + "\n")
    assert any(expected in i for i in issues), issues
    assert Location.unscoped.count() == 0


def test_one_invalid_bsn_stores_no_occupant(klantmanager: User) -> None:
    actor = actor_for_user(klantmanager)
    csv_io.import_locations(actor, "GM0363", (LOCATIONS + GOOD).encode(), klantmanager)
    good = f"1012AB;10;{valid_bsn(12345670)};rni;Kas BV;2026-12-31;2026-01-05\n"
    bad = "1012AB;10;111222334;brp;Kas BV;;2026-01-05\n"
    issues = _refused(klantmanager, OCCUPANTS + good + bad, "bewoners")
    assert any("Rij 3, kolom bsn: Ongeldig BSN" in i for i in issues), issues
    assert not any("111222334" in i for i in issues)
    assert Occupant.unscoped.count() == 0
    unknown = "9999ZZ;1;;brp;;;2026-01-05\n"
    with pytest.raises(ImportRejected) as info:
        csv_io.import_occupants(actor, "GM0363", (OCCUPANTS + unknown).encode())
    assert "Rij 2, kolom postcode: geen locatie met dit adres" in info.value.issues[0]
    stored = csv_io.import_occupants(actor, "GM0363", (OCCUPANTS + good).encode())
    assert len(stored) == 1 and stored[0].bsn_hash and stored[0].registration == "rni"
    assert AuditEntry.objects.filter(
        action=Action.IMPORT, object_type="arbeidsmigranten.bewoner"
    ).exists()


def test_export_neutralises_formulas_and_holds_no_bsn(klantmanager: User) -> None:
    actor = actor_for_user(klantmanager)
    evil = '1012AB;11;WK0363AA;woning;2;60;;;=HYPERLINK("http://x")\n'
    csv_io.import_locations(actor, "GM0363", (LOCATIONS + evil).encode(), klantmanager)
    text = csv_io.export_locations(actor)
    assert "'=HYPERLINK" in text
    assert "\n=" not in text and ";=" not in text
    assert text.splitlines()[0].lstrip("\ufeff").startswith("uuid;gemeente;wijk")
