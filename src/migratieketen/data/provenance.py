# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Provenance travels with every figure, so every page and export can say "Bron: …"."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True, slots=True)
class Provenance:
    """Where a figure comes from: publisher, table, reference date and licence."""

    publisher: str  # "CBS", "Kadaster", "COA", "UNHCR"
    title: str  # "Kerncijfers wijken en buurten 2024"
    table_id: str  # "85984NED"; "" when the publisher has no table id
    reference_date: date  # the date the figure describes (peildatum)
    licence: str  # "CC BY 4.0"
    url: str = ""
    # Free-text caveat, e.g. that an indicator's own reference year is older than the
    # KWB edition it was published in. Added after the first contract; optional.
    note: str = ""

    def attribution(self) -> str:
        """The Dutch attribution line shown next to the figure."""
        table = f" (tabel {self.table_id})" if self.table_id else ""
        return (
            f"Bron: {self.publisher}, {self.title}{table}; "
            f"peildatum {self.reference_date.isoformat()}; licentie {self.licence}"
        )
