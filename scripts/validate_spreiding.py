# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Measure the Spreidingswet distribution against the published figures, per variant.

    uv run python scripts/validate_spreiding.py [--referentie ../shared/reference]
        [--data ../shared/data] [--json uitvoer.json] [--vormen]

Prints, in Markdown, the mean absolute percentage error (MAPE) of every variant
(population only, KWB estimate, SES-WOA from the CBS postcode file, the CBS gemeente
table when present) on the published gemeente and province figures, and the error of
each figure. `--json FILE` scores the output of
`migratieketen spreiding --raming 96000 --format json` instead. `--vormen` adds the
candidate forms of the SES weighting. Figures reconstructed from the 3-decimal implied
factors in the reference notes are scored separately: they are not published numbers.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from migratieketen.data import load_dataset  # noqa: E402
from migratieketen.data.population_history import population_on  # noqa: E402
from migratieketen.rules import spreiding_validation as sv  # noqa: E402

# rules.md §2.2 quotes implied factors published / (96,000 x pop 1-1-2023 / 17,811,291)
# to 3 decimals for gemeenten whose figures are otherwise held back. The figure they
# imply is known to within about ±0.05 % of the population share (±2 places for
# Rotterdam), so it is scored apart from the exact published numbers.
IMPLIED_FACTORS = {
    "Enschede": "0.734",
    "Rotterdam": "0.745",
    "Groningen": "0.755",
    "'s-Gravenhage": "0.828",
    "Utrecht": "1.002",
    "Haarlem": "1.080",
    "Ede": "1.093",
}
NL_2023 = 17_811_291


def reconstructed(data_dir: Path) -> dict[str, int]:
    from datetime import date
    from fractions import Fraction

    table = population_on(date(2023, 1, 1), data_dir)
    by_name = {n: c for c, n in table.names.items()}
    return {
        name: round(Fraction(f) * 96000 * table.populations[by_name[name]] / NL_2023)
        for name, f in IMPLIED_FACTORS.items()
    }


def _mean(value: float) -> str:
    return "–" if value != value else f"**{value:.2f} %**"  # nan: no figures


def _pct(e: sv.FigureError) -> str:
    return f"{e.computed:,} ({e.pct:+.1f} %)".replace(",", ".")


def variant_table(reports: list[sv.VariantReport], extra: sv.Published) -> str:
    shown = [r for r in reports if r.available]
    head = "| figuur | gepubliceerd | " + " | ".join(r.label for r in shown) + " |"
    lines = [head, "|---" * (2 + len(shown)) + "|"]
    for kind in ("gemeenten", "provinces"):
        for i, err in enumerate(getattr(shown[0], kind)):
            cells = [_pct(getattr(r, kind)[i]) for r in shown]
            derived = " (afgeleid)" if err.name in extra.derived_provinces else ""
            pub = f"{err.published:,}".replace(",", ".")
            lines.append(f"| {err.name}{derived} | {pub} | " + " | ".join(cells) + " |")
    lines.append(
        "| **MAPE gemeenten** | | "
        + " | ".join(_mean(r.mape_gemeenten) for r in shown)
        + " |"
    )
    lines.append(
        "| **MAPE provincies** | | "
        + " | ".join(_mean(r.mape_provinces) for r in shown)
        + " |"
    )
    missing = [r.label for r in reports if not r.available]
    if missing:
        lines.append("")
        lines.append(f"Niet beschikbaar in de data-map: {', '.join(missing)}.")
    return "\n".join(lines)


def score_json(path: Path, published: sv.Published) -> str:
    doc = json.loads(path.read_text(encoding="utf-8"))
    places = {r["gemeentenaam"]: r["plaatsen"] for r in doc["gemeenten"]}
    errors = [
        sv.FigureError(n, p, places[n])
        for n, p in published.gemeenten.items()
        if n in places
    ]
    rows = [
        f"- {e.name}: gepubliceerd {e.published}, berekend {_pct(e)}" for e in errors
    ]
    rows.append(f"MAPE gemeenten: {sv.mape(errors):.2f} % ({len(errors)} cijfers)")
    rows.append(f"Som: {sum(places.values())}; SES-WOA: {doc.get('ses_woa_bron')}")
    return "\n".join(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--referentie", type=Path, default=REPO.parent / "shared" / "reference"
    )
    parser.add_argument("--data", type=Path, default=None)
    parser.add_argument("--json", type=Path, default=None)
    parser.add_argument("--vormen", action="store_true")
    args = parser.parse_args()
    data_dir = args.data or Path(
        os.environ.get("MIGRATIEKETEN_DATA_DIR", REPO.parent / "shared" / "data")
    )
    published = sv.read_published(args.referentie / "tables")
    if args.json is not None:
        print(score_json(args.json, published))
        return
    names = {p.code: p.name for p in load_dataset(data_dir).provinces}
    reports = sv.validate(data_dir, published, names)
    print(variant_table(reports, published))
    recon = sv.Published(reconstructed(data_dir), {}, frozenset())
    print(
        "\nGereconstrueerd uit de impliciete factoren (geen gepubliceerde getallen):\n"
    )
    print(variant_table(sv.validate(data_dir, recon, names), recon))
    if args.vormen:
        print(
            "\n| vorm van de weging | MAPE gemeenten | MAPE provincies | "
            "MAPE gereconstrueerd |\n|---|---|---|---|"
        )
        forms = sv.candidate_forms(data_dir, published, names)
        recon_forms = sv.candidate_forms(data_dir, recon, names)
        for f, r in zip(forms, recon_forms, strict=True):
            print(
                f"| {f.form} | {f.mape_gemeenten:.2f} % | {f.mape_provinces:.2f} % | "
                f"{r.mape_gemeenten:.2f} % |"
            )


if __name__ == "__main__":
    main()
