# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Fixtures for the hardening tests: a user as an attacker would try to guess."""

from __future__ import annotations

from django.contrib.auth.models import User

import pytest
from security_support import PASSWORD


@pytest.fixture
def admin_user(db: None) -> User:
    return User.objects.create_superuser("beheerder", "b@example.nl", PASSWORD)
