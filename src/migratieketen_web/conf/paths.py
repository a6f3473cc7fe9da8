# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Where the installation lives: shared by the settings and the command line.

The command line reads the runtime folder without loading Django (for example to
find the data folder that `bin/run` last used), so the paths live apart from the
settings.
"""

from __future__ import annotations

from pathlib import Path

from migratieketen_web.config import config

SRC_DIR = Path(__file__).resolve().parents[2]
BASE_DIR = SRC_DIR.parent  # the repository / installation root
VAR_DIR = Path(
    config(
        "MIGRATIEKETEN_VAR_DIR",
        str(BASE_DIR / "var"),
        "Folder for the SQLite database, caches and other runtime files.",
    )
)
# bin/run writes the data folder it was started with here; the command line uses it
# when MIGRATIEKETEN_DATA_DIR is not set, so a new shell sees the same data.
DATA_DIR_POINTER = "data-dir"
DATA_DIR_HELP = (
    "Folder with the normalised open data (format of shared/data); "
    "filled by 'migratieketen data sync'."
)
