# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""`migratieketen woningmarkt`: voorrang voor statushouders tegen wachttijden van anderen.

migratieketen woningmarkt --gemeente GM0363 --voorrang 0.3 [--tussenvoorziening 200]
migratieketen woningmarkt --gemeente Venray --frontier [--format json|csv]
migratieketen woningmarkt --alle-gemeenten --frontier --format csv [--backend dask]
migratieketen woningmarkt --parameters
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console

from migratieketen.data import (
    DataDirError,
    DataValidationError,
    default_data_dir,
    load_dataset,
)
from migratieketen.data.lookup import GemeenteLookupError, find_gemeente
from migratieketen.rules.huisvestingswet import HalfYear, TaakstellingError
from migratieketen.woningmarkt import (
    GemeenteMarket,
    Policy,
    Tussenvoorziening,
    WoningmarktError,
    build_markets,
    combine_markets,
    default_parameters,
    resolve_values,
    simulate,
)
from migratieketen.woningmarkt.frontier import frontier
from migratieketen.woningmarkt.national import national_frontier
from migratieketen_cli import woningmarkt_render as render

FORMATS = ("tabel", "json", "csv")
STEPS = {"week": 52, "maand": 12}


def _write(text: str, output: Path | None) -> None:
    if output is None:
        sys.stdout.write(text)
        return
    tmp = output.with_name(output.name + ".tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(output)


def parse_overrides(items: list[str] | None) -> dict[str, float]:
    out: dict[str, float] = {}
    for item in items or []:
        name, sep, value = item.partition("=")
        if not sep:
            raise WoningmarktError(f"Gebruik --parameter NAAM=WAARDE, niet '{item}'.")
        try:
            out[name.strip()] = float(value.replace(",", "."))
        except ValueError as exc:
            raise WoningmarktError(
                f"Parameter '{name}': '{value}' is geen getal."
            ) from exc
    resolve_values(out)  # check names and ranges before any work
    return out


def _markets(
    queries: list[str], all_gemeenten: bool, regio: str | None, data_dir: Path | None,
    first: HalfYear, years: int, future_vg: float,
) -> list[GemeenteMarket]:  # fmt: skip
    try:
        dataset = load_dataset(data_dir or default_data_dir())
    except (DataDirError, DataValidationError) as exc:
        raise WoningmarktError(str(exc)) from exc
    if all_gemeenten:
        return build_markets(dataset, None, first, 2 * years, future_vg)
    if not queries:
        raise WoningmarktError("Geef een gemeente op met --gemeente (code of naam).")
    try:
        codes = [find_gemeente(dataset, q).code for q in queries]
    except GemeenteLookupError as exc:
        raise WoningmarktError(str(exc)) from exc
    markets = build_markets(dataset, codes, first, 2 * years, future_vg)
    if len(markets) > 1:
        return [combine_markets(regio or "woningmarktregio", markets)]
    return markets


def parse_share(text: str) -> float:
    """'0.3', '0,3' or '30%' -> 0.3; a Dutch error for anything else."""
    cleaned = text.strip().replace(",", ".")
    percent = cleaned.endswith("%")
    try:
        value = float(cleaned.rstrip("%").strip())
    except ValueError as exc:
        raise WoningmarktError(
            f"Voorrang '{text}' is geen getal; gebruik bv. 0,3 of 30%."
        ) from exc
    return value / 100 if percent else value


def _policy(o: Options) -> Policy:
    share = parse_share(o.voorrang)
    if share > 1:
        raise WoningmarktError(
            f"Voorrang is een aandeel tussen 0 en 1 (0,3 = 30 %), niet {share:g}."
        )
    tv = o.tussenvoorziening
    places = (Tussenvoorziening(tv, o.tv_start, o.tv_weken),) if tv > 0 else ()
    return Policy(
        share, o.urgentie, places, o.personen_per_woning, o.nieuwbouw
    ).validate()


def _current(o: Options, share: float) -> Policy:
    """The gemeente's current policy: the frontier marks it (an ASSUMPTION unless given)."""
    tv = o.huidig_tussenvoorziening
    places = (Tussenvoorziening(tv),) if tv else ()
    return Policy(
        share, o.urgentie, places, o.personen_per_woning, label="huidig beleid"
    )


@dataclass(frozen=True, slots=True)
class Options:
    """The command's options, as typed on the command line."""

    gemeente: list[str] | None
    voorrang: str
    urgentie: bool
    tussenvoorziening: float
    tv_start: int
    tv_weken: int | None
    personen_per_woning: float | None
    nieuwbouw: float
    frontier_: bool
    alle_gemeenten: bool
    regio: str | None
    huidig_voorrang: float | None
    huidig_tussenvoorziening: float
    urgent_instroom: float | None
    runs: int | None
    seed: int
    jaren: int
    stap: str
    start: str
    vg: float | None
    parameter: list[str] | None
    parameters: bool
    backend: str
    workers: int
    adres: str | None
    fmt: str
    uitvoer: Path | None
    data_dir: Path | None


def _check(o: Options) -> None:
    if o.fmt not in FORMATS:
        raise WoningmarktError(
            f"Onbekend formaat '{o.fmt}'; kies uit {', '.join(FORMATS)}."
        )
    if o.stap not in STEPS:
        raise WoningmarktError("Kies --stap week of --stap maand.")
    if o.alle_gemeenten and not o.frontier_:
        raise WoningmarktError("--alle-gemeenten werkt samen met --frontier.")


def dispatch(o: Options) -> str:
    """Run what the options ask for and return the text to print."""
    _check(o)
    if o.parameters:
        return render.parameters_text(default_parameters(), o.fmt)
    overrides = parse_overrides(o.parameter)
    if o.huidig_voorrang is not None:
        overrides["current_priority_share"] = o.huidig_voorrang
    values = resolve_values(overrides)
    first = HalfYear.parse(o.start)
    future = values["future_vg"] if o.vg is None else o.vg
    markets = _markets(
        o.gemeente or [], o.alle_gemeenten, o.regio, o.data_dir, first, o.jaren, future
    )
    if o.urgent_instroom is not None:
        if o.urgent_instroom < 0 or o.alle_gemeenten:
            raise WoningmarktError(
                "--urgent-instroom is een aantal >= 0 per jaar voor één gemeente of regio."
            )
        markets = [replace(markets[0], urgent_inflow_per_year=o.urgent_instroom)]
    policy = _policy(o)
    current = _current(o, values["current_priority_share"])
    common: dict[str, Any] = {
        "seed": o.seed, "years": o.jaren, "steps_per_year": STEPS[o.stap],
        "parameters": overrides,
    }  # fmt: skip
    if o.alle_gemeenten:
        nat = national_frontier(
            markets, current, runs=o.runs or 10, backend=o.backend, address=o.adres,
            n_workers=o.workers, **common,
        )  # fmt: skip
        return render.national_text(nat, o.fmt)
    if o.frontier_:
        front = frontier(markets[0], current, runs=o.runs or 200, **common)
        return render.frontier_text(front, o.fmt)
    result = simulate(markets[0], policy, runs=o.runs or 1000, **common)
    return render.result_text(result, o.fmt)


Gemeente = Annotated[
    list[str] | None,
    typer.Option("--gemeente", help="Gemeentecode of naam; herhaal voor een regio."),
]
Voorrang = Annotated[
    str,
    typer.Option(
        help="Aandeel verhuringen met voorrang voor statushouders: 0,3 of 30%."
    ),
]
Places = Annotated[
    float, typer.Option(help="Plaatsen tussenvoorziening (statushouders).")
]


def woningmarkt(
    gemeente: Gemeente = None,
    voorrang: Voorrang = "0",
    urgentie: Annotated[
        bool, typer.Option(help="Statushouders ook urgentiecategorie.")
    ] = False,
    tussenvoorziening: Places = 0.0,
    tv_start: Annotated[
        int, typer.Option("--tussenvoorziening-start", help="Startweek.")
    ] = 0,
    tv_weken: Annotated[
        int | None, typer.Option("--tussenvoorziening-weken", help="Looptijd in weken.")
    ] = None,
    personen_per_woning: Annotated[
        float | None, typer.Option(help="Woningdelen.")
    ] = None,
    nieuwbouw: Annotated[
        float, typer.Option(help="Extra corporatiewoningen/jaar.")
    ] = 0.0,
    frontier_: Annotated[
        bool, typer.Option("--frontier", help="Pareto-front 21 x 5.")
    ] = False,
    alle_gemeenten: Annotated[
        bool, typer.Option(help="Met --frontier: alle 342.")
    ] = False,
    regio: Annotated[str | None, typer.Option(help="Naam van de regio.")] = None,
    huidig_voorrang: Annotated[
        float | None, typer.Option(help="Huidig voorrangsaandeel (anders AANNAME 6 %).")
    ] = None,
    huidig_tussenvoorziening: Places = 0.0,
    urgent_instroom: Annotated[
        float | None, typer.Option(help="Andere urgenten per jaar (anders AANNAME).")
    ] = None,
    runs: Annotated[int | None, typer.Option(help="Monte Carlo-runs.")] = None,
    seed: Annotated[int, typer.Option(help="Startwaarde toevalsgenerator.")] = 0,
    jaren: Annotated[int, typer.Option(help="Looptijd in jaren.")] = 10,
    stap: Annotated[str, typer.Option(help="Tijdstap: week of maand.")] = "week",
    start: Annotated[str, typer.Option(help="Eerste halfjaar, bv. 2026-1.")] = "2026-1",
    vg: Annotated[
        float | None, typer.Option(help="vg na het laatst gepubliceerde.")
    ] = None,
    parameter: Annotated[list[str] | None, typer.Option(help="NAAM=WAARDE.")] = None,
    parameters: Annotated[bool, typer.Option(help="Toon alle parameters.")] = False,
    backend: Annotated[str, typer.Option(help="local of dask.")] = "local",
    workers: Annotated[int, typer.Option(help="Dask-workers.")] = 2,
    adres: Annotated[str | None, typer.Option(help="Dask-scheduler.")] = None,
    fmt: Annotated[str, typer.Option("--format", help="tabel, json of csv.")] = "tabel",
    uitvoer: Annotated[Path | None, typer.Option(help="Schrijf naar bestand.")] = None,
    data_dir: Annotated[Path | None, typer.Option(help="Map met open data.")] = None,
) -> None:
    """Woningmarkt: voorrang voor statushouders tegen de wachttijden van anderen."""
    options = Options(**locals())
    try:
        text = dispatch(options)
    except (WoningmarktError, TaakstellingError) as exc:
        Console(stderr=True).print(f"[red]Fout:[/red] {exc}")
        raise typer.Exit(code=2) from exc
    _write(text, options.uitvoer)


def register(app: typer.Typer) -> None:
    app.command(name="woningmarkt")(woningmarkt)
