# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""`migratieketen plan ...`: the planning layer on the command line.

`plan koppeling` links a file of pseudonymous statushouder households to gemeenten
under the taakstelling and reports the outcome against the hindsight optimum, the
status-quo proxy and per group. Nothing is stored; a file with a BSN-like or name-like
column is refused before anything is computed.
"""

from __future__ import annotations

import csv
import io
import json
import os
import tempfile
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

plan_app = typer.Typer(
    help="Plannen: optimalisatie bovenop data, regels en ketenmodel.",
    no_args_is_help=True,
)


class Modus(StrEnum):
    statusquo = "statusquo"
    greedy = "greedy"
    batch = "batch"
    dynamisch = "dynamisch"
    hindsight = "hindsight"


class Formaat(StrEnum):
    tabel = "tabel"
    json = "json"
    csv = "csv"


def _fail(message: str) -> typer.Exit:
    Console(stderr=True).print(f"[red]Fout:[/red] {message}", highlight=False)
    return typer.Exit(1)


def _write(text: str, output: Path | None) -> None:
    """Print, or write atomically (no half-written file on an error)."""
    if output is None:
        typer.echo(text, nl=not text.endswith("\n"))
        return
    output.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=output.parent, prefix=f".{output.name}.")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.replace(tmp, output)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    typer.echo(f"Geschreven: {output}", err=True)


def _alternatives(explanation: dict[str, Any]) -> str:
    return "; ".join(
        f"{a['gemeentecode']} {a['score']:.4f} ({a['verschil_met_koppeling']:+.4f})"
        for a in explanation["top3"]
    )


def koppeling_csv(records: list[dict[str, Any]]) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(
        ["huishouden_id", "aankomst", "personen", "volwassenen", "gemeentecode",
         "gemeentenaam", "score", "reden_niet_gekoppeld", "top3_score_verschil",
         "bindende_beperkingen"]
    )  # fmt: skip
    for r in records:
        u = r["uitleg"]
        writer.writerow(
            [r["huishouden_id"], r["aankomst"], r["personen"], r["volwassenen"],
             r["gemeentecode"] or "", r["gemeentenaam"] or "",
             "" if r["score"] is None else f"{r['score']:.6f}",
             r["reden_niet_gekoppeld"] or "", _alternatives(u),
             " | ".join(u["bindende_beperkingen"])]
        )  # fmt: skip
    return buf.getvalue()


def _summary_table(summary: dict[str, Any]) -> None:
    console = Console()
    share = summary["aandeel_hindsight_optimum"]
    console.print(
        f"Modus {summary['modus']}: {summary['gekoppeld']} van {summary['huishoudens']} "
        f"huishoudens gekoppeld; totale score {summary['totale_score']:.3f} = "
        f"{100 * share:.2f}% van het hindsight-optimum "
        f"({summary['hindsight_optimum']:.3f}); status quo "
        f"{summary['totale_score_statusquo']:.3f}.",
        highlight=False,
    )
    console.print(f"Score: {summary['score']['label']}. {summary['score']['formule']}.")
    for note in summary["meldingen"]:
        console.print(f"Let op: {note}.", highlight=False)
    wait = summary["wachten"]
    if wait["huishoudens_gewacht"]:
        console.print(
            f"Wachten: {wait['huishoudens_gewacht']} huishoudens wachtten op hun besluit, "
            f"gemiddeld {wait['gemiddeld_weken']:.2f} weken per gekoppeld huishouden "
            f"(langste {wait['langste_weken']}; beslistermijn "
            f"{wait['beslistermijn_weken']} weken).",
            highlight=False,
        )
    table = Table(title="Eerlijkheid per groep (t.o.v. status quo)")
    for col in (
        "kenmerk",
        "groep",
        "huishoudens",
        "gemiddeld",
        "status quo",
        "verschil",
    ):
        table.add_column(col)
    for row in summary["eerlijkheid"]["groepen"]:
        diff = row["verschil_pct"]
        table.add_row(
            row["kenmerk"], row["groep"], str(row["huishoudens"]),
            f"{row['gemiddelde_score']:.4f}", f"{row['gemiddelde_score_statusquo']:.4f}",
            "" if diff is None else f"{diff:+.1f}%",
        )  # fmt: skip
    console.print(table)


def _frontier(problem: Any) -> dict[str, Any]:
    from migratieketen.plan.koppeling import frontier

    return {
        "label": frontier.LABEL,
        "punten": [
            {"vereiste_vervulling": p.required, "totale_score": p.outcome,
             "vervulling": p.fulfilment}
            for p in frontier.frontier(problem)
        ],
    }  # fmt: skip


def _match_files(
    files: tuple[Path, Path | None, Path | None],
    data_dir: Path | None,
    options: dict[str, Any],
    with_frontier: bool,
) -> tuple[Any, dict[str, Any]]:
    """Load and match, turning every input or solver error into a Dutch exit message."""
    from migratieketen.data import DataDirError, DataValidationError, default_data_dir
    from migratieketen.plan.highs import SolverError
    from migratieketen.plan.koppeling import run
    from migratieketen.plan.koppeling.model import KoppelingError

    try:
        problem = run.load_problem(
            *files, data_dir or default_data_dir(), strict_columns=False
        )
        result = run.match(problem, **options)
        summary = result.summary()
        if with_frontier:
            summary["afweging_taakstelling"] = _frontier(problem)
    except (
        KoppelingError,
        SolverError,
        DataDirError,
        DataValidationError,
        ValueError,
    ) as exc:
        raise _fail(str(exc)) from exc
    return result, summary


def koppeling(
    huishoudens: Annotated[
        Path,
        typer.Option(
            "--huishoudens", help="CSV: huishouden_id, aankomst, personen, volwassenen."
        ),
    ],
    scores: Annotated[
        Path | None,
        typer.Option("--scores", help="CSV: huishouden_id, gemeentecode, score."),
    ] = None,
    capaciteit: Annotated[
        Path | None,
        typer.Option("--capaciteit", help="CSV: gemeentecode, capaciteit (personen)."),
    ] = None,
    modus: Annotated[Modus, typer.Option("--modus", help="Beleid.")] = Modus.dynamisch,
    fmt: Annotated[
        Formaat, typer.Option("--format", help="tabel, json of csv.")
    ] = Formaat.tabel,
    seed: Annotated[
        int, typer.Option(help="Startwaarde voor de steekproef (dynamisch).")
    ] = 0,
    tolerantie: Annotated[
        float | None,
        typer.Option(
            help="Geen groep verliest meer dan dit aandeel t.o.v. de status quo (bv. 0.05)."
        ),
    ] = None,
    beslistermijn: Annotated[
        int | None,
        typer.Option(
            "--beslistermijn",
            help="Weken dat een huishouden waarover de toekomstscenario's het oneens "
            "zijn mag wachten (dynamisch; 0 = in de week van aankomst beslissen; "
            "standaard 6).",
        ),
    ] = None,
    afweging: Annotated[
        bool,
        typer.Option(
            "--afweging", help="Voeg de afweging uitkomst/vervulling taakstelling toe."
        ),
    ] = False,
    uitvoer: Annotated[
        Path | None, typer.Option(help="Schrijf naar dit bestand.")
    ] = None,
    data_dir: Annotated[
        Path | None,
        typer.Option(
            "--data", help="Map met open data (standaard MIGRATIEKETEN_DATA_DIR)."
        ),
    ] = None,
) -> None:
    """Koppel statushouderhuishoudens aan gemeenten onder de taakstelling."""
    result, summary = _match_files(
        (huishoudens, scores, capaciteit),
        data_dir,
        dict(
            mode=modus.value, seed=seed, tolerance=tolerantie, wait_weeks=beslistermijn
        ),
        afweging,
    )
    if fmt is Formaat.tabel:
        _summary_table(summary)
        return
    records = result.records()
    if fmt is Formaat.csv:
        for note in summary["meldingen"]:  # the CSV has no place for them
            typer.echo(f"Let op: {note}.", err=True)
        _write(koppeling_csv(records), uitvoer)
        return
    payload = {"samenvatting": summary, "huishoudens": records}
    _write(json.dumps(payload, ensure_ascii=False, indent=1) + "\n", uitvoer)


def _synthetic_files(problem: Any, noise: float) -> dict[str, str]:
    h = io.StringIO()
    w = csv.writer(h, lineterminator="\n")
    w.writerow(
        ["huishouden_id", "aankomst", "personen", "volwassenen", "gemeente_verplicht",
         "regio_verplicht", "coa_regio", "geslacht_hoofd", "leeftijdsklasse",
         "nationaliteitsgroep"]
    )  # fmt: skip
    for x in problem.households:
        g = x.groups
        w.writerow(
            [x.id, x.arrival.isoformat(), x.persons, x.adults, x.gemeente_verplicht,
             x.regio_verplicht, x.coa_regio, g.get("geslacht_hoofd", ""),
             g.get("leeftijdsklasse", ""), g.get("nationaliteitsgroep", "")]
        )  # fmt: skip
    c = "gemeentecode,capaciteit\n" + "".join(
        f"{code},{cap}\n"
        for code, cap in zip(
            problem.gemeenten.codes, problem.gemeenten.capacity, strict=True
        )
    )
    files = {"H.csv": h.getvalue(), "C.csv": c}
    if noise > 0:
        rows = ["huishouden_id,gemeentecode,score"]
        for i, x in enumerate(problem.households):
            rows += [
                f"{x.id},{code},{problem.scores.values[i, j]:.6f}"
                for j, code in enumerate(problem.gemeenten.codes)
            ]
        files["S.csv"] = "\n".join(rows) + "\n"
    return files


def synthetisch(
    naar: Annotated[
        Path, typer.Option("--naar", help="Map voor H.csv, C.csv (en S.csv).")
    ],
    huishoudens: Annotated[int, typer.Option(help="Aantal huishoudens.")] = 2000,
    dagen: Annotated[int, typer.Option(help="Lengte van de periode in dagen.")] = 181,
    seed: Annotated[int, typer.Option(help="Startwaarde.")] = 1,
    ruis: Annotated[
        float,
        typer.Option(
            help="> 0: schrijf ook S.csv, illustratief model x lognormale ruis."
        ),
    ] = 0.0,
    data_dir: Annotated[
        Path | None,
        typer.Option(
            "--data", help="Map met open data (standaard MIGRATIEKETEN_DATA_DIR)."
        ),
    ] = None,
) -> None:
    """Schrijf SYNTHETISCHE koppelingsbestanden (geen echte huishoudens) voor demo en toets."""
    from migratieketen.data import DataDirError, default_data_dir
    from migratieketen.plan.koppeling.backtest import synthetic_problem
    from migratieketen.plan.koppeling.model import KoppelingError

    if huishoudens < 1 or dagen < 1:
        raise _fail("--huishoudens en --dagen moeten minstens 1 zijn.")
    try:
        problem = synthetic_problem(
            huishoudens, dagen, seed, data_dir or default_data_dir(), ruis
        )
    except (KoppelingError, DataDirError, ValueError) as exc:
        raise _fail(str(exc)) from exc
    naar.mkdir(parents=True, exist_ok=True)
    for name, text in _synthetic_files(problem, ruis).items():
        _write(text, naar / name)


plan_app.command(name="koppeling")(koppeling)
plan_app.command(name="synthetisch")(synthetisch)


def _attach_opvang() -> None:
    from migratieketen_cli import opvang_commands

    opvang_commands.attach(plan_app)


_attach_opvang()


def register(app: typer.Typer) -> None:
    app.add_typer(plan_app, name="plan")
