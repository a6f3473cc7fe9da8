# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""`migratieketen taakstelling` and `migratieketen spreiding`: law as code on the CLI.

A readable table by default; `--format csv|json` gives one record per gemeente with its
CBS code, and every record carries how it was computed (article, inputs, arithmetic).
"""

from __future__ import annotations

import csv
import json
import sys
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from migratieketen.data import DataDirError, DataValidationError, default_data_dir
from migratieketen.data.population_history import (
    PopulationError,
    PopulationTable,
    population_on,
)
from migratieketen.data.ses_woa import SesWoaError, load_ses_woa
from migratieketen.rules import huisvestingswet as hw
from migratieketen.rules import spreidingswet as sw
from migratieketen.rules.explain import Explanation, fraction_text
from migratieketen.rules.parameters import ParameterError


class OutputFormat(StrEnum):
    table = "table"
    csv = "csv"
    json = "json"


class VgVersie(StrEnum):
    initieel = "initieel"
    definitief = "definitief"


class Afronding(StrEnum):
    ceil = "ceil"
    half_up = "half_up"
    largest_remainder = "largest_remainder"


DataDirOption = Annotated[
    Path | None,
    typer.Option(
        "--data", help="Map met open data (standaard MIGRATIEKETEN_DATA_DIR)."
    ),
]
FormatOption = Annotated[
    OutputFormat, typer.Option("--format", help="table (leesbaar), csv of json.")
]

USER_ERRORS = (
    hw.TaakstellingError,
    sw.SpreidingError,
    PopulationError,
    ParameterError,
    DataDirError,
    DataValidationError,
    SesWoaError,
)


def _fail(exc: Exception) -> typer.Exit:
    Console(stderr=True).print(f"[red]Fout:[/red] {exc}")
    return typer.Exit(1)


def _nl(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def _record_base(table: PopulationTable, key: str) -> dict[str, Any]:
    return {
        "gemeentecode": key if table.keyed_by_code else "",
        "gemeentenaam": table.names.get(key, key),
        "provinciecode": table.province_codes.get(key, ""),
    }


def _explanation_fields(expl: Explanation) -> dict[str, Any]:
    ref = expl.references[0]
    return {
        "grondslag": "; ".join(r.label() for r in expl.references),
        "wettekst_url": ref.url,
        "juriconnect": ref.juriconnect,
        "berekening": expl.arithmetic,
        "opmerkingen": " | ".join(expl.notes),
    }


def _write_csv(records: list[dict[str, Any]]) -> None:
    if not records:
        return
    writer = csv.DictWriter(
        sys.stdout, fieldnames=list(records[0]), lineterminator="\n"
    )
    writer.writeheader()
    writer.writerows(records)


def _load_population(reference: date, data_dir: Path | None) -> PopulationTable:
    return population_on(reference, data_dir if data_dir else default_data_dir())


def taakstelling_command(
    halfjaar: Annotated[str, typer.Argument(help="Halfjaar, bv. 2025-1 of 2025-2.")],
    vg: Annotated[
        int | None,
        typer.Option(
            "--vg", help="Landelijk aantal vergunninghouders (art. 29 lid 1)."
        ),
    ] = None,
    versie: Annotated[
        VgVersie,
        typer.Option("--versie", help="Gepubliceerde (initieel) of bijgestelde vg."),
    ] = VgVersie.definitief,
    afronding: Annotated[
        Afronding | None,
        typer.Option("--afronding", help="Standaard: wettelijk (ceil, art. 29)."),
    ] = None,
    gemeente: Annotated[
        list[str] | None,
        typer.Option("--gemeente", "-g", help="Alleen deze gemeente(n), code of naam."),
    ] = None,
    fmt: FormatOption = OutputFormat.table,
    data_dir: DataDirOption = None,
) -> None:
    """Taakstelling huisvesting vergunninghouders per gemeente (Huisvestingswet 2014)."""
    try:
        hy = hw.HalfYear.parse(halfjaar)
        if vg is None:
            nn = hw.national_number(hy)
            vg_value = nn.value("initial" if versie is VgVersie.initieel else "final")
            vg_source = f"gepubliceerd ({versie.value}): {nn.source}"
        else:
            vg_value, vg_source = vg, "opgegeven met --vg"
        if not hw.taakstelling_in_force(hy):
            raise hw.TaakstellingError(
                f"Voor {hy} geldt geen taakstelling volgens art. 28-30 Huisvestingswet 2014."
            )
        table = _load_population(hy.reference_date, data_dir)
        res = hw.compute_taakstelling(
            vg_value,
            table.populations,
            national_population=table.national_total,
            rounding=afronding.value if afronding else None,
            half_year=hy,
        )
        keys = _select(table, gemeente)
    except USER_ERRORS as exc:
        raise _fail(exc) from exc

    records = []
    for key in keys:
        g = res.per_gemeente[key]
        expl = g.explanation()
        rec = _record_base(table, key) | {
            "halfjaar": str(hy),
            "inwoners": g.population,
            "inwoners_nederland": g.national_population,
            "peildatum_bevolking": hy.reference_date.isoformat(),
            "vg": vg_value,
            "exact": fraction_text(g.exact),
            "afronding": g.rounding,
            "taakstelling": g.taakstelling,
        }
        records.append((rec, expl))
    meta = {
        "halfjaar": str(hy),
        "vg": vg_value,
        "vg_bron": vg_source,
        "inwoners_nederland": res.national_population,
        "peildatum_bevolking": hy.reference_date.isoformat(),
        "peildatum_koppeling": hy.peildatum().isoformat(),
        "afronding": res.rounding,
        "som_gemeenten": res.total,
        "aantal_gemeenten": len(res.per_gemeente),
        "bevolkingsbron": table.provenance.attribution(),
        "opmerkingen": list(res.notes) + list(table.notes),
    }
    _emit(
        fmt,
        meta,
        records,
        title=f"Taakstelling {hy} (vg {_nl(vg_value)})",
        table_cols=(
            "gemeentecode",
            "gemeentenaam",
            "provinciecode",
            "inwoners",
            "exact",
            "taakstelling",
        ),
    )


def _select(table: PopulationTable, wanted: list[str] | None) -> list[str]:
    if not wanted:
        return sorted(table.populations, key=lambda k: table.names.get(k, k))
    keys = []
    for w in wanted:
        if w in table.populations:
            keys.append(w)
            continue
        hits = [k for k, n in table.names.items() if n.lower() == w.lower()]
        if len(hits) != 1:
            raise hw.TaakstellingError(
                f"Gemeente '{w}' niet gevonden in de indeling van {table.division}."
            )
        keys.append(hits[0])
    return keys


def _emit(
    fmt: OutputFormat,
    meta: dict[str, Any],
    records: list[tuple[dict[str, Any], Explanation]],
    title: str,
    extra_tables: list[Table] | None = None,
    table_cols: tuple[str, ...] = (),
) -> None:
    if fmt is OutputFormat.json:
        out = {
            **meta,
            "gemeenten": [rec | {"uitleg": e.to_dict()} for rec, e in records],
        }
        sys.stdout.write(json.dumps(out, ensure_ascii=False, indent=1) + "\n")
        return
    if fmt is OutputFormat.csv:
        _write_csv([rec | _explanation_fields(e) for rec, e in records])
        return
    console = Console()
    t = Table(title=title)
    if not records:
        return
    cols = [c for c in records[0][0] if not table_cols or c in table_cols]
    for col in cols:
        t.add_column(col, justify="right" if col not in _TEXT_COLS else "left")
    for rec, _ in records:
        t.add_row(*(str(rec[c]) for c in cols))
    console.print(t)
    for extra in extra_tables or []:
        console.print(extra)
    first = records[0][1]
    console.print("Grondslag: " + "; ".join(r.label() for r in first.references))
    for r in first.references:
        if r.url:
            console.print(f"  {r.url}")
    console.print(f"Voorbeeld berekening: {first.subject}: {first.arithmetic}")
    for key, value in meta.items():
        if key == "opmerkingen":
            for note in value:
                console.print(f"[yellow]Let op:[/yellow] {note}")
        else:
            console.print(f"{key}: {value}")
    console.print("Volledige berekening per gemeente: --format json of csv.")


_TEXT_COLS = {"gemeentecode", "gemeentenaam", "provinciecode", "halfjaar", "afronding"}


def spreiding_command(
    raming: Annotated[
        int | None,
        typer.Option(
            "--raming", help="Capaciteitsraming (standaard de gepubliceerde)."
        ),
    ] = None,
    amv: Annotated[
        int | None,
        typer.Option("--amv", help="Deel voor amv (standaard gepubliceerd)."),
    ] = None,
    peildatum: Annotated[
        str,
        typer.Option("--peildatum", help="Datum waarop de regels gelden (JJJJ-MM-DD)."),
    ] = "2024-02-01",
    ses: Annotated[
        Path | None,
        typer.Option("--ses", help="SES-WOA-bestand in CBS-formaat (85163NED)."),
    ] = None,
    ses_schatting: Annotated[
        bool,
        typer.Option(
            "--ses-schatting",
            help="Gebruik de KWB-benadering van SES-WOA (SCHATTING, niet officieel).",
        ),
    ] = False,
    afronding: Annotated[
        Afronding, typer.Option("--afronding", help="Afronding per gemeente.")
    ] = Afronding.largest_remainder,
    provincies: Annotated[
        bool, typer.Option("--provincies", help="Eén record per provincie.")
    ] = False,
    fmt: FormatOption = OutputFormat.table,
    data_dir: DataDirOption = None,
) -> None:
    """Spreidingswet: opvangplaatsen per gemeente en provincie (inwoners x SES-WOA)."""
    try:
        at = date.fromisoformat(peildatum)
    except ValueError as exc:
        raise _fail(ValueError(f"Ongeldige peildatum '{peildatum}'.")) from exc
    try:
        if not sw.in_force(at):
            raise sw.SpreidingError(f"De Spreidingswet geldt niet op {at.isoformat()}.")
        published = sw.raming_at(at)
        total = published.total if raming is None else raming
        amv_total = (
            amv if amv is not None else round(published.amv * total / published.total)
        )
        directory = data_dir if data_dir else default_data_dir()
        table = population_on(date(published.population_year, 1, 1), directory)
        scores, source = _ses_scores(ses, ses_schatting, table, directory)
        res = sw.distribute(
            total,
            table.populations,
            scores,
            amv_total=amv_total,
            rounding=afronding.value,
            ses_source=source,
        )
    except USER_ERRORS as exc:
        raise _fail(exc) from exc
    meta = {
        "capaciteitsraming": total,
        "amv": amv_total,
        "peildatum_bevolking": table.reference_date.isoformat(),
        "ses_woa": {
            None: "niet geladen",
            sw.SES_OFFICIAL: "CBS",
            sw.SES_PROXY: "SCHATTING",
        }[res.ses_source],
        "afronding": res.rounding,
        "bevolkingsbron": table.provenance.attribution(),
        "opmerkingen": list(res.notes),
    }
    prov = sw.province_totals(res, table.province_codes)
    if provincies:
        records = [
            (
                {"provinciecode": p.province_code, "plaatsen": p.places, "amv": p.amv},
                p.explanation(),
            )
            for p in prov.values()
        ]
        _emit(
            fmt,
            meta,
            records,
            title=f"Spreidingswet: provinciale opgave ({_nl(total)})",
        )
        return
    records = []
    for key in sorted(table.populations, key=lambda k: table.names.get(k, k)):
        g = res.per_gemeente[key]
        rec = _record_base(table, key) | {
            "inwoners": g.population,
            "ses_woa": "" if g.ses is None else fraction_text(g.ses, 3),
            "exact": fraction_text(g.exact),
            "plaatsen": g.places,
            "amv": g.amv,
        }
        records.append((rec, g.explanation()))
    ptable = Table(title="Provincie = som van de gemeenten")
    ptable.add_column("provinciecode")
    ptable.add_column("plaatsen", justify="right")
    ptable.add_column("amv", justify="right")
    for p in prov.values():
        ptable.add_row(p.province_code, str(p.places), str(p.amv))
    _emit(
        fmt,
        meta,
        records,
        title=f"Spreidingswet: opvangplaatsen per gemeente ({_nl(total)})",
        extra_tables=[ptable],
        table_cols=(
            "gemeentecode",
            "gemeentenaam",
            "provinciecode",
            "inwoners",
            "ses_woa",
            "plaatsen",
            "amv",
        ),
    )


def _ses_scores(
    path: Path | None, proxy: bool, table: PopulationTable, data_dir: Path
) -> tuple[dict[str, Any] | None, str]:
    if path is not None and proxy:
        raise sw.SpreidingError("Kies --ses of --ses-schatting, niet beide.")
    if path is not None:
        loaded = load_ses_woa(path)
        return dict(loaded.scores), sw.SES_OFFICIAL
    if proxy:
        from migratieketen.data import load_dataset
        from migratieketen.rules.ses_proxy import proxy_scores_from_dataset

        year = table.reference_date.year
        scores = proxy_scores_from_dataset(load_dataset(data_dir), year)
        return dict(scores), sw.SES_PROXY
    return None, sw.SES_OFFICIAL


def register(app: typer.Typer) -> None:
    app.command("taakstelling")(taakstelling_command)
    app.command("spreiding")(spreiding_command)
