# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""The gemeenten app's one door to the core.

Why a door of its own: the app's work with the core is loading the open data
(`importer.py`), drawing maps (`views.py`) and finding comparable gemeenten
(`queries.py`); each takes the core names it needs from here, so everything this app
depends on in `migratieketen` is listed in one place
(docs/adr/0008-one-domain-template.md).
"""

from __future__ import annotations

from migratieketen.compare import COMPARISON_FEATURES, Neighbour, nearest, standardise
from migratieketen.data import DataValidationError, default_data_dir, load_dataset
from migratieketen.data.aliases import aliases, suggest
from migratieketen.data.indicators import INDICATOR_SPECS
from migratieketen.data.model import DataSet
from migratieketen.data.provenance import Provenance
from migratieketen.maps.bins import ClassBin, bin_index, quantile_bins
from migratieketen.maps.svg import (
    NL_FRAME,
    GeometryError,
    fit_view_box,
    geometry_to_path,
    path_bbox,
)

__all__ = [
    "COMPARISON_FEATURES",
    "INDICATOR_SPECS",
    "NL_FRAME",
    "ClassBin",
    "DataSet",
    "DataValidationError",
    "GeometryError",
    "Neighbour",
    "Provenance",
    "aliases",
    "bin_index",
    "default_data_dir",
    "fit_view_box",
    "geometry_to_path",
    "load_dataset",
    "nearest",
    "path_bbox",
    "quantile_bins",
    "standardise",
    "suggest",
]
