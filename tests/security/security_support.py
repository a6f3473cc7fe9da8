# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Shared by the hardening tests: the right password and an HTTP Basic header."""

from __future__ import annotations

import base64

PASSWORD = "juist-wachtwoord-42"


def basic(user: str, password: str) -> dict[str, str]:
    token = base64.b64encode(f"{user}:{password}".encode()).decode()
    return {"HTTP_AUTHORIZATION": f"Basic {token}"}
