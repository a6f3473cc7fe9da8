# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Named, documented chain-model parameters read from `parameters/*.yaml`.

Every number the model uses lives in one YAML file with its unit, meaning and source,
so a planner can see where a figure comes from and override it in a scenario. A
parameter may carry an uncertainty that the ensemble draws once per Monte Carlo run.
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

PARAMETER_DIR = Path(__file__).parent / "parameters"
DISTRIBUTIONS = ("lognormal", "normal", "uniform")

FloatArray = npt.NDArray[np.float64]


class ChainConfigError(ValueError):
    """A parameter file, scenario or override is not valid; the message is Dutch."""


@dataclass(frozen=True, slots=True)
class Uncertainty:
    """Per-run spread: lognormal (multiplicative), normal (additive) or uniform."""

    dist: str
    sigma: float = 0.0
    sd: float = 0.0
    low: float = 0.0
    high: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        if self.dist == "lognormal":
            return {"dist": self.dist, "sigma": self.sigma}
        if self.dist == "normal":
            return {"dist": self.dist, "sd": self.sd}
        return {"dist": self.dist, "low": self.low, "high": self.high}


@dataclass(frozen=True, slots=True)
class Parameter:
    name: str
    value: float
    unit: str
    description: str
    source: str
    group: str  # the YAML file it came from: inflow, procedure, ...
    uncertainty: Uncertainty | None = None
    minimum: float | None = None
    maximum: float | None = None

    def check(self, value: float) -> float:
        """Reject a value outside the documented range, with a Dutch message."""
        if not np.isfinite(value):
            raise ChainConfigError(f"Parameter '{self.name}': waarde is geen getal.")
        if self.minimum is not None and value < self.minimum:
            raise ChainConfigError(
                f"Parameter '{self.name}': {value} is kleiner dan het minimum "
                f"{self.minimum} ({self.unit})."
            )
        if self.maximum is not None and value > self.maximum:
            raise ChainConfigError(
                f"Parameter '{self.name}': {value} is groter dan het maximum "
                f"{self.maximum} ({self.unit})."
            )
        return float(value)

    def draw(self, value: float, rng: np.random.Generator, n: int) -> FloatArray:
        """`n` per-run values around `value` (the default or the scenario override)."""
        u = self.uncertainty
        if u is None:
            out = np.full(n, value, dtype=np.float64)
        elif u.dist == "lognormal":
            out = value * np.exp(rng.normal(-0.5 * u.sigma**2, u.sigma, n))
        elif u.dist == "normal":
            out = value + rng.normal(0.0, u.sd, n)
        else:
            out = rng.uniform(u.low, u.high, n)
        lo = -np.inf if self.minimum is None else self.minimum
        hi = np.inf if self.maximum is None else self.maximum
        return np.clip(out, lo, hi)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "name": self.name,
            "value": self.value,
            "unit": self.unit,
            "description": self.description,
            "source": self.source,
            "group": self.group,
        }
        if self.uncertainty is not None:
            out["uncertainty"] = self.uncertainty.to_dict()
        return out


def _parse_uncertainty(name: str, raw: Any) -> Uncertainty | None:
    if raw is None:
        return None
    if not isinstance(raw, Mapping) or raw.get("dist") not in DISTRIBUTIONS:
        raise ChainConfigError(
            f"Parameter '{name}': onzekerheid moet 'dist' hebben, een van "
            f"{', '.join(DISTRIBUTIONS)}."
        )
    try:
        return Uncertainty(
            dist=str(raw["dist"]),
            sigma=float(raw.get("sigma", 0.0)),
            sd=float(raw.get("sd", 0.0)),
            low=float(raw.get("low", 0.0)),
            high=float(raw.get("high", 0.0)),
        )
    except (TypeError, ValueError) as exc:
        raise ChainConfigError(f"Parameter '{name}': onzekerheid ongeldig.") from exc


def _parse_file(path: Path) -> list[Parameter]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(data, Mapping) or not isinstance(data.get("parameters"), Mapping):
        raise ChainConfigError(f"{path.name}: verwacht een sleutel 'parameters'.")
    out = []
    for name, raw in data["parameters"].items():
        missing = [
            k for k in ("value", "unit", "description", "source") if k not in raw
        ]
        if missing:
            raise ChainConfigError(
                f"{path.name}, parameter '{name}': ontbrekende velden {missing}."
            )
        out.append(
            Parameter(
                name=str(name),
                value=float(raw["value"]),
                unit=str(raw["unit"]),
                description=str(raw["description"]),
                source=str(raw["source"]),
                group=path.stem,
                uncertainty=_parse_uncertainty(name, raw.get("uncertainty")),
                minimum=None if raw.get("min") is None else float(raw["min"]),
                maximum=None if raw.get("max") is None else float(raw["max"]),
            )
        )
    return out


@cache
def default_parameters() -> dict[str, Parameter]:
    """All parameters of all groups, by name (names are unique across files)."""
    found: dict[str, Parameter] = {}
    for path in sorted(PARAMETER_DIR.glob("*.yaml")):
        for p in _parse_file(path):
            if p.name in found:
                raise ChainConfigError(f"Parameter '{p.name}' staat dubbel.")
            found[p.name] = p
    return found


def resolve_values(overrides: Mapping[str, float]) -> dict[str, float]:
    """Default values with scenario overrides applied and range-checked."""
    params = default_parameters()
    unknown = sorted(set(overrides) - set(params))
    if unknown:
        raise ChainConfigError(
            f"Onbekende parameter(s): {', '.join(unknown)}. "
            f"Zie `migratieketen simuleer parameters` voor de lijst."
        )
    values = {name: p.value for name, p in params.items()}
    for name, raw in overrides.items():
        try:
            value = float(raw)
        except (TypeError, ValueError) as exc:
            raise ChainConfigError(
                f"Parameter '{name}': '{raw}' is geen getal."
            ) from exc
        values[name] = params[name].check(value)
    return values


def draw_parameters(
    values: Mapping[str, float],
    rng: np.random.Generator,
    n_runs: int,
    definitions: Mapping[str, Parameter] | None = None,
) -> dict[str, FloatArray]:
    """Per-run parameter arrays, drawn in a fixed (sorted) order for reproducibility.

    `definitions` (default: the YAML files) say each parameter's uncertainty.
    """
    params = default_parameters() if definitions is None else definitions
    return {
        name: params[name].draw(values[name], rng, n_runs) for name in sorted(params)
    }
