# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Fixtures for the open-data tests: writable copies of the shared data in tmp_path.

`shared_data_dir` (the real ../shared/data) comes from tests/conftest.py. Corrupted
variants are built per test in tmp_path from the real files, never stored in the repo.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from migratieketen.data import schema

DATA_FILES = tuple(s.filename for s in schema.CSV_FILES) + tuple(
    s.filename for s in schema.GEOJSON_FILES
)


@pytest.fixture
def data_copy(shared_data_dir: Path, tmp_path: Path) -> Path:
    """A fresh, writable copy of the files the loader reads."""
    target = tmp_path / "data"
    target.mkdir()
    for name in DATA_FILES:
        shutil.copyfile(shared_data_dir / name, target / name)
    return target
