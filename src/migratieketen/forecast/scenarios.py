# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Inflow scenarios for the ketenmodel and the planners, stored as plain data.

A scenario is a set of quarterly inflow paths (first asylum requests, nareizigers
and their total) with a name, a Dutch description, the seed that reproduces it and
the parameters that made it. Four kinds:

- `forecast_paths`: the prognose's own sample paths (the honest "we don't know").
- `historical_replay`: the quarter-on-quarter shape of a past surge (2015, 2022),
  replayed from today's level.
- `stylised_shock`: a peak (size > 0) or trough (size < 0) with onset and duration,
  on top of a baseline.
- `regime_switch`: a Markov chain between low, normal and high inflow regimes.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import numpy.typing as npt

from migratieketen.data.asylum import PeriodSeries, period_index, period_label
from migratieketen.forecast.engine import ForecastResult

FloatArray = npt.NDArray[np.float64]

SERIES = ("eerste_asielverzoeken", "nareizigers", "totale_instroom")


class InflowScenarioError(ValueError):
    """Scenario parameters that cannot describe an inflow; message in Dutch."""


@dataclass(frozen=True, slots=True, eq=False)
class InflowScenario:
    """Quarterly inflow paths: series -> array (paths x periods), persons.

    Not to be confused with the ketenmodel's `ChainScenario` (what happens in the
    whole chain); an inflow scenario is only the arrivals."""

    name: str
    description: str
    kind: str
    seed: int | None
    periods: tuple[str, ...]
    paths: dict[str, FloatArray]
    parameters: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for key, arr in self.paths.items():
            if arr.ndim != 2 or arr.shape[1] != len(self.periods):
                raise InflowScenarioError(
                    f"Scenario {self.name}: reeks {key} past niet op de perioden."
                )
            if np.any(arr < 0) or not np.all(np.isfinite(arr)):
                raise InflowScenarioError(
                    f"Scenario {self.name}: reeks {key} bevat negatieve of ongeldige waarden."
                )

    @property
    def n_paths(self) -> int:
        return next(iter(self.paths.values())).shape[0]

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "description": self.description,
            "kind": self.kind,
            "seed": self.seed,
            "periods": list(self.periods),
            "parameters": self.parameters,
            "paths": {k: np.round(v, 1).tolist() for k, v in self.paths.items()},
        }

    def to_csv(self) -> str:
        """Long format: scenario, path, period, series, value."""
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\n")
        writer.writerow(["scenario", "pad", "periode", "reeks", "waarde"])
        for key, arr in self.paths.items():
            for p in range(arr.shape[0]):
                for k, period in enumerate(self.periods):
                    writer.writerow([self.name, p, period, key, f"{arr[p, k]:.1f}"])
        return buf.getvalue()


def _with_total(first: FloatArray, nareizigers: FloatArray) -> dict[str, FloatArray]:
    return {
        "eerste_asielverzoeken": first,
        "nareizigers": nareizigers,
        "totale_instroom": first + nareizigers,
    }


def _future_periods(after: str, quarters: int) -> tuple[str, ...]:
    if quarters < 1:
        raise InflowScenarioError("Een scenario beslaat minstens één kwartaal.")
    start = period_index(after, "Q") + 1
    return tuple(period_label(start + k, "Q") for k in range(quarters))


def _baseline(series: PeriodSeries, quarters: int = 4) -> float:
    """Mean of the last `quarters` observations: the level a scenario starts from."""
    if len(series) < quarters:
        raise InflowScenarioError(
            f"Reeks {series.name} is te kort voor een uitgangsniveau."
        )
    return float(np.mean(series.values[-quarters:]))


def forecast_paths(
    result: ForecastResult, n_paths: int | None = None
) -> InflowScenario:
    """The prognose's own sample paths (first `n_paths` of them)."""
    first = result.paths["eerste_asielverzoeken"]
    nar = result.paths["nareizigers"]
    n = first.shape[0] if n_paths is None else min(n_paths, first.shape[0])
    periods = result.quarterly["eerste_asielverzoeken"].periods
    return InflowScenario(
        name=f"prognose-{result.cutoff}",
        description=(
            f"Steekproefpaden van de prognose op data tot en met {result.cutoff} "
            f"({result.model}); elk pad is een even waarschijnlijke toekomst."
        ),
        kind="prognose",
        seed=result.seed,
        periods=periods,
        paths=_with_total(first[:n].copy(), nar[:n].copy()),
        parameters={"cutoff": result.cutoff, "model": result.model, "n_paths": n},
    )


