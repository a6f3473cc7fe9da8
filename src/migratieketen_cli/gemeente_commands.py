# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""`migratieketen gemeente CODE|NAAM`: key figures of one gemeente, with sources."""

from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    """Commands are added once the loader is in place."""
