# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""The planner's norms as dated parameters (`normen.yaml`), each with status and source.

A norm is read for the plan's date, so an old plan can be recomputed with the norms of
its time. Users may override a value (a province with its own wijk share); the override
is then reported as "gebruiker" instead of the file's source.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

import yaml

NORMS_FILE = Path(__file__).parent / "normen.yaml"
TYPES: tuple[str, ...] = ("regulier", "kleinschalig", "flexibel", "noodopvang")
TYPE_LABELS = {
    "regulier": "regulier azc",
    "kleinschalig": "kleinschalig",
    "flexibel": "flexibel/modulair",
    "noodopvang": "noodopvang",
}
MONTHS_PER_YEAR = 12


class OpvangError(ValueError):
    """Invalid input for the opvangplanner (message in Dutch for users)."""


@dataclass(frozen=True, slots=True)
class Norm:
    name: str
    value: Any
    start: date
    status: str  # "bron", "ASSUMPTION" or "gebruiker"
    source: str
    description: str

    def record(self) -> dict[str, Any]:
        return {
            "naam": self.name,
            "waarde": self.value,
            "geldig_vanaf": self.start.isoformat(),
            "status": self.status,
            "bron": self.source,
        }


@cache
def _raw() -> dict[str, Any]:
    with NORMS_FILE.open(encoding="utf-8") as fh:
        return dict(yaml.safe_load(fh))


def norm_at(name: str, at: date) -> Norm:
    spec = _raw().get(name)
    if spec is None:
        raise OpvangError(f"Onbekende norm '{name}'.")
    starts = sorted(d for d in spec["values"] if d <= at)
    if not starts:  # before the first value: the earliest known value, as an assumption
        starts = [min(spec["values"])]
    entry = spec["values"][starts[-1]]
    return Norm(
        name,
        entry["value"],
        starts[-1],
        str(entry["status"]),
        str(entry["source"]),
        str(spec["description"]),
    )


@dataclass(frozen=True, slots=True)
class Norms:
    """All norms in force on one date, with per-type tables as dicts."""

    at: date
    items: dict[str, Norm] = field(default_factory=dict)

    def __getitem__(self, name: str) -> Any:
        return self.items[name].value

    def per_type(self, name: str, kind: str) -> float:
        return float(self.items[name].value[kind])

    def month_cost(self, kind: str) -> float:
        """Occupied place-month cost of a type."""
        return self.per_type("kosten_bezet_per_jaar", kind) / MONTHS_PER_YEAR

    def empty_cost(self, kind: str) -> float:
        return self.month_cost(kind) * float(self["leegstand_fractie"])

    @property
    def crisis_month_cost(self) -> float:
        return float(self["crisis_per_jaar"]) / MONTHS_PER_YEAR

    def records(self) -> list[dict[str, Any]]:
        return [n.record() for n in self.items.values()]

    def with_value(self, name: str, value: Any) -> Norms:
        """A copy with one norm set by the user."""
        old = self.items[name]
        new = replace(
            old, value=value, status="gebruiker", source="Ingesteld door gebruiker."
        )
        return Norms(self.at, {**self.items, name: new})


def norms_at(at: date, overrides: dict[str, Any] | None = None) -> Norms:
    norms = Norms(at, {name: norm_at(name, at) for name in _raw()})
    for name, value in (overrides or {}).items():
        if name not in norms.items:
            raise OpvangError(f"Onbekende norm '{name}'.")
        norms = norms.with_value(name, value)
    return norms
