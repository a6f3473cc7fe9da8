# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""`migratieketen gebruiker aanmaken` and `migratieketen audit [verifieer]`.

For scripted set-ups and tests: a user with one role in one organisation (and an API
token, printed once), and the audit log read and verified from the server's shell.
"""

from __future__ import annotations

import json
import sys
from datetime import date
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from migratieketen_cli.web_commands import _setup_django

console = Console()
err_console = Console(stderr=True)

user_app = typer.Typer(help="Gebruikers van de registers.", no_args_is_help=True)
audit_app = typer.Typer(
    help="Het auditlogboek: tonen (standaard) of de hashketen controleren.",
    invoke_without_command=True,
)


@user_app.command("aanmaken")
def create_user_command(
    naam: Annotated[str, typer.Argument(help="Gebruikersnaam.")],
    gemeente: Annotated[
        str,
        typer.Option(
            "--gemeente",
            help="Organisatiecode: gemeente (GM0363), provincie (PV27) of NL.",
        ),
    ],
    rol: Annotated[
        str, typer.Option(help="klantmanager, beleid, beheerder of landelijk.")
    ],
    token: Annotated[
        bool, typer.Option("--token", help="Maak ook een API-token (één keer getoond).")
    ] = False,
) -> None:
    """Maak een gebruiker met één rol; het wachtwoord en token worden één keer getoond."""
    _setup_django()
    from migratieketen_web.accounts.services import AccountError, create_user

    try:
        created = create_user(naam, gemeente, rol, with_token=token)
    except AccountError as exc:
        err_console.print(f"[red]Niet aangemaakt:[/red] {exc}")
        raise typer.Exit(1) from exc
    console.print(f"Gebruiker {naam} aangemaakt: {rol} van {gemeente.upper()}.")
    console.print(f"Wachtwoord (één keer getoond): {created.password}")
    console.print(
        "Bij de eerste keer inloggen koppelt de gebruiker een authenticator-app."
    )
    if created.token is not None:
        expires = created.token.token.expires_at
        console.print(f"API-token, geldig tot {expires:%d-%m-%Y} (één keer getoond):")
        # Plain print: the token must be copyable without rich's line wrapping.
        print(created.token.plaintext)


def _since(text: str | None) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        err_console.print(f"[red]Ongeldige datum '{text}':[/red] gebruik JJJJ-MM-DD.")
        raise typer.Exit(2) from exc


@audit_app.callback()
def audit_command(
    ctx: typer.Context,
    gemeente: Annotated[
        str | None, typer.Option("--gemeente", help="Alleen regels van deze gemeente.")
    ] = None,
    sinds: Annotated[
        str | None, typer.Option("--sinds", help="Vanaf deze datum (JJJJ-MM-DD).")
    ] = None,
    formaat: Annotated[str, typer.Option("--format", help="tabel of json.")] = "tabel",
) -> None:
    """Toon de regels van het auditlogboek (wie, wat, welke records, doel, grondslag)."""
    if ctx.invoked_subcommand is not None:
        return
    if formaat not in ("tabel", "json"):
        err_console.print("[red]--format moet tabel of json zijn.[/red]")
        raise typer.Exit(2)
    day = _since(sinds)
    _setup_django()
    from migratieketen_web.audit.export import audit_records

    records = audit_records(gemeente.upper() if gemeente else None, day)
    if formaat == "json":
        json.dump(records, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return
    table = Table(title=f"Auditlogboek ({len(records)} regels)")
    for column in ("tijdstip", "gebruiker", "organisatie", "handeling", "records"):
        table.add_column(column)
    for r in records:
        table.add_row(
            r["tijdstip"],
            r["gebruiker"],
            r["organisatie"],
            r["handeling"],
            ",".join(str(i) for i in r["records"]),
        )
    console.print(table)


@audit_app.command("verifieer")
def verify_command() -> None:
    """Controleer de hashketen: elke gewijzigde, verwijderde of ingevoegde regel."""
    _setup_django()
    from migratieketen_web.audit.chain import verify

    result = verify()
    if result.intact:
        console.print(f"Auditlogboek intact: {result.checked} regels gecontroleerd.")
        return
    err_console.print(
        f"[red]Auditlogboek NIET intact[/red] ({result.checked} regels gecontroleerd):"
    )
    for problem in result.problems:
        where = f"regel {problem.line}" if problem.line else "logboek"
        err_console.print(f"  {where}: {problem.reason}")
    raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    app.add_typer(user_app, name="gebruiker")
    app.add_typer(audit_app, name="audit")
