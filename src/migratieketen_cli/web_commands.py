# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""`migratieketen serve` and `migratieketen data import`: the one-command start.

Why in the CLI: a new user should get the pages running with one command and no
server setup: migrate (which also creates the cache table), import the open data
when the database has none, collect the static files, start the job workers and
serve with waitress (WhiteNoise serves the assets).

`serve` is safe by default: the production settings (DEBUG off, hashed static
files, CSP, login throttling) unless `--dev` is given, and it refuses to start
when a static file that a page needs is missing, instead of answering every page
with a 500.
"""

from __future__ import annotations

import os
import signal
from pathlib import Path
from types import FrameType
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from migratieketen_cli.data_commands import data_app

console = Console()
err_console = Console(stderr=True)


DEV_SETTINGS = "migratieketen_web.conf.dev"
PRODUCTION_SETTINGS = "migratieketen_web.conf.production"
LOOPBACK_HOSTS = {"127.0.0.1", "localhost", "::1"}


def _setup_django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", DEV_SETTINGS)
    import django
    from django.apps import apps

    if not apps.ready:  # set up once: a second setup re-binds the log handlers
        django.setup()


def _choose_serve_settings(dev: bool, host: str) -> None:
    """--dev: the dev settings; otherwise production (or a deployment's own module).

    Only our own dev/test settings are replaced: a deployment that points
    DJANGO_SETTINGS_MODULE at its own module keeps it (and is checked for DEBUG).
    On a loopback address there is no TLS proxy, so HTTPS-only cookies are off
    unless MIGRATIEKETEN_HTTPS says otherwise.
    """
    current = os.environ.get("DJANGO_SETTINGS_MODULE", "")
    if dev:
        os.environ["DJANGO_SETTINGS_MODULE"] = DEV_SETTINGS
        return
    if not current or current.startswith("migratieketen_web.conf."):
        os.environ["DJANGO_SETTINGS_MODULE"] = PRODUCTION_SETTINGS
    if host in LOOPBACK_HOSTS and "MIGRATIEKETEN_HTTPS" not in os.environ:
        os.environ["MIGRATIEKETEN_HTTPS"] = "false"


def _refuse_debug_without_dev(dev: bool) -> None:
    from django.conf import settings

    if settings.DEBUG and not dev:
        err_console.print(
            "[red]DEBUG staat aan[/red] (DJANGO_SETTINGS_MODULE="
            f"{os.environ.get('DJANGO_SETTINGS_MODULE')}); dan toont een fout "
            "instellingen en paden aan bezoekers. Start met --dev om te ontwikkelen, "
            "of zet DEBUG=false."
        )
        raise typer.Exit(2)


def _collect_static() -> None:
    """collectstatic, then stop with the missing files named if a page needs one."""
    from django.core.management import call_command

    from migratieketen_web.staticcheck import missing_static_files

    console.print("Statische bestanden verzamelen ...")
    try:
        call_command("collectstatic", interactive=False, verbosity=0)
    except Exception as exc:  # e.g. a CSS file naming a file that is not there
        err_console.print(
            f"[red]Statische bestanden verzamelen mislukt:[/red] {exc}. Bouw ze "
            "opnieuw met 'npm ci && npm run build' in de projectmap."
        )
        raise typer.Exit(1) from exc
    missing = missing_static_files()
    if missing:
        err_console.print(
            "[red]Statische bestanden ontbreken[/red], zodat elke pagina een fout "
            "zou geven: " + ", ".join(missing) + ". Bouw ze met 'npm ci && npm run "
            "build' in de projectmap (bin/run doet dat) en start opnieuw."
        )
        raise typer.Exit(1)


def _show_issues(exc: Exception) -> None:
    """Print the core's validation issues as a table (file, row, column, message)."""
    issues = getattr(exc, "issues", [])
    table = Table(title="Problemen in de data-map", show_lines=False)
    for column in ("bestand", "rij", "kolom", "probleem"):
        table.add_column(column)
    for issue in issues:
        table.add_row(
            issue.file,
            "" if issue.row is None else str(issue.row),
            issue.column or "",
            issue.message,
        )
    err_console.print(table)


def _import(data_dir: Path) -> None:
    """Import with a progress bar; on bad data print the issues and exit 1."""
    from migratieketen.data import DataValidationError
    from migratieketen_web.gemeenten.importer import (
        GeometryImportError,
        import_data_dir,
    )

    if not data_dir.is_dir():
        err_console.print(f"[red]Map niet gevonden:[/red] {data_dir}")
        raise typer.Exit(1)
    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        TextColumn("{task.completed}/{task.total}"),
        TimeElapsedColumn(),
        console=console,
        transient=True,
    ) as progress:
        task = progress.add_task("Open data controleren", total=6)

        def report(step: str, done: int, total: int) -> None:
            progress.update(task, description=f"Inlezen: {step}", completed=done)

        try:
            result = import_data_dir(data_dir, report)
        except DataValidationError as exc:
            progress.stop()
            _show_issues(exc)
            err_console.print(
                f"[red]Niets ingelezen:[/red] {len(exc.issues)} problemen in "
                f"{data_dir}. De database is niet gewijzigd."
            )
            raise typer.Exit(1) from exc
        except GeometryImportError as exc:
            progress.stop()
            err_console.print(
                f"[red]Niets ingelezen:[/red] {exc}. De database is niet gewijzigd."
            )
            raise typer.Exit(1) from exc
    console.print(
        f"Ingelezen in {result.seconds:.2f} s: {result.provinces} provincies, "
        f"{result.gemeenten} gemeenten, {result.wijken} wijken, "
        f"{result.indicators} indicatoren (controlegetal "
        f"{result.vintage.checksum[:12]})."
    )


