# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""`migratieketen data ...`: check and sync the open-data folder.

`data_app` is a module-level group so other modules (e.g. `data import`) can add
commands to it.
"""

from __future__ import annotations

import typer

data_app = typer.Typer(
    name="data",
    help="Open data: controleren, synchroniseren en importeren.",
    no_args_is_help=True,
)


def register(app: typer.Typer) -> None:
    app.add_typer(data_app, name="data")
