# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Web tests run on the real open data, imported once into the test database.

The import runs inside `django_db_setup` (session scope), so every test in
tests/web sees the 342 gemeenten and its own changes are rolled back after it.
pytest-django runs all `db` tests before transactional ones, and tests/web sorts
after tests/api, so the hand-made API fixtures never meet this data.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from migratieketen_web.gemeenten.importer import import_data_dir


@pytest.fixture(scope="session")
def django_db_setup(
    django_db_setup: None,
    django_db_blocker: pytest.FixtureRequest,
    shared_data_dir: Path,
) -> None:
    with django_db_blocker.unblock():  # type: ignore[attr-defined]
        import_data_dir(shared_data_dir)
