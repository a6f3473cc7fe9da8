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
from migratieketen.data.population_history import PopulationError
from migratieketen.data.ses_woa import SesWoaError
from migratieketen.rules import huisvestingswet as hw
from migratieketen.rules import service
from migratieketen.rules import spreidingswet as sw
from migratieketen.rules.afspraken import AfsprakenError, load_afspraken
from migratieketen.rules.explain import Explanation
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


class SesBron(StrEnum):
    """Which SES-WOA the Spreidingswet run uses (service.SES_CHOICES)."""

    auto = service.SES_AUTO
    cbs = service.SES_CHOICE_CBS
    postcode = service.SES_CHOICE_POSTCODE
    schatting = service.SES_CHOICE_PROXY
    geen = service.SES_CHOICE_NONE


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
    AfsprakenError,
)


def _fail(exc: Exception) -> typer.Exit:
    Console(stderr=True).print(f"[red]Fout:[/red] {exc}")
    return typer.Exit(1)


def _nl(n: int) -> str:
    return f"{n:,}".replace(",", ".")


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
    afspraken: Annotated[
        Path | None,
        typer.Option(
            "--afspraken",
            help="YAML met regionale afspraken (art. 29 lid 2) en herindelingen (art. 30).",
        ),
    ] = None,
    fmt: FormatOption = OutputFormat.table,
    data_dir: DataDirOption = None,
) -> None:
    """Taakstelling huisvesting vergunninghouders per gemeente (Huisvestingswet 2014)."""
    try:
        run = service.run_taakstelling(
            halfjaar,
            data_dir if data_dir else default_data_dir(),
            vg=vg,
            version="initial" if versie is VgVersie.initieel else "final",
            rounding=afronding.value if afronding else None,
            afspraken=load_afspraken(afspraken) if afspraken else None,
        )
        keys = service.select_keys(run.population, gemeente)
    except USER_ERRORS as exc:
        raise _fail(exc) from exc
    _emit(
        fmt,
        run.meta(),
        run.records(keys),
        title=f"Taakstelling {run.half_year} (vg {_nl(run.vg)})",
        table_cols=(
            "gemeentecode",
            "gemeentenaam",
            "provinciecode",
            "inwoners",
            "exact",
            "taakstelling",
            "na_regionale_afspraak",
        ),
    )


def _emit(
    fmt: OutputFormat,
    meta: dict[str, Any],
    records: list[tuple[dict[str, Any], Explanation]],
    title: str,
    extra_tables: list[Table] | None = None,
    table_cols: tuple[str, ...] = (),
    json_extra: dict[str, Any] | None = None,
) -> None:
    if fmt is OutputFormat.json:
        out = {
            **meta,
            "gemeenten": [rec | {"uitleg": e.to_dict()} for rec, e in records],
            **(json_extra or {}),
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
        t.add_column(
            _SHORT.get(col, col), justify="right" if col not in _TEXT_COLS else "left"
        )
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
        elif isinstance(value, list):
            for item in value:
                console.print(f"{key}: {item}")
        elif isinstance(value, dict):
            console.print(f"{key}: " + ", ".join(f"{k} {v}" for k, v in value.items()))
        else:
            console.print(f"{key}: {value}")
    console.print("Volledige berekening per gemeente: --format json of csv.")


_SHORT = {
    "gemeentecode": "code",
    "gemeentenaam": "gemeente",
    "provinciecode": "prov.",
    "taakstelling": "taakst.",
    "na_regionale_afspraak": "na afspraak",
    "ses_woa": "SES-WOA",
}
_TEXT_COLS = {"gemeentecode", "gemeentenaam", "provinciecode", "halfjaar", "afronding"}


SesFileOption = Annotated[
    Path | None,
    typer.Option(
        "--ses", help="Eigen SES-WOA-bestand in CBS-formaat (StatLine of OData)."
    ),
]
SesBronOption = Annotated[
    SesBron,
    typer.Option(
        "--ses-bron",
        help="auto: CBS-gemeentecijfers als de data-map ze heeft, anders het "
        "gemiddelde van de CBS-postcodecijfers; cbs; postcode; schatting (KWB-"
        "benadering, SCHATTING); geen (alleen inwoners, ter vergelijking).",
    ),
]
KeyRoundingOption = Annotated[
    Afronding | None,
    typer.Option(
        "--afronding",
        help="Afronding per gemeente (standaard die van de verdeelsleutel).",
    ),
]


def _province_table(run: service.SpreidingRun) -> Table:
    table = Table(title="Provincie = som van de gemeenten")
    for col in ("provinciecode", "plaatsen", "amv"):
        table.add_column(col, justify="left" if col == "provinciecode" else "right")
    for p in run.provinces.values():
        table.add_row(p.province_code, str(p.places), str(p.amv))
    return table


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
    ses: SesFileOption = None,
    ses_bron: SesBronOption = SesBron.auto,
    afronding: KeyRoundingOption = None,
    provincies: Annotated[
        bool, typer.Option("--provincies", help="Eén record per provincie.")
    ] = False,
    fmt: FormatOption = OutputFormat.table,
    data_dir: DataDirOption = None,
) -> None:
    """Spreidingswet: opvangplaatsen per gemeente en provincie (inwoners x SES-WOA).

    Zonder opties: de gepubliceerde raming, verdeeld met de verdeelsleutel die op de
    peildatum geldt en de meest recente SES-WOA uit de data-map (de uitvoer noemt bron
    en peildatum).
    """
    try:
        at = date.fromisoformat(peildatum)
    except ValueError as exc:
        raise _fail(ValueError(f"Ongeldige peildatum '{peildatum}'.")) from exc
    try:
        run = service.run_spreiding(
            at,
            data_dir if data_dir else default_data_dir(),
            raming=raming,
            amv=amv,
            ses_path=ses,
            ses=ses_bron.value,
            rounding=afronding.value if afronding else None,
        )
    except USER_ERRORS as exc:
        raise _fail(exc) from exc
    total = _nl(run.result.raming)
    if provincies:
        title = f"Spreidingswet: provinciale opgave ({total})"
        _emit(fmt, run.meta(), run.province_records(), title=title)
        return
    _emit(
        fmt,
        run.meta(),
        run.records(),
        title=f"Spreidingswet: opvangplaatsen per gemeente ({total})",
        extra_tables=[_province_table(run)],
        json_extra={
            "provincies": [
                rec | {"uitleg": e.to_dict()} for rec, e in run.province_records()
            ]
        },
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


def register(app: typer.Typer) -> None:
    app.command("taakstelling")(taakstelling_command)
    app.command("spreiding")(spreiding_command)
