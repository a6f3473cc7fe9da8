# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""CSV and Excel downloads open with the csv module and openpyxl, with Bron/Berekening."""

from __future__ import annotations

import csv
import io
from datetime import date

from django.test import Client

import pytest
from openpyxl import load_workbook

from migratieketen_web.gemeenten.models import Gemeente
from migratieketen_web.monitor import models

pytestmark = pytest.mark.django_db

EXPORTS = {
    "/monitor/export": ("halfjaar", None),
    "/monitor/provincies/PV28/export": ("gemeentecode", 50),
    "/monitor/gemeenten/GM0599/export": ("gemeentecode", 2),
    "/monitor/taakstelling/2025-1/export": ("gemeentecode", 342),
}


@pytest.fixture(autouse=True)
def _one_realisation(db: None) -> None:
    models.Realisation.objects.create(
        gemeente=Gemeente.objects.get(code="GM0599"),
        housed_on=date(2025, 2, 1),
        persons=7,
        key="test:1",
        source=models.RealisationSource.CSV,
    )


@pytest.mark.parametrize("url", EXPORTS)
def test_excel_export_has_data_and_source_sheets(client: Client, url: str) -> None:
    response = client.get(f"{url}.xlsx")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    wb = load_workbook(io.BytesIO(response.content))
    assert wb.sheetnames == ["Gegevens", "Bron en berekening"]
    rows = list(wb["Gegevens"].iter_rows(values_only=True))
    first_col, count = EXPORTS[url]
    assert rows[0][0] == first_col and "berekening" in rows[0]
    if count is not None:
        assert len(rows) - 1 == count
    sources = [r[0] for r in wb["Bron en berekening"].iter_rows(values_only=True)]
    assert any(str(s).startswith("Bron: CBS") for s in sources if s)
    assert any(str(s).startswith("art. 29 lid 1") for s in sources if s)


def _csv_parts(text: str) -> tuple[list[dict[str, str]], list[list[str]]]:
    """The data rows, and the rows of the sections after the first empty line."""
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    blank = rows.index([])
    header, data = rows[0], rows[1:blank]
    return [dict(zip(header, r, strict=True)) for r in data], rows[blank + 1 :]


@pytest.mark.parametrize("url", EXPORTS)
def test_csv_export_has_berekening_and_one_sources_section(
    client: Client, url: str
) -> None:
    """Issue 11: the sources once, after the data, not repeated on every row."""
    response = client.get(f"{url}.csv")
    assert response.status_code == 200
    rows, sections = _csv_parts(response.content.decode("utf-8-sig"))
    assert rows and "berekening" in rows[0] and "bron" not in rows[0]
    assert sections[0] == ["Bronnen"]
    sources = [r[0] for r in sections[1 : sections.index([])]]
    assert any(line.startswith("Bron: CBS") for line in sources)
    assert len(sources) == len(set(sources))
    assert ["Grondslag", "Wettekst"] in sections


def test_gemeente_export_carries_the_ledger(client: Client) -> None:
    text = client.get("/monitor/gemeenten/GM0599/export.csv").content.decode(
        "utf-8-sig"
    )
    first, second = _csv_parts(text)[0]
    assert first["halfjaar"] == "2025-1" and first["gehuisvest"] == "7"
    assert int(first["saldo"]) == int(first["taakstelling"]) - 7
    assert int(second["meegenomen"]) == int(first["saldo"])
    assert first["gehuisvest_op_peildatum"] == "7"
    assert "opgave 0 + " in first["berekening"]


def test_unknown_export_format_is_404(client: Client) -> None:
    assert client.get("/monitor/export.pdf").status_code == 404
    assert client.get("/monitor/taakstelling/2024-2/export.csv").status_code == 404
