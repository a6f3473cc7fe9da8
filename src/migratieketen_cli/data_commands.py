# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""`migratieketen data ...`: check and sync the open-data folder.

`data_app` is a module-level group so other modules (e.g. `data import`) can add
commands to it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from migratieketen.data import check_data_dir

data_app = typer.Typer(
    name="data",
    help="Open data: controleren, synchroniseren en importeren.",
    no_args_is_help=True,
)


@data_app.command("check")
def check(
    directory: Annotated[
        Path, typer.Argument(help="De map met open data (zoals ../shared/data).")
    ],
) -> None:
    """Controleer een data-map: kolommen, codes, typen, totalen en geometrie."""
    console = Console()
    report = check_data_dir(directory)
    if not report.ok:
        console.print(
            f"[red]De data-map {directory} is ongeldig: {len(report.issues)} "
            "problemen.[/red]"
        )
        for issue in report.issues:
            console.print(f"- {issue}", highlight=False, soft_wrap=True)
        raise typer.Exit(1)
    console.print(f"[green]De data-map {directory} is in orde.[/green]")
    for key, value in report.counts.items():
        console.print(f"  {key}: {value:,}".replace(",", "."), highlight=False)
    for note in report.notes:
        console.print(f"  opmerking: {note}", highlight=False, soft_wrap=True)


def register(app: typer.Typer) -> None:
    app.add_typer(data_app, name="data")
