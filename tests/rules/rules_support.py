# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Shared helpers of the rules tests (a uniquely named module, not `conftest`, so that
test modules can import it next to other test folders' conftest files)."""

from __future__ import annotations

import os
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from pathlib import Path

from migratieketen.data.population_history import PopulationTable, population_on

REPO_ROOT = Path(__file__).resolve().parents[2]
REFERENCE_DIR = REPO_ROOT.parent / "shared" / "reference"


def data_dir() -> Path:
    return Path(os.environ["MIGRATIEKETEN_DATA_DIR"])


_POP_CACHE: dict[date, PopulationTable] = {}


def population(ref: date) -> PopulationTable:
    """Population table for a reference date, through the project's loaders."""
    if ref not in _POP_CACHE:
        _POP_CACHE[ref] = population_on(ref, data_dir())
    return _POP_CACHE[ref]


def resolve_key(table: PopulationTable, gemeente: str) -> str:
    if gemeente in table.populations:
        return gemeente
    matches = [k for k, n in table.names.items() if n == gemeente]
    if len(matches) != 1:
        raise KeyError(f"gemeente {gemeente!r} not found in {table.reference_date}")
    return matches[0]


def dec(x: Fraction, places: int) -> str:
    q = Decimal(x.numerator) / Decimal(x.denominator)
    return str(q.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP))
