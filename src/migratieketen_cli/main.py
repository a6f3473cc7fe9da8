# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Entry point of the `migratieketen` command.

Each command group lives in its own module with a `register(app)` function, so that a
new capability adds one module and one line below.
"""

from __future__ import annotations

import importlib

import typer

from migratieketen import logs
from migratieketen_cli.data_dir import use_remembered_data_dir

app = typer.Typer(
    name="migratieketen",
    help="Migratieketen: zie, plan en stuur de lokale migratieketen als één geheel.",
    no_args_is_help=True,
    add_completion=False,
)

COMMAND_MODULES: tuple[str, ...] = (
    "migratieketen_cli.data_commands",
    "migratieketen_cli.gemeente_commands",
    "migratieketen_cli.rules_commands",
    "migratieketen_cli.chain_commands",
    "migratieketen_cli.forecast_commands",
    "migratieketen_cli.woningmarkt_commands",
    "migratieketen_cli.web_commands",
    "migratieketen_cli.plan_commands",
    "migratieketen_cli.worker_commands",
    "migratieketen_cli.register_commands",
    "migratieketen_cli.arbeidsmigranten_commands",
    "migratieketen_cli.report_commands",
)


@app.callback()
def _defaults(
    log_json: bool = typer.Option(
        False,
        "--log-json",
        help="Logregels als JSON, één object per regel (standaard: leesbaar).",
    ),
) -> None:
    """Fill in what a new shell lacks, before any command runs; log through
    migratieketen.logs unless a host (Django's settings) already configured it."""
    logs.configure_once(json=log_json)
    use_remembered_data_dir()


for _module in COMMAND_MODULES:
    importlib.import_module(_module).register(app)


def main() -> None:
    app()
