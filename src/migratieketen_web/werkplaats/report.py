# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""The raadsrapportage: one `Werkplaats` rendered as a tagged PDF and as a workbook.

Why WeasyPrint: it renders the same Django templates and inline SVG charts as the
page, server-side without a browser, and writes PDF/UA-1 (tagged, with the document
language and title) for readers that use assistive technology. It never fetches
anything: the template is self-contained and the URL fetcher refuses every request.
"""

from __future__ import annotations

from io import BytesIO
from typing import Any

from django.template.loader import render_to_string
from django.utils import translation

from migratieketen_web.werkplaats.integral import Werkplaats
from migratieketen_web.werkplaats.services import signals

PDF_VARIANT = "pdf/ua-1"


class NoFetch(ValueError):
    """WeasyPrint asked for an outside resource; the report has none."""


def _refuse(url: str, *args: Any, **kwargs: Any) -> dict[str, Any]:
    raise NoFetch(f"De rapportage haalt niets van buiten op ({url[:60]}).")


def report_html(w: Werkplaats) -> str:
    with translation.override("nl"):
        return render_to_string(
            "werkplaats/rapport.html", {"w": w, "catalogue": signals.catalogue()}
        )


def pdf_bytes(w: Werkplaats) -> bytes:
    import weasyprint  # heavy import (pango, fonts): only when a PDF is asked for

    html = weasyprint.HTML(string=report_html(w), url_fetcher=_refuse)
    return bytes(html.write_pdf(pdf_variant=PDF_VARIANT))


def _sheet_name(text: str, used: set[str]) -> str:
    base = "".join(c for c in text if c not in "[]:*?/\\")[:28] or "Tabel"
    name, n = base, 2
    while name in used:
        name, n = f"{base[:25]} {n}", n + 1
    used.add(name)
    return name


def xlsx_bytes(w: Werkplaats) -> bytes:
    """The report's tables, one sheet each, numbers as numbers; sources below."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    wb = Workbook()
    used: set[str] = set()
    info = wb.active
    info.title = _sheet_name("Rapportage", used)
    info.append([f"Raadsrapportage migratieketen {w.gemeente.name} {w.half_year}"])
    info["A1"].font = Font(bold=True)
    for line in w.summary:
        info.append([line])
    info.append([])
    info.append(["Signalen"])
    for s in w.signals:
        info.append([s.title, s.message, s.rule])
    for section in w.sections:
        if not section.available:
            continue
        ws = wb.create_sheet(_sheet_name(section.title, used))
        ws.append(["Cijfer", "Waarde", "Hoe berekend"])
        for row in section.rows:
            ws.append([row.label, row.value, row.how])
        for table in section.tables:
            _append_table(ws, table)
        _append_sources(ws, section.sources)
    if w.comparison is not None:
        ws = wb.create_sheet(_sheet_name("Vergelijkbare gemeenten", used))
        _append_table(ws, w.comparison)
    out = BytesIO()
    wb.save(out)
    return out.getvalue()


def _append_table(ws: Any, table: Any) -> None:
    ws.append([])
    ws.append([table.caption])
    ws.append(list(table.headers))
    for row in table.values or table.rows:
        ws.append(list(row))


def _append_sources(ws: Any, sources: tuple[str, ...]) -> None:
    ws.append([])
    for source in sources:
        ws.append([source])
