# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Geometry steps of the sync: clean, simplify, assign provinces, dissolve.

The same steps as the reference data folder (docs/open-data.md): PDOK polygons simplified
(0.001° gemeenten, 0.0008° wijken), coordinates on a 1e-5° grid (~1 m), each gemeente
in the province whose polygon it overlaps most, land-only provinces dissolved from
their gemeenten.
"""

from __future__ import annotations

from typing import Any

import shapely
from shapely.geometry import mapping, shape
from shapely.geometry.base import BaseGeometry

from migratieketen.data.sync.http import SyncError

GRID = 1e-5
TOLERANCE_GEMEENTEN = 0.001
TOLERANCE_WIJKEN = 0.0008
TOLERANCE_PROVINCES = 0.0005


def _swap_if_lat_lon(geom: BaseGeometry) -> BaseGeometry:
    """WFS 2.0 servers may answer EPSG:4326 in lat/lon order; NL has lon < lat."""
    min_x, min_y, max_x, max_y = geom.bounds
    if min_x > 45 and max_y < 10:
        return shapely.transform(geom, lambda xy: xy[:, ::-1])
    return geom


def polygonal(geom: BaseGeometry) -> BaseGeometry:
    """Valid (Multi)Polygon only: repair, then drop lines/points from the repair."""
    if not geom.is_valid:
        geom = shapely.make_valid(geom)
    if geom.geom_type in ("Polygon", "MultiPolygon"):
        return geom
    parts = [
        g for g in shapely.get_parts(geom) if g.geom_type in ("Polygon", "MultiPolygon")
    ]
    return shapely.union_all(parts) if parts else shapely.Polygon()


def clean(geojson: dict[str, Any] | None, tolerance: float, what: str) -> BaseGeometry:
    if not geojson:
        raise SyncError(f"{what}: geen geometrie in het antwoord van PDOK")
    try:
        geom = _swap_if_lat_lon(shape(geojson))
    except (ValueError, TypeError, AttributeError, KeyError) as exc:
        raise SyncError(f"{what}: onleesbare geometrie ({exc})") from exc
    geom = polygonal(geom)
    simplified = geom.simplify(tolerance, preserve_topology=True)
    if not simplified.is_empty:
        geom = simplified
    return polygonal(shapely.set_precision(geom, GRID))


def to_geojson(geom: BaseGeometry) -> dict[str, Any]:
    out = dict(mapping(geom))
    out["coordinates"] = _round(out["coordinates"])
    return out


def _round(coords: Any) -> Any:
    if isinstance(coords, list | tuple):
        if coords and isinstance(coords[0], int | float):
            return [round(float(c), 5) for c in coords]
        return [_round(c) for c in coords]
    return coords


def assign_provinces(
    gemeenten: dict[str, BaseGeometry], provinces: dict[str, BaseGeometry]
) -> dict[str, tuple[str, float]]:
    """gemeentecode -> (provinciecode, share of the gemeente area in it)."""
    codes = list(provinces)
    tree = shapely.STRtree([provinces[c] for c in codes])
    result: dict[str, tuple[str, float]] = {}
    for gm, geom in gemeenten.items():
        area = geom.area
        best, best_area = "", 0.0
        for i in tree.query(geom):
            overlap = geom.intersection(provinces[codes[int(i)]]).area
            if overlap > best_area:
                best, best_area = codes[int(i)], overlap
        if not best or area <= 0:
            raise SyncError(f"{gm} ligt in geen enkele provincie")
        result[gm] = (best, best_area / area)
    return result


def dissolve(
    gemeenten: dict[str, BaseGeometry], assignment: dict[str, tuple[str, float]]
) -> dict[str, BaseGeometry]:
    groups: dict[str, list[BaseGeometry]] = {}
    for gm, (pv, _share) in assignment.items():
        groups.setdefault(pv, []).append(gemeenten[gm])
    out = {}
    for pv, parts in sorted(groups.items()):
        merged = shapely.union_all(parts)
        simplified = merged.simplify(TOLERANCE_PROVINCES, preserve_topology=True)
        out[pv] = polygonal(shapely.set_precision(simplified, GRID))
    return out
