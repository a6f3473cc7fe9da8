# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Text, JSON and CSV renderings of woningmarkt results for the command line."""

from __future__ import annotations

import csv
import io
import json
import math
from collections.abc import Mapping
from typing import Any

from rich.console import Console
from rich.table import Table

from migratieketen.woningmarkt.frontier import Frontier, FrontierPoint
from migratieketen.woningmarkt.national import NationalFrontier
from migratieketen.woningmarkt.params import Parameter
from migratieketen.woningmarkt.report import FRONTIER_LABEL, LABEL
from migratieketen.woningmarkt.result import Band, WoningmarktResult


def number(value: float, decimals: int = 1) -> str:
    """Dutch notation: 1.234,5; a dash for a missing value."""
    if value is None or math.isnan(value):
        return "-"
    text = f"{value:,.{decimals}f}"
    return text.replace(",", "_").replace(".", ",").replace("_", ".")


def band_text(b: Band, decimals: int = 1, lower_bound: bool = False) -> str:
    prefix = "≥ " if lower_bound else ""
    if math.isnan(b.median):
        return "-"
    return f"{prefix}{number(b.median, decimals)} ({number(b.low, decimals)}-{number(b.high, decimals)})"


def _text(*renderables: Any) -> str:
    console = Console(file=io.StringIO(), width=140, record=True, color_system=None)
    for r in renderables:
        console.print(r, highlight=False, soft_wrap=isinstance(r, str))
    return console.export_text()


def _csv(rows: list[dict[str, Any]]) -> str:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=list(rows[0]), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return buf.getvalue()


def _waits_table(result: WoningmarktResult) -> Table:
    table = Table(title="Wachttijden in maanden: mediaan over de runs (90 %-band)")
    for col in (
        "Groep",
        "Mediaan",
        "p90",
        "Nog wachtend aan eind",
        "Mediaan bij toewijzing laatste jaar",
        "p90 bij toewijzing laatste jaar",
    ):
        table.add_column(col, justify="left" if col == "Groep" else "right")
    for g in result.groups.values():
        table.add_row(
            g.label,
            band_text(g.p50, lower_bound=g.p50_is_lower_bound),
            band_text(g.p90, lower_bound=g.p90_is_lower_bound),
            f"{number(g.censored_share * 100, 0)} %",
            band_text(g.p50_housed_last_year),
            band_text(g.p90_housed_last_year),
        )
    return table


def _ledger_table(result: WoningmarktResult) -> Table:
    table = Table(title="Taakstelling per halfjaar (Huisvestingswet 2014 art. 28-29)")
    for col in (
        "Halfjaar",
        "Taakstelling",
        "Opgave incl. saldo",
        "Gehuisvest",
        "Realisatie",
        "Saldo (achterstand +)",
    ):
        table.add_column(col, justify="right")
    for row in result.half_years:
        table.add_row(
            row.half_year,
            str(row.taakstelling),
            band_text(row.opgave, 0),
            band_text(row.realised, 0),
            f"{number(row.share.median * 100, 0)} %",
            band_text(row.carry_out, 0),
        )
    return table


def _coa_lines(result: WoningmarktResult) -> list[str]:
    c, v = result.coa, result.verdringing
    return [
        f"COA: gemiddeld {band_text(c['gemiddeld_bezette_plaatsen'], 0)} opvangplaatsen bezet door "
        f"statushouders die op een woning wachten; {band_text(c['maanden_in_coa_per_statushouder'])} "
        f"maanden per statushouder; achterstand aan het eind {band_text(c['achterstand_in_coa_aan_eind'], 0)}.",
        f"Opvangkosten over {result.years} jaar: EUR {band_text(Band(c['opvangkosten_euro'].median / 1e6, c['opvangkosten_euro'].low / 1e6, c['opvangkosten_euro'].high / 1e6), 1)} mln "
        "(Bron: COA-jaarverslag 2023 via NOS, EUR 30.400 per bewoner per jaar in reguliere opvang).",
        f"Verdringing: per statushouder met voorrang wachten andere urgent woningzoekenden samen "
        f"{band_text(v['urgent_maanden_per_statushouder'])} maanden langer en reguliere woningzoekenden "
        f"samen {band_text(v['regulier_maanden_per_statushouder'])} maanden (binnen de looptijd; "
        f"{band_text(v['statushouders_met_voorrang'], 0)} statushouders met voorrang).",
    ]


def _checks_line(result: WoningmarktResult) -> str:
    worst = max([*result.checks.values(), 0.0])
    little = max([*result.little.values(), 0.0])
    return (
        f"Controles in alle {result.runs} runs: behoud van personen en woningen (max. relatieve "
        f"afwijking {worst:.1e}), wet van Little (max. {little:.1e})."
    )


