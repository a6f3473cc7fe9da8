# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Calibrate the chain model on history up to mid-2023 and print the averaged relative
difference (ARD, the Flee metric) against the published COA occupancy and statushouder
figures. Figures published later can be passed with --validatie (CSV: month,series,value).

After the cut-off the model is a replay with the observed inflow and IND decisions
("naspeling met waargenomen instroom"), not a forecast: its later figures test the
calibrated parameters, not a prediction of the inflow.

    uv run python scripts/validate_chain.py [--validatie later.csv] [--runs 1000]

Same as `migratieketen simuleer valideer`.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from migratieketen.chain.calibration import (  # noqa: E402
    read_validation_csv,
    validation_report,
)


def format_report(report: dict) -> str:
    lines = ["Kalibratie (parameter: gekalibreerd / standaard):"]
    for name, v in report["calibrated"].items():
        lines.append(f"  {name:34s} {v['value']:10.4g} / {v['default']:.4g}")
    lines.append("")
    lines.append("Waarneming vs. simulatie (mediaan van het ensemble):")
    for r in report["rows"]:
        rel = abs(r["simulated_p50"] - r["observed"]) / r["observed"]
        lines.append(
            f"  {r['month']}  {r['series']:20s} waargenomen {r['observed']:8.0f}  "
            f"gesimuleerd {r['simulated_p50']:8.0f}  ({rel:5.1%})"
        )
    per = report["ard_in_sample_per_series"]
    lines.append("")
    lines.append(
        f"ARD (gemiddeld relatief verschil) t/m kalibratiegrens: "
        f"{report['ard_in_sample']:.3f}  (COA totaal {per['coa_total']:.3f}, "
        f"statushouders {per['coa_statushouders']:.3f}; "
        f"{report['runs']} runs)"
    )
    if report["ard_out_of_sample"] is not None:
        o = report["ard_out_of_sample_per_series"]
        lines.append(
            "ARD na de kalibratiegrens (--validatie; naspeling met waargenomen "
            f"instroom, geen voorspelling): {report['ard_out_of_sample']:.3f} "
            f"(COA totaal {o['coa_total']:.3f}, statushouders "
            f"{o['coa_statushouders']:.3f})"
        )
    lo, hi = report["percentile_band"]
    lines.append("")
    lines.append(
        f"Naspeling met waargenomen instroom na de kalibratiegrens "
        f"(p{lo:g} / p50 / p{hi:g}; geen voorspelling: instroom en beslissingen zijn "
        f"de waargenomen cijfers):"
    )
    for p in report["replay_after_cutoff"]:
        lines.append(
            f"  {p['month']}  COA totaal {p['coa_total_p_low']:7.0f} / "
            f"{p['coa_total_p50']:7.0f} / {p['coa_total_p_high']:7.0f}   "
            f"statushouders {p['coa_statushouders_p_low']:6.0f} / "
            f"{p['coa_statushouders_p50']:6.0f} / {p['coa_statushouders_p_high']:6.0f}"
        )
    lines.append(
        f"Behoud van personen: max. afwijking {report['max_imbalance_persons']:.2e}"
    )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    default_data = os.environ.get(
        "MIGRATIEKETEN_DATA_DIR", str(REPO.parent / "shared" / "data")
    )
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data-dir", default=default_data)
    ap.add_argument("--kalibratie-tot", default="2023-06")
    ap.add_argument("--tot", default="2024-12")
    ap.add_argument("--runs", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--validatie", help="CSV met later gepubliceerde cijfers")
    args = ap.parse_args(argv)
    data_dir = Path(args.data_dir)
    later = read_validation_csv(args.validatie) if args.validatie else []
    report = validation_report(
        data_dir,
        data_dir.parent,
        args.kalibratie_tot,
        args.tot,
        args.runs,
        args.seed,
        later,
    )
    print(format_report(report))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
