# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Build corrupted copies of the real data folder in tmp_path, one fault each."""

from __future__ import annotations

import csv
import shutil
from collections.abc import Callable
from pathlib import Path

from migratieketen_web.gemeenten import models

Rows = list[list[str]]


def copy_data_dir(source: Path, target: Path) -> Path:
    """A writable copy of the data files (only inside the test's tmp_path)."""
    target.mkdir(parents=True, exist_ok=True)
    for path in source.iterdir():
        if path.is_file():
            shutil.copyfile(path, target / path.name)
    return target


def edit_csv(path: Path, change: Callable[[Rows], Rows]) -> None:
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    rows = change(rows)
    with path.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh, lineterminator="\n").writerows(rows)


def db_state() -> dict[str, object]:
    """Row counts of every open-data table plus the current vintage's checksum."""
    vintage = models.DataVintage.objects.order_by("-imported_at", "-pk").first()
    return {
        "vintages": models.DataVintage.objects.count(),
        "checksum": vintage.checksum if vintage else None,
        "sources": models.Source.objects.count(),
        "provinces": models.Province.objects.count(),
        "gemeenten": models.Gemeente.objects.count(),
        "population": models.PopulationFigure.objects.count(),
        "indicators": models.Indicator.objects.count(),
        "values": models.IndicatorValue.objects.count(),
        "wijken": models.Wijk.objects.count(),
        "amsterdam_path": models.Gemeente.objects.get(code="GM0363").svg_path[:80],
    }
