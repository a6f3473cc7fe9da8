# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""`check_data_dir`: the full check behind `migratieketen data check DIR`.

Runs the same checks as `load_dataset` (uncached) plus the optional wijk boundaries,
and returns a report instead of raising, so the CLI can print every issue.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from migratieketen.data import schema
from migratieketen.data.issues import DataIssue, IssueList
from migratieketen.data.loader import build_dataset, parse_folder


@dataclass(frozen=True, slots=True)
class CheckReport:
    path: Path
    issues: tuple[DataIssue, ...]
    notes: tuple[str, ...] = ()  # repairs and counts, for the user's information
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.issues


def check_data_dir(path: Path | str) -> CheckReport:
    folder = Path(path).expanduser()
    issues = IssueList()
    parsed = parse_folder(folder, issues, include_optional=True)
    if parsed is None:
        return CheckReport(folder, tuple(issues))
    dataset = build_dataset(parsed)
    notes = []
    layers = [parsed.gemeente_layer, parsed.province_land_layer]
    layers.append(parsed.province_legal_layer)
    if parsed.wijk_layer is not None:
        layers.append(parsed.wijk_layer)
    for layer in layers:
        for code, n in sorted(layer.repaired.items()):
            notes.append(
                f"{layer.spec.filename}: {code}: {n} ring(en) zonder oppervlak "
                "verwijderd bij het inlezen"
            )
    if parsed.wijk_layer is None:
        notes.append(
            "wijken_2024.geojson ontbreekt (optioneel; alleen voor wijkkaarten)"
        )
    counts = {
        "gemeenten": len(dataset.gemeenten),
        "provincies": len(dataset.provinces),
        "wijken": len(dataset.wijken),
        "indicatoren": len(dataset.indicators),
        "inwoners_2024": dataset.national_population(2024),
    }
    if 2025 in dataset.population_provenance:
        counts["inwoners_2025"] = dataset.national_population(2025)
    for source, ses in sorted(dataset.ses_woa.items()):
        counts[f"gemeenten_met_ses_woa_{source}"] = len(ses.scores)
        notes.append(f"SES-WOA ({source}): {ses.label()}")
        notes.extend(f"SES-WOA ({source}): {n}" for n in ses.notes)
    for spec in schema.OPTIONAL_CSV_FILES:
        if spec.filename not in parsed.extra.files:
            notes.append(f"{spec.filename} ontbreekt (optioneel)")
    return CheckReport(folder, (), tuple(notes), counts)
