# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Browser-test fixtures: one system Chromium per test module, real data imported."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from browser_support import launched_chromium
from migratieketen_web.gemeenten.importer import import_data_dir


@pytest.fixture
def imported(transactional_db: None, shared_data_dir: Path) -> None:
    """The live server reads the test database, so import the real data there."""
    import_data_dir(shared_data_dir)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with launched_chromium() as browser:
        yield browser
