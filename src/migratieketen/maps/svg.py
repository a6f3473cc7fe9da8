# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Project WGS84 GeoJSON (Multi)Polygons to compact SVG path data.

Why pure Python: the pages render the map server-side as inline SVG, so the
import only needs to turn each geometry into one `d` attribute once. A local
equirectangular projection (longitude scaled by cos 52.1°, the latitude of the
middle of the Netherlands) is accurate enough for a country this small: the
shape error against RD New is well under 1 % of the map width.

All shapes share one fixed frame (`NL_FRAME`), so gemeenten and provinces line up
in the same viewBox. Coordinates are rounded to 0.1 map unit; after the first
point of a ring, points are written relative (exact, since they are computed from
the rounded integers), and points that round to the previous one are dropped.
Holes and islands work with `fill-rule="evenodd"`.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

GeoJSONGeometry = dict[str, Any]
Ring = Sequence[Sequence[float]]


class GeometryError(ValueError):
    """A geometry that cannot be drawn: wrong type, malformed or empty rings."""


@dataclass(frozen=True, slots=True)
class MapFrame:
    """A fixed lon/lat window projected onto a viewBox `0 0 width height`."""

    lon_min: float
    lon_max: float
    lat_min: float
    lat_max: float
    width: float  # map units
    reference_lat: float = 52.1

    @property
    def _kx(self) -> float:
        return math.cos(math.radians(self.reference_lat))

    @property
    def scale(self) -> float:
        """Map units per degree of latitude."""
        return self.width / ((self.lon_max - self.lon_min) * self._kx)

    @property
    def height(self) -> float:
        return round((self.lat_max - self.lat_min) * self.scale, 1)

    @property
    def view_box(self) -> str:
        return f"0 0 {_fmt(round(self.width * 10))} {_fmt(round(self.height * 10))}"

    def project(self, lon: float, lat: float) -> tuple[float, float]:
        """Lon/lat in degrees -> (x, y) in map units, y pointing down."""
        x = (lon - self.lon_min) * self._kx * self.scale
        y = (self.lat_max - lat) * self.scale
        return x, y


# The Netherlands (land and water of all gemeenten/provinces) with a small margin.
NL_FRAME = MapFrame(
    lon_min=3.30, lon_max=7.28, lat_min=50.70, lat_max=53.60, width=500.0
)


def _fmt(tenths: int) -> str:
    """Integer tenths of a unit -> shortest decimal text ("-12.3", "4", ".5")."""
    sign = "-" if tenths < 0 else ""
    whole, frac = divmod(abs(tenths), 10)
    if not frac:
        return f"{sign}{whole}"
    return f"{sign}{whole if whole else ''}.{frac}"  # "0.5" -> ".5" (valid SVG)


def _join(numbers: Iterable[str]) -> str:
    out: list[str] = []
    for n in numbers:
        if out and not n.startswith("-"):
            out.append(" ")
        out.append(n)
    return "".join(out)


def ring_to_path(ring: Ring, frame: MapFrame = NL_FRAME, min_area: float = 0.0) -> str:
    """One closed ring as `M x y l dx dy ... z`.

    Empty when it collapses to < 3 points or encloses less than `min_area` square
    map units (used for holes: slivers between simplified shapes are not holes).
    """
    points: list[tuple[int, int]] = []
    for position in ring:
        if len(position) < 2:
            raise GeometryError(f"coördinaat zonder lengte/breedte: {position!r}")
        try:
            lon, lat = float(position[0]), float(position[1])
        except (TypeError, ValueError) as exc:
            raise GeometryError(f"ongeldige coördinaat: {position!r}") from exc
        if not (math.isfinite(lon) and math.isfinite(lat)):
            raise GeometryError(f"ongeldige coördinaat: {position!r}")
        x, y = frame.project(lon, lat)
        point = (round(x * 10), round(y * 10))
        if not points or point != points[-1]:
            points.append(point)
    if len(points) > 1 and points[0] == points[-1]:
        points.pop()
    if len(points) < 3:
        return ""
    if min_area > 0 and _area(points) < min_area:
        return ""
    first_x, first_y = points[0]
    deltas: list[str] = []
    for (px, py), (qx, qy) in zip(points, points[1:], strict=False):
        deltas.append(_fmt(qx - px))
        deltas.append(_fmt(qy - py))
    return f"M{_join([_fmt(first_x), _fmt(first_y)])}l{_join(deltas)}z"


