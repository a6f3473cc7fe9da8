# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""The documented parameters of the woningmarkt model, read from `parameters.yaml`.

Every number carries its unit, kind (DATA, DERIVED or ASSUMPTION), public source and, for an
assumption, its reasoning, so that the CLI and the docs can say which results rest on data
and which on assumptions. Kept separate from the chain's parameters so that this package
never imports `chain` (ADR 0011).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt
import yaml

PARAMETER_FILE = Path(__file__).parent / "parameters.yaml"
KINDS = ("DATA", "DERIVED", "ASSUMPTION")
DISTRIBUTIONS = ("lognormal", "uniform")

F64 = npt.NDArray[np.float64]


class WoningmarktError(ValueError):
    """Invalid input for the woningmarkt model; the message is Dutch, for users."""


@dataclass(frozen=True, slots=True)
class Parameter:
    name: str
    value: float
    unit: str
    kind: str
    description: str
    source: str
    reasoning: str = ""
    dist: str = ""  # "" = no per-run spread
    sigma: float = 0.0
    low: float = 0.0
    high: float = 0.0
    minimum: float | None = None
    maximum: float | None = None

    def check(self, value: float) -> float:
        """The value, or a Dutch error when it is outside the documented range."""
        if not np.isfinite(value):
            raise WoningmarktError(f"Parameter '{self.name}': waarde is geen getal.")
        if self.minimum is not None and value < self.minimum:
            raise WoningmarktError(
                f"Parameter '{self.name}': {value:g} is kleiner dan het minimum "
                f"{self.minimum:g} ({self.unit})."
            )
        if self.maximum is not None and value > self.maximum:
            raise WoningmarktError(
                f"Parameter '{self.name}': {value:g} is groter dan het maximum "
                f"{self.maximum:g} ({self.unit})."
            )
        return float(value)

    def draw(self, value: float, rng: np.random.Generator, n: int) -> F64:
        """`n` per-run values around `value` (uniform ranges shift with the value)."""
        if self.dist == "lognormal":
            out = value * np.exp(rng.normal(-0.5 * self.sigma**2, self.sigma, n))
        elif self.dist == "uniform":
            shift = value - self.value
            out = rng.uniform(self.low + shift, self.high + shift, n)
        else:
            out = np.full(n, value)
        lo = -np.inf if self.minimum is None else self.minimum
        hi = np.inf if self.maximum is None else self.maximum
        return np.clip(out, lo, hi)

    def spread_text(self) -> str:
        if self.dist == "lognormal":
            return f"lognormaal, sigma {self.sigma:g}"
        if self.dist == "uniform":
            return f"uniform {self.low:g}-{self.high:g}"
        return ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "value": self.value,
            "unit": self.unit,
            "kind": self.kind,
            "description": self.description,
            "source": self.source,
            "reasoning": self.reasoning,
            "uncertainty": self.spread_text(),
        }


def _parse(name: str, raw: Mapping[str, Any]) -> Parameter:
    missing = [
        k for k in ("value", "unit", "kind", "description", "source") if k not in raw
    ]
    if missing:
        raise WoningmarktError(f"Parameter '{name}': ontbrekende velden {missing}.")
    if raw["kind"] not in KINDS:
        raise WoningmarktError(f"Parameter '{name}': soort moet een van {KINDS} zijn.")
    if raw["kind"] == "ASSUMPTION" and not raw.get("reasoning"):
        raise WoningmarktError(
            f"Parameter '{name}': een aanname heeft een onderbouwing nodig."
        )
    unc = raw.get("uncertainty") or {}
    if unc and unc.get("dist") not in DISTRIBUTIONS:
        raise WoningmarktError(f"Parameter '{name}': onbekende spreiding {unc!r}.")
    return Parameter(
        name=name,
        value=float(raw["value"]),
        unit=str(raw["unit"]),
        kind=str(raw["kind"]),
        description=str(raw["description"]),
        source=str(raw["source"]),
        reasoning=str(raw.get("reasoning", "")),
        dist=str(unc.get("dist", "")),
        sigma=float(unc.get("sigma", 0.0)),
        low=float(unc.get("low", 0.0)),
        high=float(unc.get("high", 0.0)),
        minimum=None if raw.get("min") is None else float(raw["min"]),
        maximum=None if raw.get("max") is None else float(raw["max"]),
    )


@cache
def default_parameters() -> dict[str, Parameter]:
    """All parameters by name, in file order."""
    data = yaml.safe_load(PARAMETER_FILE.read_text(encoding="utf-8"))
    return {str(n): _parse(str(n), raw) for n, raw in data["parameters"].items()}


def resolve_values(overrides: Mapping[str, float] | None = None) -> dict[str, float]:
    """Central values with overrides applied and range-checked (nothing partial)."""
    params = default_parameters()
    overrides = overrides or {}
    unknown = sorted(set(overrides) - set(params))
    if unknown:
        raise WoningmarktError(
            f"Onbekende parameter(s): {', '.join(unknown)}. "
            "Zie `migratieketen woningmarkt --parameters` voor de lijst."
        )
    values = {name: p.value for name, p in params.items()}
    for name, raw in overrides.items():
        try:
            value = float(raw)
        except (TypeError, ValueError) as exc:
            raise WoningmarktError(
                f"Parameter '{name}': '{raw}' is geen getal."
            ) from exc
        values[name] = params[name].check(value)
    return values


def draw_values(
    values: Mapping[str, float], rng: np.random.Generator, n_runs: int, spread: bool
) -> dict[str, F64]:
    """Per-run arrays, drawn in file order (reproducible); central values without spread."""
    params = default_parameters()
    if not spread:
        return {name: np.full(n_runs, values[name]) for name in params}
    return {name: p.draw(values[name], rng, n_runs) for name, p in params.items()}
