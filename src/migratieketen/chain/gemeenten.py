# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Per-gemeente inputs of the chain model: taakstelling share and housing stock.

The housing outflow is distributed by each gemeente's taakstelling share, which is its
population share (Huisvestingswet 2014 art. 29 lid 1, BWBR0035303,
https://wetten.overheid.nl/BWBR0035303/#Hoofdstuk5_Paragraaf1_Artikel29), computed by
`migratieketen.rules.huisvestingswet.population_shares`. Housing supply per gemeente
starts from its corporation dwellings (KWB 2022: woningvoorraad x % corporatie).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np
import numpy.typing as npt

from migratieketen.chain.params import ChainConfigError


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
    from migratieketen.rules.huisvestingswet import population_shares

    return {c: float(s) for c, s in population_shares(populations).items()}


@cache
def _load(data_dir: str, population_year: int) -> GemeenteInputs:
    from migratieketen.data import load_dataset

    try:
        dataset = load_dataset(data_dir)
    except ValueError as exc:  # DataDirError / DataValidationError, Dutch messages
        raise ChainConfigError(str(exc)) from exc
    gemeenten = dataset.gemeenten
    missing = [g.code for g in gemeenten if population_year not in g.population]
    if missing:
        raise ChainConfigError(
            f"Geen inwonertal {population_year} voor {', '.join(missing[:5])}."
        )
    pops = {g.code: g.population[population_year] for g in gemeenten}
    shares = taakstelling_shares(pops)
    corp = np.array(
        [
            float("nan")
            if g.indicators.get("woningvoorraad") is None
            or g.indicators.get("pct_huurwoningen_corporatie") is None
            else float(g.indicators["woningvoorraad"] or 0)
            * float(g.indicators["pct_huurwoningen_corporatie"] or 0)
            / 100
            for g in gemeenten
        ]
    )
    pop_arr = np.array([pops[g.code] for g in gemeenten], dtype=np.float64)
    # 0 % corporation dwellings (Ameland, Renswoude in KWB 2022: their rental stock
    # belongs to other landlords) would mean no housing at all; treated as missing.
    known = np.isfinite(corp) & (corp > 0)
    ratio = corp[known].sum() / pop_arr[known].sum()
    corp[~known] = pop_arr[~known] * ratio
    return GemeenteInputs(
        codes=tuple(g.code for g in gemeenten),
        names=tuple(g.name for g in gemeenten),
        share=np.array([shares[g.code] for g in gemeenten]),
        corporation_dwellings=corp,
        population=pop_arr,
    )


def load_gemeente_inputs(
    data_dir: Path | str, population_year: int = 2024
) -> GemeenteInputs:
    """Gemeenten of the current division with taakstelling share and corporation
    dwellings, from the data layer (`migratieketen.data.load_dataset`: population and
    KWB indicators 'woningvoorraad' x 'pct_huurwoningen_corporatie'). A gemeente
    without those indicators (or with 0 %) gets the national dwellings-per-inhabitant
    ratio.
    """
    return _load(str(Path(data_dir).resolve()), population_year)


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
