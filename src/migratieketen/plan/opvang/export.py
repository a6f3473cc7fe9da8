# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""CSV and Excel of a plan: one row per opened location, one column per month (places).

Both carry the same table. Names and labels can come from an uploaded candidate file,
so a text cell that a spreadsheet would run as a formula (starting with = + - @, a tab
or a carriage return) gets a leading apostrophe (OWASP 'CSV injection'), as the other
exports do; Excel cells are also written as plain strings, never as formulas, and
lose the control characters a workbook cannot hold.
"""

from __future__ import annotations

import csv
import io
from typing import Any

HEAD = ("naam", "label", "wijkcode", "wijknaam", "gemeentecode", "gemeentenaam",
        "provinciecode", "type", "opening", "sluiting")  # fmt: skip
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: object) -> str:
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_START) else text


def _rows(records: list[dict[str, Any]], months: list[str]) -> list[list[Any]]:
    head: list[Any] = [*HEAD, *(safe_cell(m) for m in months)]
    return [head] + [
        [*(safe_cell(r[h]) for h in HEAD), *(int(p) for p in r["plaatsen_per_maand"])]
        for r in records
    ]


def plan_csv(records: list[dict[str, Any]], months: list[str]) -> str:
    buf = io.StringIO()
    # CRLF (RFC 4180): a field holding a bare \r or \n is then quoted.
    csv.writer(buf, lineterminator="\r\n").writerows(_rows(records, months))
    return buf.getvalue()


def plan_xlsx(
    records: list[dict[str, Any]], months: list[str], sources: list[str]
) -> bytes:
    """The CSV's table on sheet 'Plan'; the sources on sheet 'Bron' (a downloaded
    figure travels without the web page)."""
    from openpyxl import Workbook
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    from openpyxl.styles import Font

    def clean(value: Any) -> Any:  # control characters are not allowed in a workbook
        if not isinstance(value, str):
            return value
        text = ILLEGAL_CHARACTERS_RE.sub("", value)
        return value if text == value else safe_cell(text)

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Plan"
    for row in _rows(records, months):
        sheet.append([clean(v) for v in row])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for line in sheet.iter_rows(min_row=2):
        for cell in line:
            if isinstance(cell.value, str):
                cell.data_type = "s"  # never a formula
    sheet.freeze_panes = "C2"
    about = book.create_sheet("Bron")
    for text in sources:
        about.append([clean(safe_cell(text))])
        about.cell(about.max_row, 1).data_type = "s"
    buf = io.BytesIO()
    book.save(buf)
    return buf.getvalue()
