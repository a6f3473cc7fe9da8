# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""The koppeling problem as plain typed objects: households, gemeenten, scores.

Everything is indexed: household i is row i of the score matrix, gemeente g column g.
Households are kept in arrival order (ties by id), the order every online policy sees.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

import numpy as np
from numpy.typing import NDArray

FloatArray = NDArray[np.float64]
IntArray = NDArray[np.int64]
BoolArray = NDArray[np.bool_]

UNASSIGNED = -1
GROUP_ATTRIBUTES = (
    "geslacht_hoofd",
    "leeftijdsklasse",
    "huishoudtype",
    "nationaliteitsgroep",
)


class KoppelingError(ValueError):
    """Invalid input for a koppeling (message in Dutch for users)."""


@dataclass(frozen=True, slots=True)
class Household:
    """A statushouder household under a pseudonymous id; no personal data."""

    id: str
    arrival: date
    persons: int
    adults: int
    gemeente_verplicht: str = ""  # GM code: first-degree family, care, ...
    regio_verplicht: str = ""  # PV code: job contract, study place, ...
    coa_regio: str = ""  # COA region (1-5) the household is in; status-quo proxy only
    # Reporting only (fairness table); never used to compute a score or an assignment.
    groups: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Gemeenten:
    codes: tuple[str, ...]
    names: tuple[str, ...]
    provinces: tuple[str, ...]  # PV code per gemeente
    capacity: IntArray  # persons for the planning period
    capacity_source: str

    def index(self) -> dict[str, int]:
        return {c: i for i, c in enumerate(self.codes)}

    def coa_regions(self) -> tuple[str, ...]:
        return tuple(COA_REGION_OF_PROVINCE.get(p, "") for p in self.provinces)


# COA's five regions (coa.nl, huisvesting vergunninghouders), by province code.
COA_REGION_OF_PROVINCE: dict[str, str] = {
    "PV20": "1",  # Groningen
    "PV21": "1",  # Fryslân
    "PV22": "1",  # Drenthe
    "PV23": "2",  # Overijssel
    "PV25": "2",  # Gelderland
    "PV24": "3",  # Flevoland
    "PV26": "3",  # Utrecht
    "PV27": "3",  # Noord-Holland
    "PV28": "4",  # Zuid-Holland
    "PV29": "4",  # Zeeland
    "PV30": "5",  # Noord-Brabant
    "PV31": "5",  # Limburg
}


@dataclass(frozen=True, slots=True)
class ScoreModel:
    """Outcome score per household x gemeente, with where it comes from.

    `values[i, g]` is NaN where no score was given (the pair is then not allowed).
    The default model also keeps its factors so each recommendation can show them.
    """

    values: FloatArray
    source: str  # "bestand" or "illustratief"
    label: str
    formula: str
    household_factors: Mapping[str, FloatArray] = field(default_factory=dict)
    gemeente_factors: Mapping[str, FloatArray] = field(default_factory=dict)
    provenance: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Problem:
    households: tuple[Household, ...]
    gemeenten: Gemeenten
    scores: ScoreModel
    period_start: date
    period_end: date
    notes: tuple[str, ...] = ()

    @property
    def n(self) -> int:
        return len(self.households)

    @property
    def persons(self) -> FloatArray:
        return np.array([h.persons for h in self.households], dtype=np.float64)

    def allowed(self) -> BoolArray:
        """Pairs a household may be linked to: a score and its hard constraints."""
        ok = np.isfinite(self.scores.values)
        index = self.gemeenten.index()
        provinces = np.array(self.gemeenten.provinces)
        for i, h in enumerate(self.households):
            if h.gemeente_verplicht:
                only = np.zeros(len(index), dtype=bool)
                if h.gemeente_verplicht in index:
                    only[index[h.gemeente_verplicht]] = True
                ok[i] &= only
            if h.regio_verplicht:
                ok[i] &= provinces == h.regio_verplicht
        return ok


@dataclass(frozen=True, slots=True)
class Assignment:
    """The outcome of one policy: a gemeente index per household or UNASSIGNED."""

    policy: str
    gemeente: IntArray
    reasons: Mapping[int, str]
    seconds: float
    batch_seconds: tuple[float, ...] = ()
    # Per decision batch: the capacity left before it and the capacity prices used.
    batch_of: IntArray | None = None
    remaining_before: FloatArray | None = None
    prices: FloatArray | None = None
    upper_bound: float | None = None  # LP bound (hindsight only)
    method: str = ""  # how the optimum was computed, in Dutch (hindsight only)

    def total(self, scores: FloatArray) -> float:
        placed = self.gemeente >= 0
        rows = np.nonzero(placed)[0]
        return float(np.nansum(scores[rows, self.gemeente[rows]]))

    def received(self, persons: FloatArray, n_gemeenten: int) -> FloatArray:
        placed = self.gemeente >= 0
        return np.bincount(
            self.gemeente[placed], weights=persons[placed], minlength=n_gemeenten
        ).astype(np.float64)
