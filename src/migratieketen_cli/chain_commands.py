# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""`migratieketen simuleer SCENARIO`: run the ketenmodel ensemble and print percentiles.

SCENARIO is a YAML file or a built-in name (historie, basis, piek2015, dal2020). Two special
words: `valideer` (calibrate on history to mid-2023 and print the ARD) and `parameters`
(list every model parameter with its Dutch label and public source).
"""

from __future__ import annotations

import csv
import io
import json
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeElapsedColumn
from rich.table import Table
from rich.text import Text

from migratieketen.chain import (
    BUILTIN_SCENARIOS,
    ChainConfigError,
    ChainScenario,
    SimulationResult,
    builtin_scenario,
    default_parameters,
    load_scenario,
    run_ensemble,
)
from migratieketen.chain.calibration import read_validation_csv, validation_report
from migratieketen.chain.public_notes import public_note
from migratieketen.chain.scenario import month_index

FORMATS = ("tabel", "json", "csv")


def _data_dir(explicit: Path | None) -> Path:
    if explicit is not None:
        return explicit
    from migratieketen.data import default_data_dir

    try:
        return default_data_dir()
    except (ValueError, OSError) as exc:
        raise ChainConfigError(str(exc)) from exc


def resolve_scenario(name: str, until: str | None) -> ChainScenario:
    """A YAML path or a built-in scenario name."""
    if name in BUILTIN_SCENARIOS:
        if until is not None and name != "historie":
            raise ChainConfigError("--tot geldt alleen voor het scenario 'historie'.")
        return builtin_scenario(name, until or "2024-12")
    if until is not None:
        raise ChainConfigError("--tot geldt alleen voor het scenario 'historie'.")
    if not Path(name).is_file():
        raise ChainConfigError(
            f"Onbekend scenario '{name}': geen ingebouwd scenario en geen bestand. "
            f"Kies uit {', '.join(BUILTIN_SCENARIOS)}, 'valideer' of 'parameters', "
            "of geef een YAML-bestand op."
        )
    return load_scenario(name)


def render_table(result: SimulationResult) -> Table:
    lo, hi = result.percentiles[0], result.percentiles[-1]
    table = Table(
        title=f"Scenario {result.scenario['name']}: {result.runs} runs "
        f"(p{lo:g} / mediaan / p{hi:g})",
        caption=f"Rekentijd {result.elapsed_seconds:.2f} s; behoud van personen: "
        f"max. afwijking {result.max_imbalance():.1e}",
    )
    # Short header lines (hyphenated by hand) and unwrapped figures, so the table
    # fits 80 columns without cutting a header or a range.
    columns = (
        "Maand",
        "In COA\nmediaan",
        f"In COA\np{lo:g}–p{hi:g}",
        "Status-\nhouders\nin COA",
        f"Crisis-\nnoodopvang\np{hi:g}",
        "Opvang-\nkosten/mnd\n(mln €)",
    )
    for col in columns:
        table.add_column(col, justify="right", no_wrap=True)

    def n(value: float) -> str:
        return f"{value:,.0f}".replace(",", ".")

    step = max(1, len(result.months) // 20)
    for t in range(step - 1, len(result.months), step):
        total_lo = n(result.series("coa_total", lo)[t])
        total_hi = n(result.series("coa_total", hi)[t])
        table.add_row(
            result.months[t],
            n(result.series("coa_total", 50)[t]),
            f"{total_lo}–{total_hi}",
            n(result.series("coa_statushouders", 50)[t]),
            n(result.series("occ_crisis", hi)[t]),
            f"{result.series('reception_cost', 50)[t] / 1e6:.1f}".replace(".", ","),
        )
    return table


def _write(text: str, output: Path | None) -> None:
    if output is None:
        sys.stdout.write(text)
        return
    tmp = output.with_name(output.name + ".tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(output)


def _csv_text(rows: list[dict[str, Any]]) -> str:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=list(rows[0]))
    writer.writeheader()
    writer.writerows(rows)
    return buf.getvalue()


def simuleer(
    scenario: Annotated[
        str,
        typer.Argument(
            help="Scenario: YAML-bestand of ingebouwde naam "
            f"({', '.join(BUILTIN_SCENARIOS)}); 'valideer' of 'parameters'."
        ),
    ],
    tot: Annotated[
        str | None,
        typer.Option("--tot", help="Laatste maand (JJJJ-MM), voor 'historie'."),
    ] = None,
    runs: Annotated[int | None, typer.Option(help="Aantal Monte Carlo-runs.")] = None,
    seed: Annotated[
        int | None, typer.Option(help="Startwaarde toevalsgenerator.")
    ] = None,
    fmt: Annotated[str, typer.Option("--format", help="tabel, json of csv.")] = "tabel",
    uitvoer: Annotated[
        Path | None, typer.Option(help="Schrijf naar dit bestand i.p.v. het scherm.")
    ] = None,
    backend: Annotated[str, typer.Option(help="local of dask.")] = "local",
    adres: Annotated[
        str | None,
        typer.Option(help="Adres van een Dask-scheduler (anders LocalCluster)."),
    ] = None,
    workers: Annotated[
        int, typer.Option(help="Aantal Dask-workers (LocalCluster).")
    ] = 2,
    data_dir: Annotated[
        Path | None,
        typer.Option(help="Map met open data (standaard MIGRATIEKETEN_DATA_DIR)."),
    ] = None,
    gemeente: Annotated[
        list[str] | None,
        typer.Option(
            "--gemeente",
            help="Gemeentecode (herhaalbaar): maandreeksen voor die gemeente.",
        ),
    ] = None,
    validatie: Annotated[
        Path | None,
        typer.Option(help="Bij 'valideer': CSV met later gepubliceerde cijfers."),
    ] = None,
) -> None:
    """Simuleer de migratieketen (opvang, huisvesting, inburgering) als ensemble."""
    console = Console(stderr=True)
    try:
        _check_options(fmt, runs)
        if scenario == "parameters":
            _print_parameters(fmt, uitvoer)
            return
        data = _data_dir(data_dir)
        if scenario == "valideer":
            _validate(data, tot, runs, seed, validatie, fmt, uitvoer)
            return
        if tot is not None:
            month_index(tot)
        scen = resolve_scenario(scenario, tot)
        result = _run_with_progress(
            scen,
            data,
            console,
            runs=runs,
            seed=seed,
            backend=backend,
            address=adres,
            n_workers=workers,
            detail_gemeenten=tuple(gemeente or ()),
        )
    except ChainConfigError as exc:
        console.print(f"[red]Fout:[/red] {exc}")
        raise typer.Exit(code=2) from exc
    _print_result(result, fmt, uitvoer)


def _print_result(result: SimulationResult, fmt: str, output: Path | None) -> None:
    if fmt == "json":
        _write(json.dumps(result.to_dict(), ensure_ascii=False) + "\n", output)
    elif fmt == "csv":
        _write(_csv_text(result.to_rows()), output)
    else:
        Console().print(render_table(result))


def _check_options(fmt: str, runs: int | None) -> None:
    _check_format(fmt)
    if runs is not None and runs < 1:
        raise ChainConfigError(
            f"--runs moet een geheel getal van minstens 1 zijn, niet {runs}."
        )


def _check_format(fmt: str) -> None:
    if fmt not in FORMATS:
        raise ChainConfigError(
            f"Onbekend formaat '{fmt}'; kies uit {', '.join(FORMATS)}."
        )


def _run_with_progress(
    scenario: ChainScenario, data: Path, console: Console, **options: Any
) -> SimulationResult:
    """The ensemble with a progress bar on stderr (chunks done of total)."""
    with Progress(
        "[progress.description]{task.description}",
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=console,
        transient=True,
    ) as bar:
        task = bar.add_task(f"Simuleren: {scenario.name}", total=None)

        def progress(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total)

        return run_ensemble(scenario, data, progress=progress, **options)


GROUP_LABELS = {
    "inflow": "Instroom",
    "procedure": "Asielprocedure",
    "reception": "Opvang",
    "housing": "Huisvesting",
    "integration": "Inburgering",
}


def _parameter_rows() -> list[dict[str, Any]]:
    """Every parameter as users read it: Dutch label and a public source or 'Aanname:'.

    The core's own English notes cite internal reference files; they stay for
    developers in the YAML files and are never printed here.
    """
    rows = []
    for p in default_parameters().values():
        note = public_note(p.name)
        rows.append(
            {
                "groep": GROUP_LABELS.get(p.group, p.group),
                "parameter": p.name,
                "omschrijving": note.label,
                "waarde": p.value,
                "eenheid": p.unit,
                "bron": note.source,
                "url": note.url,
            }
        )
    return rows


def _print_parameters(fmt: str, output: Path | None) -> None:
    rows = _parameter_rows()
    if fmt == "json":
        _write(json.dumps(rows, ensure_ascii=False, indent=1) + "\n", output)
    elif fmt == "csv":
        _write(_csv_text(rows), output)
    else:
        Console().print(_parameter_table(rows))


def _parameter_table(rows: list[dict[str, Any]]) -> Table:
    """One section per group; the source gets the most room (it is the point)."""
    table = Table(title="Parameters van het ketenmodel", expand=True, show_lines=True)
    table.add_column("Parameter", ratio=3, overflow="fold")
    table.add_column("Waarde", no_wrap=True, justify="right")
    table.add_column("Eenheid", max_width=16, overflow="fold")
    table.add_column("Bron", ratio=6, overflow="fold")
    group = None
    for r in rows:
        if r["groep"] != group:
            group = r["groep"]
            table.add_row(Text(group, style="bold"), "", "", "")
        source = f"{r['bron']} {r['url']}".strip()
        table.add_row(
            Text(r["omschrijving"]),
            _dutch_number(r["waarde"]),
            Text(r["eenheid"]),
            Text(source),
        )
    return table


def _dutch_number(value: float) -> str:
    """2890.0 -> '2.890', 0.0962 -> '0,0962' (Dutch separators, no trailing zeros)."""
    text = f"{value:,.4f}".rstrip("0").rstrip(".")
    return text.replace(",", " ").replace(".", ",").replace(" ", ".")


def _validate(
    data: Path,
    tot: str | None,
    runs: int | None,
    seed: int | None,
    validatie: Path | None,
    fmt: str,
    output: Path | None,
) -> None:
    later = read_validation_csv(validatie) if validatie else []
    report = validation_report(
        data, data.parent, "2023-06", tot or "2024-12", runs or 1000, seed or 0, later
    )
    if fmt == "json":
        _write(json.dumps(report, ensure_ascii=False, indent=1) + "\n", output)
        return
    per = report["ard_in_sample_per_series"]
    assert isinstance(per, dict)
    text = (
        f"ARD t/m 2023-06: {report['ard_in_sample']:.3f} "
        f"(COA totaal {per['coa_total']:.3f}, statushouders "
        f"{per['coa_statushouders']:.3f})\n"
    )
    if report["ard_out_of_sample"] is not None:
        text += (
            "ARD na de kalibratiegrens (naspeling met waargenomen instroom, geen "
            f"voorspelling): {report['ard_out_of_sample']:.3f}\n"
        )
    _write(text, output)


def register(app: typer.Typer) -> None:
    app.command(name="simuleer")(simuleer)
