# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""The data folder of the last `bin/run`, for commands typed in a new shell.

`MIGRATIEKETEN_DATA_DIR=../shared/data bin/run` starts the site; the README then
suggests `uv run migratieketen gemeente Venray` in another shell, where the variable
is not set. bin/run writes the folder it used to var/data-dir, and the command line
falls back on it, so both see the same data. An explicit variable or --data-dir wins.
"""

from __future__ import annotations

import os
from pathlib import Path

from migratieketen.data.loader import ENV_DATA_DIR


def remembered_data_dir(var_dir: Path) -> Path | None:
    """The folder recorded by bin/run in *var_dir*, if it still exists."""
    from migratieketen_web.conf.paths import DATA_DIR_POINTER

    try:
        text = (var_dir / DATA_DIR_POINTER).read_text(encoding="utf-8").strip()
    except OSError:
        return None
    path = Path(text)
    return path if text and path.is_dir() else None


def use_remembered_data_dir() -> None:
    """Set MIGRATIEKETEN_DATA_DIR from bin/run's record when it is not set."""
    from migratieketen_web.conf.paths import DATA_DIR_HELP, VAR_DIR
    from migratieketen_web.config import config

    if config(ENV_DATA_DIR, "", DATA_DIR_HELP).strip():
        return
    remembered = remembered_data_dir(VAR_DIR)
    if remembered is not None:
        os.environ[ENV_DATA_DIR] = str(remembered)
