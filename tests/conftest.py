# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Suite-wide fixtures: where the shared open data lives."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[1]


def _shared_data_dir() -> Path:
    configured = os.environ.get("MIGRATIEKETEN_DATA_DIR")
    path = Path(configured) if configured else REPO_ROOT.parent / "shared" / "data"
    return path.resolve()


# Tests and CI read ../shared/data itself; it is never copied into the project.
os.environ.setdefault("MIGRATIEKETEN_DATA_DIR", str(_shared_data_dir()))


@pytest.fixture(scope="session")
def shared_data_dir() -> Path:
    path = _shared_data_dir()
    if not (path / "gemeenten_2024.csv").exists():
        pytest.fail(f"Open data not found in {path}; set MIGRATIEKETEN_DATA_DIR.")
    return path
