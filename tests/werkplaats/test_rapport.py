# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""The raadsrapportage: a real PDF whose text carries the page's figures."""

from __future__ import annotations

import re
from io import BytesIO

from django.test import Client

import pytest
from pypdf import PdfReader
from tests.monitor.monitor_support import expected_taakstelling

from migratieketen.data.population_history import PopulationTable

pytestmark = pytest.mark.django_db
URL = "/gemeenten/GM0984/rapport.pdf?halfjaar=2025-1"


def _text(content: bytes) -> tuple[PdfReader, str]:
    reader = PdfReader(BytesIO(content))
    return reader, "\n".join(page.extract_text() for page in reader.pages)


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def test_pdf_names_venray_with_taakstelling_table_and_sources(
    client: Client, population_2024: PopulationTable
) -> None:
    response = client.get(URL)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    content = response.content
    assert content.startswith(b"%PDF-")
    reader, text = _text(content)
    flat = _flat(text)
    assert len(reader.pages) >= 4
    assert "Venray" in flat
    assert "Taakstelling per halfjaar voor Venray" in flat
    assert "Bronnen en hoe berekend" in flat
    assert "Bron" in flat and "CBS" in flat
    taak = expected_taakstelling(population_2024, "2025-1", "GM0984")
    assert re.search(rf"Taakstelling 2025-1 {taak}\b", flat), taak
    assert "Colofon" in flat


def test_pdf_shows_the_same_figures_as_the_page(client: Client) -> None:
    page = client.get("/gemeenten/GM0984/overzicht?halfjaar=2025-1")
    assert page.status_code == 200
    html = page.content.decode()
    _reader, text = _text(client.get(URL).content)
    # Cells wrap in the PDF: compare without any whitespace.
    flat = re.sub(r"\s+", "", text)
    # Every headline figure of the page (label and value) is in the PDF as well.
    pairs = re.findall(
        r'<th class="utrecht-table__header-cell" scope="row">([^<]+)</th>'
        r'<td class="utrecht-table__cell utrecht-table__cell--numeric">([^<]+)</td>',
        html,
    )
    assert len(pairs) >= 8
    for label, value in pairs:
        expected = re.sub(r"\s+", "", label + value).replace("&#x27;", "'")
        assert expected in flat, (label, value)


def test_pdf_is_tagged_for_accessibility(client: Client) -> None:
    reader, _text_ = _text(client.get(URL).content)
    root = reader.trailer["/Root"]
    assert "/StructTreeRoot" in root  # tagged PDF (PDF/UA-1)
    assert root.get("/Lang") == "nl"
    assert "Venray" in (reader.metadata.title or "")


@pytest.mark.parametrize(
    ("query", "fragment"),
    [
        ("2025-3", "Ongeldig halfjaar"),
        ("abc", "Ongeldig halfjaar"),
        ("2040-1", "Kies een halfjaar van"),
        ("1999-1", "Kies een halfjaar van"),
    ],
)
def test_bad_half_year_is_a_dutch_400(
    client: Client, query: str, fragment: str
) -> None:
    for path in ("rapport.pdf", "rapport.xlsx", "overzicht"):
        response = client.get(f"/gemeenten/GM0984/{path}?halfjaar={query}")
        assert response.status_code == 400
        assert fragment in response.content.decode()


def test_workbook_has_the_taakstelling_table(
    client: Client, population_2024: PopulationTable
) -> None:
    from openpyxl import load_workbook

    response = client.get("/gemeenten/GM0984/rapport.xlsx?halfjaar=2025-1")
    assert response.status_code == 200
    wb = load_workbook(BytesIO(response.content))
    sheet = wb["Huisvesting statushouders"]
    rows = [r for r in sheet.iter_rows(values_only=True)]
    taak = expected_taakstelling(population_2024, "2025-1", "GM0984")
    assert any(r[0] == "2025-1" and r[1] == taak for r in rows)


def test_reports_are_limited_per_client_address(client: Client, settings) -> None:  # type: ignore[no-untyped-def]
    """A report takes seconds of CPU on a public page: the third within the limit's
    period is a 429 with Retry-After (PDF and Excel count together)."""
    settings.REPORTS_RATE = "2/hour"
    cheap = "?halfjaar=1899-1"  # refused after the count, so no report is made
    assert client.get(f"/gemeenten/GM0984/rapport.pdf{cheap}").status_code == 400
    assert client.get(f"/gemeenten/GM0984/rapport.xlsx{cheap}").status_code == 400
    response = client.get(f"/gemeenten/GM0984/rapport.pdf{cheap}")
    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0
    assert "rapportages kort na elkaar" in response.content.decode()