def historical_replay(
    first: PeriodSeries,
    nareizigers: PeriodSeries,
    replay_start: str,
    quarters: int = 8,
    after: str | None = None,
    name: str | None = None,
) -> InflowScenario:
    """Replay the growth path of a past episode from today's level.

    Each series is scaled so that the four quarters before `replay_start` equal the
    last four observed quarters: a 2015 replay from 2024 multiplies today's level by
    the same factors as 2015 did relative to 2014.
    """
    after = after or first.last_period
    periods = _future_periods(after, quarters)
    scaled: dict[str, FloatArray] = {}
    for key, series in (("eerste_asielverzoeken", first), ("nareizigers", nareizigers)):
        start = period_index(replay_start, "Q")
        past = [period_label(start - 4 + k, "Q") for k in range(4)]
        window = [period_label(start + k, "Q") for k in range(quarters)]
        missing = [p for p in past + window if p not in series.periods]
        if missing:
            raise InflowScenarioError(
                f"Herhaling vanaf {replay_start}: {series.name} heeft geen cijfers voor "
                f"{', '.join(missing)}."
            )
        reference = np.mean([series.value(p) for p in past])
        factors = np.array([series.value(p) for p in window]) / reference
        scaled[key] = (_baseline(series) * factors)[None, :]
    return InflowScenario(
        name=name or f"herhaling-{replay_start}",
        description=(
            f"Herhaling van het verloop vanaf {replay_start} ({quarters} kwartalen), "
            f"geschaald naar het niveau van de laatste vier kwartalen."
        ),
        kind="historische herhaling",
        seed=None,
        periods=periods,
        paths=_with_total(scaled["eerste_asielverzoeken"], scaled["nareizigers"]),
        parameters={"replay_start": replay_start, "quarters": quarters, "after": after},
    )


def stylised_shock(
    first: PeriodSeries,
    nareizigers: PeriodSeries,
    size: float,
    onset: int,
    duration: int,
    quarters: int = 8,
    nareizigers_lag: int = 4,
    after: str | None = None,
    name: str | None = None,
) -> InflowScenario:
    """A peak (size > 0, e.g. 1.0 = +100 %) or trough (size < 0) in first requests.

    The shock rises and falls as a half sine over `duration` quarters, starting
    `onset` quarters after the last data quarter (0 = the first scenario quarter).
    Nareizigers follow the same relative shock `nareizigers_lag` quarters later.
    """
    if size <= -1.0:
        raise InflowScenarioError(
            "Een daling kan niet groter zijn dan -100 % (size > -1)."
        )
    if duration < 1 or onset < 0:
        raise InflowScenarioError(
            "Duur moet minstens 1 kwartaal zijn en het begin niet negatief."
        )
    after = after or first.last_period
    periods = _future_periods(after, quarters)

    def profile(delay: int) -> FloatArray:
        k = np.arange(quarters) - onset - delay
        inside = (k >= 0) & (k < duration)
        bump = np.where(inside, np.sin(np.pi * (k + 0.5) / duration), 0.0)
        return np.asarray(1.0 + size * bump, dtype=np.float64)

    kind = "piek" if size > 0 else "dal"
    label = "Gestileerde piek" if size > 0 else "Gestileerd dal"
    unit = "kwartaal" if onset == 1 else "kwartalen"
    return InflowScenario(
        name=name or f"{kind}-{size:+.0%}-start{onset}-duur{duration}",
        description=(
            f"{label}: eerste asielverzoeken {size:+.0%} op het hoogtepunt, "
            f"begint na {onset} {unit} en duurt {duration}; nareizigers "
            f"volgen {nareizigers_lag} kwartalen later."
        ),
        kind=f"gestileerde {kind}",
        seed=None,
        periods=periods,
        paths=_with_total(
            (_baseline(first) * profile(0))[None, :],
            (_baseline(nareizigers) * profile(nareizigers_lag))[None, :],
        ),
        parameters={
            "size": size,
            "onset": onset,
            "duration": duration,
            "nareizigers_lag": nareizigers_lag,
            "after": after,
        },
    )


DEFAULT_REGIMES: dict[str, float] = {"laag": 0.6, "normaal": 1.0, "hoog": 1.8}
DEFAULT_STAY = 0.8  # chance per quarter to stay in the current regime