def _area(points: Sequence[tuple[int, int]]) -> float:
    """Absolute shoelace area of integer-tenths points, in square map units."""
    twice = 0
    for (x1, y1), (x2, y2) in zip(points, [*points[1:], points[0]], strict=True):
        twice += x1 * y2 - x2 * y1
    return abs(twice) / 200.0


# Holes smaller than this (square map units, about 0.3 km2 in NL_FRAME) are slivers
# left by simplification, not real enclaves worth drawing at national scale.
MIN_HOLE_AREA = 1.0


def _polygons(geometry: GeoJSONGeometry) -> list[Sequence[Ring]]:
    if not isinstance(geometry, dict) or "type" not in geometry:
        raise GeometryError("geen GeoJSON-geometrie (object met 'type' verwacht)")
    kind = geometry["type"]
    coordinates = geometry.get("coordinates")
    if not isinstance(coordinates, list) or not coordinates:
        raise GeometryError(f"{kind}: lege of ontbrekende 'coordinates'")
    if kind == "Polygon":
        return [coordinates]
    if kind == "MultiPolygon":
        return list(coordinates)
    raise GeometryError(f"geometrietype {kind!r} wordt niet ondersteund")


def geometry_to_path(geometry: GeoJSONGeometry, frame: MapFrame = NL_FRAME) -> str:
    """A GeoJSON Polygon or MultiPolygon as one SVG path (draw with evenodd)."""
    parts: list[str] = []
    try:
        for polygon in _polygons(geometry):
            for index, ring in enumerate(polygon):
                min_area = MIN_HOLE_AREA if index > 0 else 0.0
                part = ring_to_path(ring, frame, min_area)
                if part:
                    parts.append(part)
    except (TypeError, IndexError) as exc:
        raise GeometryError(f"onleesbare coördinaten: {exc}") from exc
    if not parts:
        raise GeometryError("de geometrie heeft geen tekenbare ring")
    return "".join(parts)


_NUMBER = re.compile(r"-?(?:\d+\.?\d*|\.\d+)")


def path_bbox(path: str) -> tuple[float, float, float, float]:
    """(min_x, min_y, max_x, max_y) of a path made by `geometry_to_path`.

    Only understands that path's own grammar: `M x y` then relative `l` pairs, `z`.
    """
    xs: list[float] = []
    ys: list[float] = []
    for subpath in path.split("M")[1:]:
        head, _, tail = subpath.partition("l")
        start = [float(n) for n in _NUMBER.findall(head)]
        if len(start) != 2:
            raise GeometryError("pad zonder geldig beginpunt")
        x, y = start
        xs.append(x)
        ys.append(y)
        deltas = [float(n) for n in _NUMBER.findall(tail.rstrip("z"))]
        for dx, dy in zip(deltas[0::2], deltas[1::2], strict=False):
            x += dx
            y += dy
            xs.append(x)
            ys.append(y)
    if not xs:
        raise GeometryError("leeg pad")
    return min(xs), min(ys), max(xs), max(ys)


def fit_view_box(bbox: tuple[float, float, float, float], margin: float = 0.05) -> str:
    """A viewBox around `bbox` with a relative margin on each side."""
    min_x, min_y, max_x, max_y = bbox
    pad = max(max_x - min_x, max_y - min_y) * margin
    return (
        f"{min_x - pad:.1f} {min_y - pad:.1f} "
        f"{max_x - min_x + 2 * pad:.1f} {max_y - min_y + 2 * pad:.1f}"
    )
