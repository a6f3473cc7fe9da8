# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""SVG projection: shapes land where they should, compactly, and bad geometry fails."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from migratieketen.maps.svg import (
    NL_FRAME,
    GeometryError,
    MapFrame,
    fit_view_box,
    geometry_to_path,
    path_bbox,
    ring_to_path,
)

FRAME = MapFrame(lon_min=0.0, lon_max=1.0, lat_min=0.0, lat_max=1.0, width=100.0)


def test_projection_corners_and_aspect() -> None:
    assert FRAME.project(0.0, 1.0) == (0.0, 0.0)  # north-west corner is the origin
    x, y = FRAME.project(1.0, 0.0)
    assert x == pytest.approx(100.0)
    # One degree of latitude is 1/cos(52.1°) times longer than one of longitude.
    assert y == pytest.approx(100.0 / math.cos(math.radians(52.1)))


def test_square_ring_is_relative_and_closed() -> None:
    ring = [[0.0, 1.0], [0.5, 1.0], [0.5, 0.5], [0.0, 0.5], [0.0, 1.0]]
    path = ring_to_path(ring, FRAME)
    assert path.startswith("M0 0l50 0")
    assert path.endswith("z")
    assert path_bbox(path) == pytest.approx(
        (0, 0, 50, FRAME.project(0, 0.5)[1]), abs=0.1
    )


def test_points_that_round_together_are_dropped() -> None:
    ring = [[0.0, 1.0], [0.0001, 1.0], [0.5, 1.0], [0.5, 0.5], [0.0, 1.0]]
    assert ring_to_path(ring, FRAME).count(" ") == ring_to_path(
        [[0.0, 1.0], [0.5, 1.0], [0.5, 0.5], [0.0, 1.0]], FRAME
    ).count(" ")


def test_multipolygon_with_hole_gives_one_subpath_per_ring() -> None:
    outer = [[0.0, 1.0], [0.9, 1.0], [0.9, 0.1], [0.0, 0.1], [0.0, 1.0]]
    hole = [[0.2, 0.8], [0.4, 0.8], [0.4, 0.6], [0.2, 0.6], [0.2, 0.8]]
    island = [[0.95, 0.05], [0.99, 0.05], [0.99, 0.01], [0.95, 0.05]]
    geometry = {"type": "MultiPolygon", "coordinates": [[outer, hole], [island]]}
    assert geometry_to_path(geometry, FRAME).count("M") == 3


def test_sliver_holes_are_dropped_but_real_holes_kept() -> None:
    outer = [[0.0, 1.0], [0.9, 1.0], [0.9, 0.1], [0.0, 0.1], [0.0, 1.0]]
    sliver = [[0.2, 0.8], [0.3, 0.8], [0.2, 0.7999], [0.2, 0.8]]
    geometry = {"type": "Polygon", "coordinates": [outer, sliver]}
    assert geometry_to_path(geometry, FRAME).count("M") == 1


@pytest.mark.parametrize(
    "geometry",
    [
        {"type": "Point", "coordinates": [5.0, 52.0]},
        {"type": "Polygon", "coordinates": []},
        {"type": "Polygon", "coordinates": [[[5.0, "x"], [5.1, 52.0], [5.0, 52.1]]]},
        {"type": "Polygon", "coordinates": [[[5.0, 52.0], [5.0, 52.0]]]},
        {"coordinates": []},
    ],
)
def test_bad_geometry_raises_geometry_error(geometry: dict) -> None:
    with pytest.raises(GeometryError):
        geometry_to_path(geometry)


def test_real_gemeenten_fit_the_frame(shared_data_dir: Path) -> None:
    features = json.loads((shared_data_dir / "gemeenten_2024.geojson").read_text())[
        "features"
    ]
    _, _, width, height = (float(v) for v in NL_FRAME.view_box.split())
    total = 0
    for feature in features:
        path = geometry_to_path(feature["geometry"])
        total += len(path)
        min_x, min_y, max_x, max_y = path_bbox(path)
        assert 0 <= min_x < max_x <= width
        assert 0 <= min_y < max_y <= height
    assert total < 300_000  # compact enough to inline all 342 shapes in one page


def test_fit_view_box_adds_margin() -> None:
    assert fit_view_box((10, 20, 110, 70), margin=0.1) == "0.0 10.0 120.0 70.0"


@given(
    st.lists(
        st.tuples(st.floats(3.4, 7.2), st.floats(50.8, 53.5)), min_size=3, max_size=60
    )
)
def test_any_ring_path_stays_inside_the_frame_and_parses_back(
    points: list[tuple[float, float]],
) -> None:
    ring = [[lon, lat] for lon, lat in points] + [[points[0][0], points[0][1]]]
    path = ring_to_path(ring)
    if not path:  # collapsed to fewer than three distinct points
        return
    min_x, min_y, max_x, max_y = path_bbox(path)
    _, _, width, height = (float(v) for v in NL_FRAME.view_box.split())
    assert 0 <= min_x <= max_x <= width
    assert 0 <= min_y <= max_y <= height
    xs = [NL_FRAME.project(lon, lat)[0] for lon, lat in points]
    assert min_x == pytest.approx(min(xs), abs=0.06)
