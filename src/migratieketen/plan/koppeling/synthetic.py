# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""SYNTHETIC arrival streams for backtests and demos: no real household is in them.

Drawn from public distributions where they exist: nationality from CBS permits
2016 - 2022-H1, nareizigers from the CBS ratio to first requests (2023), the COA
region and the gemeente of a family tie in proportion to population (CBS KWB).
Where no public figure exists the value is an ASSUMPTION, named in `ASSUMPTIONS`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import numpy as np

from migratieketen.plan.koppeling.aggregates import nareiziger_share, permit_shares
from migratieketen.plan.koppeling.model import Gemeenten, Household

LABEL = "SYNTHETISCH: getrokken uit openbare verdelingen, geen echte huishoudens"

# Household size of a statushouder household on linking. ASSUMPTION: no public table
# of household sizes of linked statushouders was found; singles dominate (young men
# travel first, families follow as nareizigers), mean about 2.2 persons.
SIZE_SHARES = {1: 0.52, 2: 0.13, 3: 0.11, 4: 0.10, 5: 0.08, 6: 0.04, 7: 0.02}
ASSUMPTIONS = (
    "AANNAME huishoudgrootte: 52% 1, 13% 2, 11% 3, 10% 4, 8% 5, 4% 6, 2% 7 personen "
    "(geen openbare tabel gevonden; alleenstaanden reizen vaak eerst).",
    "AANNAME volwassenen: een huishouden van 2+ personen heeft 2 volwassenen met kans "
    "0,75, anders 1 (eenoudergezin).",
    "AANNAME een kwart van de nareizigers komt als eigen huishouden na de koppeling van "
    "de referent en moet naar diens gemeente (gemeente_verplicht).",
    "AANNAME 3% van de huishoudens heeft een verplichte provincie (baan, studie, zorg).",
    "AANNAME hoofd van het huishouden: alleenstaanden 75% man; leeftijd 18-29 45%, "
    "30-44 40%, 45+ 15%.",
)
LATE_NAREIZIGER_FRACTION = 0.25
REGION_SHARE = 0.03


@dataclass(frozen=True, slots=True)
class StreamSpec:
    households: int
    start: date
    days: int
    seed: int


def _weights(values: np.ndarray) -> np.ndarray:
    return values / values.sum()


def synthetic_stream(
    spec: StreamSpec, gemeenten: Gemeenten, population: np.ndarray, data_dir: Path
) -> tuple[Household, ...]:
    """`spec.households` households with arrival days spread uniformly over the period."""
    rng = np.random.default_rng(spec.seed)
    n = spec.households
    shares = permit_shares(data_dir)
    nats = list(shares)
    nat = rng.choice(len(nats), size=n, p=_weights(np.array(list(shares.values()))))
    sizes = np.array(list(SIZE_SHARES))
    persons = rng.choice(
        sizes, size=n, p=_weights(np.array(list(SIZE_SHARES.values())))
    )
    adults = np.where((persons >= 2) & (rng.random(n) < 0.75), 2, 1)
    days = np.sort(rng.integers(0, spec.days, size=n))
    pop_w = _weights(population.astype(np.float64))
    tie = rng.random(n) < nareiziger_share(data_dir) * LATE_NAREIZIGER_FRACTION
    region = rng.random(n) < REGION_SHARE
    tie_g = rng.choice(len(gemeenten.codes), size=n, p=pop_w)
    home_g = rng.choice(len(gemeenten.codes), size=n, p=pop_w)
    coa = gemeenten.coa_regions()
    male = rng.random(n) < np.where(persons == 1, 0.75, 0.55)
    age = rng.choice(["18-29", "30-44", "45+"], size=n, p=[0.45, 0.40, 0.15])
    out = []
    for i in range(n):
        out.append(
            Household(
                id=f"SYN-{spec.seed}-{i:05d}",
                arrival=spec.start + timedelta(days=int(days[i])),
                persons=int(persons[i]),
                adults=int(min(adults[i], persons[i])),
                gemeente_verplicht=gemeenten.codes[tie_g[i]] if tie[i] else "",
                regio_verplicht=gemeenten.provinces[tie_g[i]]
                if region[i] and not tie[i]
                else "",
                coa_regio=coa[home_g[i]],
                groups={
                    "geslacht_hoofd": "man" if male[i] else "vrouw",
                    "leeftijdsklasse": str(age[i]),
                    "nationaliteitsgroep": nats[nat[i]],
                },
            )
        )
    return tuple(out)
