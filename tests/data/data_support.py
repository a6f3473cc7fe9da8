# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Helpers to alter one cell of a copied CSV (for the corrupted-data tests)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path


def rewrite_line(path: Path, line_no: int, edit: Callable[[list[str]], None]) -> None:
    """Edit the comma-separated cells of one physical line (1 = header)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    cells = lines[line_no - 1].split(",")
    edit(cells)
    lines[line_no - 1] = ",".join(cells)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def column_index(path: Path, column: str) -> int:
    header = path.read_text(encoding="utf-8").splitlines()[0].split(",")
    return header.index(column)
