# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""CSV and Excel downloads of the monitor tables, each row with its calculation.

A downloaded figure travels without the web page, so every row carries the
arithmetic and legal basis from the core Explanation ('berekening', 'grondslag'),
and the sources go along once, not on every row: as a 'Bronnen' section after the
data in CSV, as a 'Bron en berekening' sheet in Excel. A remainder that is unknown
because the gemeente keeps no register for the half-year ('niet geregistreerd') is an
empty cell, not a number.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from typing import Any

from django.http import HttpResponse

from openpyxl import Workbook
from openpyxl.styles import Font

from migratieketen_web.monitor import overview
from migratieketen_web.monitor.explanations import population_line
from migratieketen_web.monitor.services import (
    ART_28,
    ART_29_1,
    ART_29_2,
    CARRY_OVER_PRACTICE,
    GEMEENTEWET_124,
    NOT_REGISTERED,
    Explanation,
    HalfYear,
    HalfYearStatus,
    LegalReference,
    MonitorData,
    vg_source_line,
)

SOURCES_HEADING = "Bronnen"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@dataclass(frozen=True, slots=True)
class ExportTable:
    title: str
    filename: str  # without extension
    columns: tuple[str, ...]
    rows: list[list[Any]]
    sources: tuple[str, ...]
    references: tuple[LegalReference, ...]


def _refs(expl: Explanation) -> str:
    return "; ".join(r.label() for r in expl.references)


def _known(status: HalfYearStatus, value: int) -> int | None:
    """None (an empty cell) for a remainder the register cannot tell."""
    return None if status.status == NOT_REGISTERED else value


def national_table(data: MonitorData) -> ExportTable:
    rows = []
    for r in overview.totals(data):
        rows.append(
            [
                str(r.half_year),
                r.vg,
                r.vg_initial,
                r.taakstelling,
                r.opgave,
                r.housed,
                r.remaining,
                r.behind,
                r.ahead,
                r.not_registered,
                "som van de gemeenten; taakstelling per gemeente vg x iG / iN naar "
                "boven afgerond (art. 29 lid 1)"
                + ("; opgave = meegenomen + taakstelling" if r.in_run else ""),
            ]
        )
    return ExportTable(
        "Monitor taakstelling Nederland",
        "monitor-nederland",
        (
            "halfjaar",
            "vg",
            "vg_gepubliceerd",
            "som_taakstellingen",
            "opgave_incl_meegenomen",
            "gehuisvest",
            "nog_te_huisvesten",
            "gemeenten_achterstand",
            "gemeenten_voorsprong",
            "gemeenten_niet_geregistreerd",
            "berekening",
        ),
        rows,
        _common_sources(data),
        (ART_29_1, ART_28, CARRY_OVER_PRACTICE),
    )


def _common_sources(data: MonitorData) -> tuple[str, ...]:
    lines = [vg_source_line(hy) for hy in data.computable]
    years = sorted({hy.reference_date.year for hy in data.computable})
    lines += [population_line(data, y) for y in years]
    lines.append(
        f"Gehuisvest: realisatieregister Migratieketen, stand {data.as_of.isoformat()}."
    )
    return tuple(lines)


def _status_row(data: MonitorData, code: str) -> list[Any]:
    gm = data.gemeente(code)
    cur = gm.current
    step = gm.report.supervision
    expl = cur.explanation(code)
    return [
        code,
        gm.info.name,
        gm.info.province_name,
        str(cur.half_year),
        cur.taakstelling,
        cur.carry_in,
        cur.opgave,
        cur.realised,
        _known(cur, cur.remaining),
        _known(cur, cur.carry_out),
        overview.STATUS_LABELS[cur.status],
        step.step if step else "",
        expl.arithmetic,
        _refs(expl),
    ]


STATUS_COLUMNS = (
    "gemeentecode",
    "gemeente",
    "provincie",
    "halfjaar",
    "taakstelling",
    "meegenomen",
    "opgave",
    "gehuisvest",
    "nog_te_huisvesten",
    "saldo",
    "status",
    "toezichtstap",
    "berekening",
    "grondslag",
)


def province_table(data: MonitorData, code: str, name: str) -> ExportTable:
    return ExportTable(
        f"Monitor taakstelling provincie {name}",
        f"monitor-{code.lower()}",
        STATUS_COLUMNS,
        [_status_row(data, c) for c in overview.gemeente_codes_loaded(data, code)],
        _common_sources(data),
        (ART_29_1, ART_28, CARRY_OVER_PRACTICE, GEMEENTEWET_124),
    )


