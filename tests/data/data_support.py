# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Helpers to alter one cell of a copied CSV (for the corrupted-data tests)."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from pathlib import Path


def rewrite_line(path: Path, line_no: int, edit: Callable[[list[str]], None]) -> None:
    """Edit the comma-separated cells of one physical line (1 = header)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    cells = next(csv.reader([lines[line_no - 1]]))
    edit(cells)
    out = io.StringIO()
    csv.writer(out, lineterminator="").writerow(cells)
    lines[line_no - 1] = out.getvalue()
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def column_index(path: Path, column: str) -> int:
    header = next(csv.reader([path.read_text(encoding="utf-8").splitlines()[0]]))
    return header.index(column)


def drop_column(path: Path, column: str) -> None:
    """Remove one column from every row of a CSV."""
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    index = rows[0].index(column)
    with path.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh, lineterminator="\n").writerows(
            [c for i, c in enumerate(row) if i != index] for row in rows
        )
