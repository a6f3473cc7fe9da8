# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""`migratieketen rapport GM0984 --halfjaar 2025-1 --uit rapport.pdf`: the raadsrapportage.

Why through Django: the report is the web page's own `Werkplaats` (monitor register,
COA koppelingen, inburgering aggregates live in the database), so the CLI renders the
same figures as `/gemeenten/<code>/rapport.pdf`. It migrates and imports the open data
first when the database has none, as `serve` does. Only public aggregates: the CLI has
no signed-in user, so small inburgering counts stay hidden.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from migratieketen_cli.web_commands import (
    _data_dir_from_settings,
    _import,
    _setup_django,
)

console = Console()
err_console = Console(stderr=True)


def _ready() -> None:
    from django.core.management import call_command

    from migratieketen.data import DataDirError
    from migratieketen_web.gemeenten.models import DataVintage

    call_command("migrate", interactive=False, verbosity=0)
    call_command("createcachetable", verbosity=0)
    if not DataVintage.objects.exists():
        try:
            _import(_data_dir_from_settings())
        except DataDirError as exc:
            err_console.print(f"[red]Geen open data:[/red] {exc}")
            raise typer.Exit(1) from exc


def rapport(
    gemeente: Annotated[str, typer.Argument(help="CBS-code, bv. GM0984.")],
    halfjaar: Annotated[
        str, typer.Option(help="Halfjaar, bv. 2025-1 (standaard: het laatste).")
    ] = "",
    uit: Annotated[
        Path, typer.Option(help="Uitvoerbestand: .pdf, of .xlsx voor de tabellen.")
    ] = Path("rapport.pdf"),
) -> None:
    """Raadsrapportage van een gemeente over een halfjaar als PDF (of Excel)."""
    if uit.suffix.lower() not in (".pdf", ".xlsx"):
        err_console.print("[red]--uit moet eindigen op .pdf of .xlsx.[/red]")
        raise typer.Exit(2)
    _setup_django()
    _ready()
    from migratieketen_web.accounts.isolation import PUBLIC
    from migratieketen_web.gemeenten.models import Gemeente
    from migratieketen_web.monitor.services import MonitorData, MonitorUnavailable
    from migratieketen_web.werkplaats import integral, report

    found = Gemeente.objects.filter(code=gemeente.upper()).first()
    if found is None:
        err_console.print(f"[red]Onbekende gemeentecode {gemeente}.[/red]")
        raise typer.Exit(2)
    data = MonitorData()
    try:
        hy = integral.choose_half_year(data, halfjaar)
    except (integral.HalfYearRejected, MonitorUnavailable) as exc:
        err_console.print(f"[red]{exc}[/red]")
        raise typer.Exit(2) from exc
    w = integral.build(found, hy, PUBLIC, data)
    content = (
        report.pdf_bytes(w) if uit.suffix.lower() == ".pdf" else report.xlsx_bytes(w)
    )
    tmp = uit.with_name(uit.name + ".tmp")
    tmp.write_bytes(content)
    tmp.replace(uit)
    console.print(
        f"Raadsrapportage {found.name} {hy} geschreven naar {uit} "
        f"({len(content) // 1024} kB, {len(w.signals)} signalen)."
    )


def register(app: typer.Typer) -> None:
    app.command("rapport")(rapport)
