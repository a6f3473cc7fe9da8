# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""`migratieketen arbeidsmigranten signalen`: the signals per housing location.

The command acts as a named user (`--gebruiker`): the isolation rule decides which
locations it sees, and the read goes into the audit log with channel 'cli', exactly as
a page or the API would.
"""

from __future__ import annotations

import json
import sys
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from migratieketen_cli.web_commands import _setup_django

console = Console()
err_console = Console(stderr=True)

arbeidsmigranten_app = typer.Typer(
    help="Het huisvestingsregister arbeidsmigranten.", no_args_is_help=True
)


@arbeidsmigranten_app.command("signalen")
def signals_command(
    gemeente: Annotated[
        str, typer.Option("--gemeente", help="CBS-code van de gemeente, bv. GM1783.")
    ],
    gebruiker: Annotated[
        str,
        typer.Option(
            "--gebruiker",
            help="Gebruikersnaam met de rol klantmanager van de gemeente.",
        ),
    ],
    formaat: Annotated[str, typer.Option("--format", help="tabel of json.")] = "tabel",
) -> None:
    """Eén record per locatie met haar signalen en de regel achter elk signaal."""
    if formaat not in ("tabel", "json"):
        err_console.print("[red]--format moet tabel of json zijn.[/red]")
        raise typer.Exit(2)
    _setup_django()
    from django.contrib.auth import get_user_model

    from migratieketen_web.accounts.isolation import actor_for_user
    from migratieketen_web.accounts.roles import Right
    from migratieketen_web.arbeidsmigranten.services import signal_records

    user = get_user_model().objects.filter(username=gebruiker, is_active=True).first()
    code = gemeente.upper()
    actor = actor_for_user(user, channel="cli") if user else None
    if actor is None or not actor.may(Right.PERSONAL_READ, code):
        err_console.print(
            f"[red]Geen toegang:[/red] gebruiker '{gebruiker}' bestaat niet of is geen "
            f"klantmanager van {code}."
        )
        raise typer.Exit(1)
    records = signal_records(actor, code)
    if formaat == "json":
        json.dump(records, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return
    table = Table(title=f"Signalen per locatie, {code} ({len(records)} locaties)")
    for column in ("adres", "bedden", "max.", "signalen"):
        table.add_column(column)
    for r in records:
        signals = "; ".join(f"{s['soort']} ({s['regel']})" for s in r["signalen"])
        table.add_row(
            r["adres"], str(r["bedden"]), str(r["maximaalBedden"]), signals or "–"
        )
    console.print(table)


def register(app: typer.Typer) -> None:
    app.add_typer(arbeidsmigranten_app, name="arbeidsmigranten")
