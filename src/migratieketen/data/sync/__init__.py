# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Sync the data folder from the publishers: CBS open data (KWB) and PDOK (WFS)."""

from __future__ import annotations

from migratieketen.data.sync.http import SyncConnectionError, SyncError
from migratieketen.data.sync.run import (
    ENV_CBS,
    ENV_PDOK_BESTUURLIJK,
    ENV_PDOK_WIJKENBUURTEN,
    SUPPORTED_YEARS,
    SyncConfig,
    SyncResult,
    sync_data,
)

__all__ = [
    "ENV_CBS",
    "ENV_PDOK_BESTUURLIJK",
    "ENV_PDOK_WIJKENBUURTEN",
    "SUPPORTED_YEARS",
    "SyncConfig",
    "SyncConnectionError",
    "SyncError",
    "SyncResult",
    "sync_data",
]
