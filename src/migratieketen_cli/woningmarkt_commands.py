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
from pathlib import Path
from typing import Annotated

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


def _policy(
    voorrang: float, urgentie: bool, places: float, start: int, weeks: int | None,
    persons: float | None, new_build: float,
) -> Policy:  # fmt: skip
    if voorrang > 1:
        raise WoningmarktError(
            f"Voorrang is een aandeel tussen 0 en 1 (0,3 = 30 %), niet {voorrang:g}."
        )
    tv = (Tussenvoorziening(places, start, weeks),) if places > 0 else ()
    return Policy(voorrang, urgentie, tv, persons, new_build).validate()


def woningmarkt(
    gemeente: Annotated[
        list[str] | None,
        typer.Option(
            "--gemeente", help="Gemeentecode of naam; herhaal voor een regio."
        ),
    ] = None,
    voorrang: Annotated[
        float,
        typer.Option(help="Aandeel verhuringen met voorrang voor statushouders (0-1)."),
    ] = 0.0,
    urgentie: Annotated[
        bool,
        typer.Option("--urgentie", help="Statushouders ook als urgentiecategorie."),
    ] = False,
    tussenvoorziening: Annotated[
        float,
        typer.Option(help="Plaatsen in een tussenvoorziening voor statushouders."),
    ] = 0.0,
    tv_start: Annotated[
        int, typer.Option("--tussenvoorziening-start", help="Startweek.")
    ] = 0,
    tv_weken: Annotated[
        int | None, typer.Option("--tussenvoorziening-weken", help="Looptijd in weken.")
    ] = None,
    personen_per_woning: Annotated[
        float | None, typer.Option(help="Woningdelen: statushouders per woning.")
    ] = None,
    nieuwbouw: Annotated[
        float, typer.Option(help="Extra corporatiewoningen per jaar.")
    ] = 0.0,
    frontier_: Annotated[
        bool, typer.Option("--frontier", help="Pareto-front: 21 x 5 instellingen.")
    ] = False,
    alle_gemeenten: Annotated[
        bool,
        typer.Option("--alle-gemeenten", help="Met --frontier: alle 342 gemeenten."),
    ] = False,
    regio: Annotated[str | None, typer.Option(help="Naam van de regio.")] = None,
    huidig_voorrang: Annotated[
        float | None,
        typer.Option(
            help="Huidig voorrangsaandeel van de gemeente (standaard: AANNAME 6 %)."
        ),
    ] = None,
    huidig_tussenvoorziening: Annotated[
        float, typer.Option(help="Huidige plaatsen tussenvoorziening (frontier).")
    ] = 0.0,
    runs: Annotated[int | None, typer.Option(help="Monte Carlo-runs.")] = None,
    seed: Annotated[int, typer.Option(help="Startwaarde toevalsgenerator.")] = 0,
    jaren: Annotated[int, typer.Option(help="Looptijd in jaren.")] = 10,
    stap: Annotated[str, typer.Option(help="Tijdstap: week of maand.")] = "week",
    start: Annotated[str, typer.Option(help="Eerste halfjaar, bv. 2026-1.")] = "2026-1",
    vg: Annotated[
        float | None,
        typer.Option(help="Landelijk aantal vg voor halfjaren zonder publicatie."),
    ] = None,
    parameter: Annotated[
        list[str] | None, typer.Option("--parameter", help="NAAM=WAARDE (herhaalbaar).")
    ] = None,
    parameters: Annotated[
        bool, typer.Option("--parameters", help="Toon alle parameters met bron.")
    ] = False,
    backend: Annotated[
        str, typer.Option(help="local of dask (alle gemeenten).")
    ] = "local",
    workers: Annotated[int, typer.Option(help="Dask-workers.")] = 2,
    adres: Annotated[
        str | None, typer.Option(help="Adres van een Dask-scheduler.")
    ] = None,
    fmt: Annotated[str, typer.Option("--format", help="tabel, json of csv.")] = "tabel",
    uitvoer: Annotated[
        Path | None, typer.Option(help="Schrijf naar dit bestand.")
    ] = None,
    data_dir: Annotated[Path | None, typer.Option(help="Map met open data.")] = None,
) -> None:
    """Woningmarkt: voorrang voor statushouders tegen de wachttijden van anderen."""
    err = Console(stderr=True)
    try:
        if fmt not in FORMATS:
            raise WoningmarktError(
                f"Onbekend formaat '{fmt}'; kies uit {', '.join(FORMATS)}."
            )
        if parameters:
            _write(render.parameters_text(default_parameters(), fmt), uitvoer)
            return
        if stap not in STEPS:
            raise WoningmarktError("Kies --stap week of --stap maand.")
        if alle_gemeenten and not frontier_:
            raise WoningmarktError("--alle-gemeenten werkt samen met --frontier.")
        overrides = parse_overrides(parameter)
        if huidig_voorrang is not None:
            overrides["current_priority_share"] = huidig_voorrang
        values = resolve_values(overrides)
        first = HalfYear.parse(start)
        future = values["future_vg"] if vg is None else vg
        markets = _markets(
            gemeente or [], alle_gemeenten, regio, data_dir, first, jaren, future
        )
        policy = _policy(
            voorrang, urgentie, tussenvoorziening, tv_start, tv_weken, personen_per_woning,
            nieuwbouw,
        )  # fmt: skip
        common = {"seed": seed, "years": jaren, "steps_per_year": STEPS[stap]}
        current = Policy(
            values["current_priority_share"],
            urgentie,
            (Tussenvoorziening(huidig_tussenvoorziening),)
            if huidig_tussenvoorziening
            else (),
            personen_per_woning,
            label="huidig beleid",
        )
        if alle_gemeenten:
            nat = national_frontier(
                markets, current, runs=runs or 10, backend=backend, address=adres,
                n_workers=workers, parameters=overrides, **common,
            )  # fmt: skip
            _write(render.national_text(nat, fmt), uitvoer)
        elif frontier_:
            front = frontier(
                markets[0], current, runs=runs or 200, parameters=overrides, **common
            )
            _write(render.frontier_text(front, fmt), uitvoer)
        else:
            result = simulate(
                markets[0], policy, runs=runs or 1000, parameters=overrides, **common
            )
            _write(render.result_text(result, fmt), uitvoer)
    except (WoningmarktError, TaakstellingError) as exc:
        err.print(f"[red]Fout:[/red] {exc}")
        raise typer.Exit(code=2) from exc


def register(app: typer.Typer) -> None:
    app.command(name="woningmarkt")(woningmarkt)
