# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Woningmarkt web tests run on the real open data, imported once into the test
database (the gemeente page needs it; the model reads the same folder)."""

from __future__ import annotations

from pathlib import Path

from django.test import Client

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


@pytest.fixture
def client() -> Client:
    return Client(HTTP_ACCEPT_LANGUAGE="nl")
