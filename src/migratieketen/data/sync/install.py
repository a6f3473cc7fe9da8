# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Write the synced files to a temporary folder, then swap them in all together.

The user's folder may hold other files (asylum series); only the synced files are
replaced. Each old file is first moved aside, so a failure halfway is rolled back and
the folder never mixes old and new files.
"""

from __future__ import annotations

import csv
import json
import os
import shutil
from collections.abc import Sequence
from pathlib import Path
from typing import Any


def format_cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if value.is_integer():
            return str(int(value))
        return repr(round(value, 4))
    return str(value).strip()


def write_csv(path: Path, columns: Sequence[str], rows: list[dict[str, Any]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(columns)
        for row in rows:
            writer.writerow([format_cell(row.get(c)) for c in columns])


def write_geojson(path: Path, features: list[dict[str, Any]]) -> None:
    doc = {"type": "FeatureCollection", "features": features}
    path.write_text(
        json.dumps(doc, ensure_ascii=False, separators=(",", ":")), encoding="utf-8"
    )


def install(staging: Path, target: Path, names: Sequence[str]) -> None:
    """Move `names` from `staging` into `target`, replacing old files; all or none."""
    target.mkdir(parents=True, exist_ok=True)
    backup = Path(
        os.path.join(target, f".sync-oud-{os.getpid()}")  # same filesystem as target
    )
    backup.mkdir(exist_ok=True)
    moved_old: list[str] = []
    placed_new: list[str] = []
    try:
        for name in names:
            if (target / name).exists():
                os.replace(target / name, backup / name)
                moved_old.append(name)
        for name in names:
            os.replace(staging / name, target / name)
            placed_new.append(name)
    except OSError:
        for name in placed_new:
            (target / name).unlink(missing_ok=True)
        for name in moved_old:
            os.replace(backup / name, target / name)
        raise
    finally:
        shutil.rmtree(backup, ignore_errors=True)
