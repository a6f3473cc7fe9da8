# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""`migratieketen plan opvang` and `plan opvang-backtest`: the reception planner.

`plan opvang` plans which candidate locations open, where, when and how large, over
demand paths from the ketenmodel, and compares the plan with the reactive status quo
and the deterministic plan on the median path. Nothing is stored.
"""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from migratieketen_cli.plan_commands import _fail, _write


class Backend(StrEnum):
    local = "local"
    dask = "dask"


class Prognose(StrEnum):
    motor = "motor"
    randomwalk = "randomwalk"


class OpvangFormaat(StrEnum):
    tabel = "tabel"
    table = "table"  # English alias
    json = "json"
    csv = "csv"
    xlsx = "xlsx"  # Excel; needs --uitvoer


def _eur(value: float) -> str:
    return (
        f"EUR {value / 1e6:,.1f} mln".replace(",", "_")
        .replace(".", ",")
        .replace("_", ".")
    )


def _policy_table(by_policy: dict[str, dict[str, Any]], title: str) -> Table:
    table = Table(title=title)
    for col in ("beleid", "verwachte kosten", "crisis pl.mnd (verw.)", "crisis p95",
                "leegstand pl.mnd", "churn"):  # fmt: skip
        table.add_column(col)
    for name, s in by_policy.items():
        table.add_row(
            name, _eur(s["verwachte_kosten"]), f"{s['crisisplaatsmaanden_verwacht']:,.0f}",
            f"{s['crisisplaatsmaanden_p95']:,.0f}", f"{s['leegstand_plaatsmaanden']:,.0f}",
            f"{s['churn']:.0f}",
        )  # fmt: skip
    return table


def _print_plan(summary: dict[str, Any], records: list[dict[str, Any]]) -> None:
    console = Console()
    console.print(
        f"Gebied {summary['gebied']}: {summary['locaties_open']} van {summary['kandidaten']} "
        f"kandidaten open; verwachte kosten {_eur(summary['verwachte_kosten'])}; besparing "
        f"t.o.v. alleen crisisopvang {_eur(summary['besparing_tov_crisisopvang'])}, t.o.v. "
        f"reactief {_eur(summary['besparing_tov_reactief'])}.",
        highlight=False,
    )
    console.print(summary["vraag"], highlight=False)
    console.print(_policy_table(summary["beleid"], "Vergelijking van beleid"))
    if summary.get("decompositie"):
        _print_batches(summary["decompositie"])
    table = Table(title="Geopende locaties")
    for col in (
        "naam",
        "wijk",
        "gemeente",
        "type",
        "opening",
        "sluiting",
        "max. plaatsen",
    ):
        table.add_column(col)
    for r in records:
        table.add_row(r["naam"], r["wijkcode"], r["gemeentecode"], r["type"], r["opening"],
                      r["sluiting"] or "-", str(max(r["plaatsen_per_maand"])))  # fmt: skip
    console.print(table)
    console.print(summary["bron"], highlight=False)
    if summary["kandidaten_generiek"]:
        console.print("Kandidaten: generiek — geen echte locatie.", highlight=False)


def _pct(share: float) -> str:
    """Dutch decimal comma; a rounding-level negative gap prints as 0,00 %."""
    return f"{round(100 * share, 2) + 0.0:.2f} %".replace(".", ",")


def _print_batches(d: dict[str, Any]) -> None:
    Console().print(
        f"Decompositie in {d['batches']} batches: gekozen plan van batch "
        f"{d['gekozen_batch'] + 1}, op alle paden {_eur(d['bovengrens_geevalueerd'])}; "
        f"ondergrens (schatting, gemiddelde van de batches) "
        f"{_eur(d['ondergrens_schatting'])}; gap-schatting {_pct(d['gap_schatting'])}.",
        highlight=False,
    )


Opt = typer.Option
PROGNOSE = "prognose"  # --scenario: the forecast's sample paths through the chain


def _emit(
    summary: dict[str, Any],
    records: list[dict[str, Any]],
    fmt: OpvangFormaat,
    uitvoer: Path | None,
) -> None:
    from migratieketen.plan.opvang.export import plan_csv, plan_xlsx

    if fmt in (OpvangFormaat.tabel, OpvangFormaat.table):
        _print_plan(summary, records)
    elif fmt is OpvangFormaat.csv:
        _write(plan_csv(records, summary["maanden"]), uitvoer)
    elif fmt is OpvangFormaat.xlsx and uitvoer is not None:
        sources = [summary["vraag"], summary["bestaande_capaciteit"], summary["bron"]]
        uitvoer.write_bytes(plan_xlsx(records, summary["maanden"], sources))
    else:
        payload = {"samenvatting": summary, "locaties": records}
        _write(json.dumps(payload, ensure_ascii=False, indent=1) + "\n", uitvoer)


BatchesOpt = Annotated[
    int, Opt(help="Splits de paden in B batches (SAA); 1 = één MIP over alle paden.")
]
BackendOpt = Annotated[
    Backend, Opt(help="local (na elkaar) of dask (batches parallel).")
]
AdresOpt = Annotated[
    str | None,
    Opt(
        "--adres",
        envvar="MIGRATIEKETEN_DASK_ADDRESS",
        help="Dask-scheduler (tcp://host:8786); leeg = lokaal cluster.",
    ),
]


ScenarioOpt = Annotated[
    str,
    Opt(
        "--scenario",
        help="Ingebouwd scenario, YAML-bestand, of 'prognose' (de steekproefpaden "
        "van de prognose door het ketenmodel).",
    ),
]
DataTotOpt = Annotated[
    str | None,
    Opt(
        "--data-tot",
        help="Bij --scenario prognose: prognose op data t/m dit kwartaal "
        "(JJJJ-Qn; standaard de laatste data).",
    ),
]


def _source(scenario: str, data_tot: str | None) -> Any:
    """The demand source: the prognose through the chain, or a chain scenario."""
    from migratieketen.plan.opvang.demand import PrognoseSource
    from migratieketen_cli.chain_commands import resolve_scenario

    if scenario == PROGNOSE:
        return PrognoseSource(data_tot)
    if data_tot is not None:
        raise _fail("--data-tot geldt alleen voor --scenario prognose.")
    return resolve_scenario(scenario, None)


def opvang(
    scenario: ScenarioOpt = "piek2015",
    data_tot: DataTotOpt = None,
    kandidaten: Annotated[
        Path | None,
        Opt(
            "--kandidaten", help="CSV met kandidaatlocaties (anders generiek per wijk)."
        ),
    ] = None,
    provincie: Annotated[
        str | None, Opt("--provincie", help="Provinciecode, bv. PV21.")
    ] = None,
    maanden: Annotated[int, Opt(help="Planhorizon in maanden.")] = 24,
    paden: Annotated[
        int, Opt(help="Aantal vraagpaden (runs van het ketenmodel).")
    ] = 100,
    seed: Annotated[
        int | None, Opt(help="Startwaarde (standaard die van het scenario).")
    ] = None,
    risicogewicht: Annotated[
        float, Opt(help="Gewicht op de CVaR van crisisplaatsmaanden.")
    ] = 0.0,
    beslisblok: Annotated[
        int, Opt(help="Maanden per beslisblok (1 = elke maand).")
    ] = 1,
    max_kandidaten: Annotated[
        int, Opt(help="Maximum aantal generieke kandidaten.")
    ] = 300,
    tijdslimiet: Annotated[float, Opt(help="Seconden per MIP-oplossing.")] = 60.0,
    afweging: Annotated[
        bool, Opt("--afweging", help="Voeg de kosten-risicogrens toe.")
    ] = False,
    batches: BatchesOpt = 1,
    backend: BackendOpt = Backend.local,
    adres: AdresOpt = None,
    fmt: Annotated[
        OpvangFormaat, Opt("--format", help="tabel, json, csv of xlsx (met --uitvoer).")
    ] = OpvangFormaat.tabel,
    uitvoer: Annotated[Path | None, Opt(help="Schrijf naar dit bestand.")] = None,
    data_dir: Annotated[Path | None, Opt("--data", help="Map met open data.")] = None,
) -> None:
    """Plan opvanglocaties: welke kandidaten open, waar, wanneer en hoe groot."""
    from migratieketen.chain.params import ChainConfigError
    from migratieketen.data import DataDirError, DataValidationError, default_data_dir
    from migratieketen.plan.highs import SolverError
    from migratieketen.plan.opvang import OpvangError, Settings, plan_opvang

    if fmt is OpvangFormaat.xlsx and uitvoer is None:
        raise _fail("--format xlsx schrijft een bestand: geef --uitvoer.")
    if not 1 <= batches <= max(paden, 1):
        raise _fail("--batches moet tussen 1 en --paden liggen.")
    if maanden < 1 or paden < 1 or beslisblok < 1 or max_kandidaten < 1:
        raise _fail(
            "--maanden, --paden, --beslisblok en --max-kandidaten moeten minstens 1 zijn."
        )
    try:
        text = (
            None if kandidaten is None else kandidaten.read_text(encoding="utf-8-sig")
        )
        settings = Settings(
            months=maanden, paths=paden, seed=seed, province=provincie, step=beslisblok,
            risk_weight=risicogewicht, time_limit=tijdslimiet, limit=max_kandidaten,
            with_frontier=afweging, batches=batches, backend=backend.value,
            address=adres or None,
        )  # fmt: skip
        result = plan_opvang(
            _source(scenario, data_tot), data_dir or default_data_dir(), settings,
            candidates_csv=text,
        )  # fmt: skip
    except (OpvangError, ChainConfigError, SolverError, DataDirError, DataValidationError,
            OSError, ValueError) as exc:  # fmt: skip
        raise _fail(str(exc)) from exc
    _emit(result.summary(), result.records(), fmt, uitvoer)


def _backtest_table(result: dict[str, Any]) -> None:
    console = Console()
    console.print(result["label"], highlight=False)
    used = result["prognose_per_beslismoment"]
    fallback = [m for m, u in used.items() if u != result["prognose"]]
    console.print(
        f"Prognose: {result['prognose']}"
        + (
            f" (random walk bij {', '.join(fallback)}: te weinig data)"
            if fallback
            else ""
        )
        + f"; rekentijd prognoses {result['rekentijd_prognose_s']} s.",
        highlight=False,
    )
    table = Table(title=f"Naspeling {result['venster'][0]} - {result['venster'][1]}")
    for col in ("beleid", "totale kosten", "crisis pl.mnd", "leegstand pl.mnd",
                "openingen", "sluitingen", "prop. overschr."):  # fmt: skip
        table.add_column(col)
    for r in result["beleid"]:
        v = r["proportionaliteit_overschrijdingen"]
        table.add_row(r["beleid"], _eur(r["totale_kosten"]), f"{r['crisisplaatsmaanden']:,.0f}",
                      f"{r['leegstand_plaatsmaanden']:,.0f}", f"{r['openingen']:.0f}",
                      f"{r['sluitingen']:.0f}", "n.v.t." if v is None else str(v))  # fmt: skip
    console.print(table)
    console.print(result["bron"], highlight=False)


def opvang_backtest(
    van: Annotated[int, Opt("--van", help="Eerste jaar (januari).")] = 2014,
    tot: Annotated[int, Opt("--tot", help="Laatste jaar (t/m december).")] = 2024,
    paden: Annotated[int, Opt(help="Vraagpaden per beslismoment.")] = 30,
    max_kandidaten: Annotated[int, Opt(help="Aantal generieke kandidaten.")] = 400,
    tijdslimiet: Annotated[float, Opt(help="Seconden per MIP-oplossing.")] = 20.0,
    prognose: Annotated[
        Prognose,
        Opt(
            "--prognose",
            help="Vraagprognose per beslismoment: motor (prognosemodel op de data van "
            "toen, door het ketenmodel) of randomwalk (eigen random walk op de "
            "bezetting).",
        ),
    ] = Prognose.motor,
    fmt: Annotated[
        OpvangFormaat, Opt("--format", help="tabel of json.")
    ] = OpvangFormaat.tabel,
    uitvoer: Annotated[Path | None, Opt(help="Schrijf naar dit bestand.")] = None,
    data_dir: Annotated[Path | None, Opt("--data", help="Map met open data.")] = None,
) -> None:
    """Naspeling: elk half jaar opnieuw plannen met alleen de kennis van toen."""
    from migratieketen.chain.params import ChainConfigError
    from migratieketen.data import DataDirError, default_data_dir
    from migratieketen.plan.highs import SolverError
    from migratieketen.plan.opvang import OpvangError
    from migratieketen.plan.opvang.backtest import BacktestSettings, run_backtest

    if tot < van:
        raise _fail("--tot moet op of na --van liggen.")
    settings = BacktestSettings(first=f"{van}-01", last=f"{tot}-12", paths=paden,
                                limit=max_kandidaten, time_limit=tijdslimiet,
                                forecast=prognose.value)  # fmt: skip
    try:
        result = run_backtest(data_dir or default_data_dir(), settings)
    except (
        OpvangError,
        ChainConfigError,
        SolverError,
        DataDirError,
        ValueError,
    ) as exc:
        raise _fail(str(exc)) from exc
    if fmt is OpvangFormaat.json:
        _write(json.dumps(result, ensure_ascii=False, indent=1) + "\n", uitvoer)
    elif fmt in (OpvangFormaat.csv, OpvangFormaat.xlsx):
        raise _fail("De naspeling kent alleen tabel en json.")
    else:
        _backtest_table(result)


def attach(app: typer.Typer) -> None:
    app.command(name="opvang")(opvang)
    app.command(name="opvang-backtest")(opvang_backtest)
