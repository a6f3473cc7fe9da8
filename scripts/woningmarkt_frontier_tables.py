# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Print the frontier tables of docs/woningmarkt.md (Markdown), so the doc can be redone.

    MIGRATIEKETEN_DATA_DIR=../shared/data uv run python scripts/woningmarkt_frontier_tables.py \
        [--gemeente GM0363 GM0984 GM0183] [--runs 200] [--seed 0]
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from migratieketen.data import load_dataset  # noqa: E402
from migratieketen.rules.huisvestingswet import HalfYear  # noqa: E402
from migratieketen.woningmarkt import Policy, build_markets, resolve_values  # noqa: E402
from migratieketen.woningmarkt.frontier import Frontier, FrontierPoint, frontier  # noqa: E402


def _num(value: float, decimals: int = 1) -> str:
    return f"{value:,.{decimals}f}"


def _row(p: FrontierPoint) -> str:
    m = p.metrics
    mark = "current (ASSUMPTION)" if p.current else ("yes" if p.efficient else "")
    return (
        f"| {p.priority_share * 100:.0f} % | {_num(p.tussenvoorziening_places, 0)} | "
        f"{_num(m['coa_months'])} | {_num(m['coa_cost'] / 1e6)} | "
        f"{_num(m['urgent_months'])} | {_num(m['regular_months'])} | "
        f"{m['realisation'] * 100:.0f} % | {mark} |"
    )


def table(front: Frontier) -> str:
    head = (
        "| priority | tussenvoorziening places | months in COA per statushouder | "
        "reception cost (EUR mln, 10 yr) | urgent seekers wait (months) | "
        "regular seekers wait (months) | taakstelling realised | efficient |\n"
        "|---|---|---|---|---|---|---|---|"
    )
    levels = sorted({p.tussenvoorziening_places for p in front.points})
    wanted_levels = (levels[0], levels[2], levels[-1])
    shares = {0, 5, 10, 15, 20, 25, 30}
    shown = [
        p
        for p in front.points
        if p.current
        or (
            p.tussenvoorziening_places in wanted_levels
            and round(p.priority_share * 100) in shares
            and (p.efficient or p.tussenvoorziening_places == levels[0])
        )
        or (p.tussenvoorziening_places == levels[0] and p.priority_share == 1.0)
    ]
    return "\n".join([head, *(_row(p) for p in shown)])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--gemeente", nargs="+", default=["GM0363", "GM0984", "GM0183"])
    ap.add_argument("--runs", type=int, default=200)
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args(argv)
    dataset = load_dataset(os.environ.get("MIGRATIEKETEN_DATA_DIR", "../shared/data"))
    values = resolve_values()
    markets = build_markets(
        dataset, args.gemeente, HalfYear(2026, 1), 20, values["future_vg"]
    )
    for market in markets:
        front = frontier(market, Policy(values["current_priority_share"]), runs=args.runs,
                         seed=args.seed)  # fmt: skip
        print(
            f"### {market.name} ({market.code})\n\n"
            f"{_num(market.corporation_stock, 0)} corporation dwellings, taakstelling "
            f"{market.taakstelling[0]} per half-year, urbanity class {market.urbanity}; "
            f"{args.runs} runs, seed {args.seed}.\n\n{table(front)}\n"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
