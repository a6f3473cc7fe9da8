# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Per-gemeente inputs of the chain model: taakstelling share and housing stock.

The housing outflow is distributed by each gemeente's taakstelling share, which is its
population share (Huisvestingswet 2014 art. 29 lid 1, BWBR0035303,
https://wetten.overheid.nl/BWBR0035303/#Hoofdstuk5_Paragraaf1_Artikel29), computed by
`migratieketen.rules.huisvestingswet.compute_taakstelling`. Housing supply per gemeente
starts from its corporation dwellings (KWB 2022: woningvoorraad x % corporatie).
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import numpy.typing as npt

from migratieketen.chain.params import ChainConfigError

GEMEENTEN_FILE = "gemeenten_2024.csv"
KWB_FILE = "gemeenten_kwb2022_indicatoren.csv"
SHARE_VG = 1_000_000  # a large vg, only to read the exact art. 29 shares


@dataclass(frozen=True, slots=True, eq=False)
class GemeenteInputs:
    codes: tuple[str, ...]
    names: tuple[str, ...]
    share: npt.NDArray[np.float64]  # taakstelling share, sums to 1
    corporation_dwellings: npt.NDArray[np.float64]
    population: npt.NDArray[np.float64]

    def __len__(self) -> int:
        return len(self.codes)


def taakstelling_shares(populations: dict[str, int]) -> dict[str, float]:
    """Exact art. 29 shares iG / iN (the fraction before rounding) per gemeente."""
    from migratieketen.rules.huisvestingswet import compute_taakstelling

    result = compute_taakstelling(SHARE_VG, populations, rounding="largest_remainder")
    return {c: float(g.exact) / SHARE_VG for c, g in result.per_gemeente.items()}


def _read(path: Path) -> list[dict[str, str]]:
    if not path.exists():
        raise ChainConfigError(f"Gegevensbestand {path} ontbreekt.")
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def load_gemeente_inputs(
    data_dir: Path | str, population_year: int = 2024
) -> GemeenteInputs:
    """Gemeenten of the 2024 division with share and corporation dwellings.

    Integration point: when `migratieketen.data.load_dataset` exists this reads
    Gemeente.population and indicators['woningvoorraad'/'pct_huurwoningen_corporatie'];
    until then the two CSVs are read here. A gemeente without a KWB 2022 row (merged
    since) gets the national dwellings-per-inhabitant ratio times its population.
    """
    data_dir = Path(data_dir)
    rows = _read(data_dir / GEMEENTEN_FILE)
    column = f"inwoners_{population_year}"
    if not rows or column not in rows[0]:
        raise ChainConfigError(f"{GEMEENTEN_FILE}: kolom '{column}' ontbreekt.")
    codes = tuple(r["gemeentecode"] for r in rows)
    names = tuple(r["gemeentenaam"] for r in rows)
    pops = {r["gemeentecode"]: int(r[column]) for r in rows}
    shares = taakstelling_shares(pops)
    kwb = {r["gemeentecode_2022"]: r for r in _read(data_dir / KWB_FILE)}
    corp: list[float] = []
    for code in codes:
        rec = kwb.get(code, {})
        try:
            value = (
                float(rec["woningvoorraad"])
                * float(rec["pct_huurwoningen_corporatie"])
                / 100
            )
        except (TypeError, ValueError, KeyError):
            value = float("nan")
        corp.append(value)
    corp_arr = np.array(corp)
    pop_arr = np.array([pops[c] for c in codes], dtype=np.float64)
    known = np.isfinite(corp_arr)
    ratio = corp_arr[known].sum() / pop_arr[known].sum()
    corp_arr[~known] = pop_arr[~known] * ratio
    return GemeenteInputs(
        codes=codes,
        names=names,
        share=np.array([shares[c] for c in codes]),
        corporation_dwellings=corp_arr,
        population=pop_arr,
    )


def synthetic_gemeenten(n: int, seed: int = 0) -> GemeenteInputs:
    """`n` made-up gemeenten with a realistic size spread: for tests and benchmarks
    that must not depend on the data folder."""
    rng = np.random.default_rng(seed)
    pop = np.round(rng.lognormal(np.log(30_000), 0.9, n)) + 1000
    return GemeenteInputs(
        codes=tuple(f"GM{i:04d}" for i in range(n)),
        names=tuple(f"Gemeente {i}" for i in range(n)),
        share=pop / pop.sum(),
        corporation_dwellings=pop * 0.13,
        population=pop,
    )
