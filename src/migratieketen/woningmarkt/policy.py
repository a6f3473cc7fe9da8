# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""The policy levers of a gemeente and the time series they produce.

* priority_share: share of all lettings offered to statushouders with priority (contingent,
  "directe bemiddeling"), 0-100 %; what they do not use returns to the other channels;
* urgency_category: statushouders also compete in the urgent quota (the original art. 12
  lid 3 Huisvestingswet 2014 made them an urgency category until 2017);
* tussenvoorzieningen: temporary places for statushouders (start, duration), which take them
  out of COA reception while they keep their place in the queue for a regular home;
* persons_per_dwelling: shared housing (more statushouders per letting);
* new-build: extra corporation dwellings (first letting at completion, then turnover).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from migratieketen.woningmarkt.params import WoningmarktError

F64 = npt.NDArray[np.float64]
WEEKS_PER_YEAR = 52


@dataclass(frozen=True, slots=True)
class Tussenvoorziening:
    """Places for statushouders from `start_week` for `weeks` (None: to the end)."""

    places: float
    start_week: int = 0
    weeks: int | None = None


@dataclass(frozen=True, slots=True)
class NewBuild:
    """Corporation dwellings completed in week `week` (first lettings, then stock)."""

    dwellings: float
    week: int


@dataclass(frozen=True, slots=True)
class Policy:
    priority_share: float = 0.0
    urgency_category: bool = False
    tussenvoorzieningen: tuple[Tussenvoorziening, ...] = ()
    persons_per_dwelling: float | None = None  # None: the parameter (with its spread)
    extra_new_build_per_year: float = 0.0  # dwellings per year, spread evenly
    new_build: tuple[NewBuild, ...] = ()
    label: str = ""

    def validate(self) -> Policy:
        """Raise a Dutch error for an impossible lever; return self for chaining."""
        if not 0.0 <= self.priority_share <= 1.0 or math.isnan(self.priority_share):
            raise WoningmarktError(
                f"Voorrang moet tussen 0 en 1 liggen (0-100 % van de verhuringen), "
                f"niet {self.priority_share:g}."
            )
        for tv in self.tussenvoorzieningen:
            if (
                tv.places < 0
                or tv.start_week < 0
                or (tv.weeks is not None and tv.weeks <= 0)
            ):
                raise WoningmarktError(
                    "Tussenvoorziening: plaatsen en startweek moeten >= 0 zijn en de "
                    "looptijd > 0 weken."
                )
        if self.persons_per_dwelling is not None and not (
            0.5 <= self.persons_per_dwelling <= 8
        ):
            raise WoningmarktError(
                "Personen per woning (woningdelen) moet tussen 0,5 en 8 liggen."
            )
        if self.extra_new_build_per_year < 0 or any(
            nb.dwellings < 0 or nb.week < 0 for nb in self.new_build
        ):
            raise WoningmarktError("Extra nieuwbouw kan niet negatief zijn.")
        return self

    @property
    def tussenvoorziening_places(self) -> float:
        """Places at the start (the number shown on a frontier axis)."""
        return sum(tv.places for tv in self.tussenvoorzieningen if tv.start_week == 0)

    def capacity(self, steps: int, steps_per_year: int) -> F64:
        """Tussenvoorziening places available in each step."""
        out = np.zeros(steps)
        scale = steps_per_year / WEEKS_PER_YEAR
        for tv in self.tussenvoorzieningen:
            start = int(round(tv.start_week * scale))
            end = (
                steps
                if tv.weeks is None
                else start + max(1, int(round(tv.weeks * scale)))
            )
            out[start:end] += tv.places
        return out

    def completions(self, steps: int, steps_per_year: int) -> F64:
        """New corporation dwellings completed in each step."""
        out = np.full(steps, self.extra_new_build_per_year / steps_per_year)
        scale = steps_per_year / WEEKS_PER_YEAR
        for nb in self.new_build:
            step = int(round(nb.week * scale))
            if step < steps:
                out[step] += nb.dwellings
        return out

    def describe(self) -> str:
        """A short Dutch label: 'voorrang 30 %, urgentie, 200 tussenvoorzieningsplaatsen'."""
        parts = [f"voorrang {self.priority_share * 100:.0f} %"]
        if self.urgency_category:
            parts.append("urgentiecategorie")
        if self.tussenvoorzieningen:
            parts.append(
                f"{self.tussenvoorziening_places:g} plaatsen tussenvoorziening"
            )
        if self.persons_per_dwelling is not None:
            parts.append(f"{self.persons_per_dwelling:g} personen per woning")
        if self.extra_new_build_per_year or self.new_build:
            parts.append("extra nieuwbouw")
        return ", ".join(parts)