def _data_dir_from_settings() -> Path:
    from django.conf import settings

    from migratieketen.data import default_data_dir

    configured = getattr(settings, "MIGRATIEKETEN_DATA_DIR", "")
    return Path(configured) if configured else Path(default_data_dir())


def import_command(
    data_dir: Annotated[Path, typer.Argument(help="Map met de open data.")],
) -> None:
    """Controleer en lees een map met open data in de database in (alles of niets)."""
    _setup_django()
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=0)
    _import(data_dir)


def serve(
    host: Annotated[str, typer.Option(help="Adres om op te luisteren.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Poort.")] = 8000,
    herlaad: Annotated[
        bool, typer.Option("--herlaad", help="Lees de open data opnieuw in.")
    ] = False,
    werkers: Annotated[
        int,
        typer.Option(
            "--werkers",
            min=0,
            help="Rekenwerkers voor scenarioruns en prognose (0: start ze los met "
            "'migratieketen worker').",
        ),
    ] = 2,
    dev: Annotated[
        bool,
        typer.Option(
            "--dev",
            help="Ontwikkelmodus: DEBUG aan (foutpagina's met details). Nooit "
            "voor anderen bereikbaar maken.",
        ),
    ] = False,
) -> None:
    """Start de webpagina's: database bijwerken, open data inlezen, serveren."""
    _choose_serve_settings(dev, host)
    _setup_django()
    _refuse_debug_without_dev(dev)
    from django.conf import settings
    from django.core.management import call_command

    from migratieketen_web.gemeenten.models import DataVintage

    console.print("Database bijwerken (migrate) ...")
    call_command("migrate", interactive=False, verbosity=0)
    call_command("createcachetable", verbosity=0)  # also after migrate; idempotent
    if herlaad or not DataVintage.objects.exists():
        from migratieketen.data import DataDirError

        try:
            data_dir = _data_dir_from_settings()
        except DataDirError as exc:
            err_console.print(f"[red]Geen open data:[/red] {exc}")
            raise typer.Exit(1) from exc
        _import(data_dir)
    _collect_static()

    from migratieketen_web.prognoses.services import warm_up

    if settings.PROGNOSE_AT_START:
        warm_up()  # the forecast takes a minute; a worker computes it meanwhile

    from migratieketen_cli.worker_commands import WorkerChildren

    workers = WorkerChildren(werkers)
    workers.start()
    # SIGTERM stops waitress as Ctrl+C does, so the workers are stopped with it.
    signal.signal(signal.SIGTERM, _raise_keyboard_interrupt)
    shown_host = "127.0.0.1" if host == "0.0.0.0" else host
    mode = "ontwikkelmodus, DEBUG aan" if dev else "productie-instellingen"
    console.print(
        f"[bold]Migratieketen draait op http://{shown_host}:{port}/[/bold] "
        f"({mode}; stoppen met Ctrl+C)"
    )
    _say_if_https_is_expected()
    try:
        _waitress(host, port)
    finally:
        workers.stop()


def _waitress(host: str, port: int) -> None:
    """Serve the app until stopped; bodies capped at the largest limit of the app,
    also one sent without Content-Length (chunked), where waitress takes 1 GB."""
    from waitress import serve as waitress_serve

    from migratieketen_web.middleware import largest_body_bytes
    from migratieketen_web.wsgi import application

    waitress_serve(
        application,
        host=host,
        port=port,
        threads=8,
        max_request_body_size=largest_body_bytes(),
        _quiet=True,
    )


def _say_if_https_is_expected() -> None:
    from django.conf import settings

    if getattr(settings, "SECURE_SSL_REDIRECT", False):
        console.print(
            "HTTPS verwacht: zet een TLS-proxy ervoor met "
            "MIGRATIEKETEN_PROXY_SSL_HEADER=HTTP_X_FORWARDED_PROTO=https, of "
            "MIGRATIEKETEN_HTTPS=false voor gewoon HTTP."
        )


def _raise_keyboard_interrupt(signum: int, frame: FrameType | None) -> None:
    raise KeyboardInterrupt


def register(app: typer.Typer) -> None:
    app.command("serve")(serve)
    data_app.command("import")(import_command)
