# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Open data for Migratieketen: load, validate, reorganise and sync.

from migratieketen.data import load_dataset, default_data_dir
ds = load_dataset(default_data_dir())
"""

from __future__ import annotations

from migratieketen.data.check import CheckReport, check_data_dir
from migratieketen.data.indicators import INDICATOR_SPECS, IndicatorSpec
from migratieketen.data.issues import DataIssue, DataValidationError
from migratieketen.data.loader import (
    ENV_DATA_DIR,
    DataDirError,
    clear_cache,
    default_data_dir,
    kwb2022_rules,
    load_dataset,
    load_wijk_geometry,
)
from migratieketen.data.model import DataSet, Gemeente, Indicator, Province, Wijk
from migratieketen.data.provenance import Provenance
from migratieketen.data.reorganisations import (
    REORGANISATIONS,
    Aggregation,
    Reorganisation,
    ReorganisationError,
    dissolved_codes,
    old_names,
    successors,
    to_current_division,
)
from migratieketen.data.sources import NATIONAL_TOTALS, NationalTotal, kwb_provenance

__all__ = [
    "ENV_DATA_DIR",
    "INDICATOR_SPECS",
    "NATIONAL_TOTALS",
    "REORGANISATIONS",
    "Aggregation",
    "CheckReport",
    "DataDirError",
    "DataIssue",
    "DataSet",
    "DataValidationError",
    "Gemeente",
    "Indicator",
    "IndicatorSpec",
    "NationalTotal",
    "Province",
    "Provenance",
    "Reorganisation",
    "ReorganisationError",
    "Wijk",
    "check_data_dir",
    "clear_cache",
    "default_data_dir",
    "dissolved_codes",
    "kwb2022_rules",
    "kwb_provenance",
    "load_dataset",
    "load_wijk_geometry",
    "old_names",
    "successors",
    "to_current_division",
]
