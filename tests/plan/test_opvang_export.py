# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""CSV and Excel of a plan: the same table, and no cell a spreadsheet would run."""

from __future__ import annotations

import csv
import io

from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from migratieketen.plan.opvang.export import HEAD, plan_csv, plan_xlsx

MONTHS = ["2025-01", "2025-02", "2025-03"]


def _record(
    naam: str, label: str = "generiek — geen echte locatie"
) -> dict[str, object]:
    return {"naam": naam, "label": label, "wijkcode": "WK036300", "wijknaam": "Centrum",
            "gemeentecode": "GM0363", "gemeentenaam": "Amsterdam", "provinciecode": "PV27",
            "type": "regulier", "opening": "2025-02", "sluiting": None,
            "plaatsen_per_maand": [0, 120, 120]}  # fmt: skip


def _xlsx_rows(data: bytes) -> tuple[list[list[object]], list[str]]:
    book = load_workbook(io.BytesIO(data))
    plan = [
        ["" if v is None else v for v in row]
        for row in book["Plan"].iter_rows(values_only=True)
    ]
    return plan, [str(r[0]) for r in book["Bron"].iter_rows(values_only=True)]  # fmt: skip


def test_excel_has_the_csv_table_and_its_sources() -> None:
    records = [_record("Azc Noord"), _record("Paviljoen", "eigen kandidaat")]
    rows = list(csv.reader(io.StringIO(plan_csv(records, MONTHS))))
    plan, sources = _xlsx_rows(plan_xlsx(records, MONTHS, ["Bron: CBS", "Kosten: COA"]))
    assert plan[0] == [*HEAD, *MONTHS] == rows[0]
    assert [[str(v) for v in r] for r in plan] == rows
    assert plan[1][-3:] == [0, 120, 120]  # numbers stay numbers
    assert sources == ["Bron: CBS", "Kosten: COA"]


@settings(max_examples=40, deadline=None)
@given(st.sampled_from(["=", "+", "-", "@", "\t", "\r"]), st.text(max_size=20))
def test_no_formula_survives_in_csv_or_excel(start: str, rest: str) -> None:
    evil = start + rest
    records = [_record(evil, evil)]
    row = list(csv.reader(io.StringIO(plan_csv(records, MONTHS), newline="")))[1]
    assert row[0].startswith("'") and row[1].startswith("'")
    book = load_workbook(io.BytesIO(plan_xlsx(records, MONTHS, [evil])))
    for sheet in book.worksheets:
        for line in sheet.iter_rows():
            for cell in line:
                assert cell.data_type != "f"
                if isinstance(cell.value, str) and cell.value:
                    assert not cell.value.startswith(("=", "+", "-", "@", "\t", "\r"))
