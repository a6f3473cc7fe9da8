# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Read and check one GeoJSON boundary file (gemeenten, provinces, wijken).

Geometry validity is checked with shapely in one vectorised call per file, so the
full data folder validates in well under a second.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import shapely

from migratieketen.data.issues import IssueList
from migratieketen.data.schema import GeoJsonSpec

# WGS84 bounds around the Netherlands incl. territorial water: catches RD (EPSG:28992)
# coordinates or swapped lat/lon.
NL_BOUNDS = (3.0, 50.5, 7.5, 54.0)
POLYGON_TYPES = ("Polygon", "MultiPolygon")


@dataclass(slots=True)
class GeoLayer:
    spec: GeoJsonSpec
    geometry: dict[str, dict[str, Any]] = field(default_factory=dict)
    properties: dict[str, dict[str, Any]] = field(default_factory=dict)
    feature_no: dict[str, int] = field(default_factory=dict)
    # Codes whose zero-area rings were dropped on read (see drop_degenerate_rings).
    repaired: dict[str, int] = field(default_factory=dict)


def _degenerate(ring: list[list[float]]) -> bool:
    return len({(pt[0], pt[1]) for pt in ring}) < 3


def drop_degenerate_rings(geom: dict[str, Any]) -> tuple[dict[str, Any], int]:
    """Remove rings with fewer than 3 distinct points: zero-area slivers that line
    simplification leaves behind (the shared provincies_land_2024.geojson has them).
    Dropping them changes no area; anything else invalid is still reported.
    Returns the cleaned geometry and the number of rings dropped.
    """
    try:
        polygons = (
            geom["coordinates"]
            if geom["type"] == "MultiPolygon"
            else [geom["coordinates"]]
        )
        dropped = 0
        kept_polygons = []
        for polygon in polygons:
            shell, *holes = polygon
            if _degenerate(shell):
                dropped += len(polygon)
                continue
            kept_holes = [h for h in holes if not _degenerate(h)]
            dropped += len(holes) - len(kept_holes)
            kept_polygons.append([shell, *kept_holes])
    except (KeyError, TypeError, IndexError):
        return geom, 0  # malformed: from_geojson reports it
    if dropped == 0:
        return geom, 0
    if geom["type"] == "MultiPolygon":
        return {"type": "MultiPolygon", "coordinates": kept_polygons}, dropped
    if not kept_polygons:
        return geom, 0  # nothing left: leave it to the validity check to report
    return {"type": "Polygon", "coordinates": kept_polygons[0]}, dropped


def read_geojson(path: Path, spec: GeoJsonSpec, issues: IssueList) -> GeoLayer | None:
    name = spec.filename
    if not path.is_file():
        issues.add(name, None, None, f"bestand ontbreekt in {path.parent}")
        return None
    try:
        doc = json.loads(path.read_bytes())
    except json.JSONDecodeError as exc:
        issues.add(
            name,
            None,
            None,
            f"geen geldige JSON: {exc.msg} (regel {exc.lineno}, teken {exc.colno})",
        )
        return None
    except UnicodeDecodeError as exc:
        issues.add(name, None, None, f"geen geldige UTF-8-tekst ({exc.reason})")
        return None
    if not isinstance(doc, dict) or doc.get("type") != "FeatureCollection":
        issues.add(name, None, None, "geen GeoJSON FeatureCollection")
        return None
    features = doc.get("features")
    if not isinstance(features, list) or not features:
        issues.add(name, None, None, "FeatureCollection zonder features")
        return None
    layer = GeoLayer(spec)
    code_re = re.compile(spec.code_pattern)
    codes: list[str] = []
    texts: list[str] = []
    for no, feature in enumerate(features, start=1):
        if not isinstance(feature, dict):
            issues.add(name, no, None, "feature is geen object")
            continue
        props = feature.get("properties") or {}
        code = props.get(spec.code_property) if isinstance(props, dict) else None
        if not isinstance(code, str) or not code_re.match(code):
            issues.add(
                name,
                no,
                spec.code_property,
                f"ontbrekende of ongeldige code {code!r}",
            )
            continue
        if code in layer.feature_no:
            issues.add(
                name,
                no,
                spec.code_property,
                f"code {code} komt dubbel voor (ook feature {layer.feature_no[code]})",
            )
            continue
        geom = feature.get("geometry")
        if not isinstance(geom, dict) or geom.get("type") not in POLYGON_TYPES:
            issues.add(
                name,
                no,
                "geometry",
                f"{code}: geometrie ontbreekt of is geen (Multi)Polygon",
            )
            continue
        geom, dropped = drop_degenerate_rings(geom)
        if dropped:
            layer.repaired[code] = dropped
        layer.feature_no[code] = no
        layer.geometry[code] = geom
        layer.properties[code] = props
        codes.append(code)
        texts.append(json.dumps(geom))
    _check_geometry(name, layer, codes, texts, issues)
    return layer


def _check_geometry(
    name: str, layer: GeoLayer, codes: list[str], texts: list[str], issues: IssueList
) -> None:
    if not texts:
        return
    geoms = shapely.from_geojson(np.array(texts, dtype=object), on_invalid="ignore")
    unreadable = shapely.is_missing(geoms)
    for i in np.flatnonzero(unreadable):
        issues.add(
            name,
            layer.feature_no[codes[i]],
            "geometry",
            f"{codes[i]}: geometrie kan niet gelezen worden",
        )
    readable = ~unreadable
    valid = np.zeros(len(codes), dtype=bool)
    valid[readable] = shapely.is_valid(geoms[readable])
    bad = np.flatnonzero(readable & ~valid)
    if bad.size:
        reasons = shapely.is_valid_reason(geoms[bad])
        for i, reason in zip(bad, reasons, strict=True):
            issues.add(
                name,
                layer.feature_no[codes[i]],
                "geometry",
                f"{codes[i]}: ongeldige geometrie ({reason})",
            )
    bounds = shapely.bounds(geoms[readable])
    min_x, min_y, max_x, max_y = NL_BOUNDS
    outside = (
        (bounds[:, 0] < min_x)
        | (bounds[:, 1] < min_y)
        | (bounds[:, 2] > max_x)
        | (bounds[:, 3] > max_y)
    )
    readable_idx = np.flatnonzero(readable)
    for j in np.flatnonzero(outside):
        i = readable_idx[j]
        issues.add(
            name,
            layer.feature_no[codes[i]],
            "geometry",
            f"{codes[i]}: coördinaten buiten Nederland (verwacht WGS84 lon/lat)",
        )