def result_text(result: WoningmarktResult, fmt: str) -> str:
    if fmt == "json":
        return json.dumps(result.to_dict(), ensure_ascii=False, indent=1) + "\n"
    if fmt == "csv":
        rows = [
            {"groep": k, "p50_maanden": g.p50.median, "p90_maanden": g.p90.median,
             "p50_ondergrens": g.p50_is_lower_bound, "p90_ondergrens": g.p90_is_lower_bound,
             "p50_toewijzing_laatste_jaar": g.p50_housed_last_year.median,
             "p90_toewijzing_laatste_jaar": g.p90_housed_last_year.median}
            for k, g in result.groups.items()
        ]  # fmt: skip
        return _csv(rows)
    head = (
        f"{result.name} ({result.code}): {result.policy.describe()}; {result.runs} runs, "
        f"{result.years} jaar per {'week' if result.steps_per_year == 52 else 'maand'}. {LABEL}"
    )
    tail = ["Bronnen:", *(f"  {_bron(s)}" for s in result.sources), "Aannames:"]
    tail += [f"  {a}" for a in result.assumptions]
    return _text(head, _waits_table(result), _ledger_table(result), *_coa_lines(result),
                 _checks_line(result), *tail)  # fmt: skip


def _bron(line: str) -> str:
    return line if line.startswith("Bron:") else f"Bron: {line}"


def _point_row(p: FrontierPoint) -> list[str]:
    m = p.metrics
    return [
        f"{number(p.priority_share * 100, 0)} %",
        number(p.tussenvoorziening_places, 0),
        number(m["coa_months"]),
        number(m["coa_cost"] / 1e6, 2),
        number(m["urgent_months"]),
        number(m["regular_months"]),
        f"{number(m['realisation'] * 100, 0)} %",
        "ja" if p.efficient else "",
        "huidig" if p.current else "",
    ]


def frontier_text(front: Frontier, fmt: str, all_points: bool = False) -> str:
    if fmt == "json":
        return json.dumps(front.to_dict(), ensure_ascii=False, indent=1) + "\n"
    if fmt == "csv":
        return _csv([p.to_dict() for p in front.points])
    table = Table(
        title=f"Pareto-front {front.name} ({front.code}), {front.runs} runs: efficiënte "
        "instellingen en het huidige beleid (gemiddelden, maanden)"
    )
    for col in (
        "Voorrang",
        "Tussenvoorz.",
        "COA-maanden",
        "Opvang mln",
        "Urgent",
        "Regulier",
        "Realisatie",
        "Efficiënt",
        "",
    ):
        table.add_column(col, justify="right")
    for p in front.points:
        if all_points or p.efficient or p.current:
            table.add_row(*_point_row(p))
    note = (
        "COA-maanden: gemiddeld aantal maanden in de opvang per statushouder na koppeling; "
        "Urgent/Regulier: gemaakte wachtmaanden binnen de looptijd per woningzoekende. "
        f"Huidig beleid: {front.current.describe()} (AANNAME tenzij opgegeven). "
        f"{FRONTIER_LABEL}"
    )
    return _text(table, note)


def national_text(nat: NationalFrontier, fmt: str) -> str:
    rows = nat.rows()
    if fmt == "csv":
        return _csv(rows)
    if fmt == "json":
        payload = {"runs": nat.runs, "seed": nat.seed, "punten": rows,
                   "rekentijd_seconden": round(nat.elapsed_seconds, 2)}  # fmt: skip
        return json.dumps(payload, ensure_ascii=False) + "\n"
    table = Table(
        title="Huidig beleid per gemeente (eerste 40; gebruik --format csv voor alles)"
    )
    for col in (
        "Gemeente",
        "COA-maanden",
        "Urgent",
        "Regulier",
        "Realisatie",
        "Efficiënt",
    ):
        table.add_column(col, justify="right")
    current = [r for r in rows if r["huidig_beleid"]][:40]
    for r in current:
        table.add_row(
            r["gemeente"], number(r["maanden_in_coa_per_statushouder"]),
            number(r["wachttijd_urgent_maanden"]), number(r["wachttijd_regulier_maanden"]),
            f"{number(r['realisatie_taakstelling'] * 100, 0)} %", "ja" if r["efficient"] else "nee",
        )  # fmt: skip
    return _text(table, f"Rekentijd {nat.elapsed_seconds:.1f} s. {FRONTIER_LABEL}")


def parameters_text(params: Mapping[str, Parameter], fmt: str) -> str:
    rows = [p.to_dict() for p in params.values()]
    if fmt == "json":
        return json.dumps(rows, ensure_ascii=False, indent=1) + "\n"
    if fmt == "csv":
        return _csv(rows)
    table = Table(title="Parameters van het woningmarktmodel")
    for col in ("Naam", "Waarde", "Eenheid", "Soort", "Spreiding", "Bron"):
        table.add_column(col)
    for p in params.values():
        kind = "AANNAME" if p.kind == "ASSUMPTION" else p.kind
        table.add_row(p.name, f"{p.value:g}", p.unit, kind, p.spread_text(), p.source)
    return _text(table)
