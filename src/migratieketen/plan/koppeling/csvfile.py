# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Stream a CSV file as spreadsheets and pandas write it, row by row.

A score file for a year (20,000 households x 342 gemeenten) has 6.8 million rows: read
whole and split into lists it took gigabytes, so rows are handed on one at a time.
"""

from __future__ import annotations

import csv
import itertools
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TypeVar

from migratieketen.plan.koppeling.model import KoppelingError

T = TypeVar("T")
Rows = Iterator[tuple[int, list[str]]]
ENCODINGS = ("utf-8-sig", "cp1252")  # what Excel saves as CSV: UTF-8 (BOM), else 1252
DELIMITERS = (",", ";", "\t")


def decode_text(raw: bytes) -> str | None:
    """UTF-8 (with or without BOM), else Windows-1252: what Excel saves as CSV."""
    for encoding in ENCODINGS:
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    return None


def delimiter(header_line: str) -> str:
    """The separator used most in the header line: comma, semicolon or tab."""
    return max(DELIMITERS, key=header_line.count)


def read_rows(path: Path, consume: Callable[[list[str], Rows], T]) -> T:
    """consume(header, rows): the header in lower case (empty for an empty file), then
    each non-blank row with its row number as a spreadsheet shows it (header: row 1).

    A file that turns out not to be UTF-8 is read again from the start as Windows-1252
    (consume runs again); what is neither is refused.
    """
    for encoding in ENCODINGS:
        try:
            with path.open(encoding=encoding, newline="") as f:
                first = f.readline()
                reader = csv.reader(
                    itertools.chain([first], f), delimiter=delimiter(first)
                )
                header = [h.strip().lower() for h in next(reader, [])]
                rows = (
                    (number, row)
                    for number, row in enumerate(reader, start=2)
                    if any(map(str.strip, row))
                )
                return consume(header, rows)
        except UnicodeDecodeError:
            continue
        except csv.Error as exc:  # e.g. a field longer than csv.field_size_limit()
            raise KoppelingError(
                f"{path.name} is geen leesbaar CSV-bestand ({exc}); er is niets verwerkt."
            ) from exc
        except OSError as exc:
            raise KoppelingError(f"{path.name} kan niet gelezen worden: {exc}") from exc
    raise KoppelingError(
        f"{path.name} is geen tekstbestand in UTF-8 of Windows-1252; "
        "sla het op als CSV (UTF-8)."
    )
