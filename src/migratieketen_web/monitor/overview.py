# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Tables for the national, province and gemeente monitor views.

Sums over gemeenten only: every per-gemeente number comes from the core through
`MonitorData`; a national or provincial figure is the sum of the gemeenten shown
beneath it, so a reader can add them up from the page.

One definition of achterstand for every figure: the core's
`HalfYearStatus.achterstand` (an ended half-year of a gemeente that keeps the
register, closed with persons still to house). Gemeenten without anything in the
register for a half-year ('niet geregistreerd') are counted apart and their unknown
remainder is not summed into 'nog te huisvesten'.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext_noop

from migratieketen_web.monitor.services import (
    AHEAD,
    NOT_REGISTERED,
    GemeenteInfo,
    HalfYear,
    HalfYearStatus,
    MonitorData,
    SupervisionStep,
    national_number,
)

# Dutch labels (also in the downloads); the web pages translate them via gettext.
STATUS_LABELS = {
    "lopend": gettext_noop("lopend"),
    "gehaald": gettext_noop("gehaald"),
    "voorsprong": gettext_noop("voorsprong"),
    "achterstand": gettext_noop("achterstand"),
    "buiten schuld": gettext_noop("achterstand buiten schuld"),
    "niet geregistreerd": gettext_noop("niet geregistreerd"),
}


@dataclass(frozen=True, slots=True)
class TotalsRow:
    """One half-year summed over a set of gemeenten."""

    half_year: HalfYear
    vg: int
    vg_initial: int
    taakstelling: int
    housed: int
    in_run: bool
    opgave: int | None = None
    remaining: int | None = None  # sum of max(0, opgave - housed), registered only
    behind: int | None = None  # gemeenten with an achterstand (the one definition)
    ahead: int | None = None  # gemeenten with a voorsprong
    not_registered: int | None = None  # gemeenten without register data: no verdict


def totals(data: MonitorData, codes: list[str] | None = None) -> list[TotalsRow]:
    """Per computable half-year: vg, sum of taakstellingen, housed, and in the run
    also opgave (with carry-over) and what remains."""
    selected = list(data.gemeenten) if codes is None else codes
    data.load_housed(codes)
    reports = [data.gemeente(c).report for c in selected]
    rows = []
    for hy in data.computable:
        nn = national_number(hy)
        taak = data.adjusted(hy)[0]
        row = TotalsRow(
            hy,
            nn.value("final"),
            nn.initial,
            sum(taak[c] for c in selected),
            data.housed_in(hy, selected),
            hy in data.run,
        )
        if hy in data.run:
            statuses = [
                next(s for s in r.half_years if s.half_year == hy) for r in reports
            ]
            row = _with_run(row, statuses)
        rows.append(row)
    return rows


def _with_run(row: TotalsRow, statuses: list[HalfYearStatus]) -> TotalsRow:
    return TotalsRow(
        row.half_year,
        row.vg,
        row.vg_initial,
        row.taakstelling,
        row.housed,
        True,
        opgave=sum(s.opgave for s in statuses),
        remaining=sum(s.remaining for s in statuses if s.status != NOT_REGISTERED),
        behind=sum(1 for s in statuses if s.achterstand),
        ahead=sum(1 for s in statuses if s.status == AHEAD),
        not_registered=sum(1 for s in statuses if s.status == NOT_REGISTERED),
    )


@dataclass(frozen=True, slots=True)
class GemeenteRow:
    info: GemeenteInfo
    current: HalfYearStatus
    supervision: SupervisionStep | None


def gemeente_rows(data: MonitorData, codes: list[str]) -> list[GemeenteRow]:
    data.load_housed(codes)
    out = []
    for code in codes:
        gm = data.gemeente(code)
        out.append(GemeenteRow(gm.info, gm.current, gm.report.supervision))
    return out


@dataclass(frozen=True, slots=True)
class ProvinceRow:
    code: str
    name: str
    gemeenten: int
    opgave: int
    housed: int
    remaining: int  # registered gemeenten only
    behind: int  # achterstand, the one definition
    not_registered: int
    supervised: int  # gemeenten with a supervision step


def province_rows(data: MonitorData) -> list[ProvinceRow]:
    groups: dict[tuple[str, str], list[str]] = {}
    for info in data.gemeenten.values():
        groups.setdefault((info.province_code, info.province_name), []).append(
            info.code
        )
    data.load_housed()
    out = []
    for (code, name), codes in sorted(groups.items(), key=lambda kv: kv[0][1]):
        rows = gemeente_rows(data, codes)
        out.append(
            ProvinceRow(
                code,
                name,
                len(codes),
                sum(r.current.opgave for r in rows),
                sum(r.current.realised for r in rows),
                sum(
                    r.current.remaining
                    for r in rows
                    if r.current.status != NOT_REGISTERED
                ),
                sum(1 for r in rows if r.current.achterstand),
                sum(1 for r in rows if r.current.status == NOT_REGISTERED),
                sum(1 for r in rows if r.supervision is not None),
            )
        )
    return out


def province_codes(data: MonitorData, province_code: str) -> list[str]:
    return [c for c, i in data.gemeenten.items() if i.province_code == province_code]


def gemeente_codes_loaded(data: MonitorData, province_code: str) -> list[str]:
    """The province's gemeenten, with their register sums read in one query."""
    codes = province_codes(data, province_code)
    data.load_housed(codes)
    return codes
