# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""A typed snapshot of one gemeente in one half-year, domain by domain.

Why typed parts instead of a bag of figures: the cross-domain signals must say exactly
which facts they combine, and a test must be able to build any combination by hand.
A part is None when its domain has no module or no data; a signal that needs it then
stays silent instead of guessing.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Wijk:
    code: str
    name: str
    inhabitants: int | None  # None: kept secret by CBS


@dataclass(frozen=True, slots=True)
class Housing:
    """Huisvestingswet 2014: the taakstelling ledger of the half-year."""

    half_year: str
    taakstelling: int
    opgave: int  # taakstelling + carried over
    realised: int
    remaining: int
    status: str  # rules.monitor.STATUSES
    achterstand: bool  # the monitor's one definition
    registered: bool  # False: nothing in the register, no verdict
    linked_by_peildatum: int | None  # COA koppelingen to the gemeente by the peildatum
    sources: tuple[str, ...] = ()

    @property
    def waiting_in_coa(self) -> int | None:
        """Linked to the gemeente by COA but not yet housed there (None: unknown)."""
        if self.linked_by_peildatum is None or not self.registered:
            return None
        return max(0, self.linked_by_peildatum - self.realised)


@dataclass(frozen=True, slots=True)
class Reception:
    """Spreidingswet: the gemeente's share of the reception places, and plans."""

    places: int  # target of the distribution
    amv: int
    raming: int
    # Planned reception places per wijk code (reception planner); None: no plan data.
    planned_per_wijk: Mapping[str, int] | None = None
    sources: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Inburgering:
    """Wet inburgering 2021: the register's aggregates (no person can be picked out)."""

    persons: int | None  # None: below the minimum cell on a public page
    per_route: Mapping[str, int | None]
    share_within_term: int | None  # percent
    without_route: int | None  # duty, but no route chosen yet
    cost: float | None  # spent, EUR
    budget: float | None  # the Rijk's money for these persons, EUR
    sources: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Market:
    """Woningmarkt model (SCHATTING): priority for statushouders against others."""

    priority_share: float
    urgency_category: bool
    statushouder_months_in_coa: float  # median over runs
    other_urgent_wait_months: float
    regular_wait_months: float
    coa_backlog_end: float
    verdringing_months: float  # extra months others wait per statushouder housed
    runs: int
    sources: tuple[str, ...] = ()
    assumptions: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class LabourMigrants:
    """Labour-migrant housing: beds per wijk (when a register exists)."""

    beds_per_wijk: Mapping[str, int]
    sources: tuple[str, ...] = ()

    @property
    def beds(self) -> int:
        return sum(self.beds_per_wijk.values())


@dataclass(frozen=True, slots=True)
class Lvv:
    """Landelijke Vreemdelingenvoorziening: places and trajectories in the region."""

    places: int | None
    participants: int | None
    sources: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Snapshot:
    code: str
    name: str
    half_year: str
    population: int | None
    wijken: tuple[Wijk, ...] = ()
    housing: Housing | None = None
    reception: Reception | None = None
    inburgering: Inburgering | None = None
    market: Market | None = None
    labour: LabourMigrants | None = None
    lvv: Lvv | None = None
    notes: tuple[str, ...] = field(default_factory=tuple)
