# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""`migratieketen prognose`, `backtest` and `instroomscenario`: asylum inflow forecasts.

A table by default, or --format json|csv. `prognose --opslaan` writes the forecast
with its data vintage (file hashes, cut-off, series ends) so it can be judged later.
"""

from __future__ import annotations

import csv
import io
import json
import os
import tempfile
from pathlib import Path
from typing import Annotated, Any

import typer

FORMATS = ("tabel", "table", "json", "csv")


def _data_dir(explicit: Path | None) -> Path:
    if explicit is not None:
        return explicit
    from migratieketen.data import default_data_dir

    try:
        return default_data_dir()
    except (ValueError, OSError) as exc:
        raise typer.BadParameter(str(exc)) from exc


def _fail(message: str) -> None:
    typer.echo(f"Fout: {message}", err=True)
    raise typer.Exit(code=2)


def _check_format(fmt: str) -> str:
    if fmt not in FORMATS:
        _fail(f"onbekend formaat '{fmt}'; kies uit tabel, json of csv.")
    return "tabel" if fmt == "table" else fmt


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


def _load(data_dir: Path | None, cutoff: str | None) -> Any:
    from migratieketen.data.asylum import AsylumDataError
    from migratieketen.forecast import load_inputs

    try:
        return load_inputs(_data_dir(data_dir), cutoff)
    except (AsylumDataError, ValueError) as exc:
        _fail(str(exc))


def _fmt(value: float) -> str:
    return f"{value:,.0f}".replace(",", ".")


def forecast_csv(result: Any, resolution: str) -> str:
    tables = result.monthly if resolution == "maand" else result.quarterly
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    levels = result.quarterly["eerste_asielverzoeken"].levels
    writer.writerow(
        ["reeks", "periode", *[f"q{round(level * 100):02d}" for level in levels]]
    )
    for name, table in tables.items():
        for k, period in enumerate(table.periods):
            writer.writerow(
                [
                    name,
                    period,
                    *[f"{table.values[i, k]:.0f}" for i in range(len(levels))],
                ]
            )
    for name, table in result.yearly.items():
        for k, period in enumerate(table.periods):
            writer.writerow(
                [
                    name,
                    period,
                    *[f"{table.values[i, k]:.0f}" for i in range(len(levels))],
                ]
            )
    return buf.getvalue()


def _data_until(result: Any, series: str) -> str:
    """Each series says where its own data ends (nareizigers end earlier)."""
    ends = result.vintage.series_end
    first = ends.get("eerste_asielverzoeken_kwartaal") or result.cutoff
    later = ends.get("nareizigers_kwartaal") or result.cutoff
    if series.startswith("nareizigers"):
        return f"data t/m {later}"
    if series.startswith("eerste") or first == later:
        return f"data t/m {first}"
    return f"data: eerste asielverzoeken t/m {first}, nareizigers t/m {later}"


def _forecast_table(result: Any, resolution: str) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console(width=max(Console().width, 120))
    tables = result.monthly if resolution == "maand" else result.quarterly
    for table in [*tables.values(), *result.yearly.values()]:
        t = Table(title=f"{table.title_nl} — {_data_until(result, table.series)}")
        t.add_column("periode")
        for level in table.levels:
            t.add_column(f"{round(level * 100)}%", justify="right")
        for k, period in enumerate(table.periods):
            t.add_row(
                period, *[_fmt(table.values[i, k]) for i in range(len(table.levels))]
            )
        console.print(t)
    for row in result.mpp_comparison:
        band = row["mpp"]
        console.print(
            f"MPP {row['year']} ({band['published']}): {_fmt(band['low'])}–{_fmt(band['high'])}; "
            f"prognose incl. volgende verzoeken 90%-interval "
            f"{_fmt(row['forecast_p05'])}–{_fmt(row['forecast_p95'])}, mediaan {_fmt(row['forecast_p50'])}"
        )
    pm = result.permit_model
    console.print(
        f"Model: {result.model_description} Nareizigers: vertraging {pm.lag} kwartalen, "
        f"verhouding {pm.ratio:.2f} per inwilliging. Seed {result.seed}, {result.n_paths} paden."
    )
    console.print(f"[italic]{result.caveat}[/italic]")


def prognose(
    tot: Annotated[
        str, typer.Option("--tot", help="Laatste kwartaal van de prognose (JJJJ-Qn).")
    ],
    data_tot: Annotated[
        str | None,
        typer.Option(
            "--data-tot",
            help="Gebruik alleen data t/m dit kwartaal (standaard: alles).",
        ),
    ] = None,
    fmt: Annotated[str, typer.Option("--format", help="tabel, json of csv.")] = "tabel",
    resolutie: Annotated[str, typer.Option(help="kwartaal of maand.")] = "kwartaal",
    seed: Annotated[
        int | None, typer.Option(help="Startwaarde toevalsgenerator.")
    ] = None,
    paden: Annotated[int | None, typer.Option(help="Aantal steekproefpaden.")] = None,
    opslaan: Annotated[
        Path | None,
        typer.Option(
            help="Schrijf de prognose (JSON, met datavintage) naar dit bestand."
        ),
    ] = None,
    data_dir: Annotated[
        Path | None,
        typer.Option(help="Map met open data (standaard MIGRATIEKETEN_DATA_DIR)."),
    ] = None,
    jobs: Annotated[
        int | None, typer.Option(help="Aantal processen voor statsforecast.")
    ] = None,
) -> None:
    """Probabilistische prognose van de asielinstroom (kwantielen per kwartaal/maand)."""
    from migratieketen.forecast.engine import DEFAULT_PATHS, DEFAULT_SEED, make_forecast

    fmt = _check_format(fmt)
    if resolutie not in ("kwartaal", "maand"):
        _fail("resolutie moet 'kwartaal' of 'maand' zijn.")
    inputs = _load(data_dir, data_tot)
    try:
        result = make_forecast(
            inputs,
            tot,
            seed=DEFAULT_SEED if seed is None else seed,
            n_paths=DEFAULT_PATHS if paden is None else paden,
            n_jobs=jobs,
        )
    except ValueError as exc:
        _fail(str(exc))
    payload = json.dumps(result.to_dict(), ensure_ascii=False, indent=2)
    if opslaan is not None:
        _write(payload + "\n", opslaan)
    if fmt == "json":
        _write(payload + "\n", None)
    elif fmt == "csv":
        _write(forecast_csv(result, resolutie), None)
    else:
        _forecast_table(result, resolutie)


def backtest_csv(result: Any) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    fields = list(result.scores[0].to_dict()) if result.scores else []
    writer.writerow(fields)
    for row in result.scores:
        writer.writerow([row.to_dict()[f] for f in fields])
    return buf.getvalue()


SCORE_COLUMNS = (
    "model",
    "h",
    "n",
    "MASE",
    "MAPE %",
    "CRPS*",
    "dekking 50%",
    "dekking 90%",
    "skill MASE",
    "skill CRPS",
)
YEARLY_COLUMNS = (
    "jaar",
    "origine",
    "jaren vooruit",
    "uitkomst",
    "5%",
    "50%",
    "95%",
    "in 90%",
    "MPP-band*",
    "MPP raak*",
)


def _score_table(title: str, rows: list[Any]) -> Any:
    from rich.table import Table

    t = Table(title=title)
    for col in SCORE_COLUMNS:
        t.add_column(col, justify="left" if col == "model" else "right")
    for r in sorted(rows, key=lambda r: (r.horizon if r.horizon else 99, r.model)):
        t.add_row(
            r.model,
            str(r.horizon) if r.horizon else "1-8",
            str(r.n),
            f"{r.mase:.2f}",
            f"{r.mape:.0f}",
            f"{r.crps:.2f}",
            f"{r.coverage50:.0%}",
            f"{r.coverage90:.0%}",
            f"{r.skill_mase:+.0%}",
            f"{r.skill_crps:+.0%}",
        )
    return t


def _yearly_table(result: Any) -> Any:
    from rich.table import Table

    t = Table(title="Jaartotaal (eerste + nareizigers), vanaf een Q4-origine")
    for col in YEARLY_COLUMNS:
        t.add_column(col, justify="right")
    for y in result.yearly:
        mpp = y.get("mpp")
        t.add_row(
            str(y["year"]),
            y["origin"],
            str(y["years_ahead"]),
            _fmt(y["actual"]),
            _fmt(y["p05"]),
            _fmt(y["p50"]),
            _fmt(y["p95"]),
            "ja" if y["covered90"] else "nee",
            f"{_fmt(mpp['low'])}–{_fmt(mpp['high'])}" if mpp else "",
            ("ja" if mpp["mpp_covered"] else "nee") if mpp else "",
        )
    return t


def selection_lines(result: Any) -> list[str]:
    """How the ensemble was chosen: on this same backtest, with the runner-up."""
    from migratieketen.forecast.ensemble import VARIANTS

    spec = next((v for v in VARIANTS if v.name == result.ensemble), None)
    lines = []
    if spec is not None:
        lines.append(
            f"ensemble = {spec.description} ({spec.name}); alle geprobeerde varianten: "
            "docs/forecast-backtest.md."
        )
    chosen = [v for v in result.selection if v.chosen]
    others = sorted(
        (v for v in result.selection if not v.chosen), key=lambda v: -v.score
    )
    if chosen and others:
        lines.append(
            f"Het ensemble is gekozen op deze zelfde backtest (uit "
            f"{len(result.selection)} varianten), dus niet zuiver buiten de "
            f"steekproef. Score (gem. MASE-skill h2-4, eerste + totaal): gekozen "
            f"{chosen[0].name} {chosen[0].score:+.1%}; tweede keus {others[0].name} "
            f"{others[0].score:+.1%}."
        )
    return lines


def _backtest_table(result: Any) -> None:
    from rich.console import Console

    from migratieketen.forecast.backtest import REPORT_HORIZONS, SURGES

    console = Console(width=max(Console().width, 120))
    for series in ("eerste_asielverzoeken", "nareizigers", "totale_instroom"):
        for subset in ("hoofdvenster", *SURGES):
            rows = [
                r
                for r in result.rows(series, subset)
                if r.horizon in (*REPORT_HORIZONS, 0)
            ]
            if rows:
                console.print(_score_table(f"{series} — {subset}", rows))
    console.print(_yearly_table(result))
    console.print(
        "CRPS* = CRPS gedeeld door de MASE-schaal; skill = 1 − score/score(random walk "
        "'naive'), > 0 is beter dan de random walk. "
        "MPP* = band voor de totale instroom incl. volgende asielverzoeken; 'raak' "
        "vergelijkt met de uitkomst plus de volgende verzoeken (UNHCR). "
        f"{len(result.origins)} origines {result.origins[0]} … {result.origins[-1]}; "
        f"rekentijd {result.seconds:.1f} s."
    )
    for line in selection_lines(result):
        console.print(line)


def backtest(
    fmt: Annotated[str, typer.Option("--format", help="tabel, json of csv.")] = "tabel",
    seed: Annotated[
        int | None, typer.Option(help="Startwaarde toevalsgenerator.")
    ] = None,
    data_dir: Annotated[
        Path | None,
        typer.Option(help="Map met open data (standaard MIGRATIEKETEN_DATA_DIR)."),
    ] = None,
    jobs: Annotated[
        int | None, typer.Option(help="Aantal processen voor statsforecast.")
    ] = None,
    uitvoer: Annotated[
        Path | None, typer.Option(help="Schrijf naar dit bestand.")
    ] = None,
) -> None:
    """Backtest met rollende origine: MASE, MAPE, CRPS en dekking per horizon."""
    from migratieketen.forecast import run_backtest
    from migratieketen.forecast.engine import DEFAULT_SEED

    fmt = _check_format(fmt)
    inputs = _load(data_dir, None)
    result = run_backtest(
        inputs, seed=DEFAULT_SEED if seed is None else seed, n_jobs=jobs
    )
    if fmt == "json":
        _write(
            json.dumps(result.to_dict(), ensure_ascii=False, indent=2) + "\n", uitvoer
        )
    elif fmt == "csv":
        _write(backtest_csv(result), uitvoer)
    else:
        _backtest_table(result)


def scenario(
    tot: Annotated[str, typer.Option("--tot", help="Laatste kwartaal (JJJJ-Qn).")],
    data_tot: Annotated[
        str | None, typer.Option("--data-tot", help="Data t/m dit kwartaal.")
    ] = None,
    fmt: Annotated[str, typer.Option("--format", help="json of csv.")] = "json",
    seed: Annotated[int, typer.Option(help="Startwaarde toevalsgenerator.")] = 2026,
    data_dir: Annotated[
        Path | None,
        typer.Option(help="Map met open data (standaard MIGRATIEKETEN_DATA_DIR)."),
    ] = None,
    uitvoer: Annotated[
        Path | None, typer.Option(help="Schrijf naar dit bestand.")
    ] = None,
) -> None:
    """Instroomscenario's: prognosepaden, herhaling 2015/2022, piek, dal, regimewissel."""
    from migratieketen.forecast.engine import make_forecast
    from migratieketen.forecast.scenarios import InflowScenarioError, standard_scenarios

    fmt = _check_format(fmt)
    inputs = _load(data_dir, data_tot)
    try:
        result = make_forecast(inputs, tot, seed=seed)
        scenarios = standard_scenarios(result, inputs.first, inputs.nareizigers, seed)
    except (ValueError, InflowScenarioError) as exc:
        _fail(str(exc))
    if fmt == "csv":
        text = "".join(
            s.to_csv() if i == 0 else s.to_csv().split("\n", 1)[1]
            for i, s in enumerate(scenarios)
        )
        _write(text, uitvoer)
    elif fmt == "json":
        payload = {
            "data_vintage": inputs.vintage.to_dict(),
            "scenarios": [s.to_dict() for s in scenarios],
        }
        _write(json.dumps(payload, ensure_ascii=False) + "\n", uitvoer)
    else:
        for s in scenarios:
            typer.echo(
                f"{s.name}: {s.description} ({s.n_paths} paden, {s.periods[0]}–{s.periods[-1]})"
            )


def register(app: typer.Typer) -> None:
    app.command("prognose")(prognose)
    app.command("backtest")(backtest)
    app.command("instroomscenario")(scenario)
