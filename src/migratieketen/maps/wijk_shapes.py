# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""SVG paths of one gemeente's wijken from the data folder's `wijken_2024.geojson`.

The wijk layer is optional (about 2.5 MB); it is read once per process and kept per
gemeente as SVG paths in the national frame, so a wijk map costs one dictionary lookup.
Without the file the pages show their table only.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from migratieketen.maps.svg import (
    GeometryError,
    fit_view_box,
    geometry_to_path,
    path_bbox,
)

FILENAME = "wijken_2024.geojson"


@cache
def _all_paths(path: str) -> dict[str, dict[str, str]]:
    result: dict[str, dict[str, str]] = {}
    doc = json.loads(Path(path).read_bytes())
    for feature in doc.get("features", []):
        props = feature.get("properties") or {}
        try:
            drawn = geometry_to_path(feature.get("geometry"))
        except GeometryError:
            continue
        gemeente = str(props.get("gemeentecode", ""))
        result.setdefault(gemeente, {})[str(props.get("wijkcode", ""))] = drawn
    return result


def wijk_paths(data_dir: Path, gemeente: str) -> dict[str, str]:
    """wijkcode -> SVG path for the gemeente; empty without the optional file."""
    path = data_dir / FILENAME
    if not path.is_file():
        return {}
    return _all_paths(str(path)).get(gemeente, {})


def view_box(paths: dict[str, str]) -> str:
    """A viewBox around all the paths (with a small margin)."""
    boxes = [path_bbox(p) for p in paths.values()]
    return fit_view_box(
        (
            min(b[0] for b in boxes),
            min(b[1] for b in boxes),
            max(b[2] for b in boxes),
            max(b[3] for b in boxes),
        )
    )
