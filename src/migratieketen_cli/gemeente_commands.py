# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""`migratieketen gemeente CODE|NAAM`: key figures of one gemeente, with sources."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from migratieketen.data import (
    REORGANISATIONS,
    DataDirError,
    DataSet,
    DataValidationError,
    Provenance,
    default_data_dir,
    load_dataset,
)
from migratieketen.data.lookup import GemeenteLookupError, find_gemeente
from migratieketen.data.sources import INDICATOR_YEAR_NOTE

# The figures shown by default; --alles shows every indicator.
KEY_INDICATORS: tuple[str, ...] = (
    "huishoudens",
    "gem_huishoudensgrootte",
    "bevolkingsdichtheid_per_km2",
    "stedelijkheid_1_5",
    "pct_65plus",
    "pct_herkomst_buiten_europa",
    "woningvoorraad",
    "pct_koopwoningen",
    "pct_huurwoningen",
    "pct_huurwoningen_corporatie",
    "gem_woz_waarde_x1000_eur",
    "pct_netto_arbeidsparticipatie",
    "gem_inkomen_per_inwoner_x1000_eur",
    "gem_gestandaardiseerd_hh_inkomen_x1000_eur",
    "pct_huishoudens_rond_sociaal_minimum",
)


def format_number(value: float, decimals: int | None = None) -> str:
    """Dutch notation: 931.298 and 2,1."""
    if decimals is None:
        decimals = 0 if float(value).is_integer() else 1
    text = f"{value:,.{decimals}f}"
    return text.replace(",", "_").replace(".", ",").replace("_", ".")


def _source_label(p: Provenance) -> str:
    table = f" ({p.table_id})" if p.table_id else ""
    return f"{p.publisher}, {p.title}{table}"


def render_gemeente(dataset: DataSet, code: str, *, all_indicators: bool) -> Table:
    g = dataset.gemeente(code)
    province = {p.code: p.name for p in dataset.provinces}.get(g.province_code, "")
    table = Table(
        title=f"{g.name} ({g.code}), provincie {province}",
        caption="Bronnen: zie de regels 'Bron:' hieronder.",
    )
    table.add_column("Kerncijfer")
    table.add_column("Waarde", justify="right")
    table.add_column("Eenheid")
    table.add_column("Bron", style="dim")
    for year in sorted(g.population, reverse=True):
        prov = dataset.population_provenance[year]
        label = f"Inwoners op 1 januari {year}"
        if year != dataset.division_year:
            label += f" (indeling {dataset.division_year})"
        table.add_row(
            label, format_number(g.population[year]), "personen", _source_label(prov)
        )
    wanted = set(KEY_INDICATORS)
    for ind in dataset.indicators:
        if not all_indicators and ind.key not in wanted:
            continue
        value = g.indicators.get(ind.key)
        shown = "onbekend" if value is None else format_number(value)
        table.add_row(ind.label_nl, shown, ind.unit, _source_label(ind.provenance))
    return table


def source_lines(dataset: DataSet, code: str, *, all_indicators: bool) -> list[str]:
    g = dataset.gemeente(code)
    seen: dict[str, str] = {}
    provs = [dataset.population_provenance[y] for y in sorted(g.population)]
    provs += [
        i.provenance
        for i in dataset.indicators
        if all_indicators or i.key in KEY_INDICATORS
    ]
    for p in provs:
        seen.setdefault(_source_label(p), p.attribution())
    lines = list(seen.values())
    lines.append(f"Let op: {INDICATOR_YEAR_NOTE}")
    merged = [
        f"{name} ({old})"
        for r in REORGANISATIONS
        if r.successor == g.code
        and r.kind == "merger"
        and date(2022, 1, 1) < r.effective <= date(dataset.division_year, 1, 1)
        for old, name in r.parts
    ]
    if merged:
        lines.append(
            "Cijfers uit KWB 2022 zijn omgerekend naar de indeling "
            f"{dataset.division_year}: samengevoegd met {', '.join(merged)} "
            "(aantallen opgeteld, percentages en gemiddelden gewogen)."
        )
    return lines


def gemeente(
    query: Annotated[str, typer.Argument(help="Gemeentecode (GM0363) of naam.")],
    data_dir: Annotated[
        Path | None,
        typer.Option(
            "--data-dir", help="Map met open data (standaard MIGRATIEKETEN_DATA_DIR)."
        ),
    ] = None,
    alles: Annotated[
        bool, typer.Option("--alles", help="Toon alle kerncijfers.")
    ] = False,
) -> None:
    """Toon de kerncijfers van één gemeente, met bron per cijfer."""
    console = Console()
    err = Console(stderr=True)
    try:
        dataset = load_dataset(data_dir or default_data_dir())
    except (DataDirError, DataValidationError) as exc:
        err.print(f"[red]{exc}[/red]")
        raise typer.Exit(1) from exc
    try:
        g = find_gemeente(dataset, query)
    except GemeenteLookupError as exc:
        err.print(f"[red]{exc}[/red]")
        raise typer.Exit(1) from exc
    console.print(render_gemeente(dataset, g.code, all_indicators=alles))
    for line in source_lines(dataset, g.code, all_indicators=alles):
        console.print(line, highlight=False, soft_wrap=True)
    console.print(
        f"Geometrie — {dataset.geometry_provenance.attribution()}",
        highlight=False,
        soft_wrap=True,
    )


def register(app: typer.Typer) -> None:
    app.command(name="gemeente")(gemeente)
