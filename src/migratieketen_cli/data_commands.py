# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""`migratieketen data ...`: check and sync the open-data folder.

`data_app` is a module-level group so other modules (e.g. `data import`) can add
commands to it.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
)

from migratieketen.data import ENV_DATA_DIR, check_data_dir
from migratieketen.data.sync import SyncConfig, SyncError, sync_data

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


@data_app.command("sync")
def sync(
    naar: Annotated[
        Path | None,
        typer.Option(
            "--naar",
            help=f"Doelmap (standaard {ENV_DATA_DIR}). Alleen de open-databestanden "
            "worden vervangen, pas nadat de nieuwe set volledig is gecontroleerd.",
        ),
    ] = None,
    jaar: Annotated[
        int, typer.Option("--jaar", help="KWB-jaar / gemeentelijke indeling.")
    ] = 2024,
    cbs_url: Annotated[
        str | None,
        typer.Option("--cbs-url", help="Basis-URL van CBS open data (OData v3)."),
    ] = None,
    pdok_url: Annotated[
        str | None,
        typer.Option(
            "--pdok-url", help="WFS-URL van de PDOK wijk- en buurtkaart ({year})."
        ),
    ] = None,
    pdok_provincies_url: Annotated[
        str | None,
        typer.Option(
            "--pdok-provincies-url",
            help="WFS-URL van BRK Bestuurlijke Gebieden (standaard PDOK "
            "kadaster/brk-bestuurlijke-gebieden).",
        ),
    ] = None,
) -> None:
    """Haal KWB, SES-WOA en bevolking (CBS) en grenzen (PDOK) op; vervang in één keer.

    Het SES-WOA-bestand per postcode haalt de sync niet op (CBS publiceert het als
    spreadsheet zonder gemeentecodes); een map houdt het bestand dat ze heeft.
    """
    console = Console()
    err = Console(stderr=True)
    target = naar
    if target is None:
        value = os.environ.get(ENV_DATA_DIR, "").strip()
        if not value:
            err.print(
                f"[red]Geef een doelmap op met --naar of zet {ENV_DATA_DIR}.[/red]"
            )
            raise typer.Exit(1)
        target = Path(value)
    config = SyncConfig.from_env(
        cbs_base=cbs_url,
        pdok_wijkenbuurten=pdok_url,
        pdok_bestuurlijke_gebieden=pdok_provincies_url,
    )
    with Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err,
        transient=False,
    ) as progress:
        tasks: dict[str, TaskID] = {}

        def report(step: str, done: int, total: int | None) -> None:
            if step not in tasks:
                tasks[step] = progress.add_task(step, total=total)
            progress.update(tasks[step], completed=done, total=total)

        try:
            result = sync_data(target, jaar, config, report)
        except SyncError as exc:
            progress.stop()
            err.print(f"[red]{exc}[/red]", highlight=False)
            raise typer.Exit(1) from exc
    console.print(f"[green]Data bijgewerkt in {result.target}.[/green]")
    for key, count in result.counts.items():
        console.print(f"  {key}: {count}", highlight=False)
    for warning in result.warnings:
        console.print(f"  [yellow]let op:[/yellow] {warning}", highlight=False)


def register(app: typer.Typer) -> None:
    app.add_typer(data_app, name="data")
