# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""A per-installation secret key for dev and test, so no sample secret is ever shipped."""

from __future__ import annotations

import secrets
from pathlib import Path


def ensure_secret_key(configured: str, var_dir: Path) -> str:
    """Return the configured key, or one generated once and kept in var/."""
    if configured:
        return configured
    key_file = var_dir / "secret_key"
    if key_file.exists():
        return key_file.read_text().strip()
    var_dir.mkdir(parents=True, exist_ok=True)
    key = secrets.token_urlsafe(50)
    key_file.write_text(key)
    key_file.chmod(0o600)
    return key