def gemeente_table(data: MonitorData, code: str) -> ExportTable:
    gm = data.gemeente(code)
    rows = []
    for s in gm.report.half_years:
        peil = gm.at_peildatum.get(s.half_year)
        expl = s.explanation(code)
        rows.append(
            [
                code,
                gm.info.name,
                str(s.half_year),
                s.carry_in,
                s.taakstelling,
                s.opgave,
                s.half_year.peildatum().isoformat(),
                peil.realised if peil else None,
                peil.remaining if peil else None,
                s.realised,
                _known(s, s.remaining),
                _known(s, s.carry_out),
                overview.STATUS_LABELS[s.status],
                expl.arithmetic,
                _refs(expl),
            ]
        )
    return ExportTable(
        f"Monitor taakstelling {gm.info.name}",
        f"monitor-{code.lower()}",
        (
            "gemeentecode",
            "gemeente",
            "halfjaar",
            "meegenomen",
            "taakstelling",
            "opgave",
            "peildatum",
            "gehuisvest_op_peildatum",
            "nog_te_huisvesten_op_peildatum",
            "gehuisvest",
            "nog_te_huisvesten",
            "saldo",
            "status",
            "berekening",
            "grondslag",
        ),
        rows,
        _common_sources(data),
        (ART_29_1, ART_28, CARRY_OVER_PRACTICE, GEMEENTEWET_124),
    )


def taakstelling_table(data: MonitorData, hy: HalfYear) -> ExportTable:
    result = data.taakstelling(hy)
    adjusted = data.adjusted(hy)[0]
    rows = []
    for code, info in data.gemeenten.items():
        g = result.per_gemeente[code]
        expl = g.explanation()
        rows.append(
            [
                code,
                info.name,
                info.province_name,
                str(hy),
                g.vg,
                g.population,
                g.national_population,
                g.taakstelling,
                adjusted[code],
                expl.arithmetic,
                _refs(expl),
                ART_29_1.url,
            ]
        )
    return ExportTable(
        f"Taakstelling {hy}",
        f"taakstelling-{hy}",
        (
            "gemeentecode",
            "gemeente",
            "provincie",
            "halfjaar",
            "vg",
            "inwoners",
            "inwoners_nederland",
            "taakstelling",
            "taakstelling_na_regionale_afspraken",
            "berekening",
            "grondslag",
            "wettekst",
        ),
        rows,
        (vg_source_line(hy), population_line(data, hy.reference_date.year)),
        (ART_29_1, ART_29_2),
    )


def csv_response(table: ExportTable) -> HttpResponse:
    """Semicolon-separated UTF-8 with BOM (opens in Dutch Excel).

    The data first; after one empty line a 'Bronnen' section (each source once) and
    the legal basis, so a reader of the file alone can follow every figure.
    """
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(table.columns)
    for row in table.rows:
        writer.writerow(["" if v is None else v for v in row])
    writer.writerow([])
    writer.writerow([SOURCES_HEADING])
    for line in table.sources:
        writer.writerow([line])
    writer.writerow([])
    writer.writerow(["Grondslag", "Wettekst"])
    for ref in table.references:
        writer.writerow([ref.label(), ref.url])
    response = HttpResponse(out.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{table.filename}.csv"'
    return response


def xlsx_bytes(table: ExportTable) -> bytes:
    wb = Workbook()
    ws = wb.active
    ws.title = "Gegevens"
    ws.append(list(table.columns))
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for row in table.rows:
        ws.append(row)
    ws.freeze_panes = "A2"
    src = wb.create_sheet("Bron en berekening")
    src.append([table.title])
    src["A1"].font = Font(bold=True)
    src.append([])
    src.append(["Bron"])
    src["A3"].font = Font(bold=True)
    for line in table.sources:
        src.append([line])
    src.append([])
    src.append(["Grondslag", "Wettekst", "Juriconnect", "Toelichting"])
    for ref in table.references:
        src.append([ref.label(), ref.url, ref.juriconnect, ref.note])
    src.append([])
    src.append(
        [
            "De kolom 'berekening' geeft per rij de invoer en de rekensom; "
            "'grondslag' het artikel."
        ]
    )
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def xlsx_response(table: ExportTable) -> HttpResponse:
    response = HttpResponse(xlsx_bytes(table), content_type=XLSX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{table.filename}.xlsx"'
    return response


def respond(table: ExportTable, fmt: str) -> HttpResponse:
    return xlsx_response(table) if fmt == "xlsx" else csv_response(table)
