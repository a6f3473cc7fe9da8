# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""The LVV pilot evaluation's published outcome figures, read from the data folder.

Regioplan's final evaluation for the WODC (November 2022, peildatum July 2022): of 2,065
participants in the five pilot gemeenten, 1,258 left; of those 18 % found a lasting
solution, 41 % a semi-lasting one and 41 % none. The file `lvv_pilot_cijfers_2019_2022.csv`
carries each figure with the web address of its publication; pages cite that address,
never the file.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

FILENAME = "lvv_pilot_cijfers_2019_2022.csv"


@dataclass(frozen=True, slots=True)
class PilotFigures:
    participants: int
    exited: int
    lasting_pct: int
    semi_lasting_pct: int
    none_pct: int
    peildatum: str
    sources: tuple[str, ...]

    def derived_counts(self) -> dict[str, int]:
        """DERIVED: the shares applied to the exits, rounded (226 / 516 / 516)."""
        return {
            "bestendig": round(self.exited * self.lasting_pct / 100),
            "semi_bestendig": round(self.exited * self.semi_lasting_pct / 100),
            "geen": round(self.exited * self.none_pct / 100),
        }

    def citation(self) -> str:
        return (
            "Bron: WODC/Regioplan, eindevaluatie pilot Landelijke "
            f"Vreemdelingenvoorzieningen (peildatum juli 2022); {'; '.join(self.sources)}"
        )


def load_pilot(data_dir: Path) -> PilotFigures | None:
    """The pilot figures, or None when the file is not in the data folder."""
    path = data_dir / FILENAME
    if not path.is_file():
        return None
    with path.open(encoding="utf-8") as fh:
        rows = {r["metric"]: r for r in csv.DictReader(fh)}
    needed = (
        "deelnemers_totaal",
        "uitgestroomd",
        "uitstroom_bestendige_oplossing",
        "uitstroom_semi_bestendig",
        "uitstroom_geen_oplossing",
    )
    if any(m not in rows for m in needed):
        return None
    sources = tuple(dict.fromkeys(rows[m]["source_url"] for m in needed))
    return PilotFigures(
        participants=int(rows["deelnemers_totaal"]["value"]),
        exited=int(rows["uitgestroomd"]["value"]),
        lasting_pct=int(rows["uitstroom_bestendige_oplossing"]["value"]),
        semi_lasting_pct=int(rows["uitstroom_semi_bestendig"]["value"]),
        none_pct=int(rows["uitstroom_geen_oplossing"]["value"]),
        peildatum="2022-07",
        sources=sources,
    )
