# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Data problems as values: every check reports file, row and column, in Dutch.

Checks collect all issues instead of stopping at the first, so a user fixing a data
folder sees the whole list at once.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class DataIssue:
    """One problem in the data folder.

    row is the line number in the file as an editor shows it (the CSV header is line
    1, so the first data row is 2); for GeoJSON it is the feature number (1-based).
    """

    file: str
    row: int | None
    column: str | None
    message: str  # Dutch, for the user

    def __str__(self) -> str:
        parts = [self.file]
        if self.row is not None:
            parts.append(f"rij {self.row}")
        if self.column is not None:
            parts.append(f"kolom {self.column}")
        return f"{', '.join(parts)}: {self.message}"


class DataValidationError(ValueError):
    """The data folder failed validation; `issues` lists every problem found."""

    def __init__(self, issues: list[DataIssue]) -> None:
        self.issues = list(issues)
        shown = "\n".join(f"- {i}" for i in self.issues[:50])
        more = len(self.issues) - 50
        tail = f"\n- ... en nog {more} problemen" if more > 0 else ""
        super().__init__(
            f"De data-map is ongeldig ({len(self.issues)} problemen):\n{shown}{tail}"
        )


class IssueList(list[DataIssue]):
    """Collects issues; `add` keeps call sites short."""

    def add(self, file: str, row: int | None, column: str | None, message: str) -> None:
        self.append(DataIssue(file, row, column, message))