def regime_switch(
    first: PeriodSeries,
    nareizigers: PeriodSeries,
    seed: int,
    n_paths: int = 100,
    quarters: int = 8,
    regimes: dict[str, float] | None = None,
    stay: float = DEFAULT_STAY,
    start_regime: str = "normaal",
    noise_sigma: float = 0.15,
    nareizigers_lag: int = 4,
    after: str | None = None,
    name: str | None = None,
) -> InflowScenario:
    """Markov switching between inflow regimes (multipliers of today's level).

    Each quarter the regime stays with chance `stay`, else jumps to one of the other
    regimes with equal chance; log-normal noise (`noise_sigma`) sits on top.
    Nareizigers follow the first-request multiplier `nareizigers_lag` quarters later.
    """
    regimes = dict(regimes or DEFAULT_REGIMES)
    if start_regime not in regimes:
        raise InflowScenarioError(f"Onbekend beginregime '{start_regime}'.")
    if not 0.0 <= stay <= 1.0 or len(regimes) < 2:
        raise InflowScenarioError(
            "Kans om te blijven moet tussen 0 en 1 liggen; minstens twee regimes."
        )
    if any(m <= 0 for m in regimes.values()):
        raise InflowScenarioError("Regimefactoren moeten positief zijn.")
    after = after or first.last_period
    periods = _future_periods(after, quarters)
    names: Sequence[str] = list(regimes)
    factors = np.array([regimes[n] for n in names])
    rng = np.random.default_rng(seed)
    total_q = quarters + nareizigers_lag
    state = np.full(n_paths, names.index(start_regime))
    multipliers = np.empty((n_paths, total_q))
    for k in range(total_q):
        if k > 0:
            move = rng.random(n_paths) >= stay
            shift = rng.integers(1, len(names), n_paths)
            state = np.where(move, (state + shift) % len(names), state)
        multipliers[:, k] = factors[state]
    noise_first = np.exp(rng.standard_normal((n_paths, quarters)) * noise_sigma)
    noise_nar = np.exp(rng.standard_normal((n_paths, quarters)) * noise_sigma)
    first_paths = _baseline(first) * multipliers[:, nareizigers_lag:] * noise_first
    # Nareizigers see the regime of `nareizigers_lag` quarters earlier.
    nar_paths = _baseline(nareizigers) * multipliers[:, :quarters] * noise_nar
    return InflowScenario(
        name=name or f"regimewissel-seed{seed}",
        description=(
            "Wisselende regimes ("
            + ", ".join(f"{n} ×{f:g}" for n, f in regimes.items())
            + f"), blijfkans {stay:.0%} per kwartaal, start in '{start_regime}'."
        ),
        kind="regimewissel",
        seed=seed,
        periods=periods,
        paths=_with_total(first_paths, nar_paths),
        parameters={
            "regimes": regimes,
            "stay": stay,
            "start_regime": start_regime,
            "noise_sigma": noise_sigma,
            "nareizigers_lag": nareizigers_lag,
            "n_paths": n_paths,
            "after": after,
        },
    )


def standard_scenarios(
    result: ForecastResult,
    first: PeriodSeries,
    nareizigers: PeriodSeries,
    seed: int = 2026,
) -> list[InflowScenario]:
    """The default set offered to planners: prognose, replays, peak, trough, regimes."""
    quarters = len(result.quarterly["eerste_asielverzoeken"].periods)
    after = result.cutoff
    first = first.until(after)
    nareizigers = nareizigers.until(after)
    out = [forecast_paths(result, 200)]
    for start, label in (("2015-Q1", "herhaling-2015"), ("2022-Q1", "herhaling-2022")):
        try:
            out.append(
                historical_replay(
                    first, nareizigers, start, quarters, after, name=label
                )
            )
        except InflowScenarioError:
            continue  # the replayed years are not in the data at this vintage
    out.append(
        stylised_shock(
            first,
            nareizigers,
            1.0,
            1,
            4,
            quarters,
            after=after,
            name="piek-verdubbeling",
        )
    )
    out.append(
        stylised_shock(
            first, nareizigers, -0.5, 1, 4, quarters, after=after, name="dal-halvering"
        )
    )
    out.append(
        regime_switch(
            first, nareizigers, seed, 200, quarters, after=after, name="regimewissel"
        )
    )
    return out
