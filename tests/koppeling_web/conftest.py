# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest


@pytest.fixture(autouse=True)
def _open_data(settings: Any, shared_data_dir: Path) -> None:
    """Capacity files name real gemeenten: the CBS list comes from the open data."""
    settings.MIGRATIEKETEN_DATA_DIR = str(shared_data_dir)
