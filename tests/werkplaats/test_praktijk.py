# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Praktijkvoorbeelden: from draft to published only through review."""

from __future__ import annotations

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

import pytest
from tests.werkplaats.support import client_for, user_with

from migratieketen_web.accounts.roles import Role
from migratieketen_web.werkplaats.models import Praktijkvoorbeeld, Status

pytestmark = pytest.mark.django_db
FORM = {
    "title": "Tussenvoorziening in een leeg kantoor",
    "theme": "huisvesting",
    "what": "Een leeg kantoor verbouwd tot 40 plaatsen voor statushouders.",
    "result": "Achterstand van 30 naar 5 personen in een jaar.",
    "result_source": "Raadsinformatiebrief 2024-12",
    "period": "2023-2024",
    "contact_role": "beleidsadviseur huisvesting",
    "signals": "achterstand_wacht_in_azc",
    "gemeente_codes": "GM0984",
}
HEADER = (
    "titel;gemeenten;thema;wat_gedaan;resultaat;bron_resultaat;periode;"
    "contactrol;signalen\n"
)


def test_the_catalogue_starts_empty_with_an_invitation_and_the_format() -> None:
    html = Client().get("/praktijkvoorbeelden").content.decode()
    assert "Nog geen praktijkvoorbeelden" in html
    assert "titel;gemeenten;thema" in html
    assert not Praktijkvoorbeeld.objects.exists()


def test_anonymous_user_cannot_create_one() -> None:
    client = Client()
    response = client.post("/praktijkvoorbeelden/nieuw", FORM)
    assert response.status_code == 302 and "/inloggen" in response["Location"]
    upload = SimpleUploadedFile("v.csv", HEADER.encode())
    assert (
        client.post("/praktijkvoorbeelden/import", {"file": upload}).status_code == 302
    )
    assert not Praktijkvoorbeeld.objects.exists()


def test_draft_to_published_only_after_review() -> None:
    author = user_with("auteur", "GM0984", Role.BELEID)
    writer = client_for(author)
    assert writer.post("/praktijkvoorbeelden/nieuw", FORM).status_code == 302
    example = Praktijkvoorbeeld.objects.get()
    assert example.status == Status.DRAFT
    url = f"/praktijkvoorbeelden/{example.uuid}"
    assert Client().get(url).status_code == 404  # a draft is not public
    assert (
        "Tussenvoorziening" not in Client().get("/praktijkvoorbeelden").content.decode()
    )
    # The author cannot publish, not even after submitting it.
    assert writer.post(f"{url}/publiceren").status_code == 403
    assert writer.post(f"{url}/aanbieden").status_code == 302
    assert writer.post(f"{url}/publiceren").status_code == 403
    # A signed-in user without the reviewer role cannot publish either.
    other = client_for(user_with("beleid2", "GM0983", Role.BELEID))
    assert other.post(f"{url}/publiceren").status_code in (403, 404)
    example.refresh_from_db()
    assert example.status == Status.IN_REVIEW
    # A beheerder reviews and publishes.
    reviewer = client_for(user_with("beheerder", "NL", Role.BEHEERDER))
    assert reviewer.post(f"{url}/publiceren").status_code == 302
    example.refresh_from_db()
    assert example.status == Status.PUBLISHED and example.published_at is not None
    public = Client().get(url).content.decode()
    assert "Tussenvoorziening in een leeg kantoor" in public
    assert "Gemeenten met een vergelijkbare opgave" in public
    assert (
        Client()
        .get("/praktijkvoorbeelden?q=kantoor")
        .content.decode()
        .count("Tussenvoorziening in een leeg kantoor")
        == 1
    )


def test_a_reviewer_can_send_it_back() -> None:
    writer = client_for(user_with("auteur2", "GM0984", Role.BELEID))
    writer.post("/praktijkvoorbeelden/nieuw", FORM)
    example = Praktijkvoorbeeld.objects.get()
    url = f"/praktijkvoorbeelden/{example.uuid}"
    writer.post(f"{url}/aanbieden")
    reviewer = client_for(user_with("beheerder2", "NL", Role.BEHEERDER))
    reviewer.post(f"{url}/terugsturen", {"opmerking": "Bron ontbreekt"})
    example.refresh_from_db()
    assert example.status == Status.DRAFT and example.review_note == "Bron ontbreekt"


def test_import_is_all_or_nothing_with_row_and_column() -> None:
    writer = client_for(user_with("importeur"))
    good = "T1;GM0984;huisvesting;wat;resultaat 10;bron;2024;rol;\n"
    bad = "T2;GM9999;onbekend;wat;resultaat;bron;2024;rol;\n"
    upload = SimpleUploadedFile("v.csv", (HEADER + good + bad).encode())
    response = writer.post("/praktijkvoorbeelden/import", {"file": upload})
    html = response.content.decode()
    assert response.status_code == 400
    assert "Rij 3, kolom gemeenten: onbekende gemeentecode GM9999" in html
    assert "Rij 3, kolom thema" in html
    assert not Praktijkvoorbeeld.objects.exists()
    upload = SimpleUploadedFile("v.csv", (HEADER + good).encode())
    assert (
        writer.post("/praktijkvoorbeelden/import", {"file": upload}).status_code == 302
    )
    assert Praktijkvoorbeeld.objects.get().status == Status.DRAFT


def test_overview_shows_published_examples_relevant_to_its_signals() -> None:
    author = user_with("auteur3", "GM0983", Role.BELEID)
    writer = client_for(author)
    writer.post("/praktijkvoorbeelden/nieuw", {**FORM, "gemeente_codes": "GM0983"})
    example = Praktijkvoorbeeld.objects.get()
    url = f"/praktijkvoorbeelden/{example.uuid}"
    writer.post(f"{url}/aanbieden")
    client_for(user_with("beheerder3", "NL", Role.BEHEERDER)).post(f"{url}/publiceren")
    # Venray gets the backlog signal once COA linked more than it housed.
    from datetime import date

    from migratieketen_web.gemeenten.models import Gemeente
    from migratieketen_web.monitor import models

    venray = Gemeente.objects.get(code="GM0984")
    models.CoaLinkage.objects.create(
        gemeente=venray, half_year="2025-1", linked=30, source_text="test"
    )
    models.Realisation.objects.create(
        gemeente=venray, housed_on=date(2025, 3, 1), persons=10, key="t:1",
        source=models.RealisationSource.WEB,
    )  # fmt: skip
    html = Client().get("/gemeenten/GM0984/overzicht?halfjaar=2025-1").content.decode()
    assert "Tussenvoorziening in een leeg kantoor" in html
