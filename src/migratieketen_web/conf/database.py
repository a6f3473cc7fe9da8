# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Turn MIGRATIEKETEN_DATABASE_URL into Django's DATABASES entry.

SQLite is the embedded default, so a new user needs no server; PostgreSQL for
multi-user deployments (postgres://user:password@host:port/name).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlparse


def database_from_url(url: str, base_dir: Path) -> dict[str, Any]:
    parsed = urlparse(url)
    if parsed.scheme == "sqlite":
        # As dj-database-url: sqlite:///relative.db and sqlite:////absolute.db
        path = Path(unquote(parsed.netloc + parsed.path)[1:] or "var/db.sqlite3")
        if not path.is_absolute():
            path = base_dir / path
        path.parent.mkdir(parents=True, exist_ok=True)
        return {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": str(path),
            # A write transaction takes SQLite's write lock when it begins (IMMEDIATE)
            # and waits for it (timeout, seconds); a deferred one that reads first
            # fails at once with "database is locked" when two requests write
            # together.
            "OPTIONS": {
                "init_command": "PRAGMA journal_mode=WAL;",
                "transaction_mode": "IMMEDIATE",
                "timeout": 20,
            },
        }
    if parsed.scheme in {"postgres", "postgresql"}:
        return {
            "ENGINE": "django.db.backends.postgresql",
            "NAME": unquote(parsed.path.lstrip("/")),
            "USER": unquote(parsed.username or ""),
            "PASSWORD": unquote(parsed.password or ""),
            "HOST": parsed.hostname or "",
            "PORT": str(parsed.port or ""),
            "CONN_MAX_AGE": 60,
        }
    raise ValueError(
        f"MIGRATIEKETEN_DATABASE_URL: onbekend schema {parsed.scheme!r}; "
        "gebruik sqlite:///pad/naar/db.sqlite3 of postgres://gebruiker@host:5432/naam."
    )
