# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""What one domain shows in the integral view, the report and the workbook.

Why one display shape for every domain: the page, the PDF and the Excel workbook render
the same `Section` objects, so they cannot show different figures for the same thing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class Row:
    """A headline figure with how it was computed and where it comes from."""

    label: str
    value: str
    how: str = ""  # "hoe berekend", one sentence
    href: str = ""  # the full explanation page, when there is one


@dataclass(frozen=True, slots=True)
class Table:
    caption: str
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    # Raw values for the workbook (numbers stay numbers there); same shape as rows.
    values: tuple[tuple[Any, ...], ...] = ()


@dataclass(frozen=True, slots=True)
class Section:
    key: str
    title: str
    available: bool
    reason: str = ""  # why not available ("Nog niet beschikbaar: ...")
    intro: str = ""
    rows: tuple[Row, ...] = ()
    tables: tuple[Table, ...] = ()
    chart: Any = None  # monitor.charts.BarChart
    chart_title: str = ""
    sources: tuple[str, ...] = ()
    notes: tuple[str, ...] = field(default_factory=tuple)
    estimate: bool = False  # a model result (SCHATTING), not a count


def unavailable(key: str, title: str, reason: str) -> Section:
    return Section(key, title, False, reason=reason)
