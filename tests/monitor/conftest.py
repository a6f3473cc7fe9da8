# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Monitor tests run on the real open data, imported once into the test database.

Same pattern as tests/web: the import runs inside `django_db_setup` (session scope)
through the gemeenten app's own importer, so the taakstellingen are computed from the
real CBS populations; each test's realisations are rolled back after it.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from django.contrib.auth.models import User
from django.test import Client

import pytest

from migratieketen.data.population_history import PopulationTable, population_on
from migratieketen_web.gemeenten.importer import import_data_dir


@pytest.fixture(scope="session")
def django_db_setup(
    django_db_setup: None,
    django_db_blocker: pytest.FixtureRequest,
    shared_data_dir: Path,
) -> None:
    with django_db_blocker.unblock():  # type: ignore[attr-defined]
        import_data_dir(shared_data_dir)


@pytest.fixture(scope="session")
def population_2024(shared_data_dir: Path) -> PopulationTable:
    """CBS 1-1-2024 straight from the files (core loader), independent of the DB."""
    return population_on(date(2024, 1, 1), shared_data_dir)


@pytest.fixture
def client() -> Client:
    return Client(HTTP_ACCEPT_LANGUAGE="nl")


@pytest.fixture
def staff_client(db: None) -> Client:
    """Signed in with national rights for realisations (a superuser, ADR 0012)."""
    user = User.objects.create_user(
        "invoerder", password="x", is_staff=True, is_superuser=True
    )
    client = Client(HTTP_ACCEPT_LANGUAGE="nl")
    client.force_login(user)
    return client


@pytest.fixture
def register_user(db: None) -> User:
    """A user with national rights for realisations (a superuser, ADR 0012)."""
    user = User.objects.create_user(
        "gemeente-api", password="geheim-wachtwoord-1", is_superuser=True
    )
    return user
