# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Calibrate the chain model on history and score it with the averaged relative
difference (ARD), the validation metric of the Flee refugee model.

ARD here = mean over published observations of |simulated - observed| / observed,
per series (persons in COA, statushouders in COA) and over both together. The fit uses
only data up to the calibration cut-off (default mid-2023): the observations, the
replayed inputs (a yearly figure only for a year that is over by then) and the
starting values. After the cut-off the model replays the observed inflow and
decisions (a replay with observed inflow, not a forecast), so figures published
afterwards test the calibrated parameters, not a prediction of the inflow.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from migratieketen.chain.builtin import historie
from migratieketen.chain.engine import SERIES, simulate_chunk
from migratieketen.chain.gemeenten import GemeenteInputs, load_gemeente_inputs
from migratieketen.chain.history import Observation, persons_per_decision_guess
from migratieketen.chain.inputs import build_inputs
from migratieketen.chain.params import default_parameters
from migratieketen.chain.scenario import month_index

# Parameter -> (lower bound, upper bound, starting value). The start is the prior guess
# from the sources (not the current default), so the calibration gives the same answer
# however often the defaults are updated with its result. None: derived from the data
# up to the cut-off (`starting_values`).
CALIBRATED: dict[str, tuple[float, float, float | None]] = {
    "statushouder_share_of_lettings": (0.02, 0.4, 0.12),
    "housing_rate": (0.03, 1.0, 0.3),
    "urgency_extra_share": (0.0, 0.3, 0.08),
    "nareizigers_share_to_coa": (0.0, 1.0, 0.5),
    "rejected_months_in_coa": (1.0, 24.0, 4.0),
    "initial_statushouders_2013": (0.0, 10_000.0, 3000.0),
    "history_persons_per_decision": (0.9, 1.5, None),
}


def starting_values(data_dir: Path | str, until: str) -> dict[str, float]:
    """The calibration's starting point; data-derived starts use data up to `until`."""
    derived = {
        "history_persons_per_decision": persons_per_decision_guess(data_dir, until)
    }
    return {
        name: derived[name] if start is None else start
        for name, (_, _, start) in CALIBRATED.items()
    }


def ard(simulated: Sequence[float], observed: Sequence[float]) -> float:
    """Averaged relative difference: mean of |sim - obs| / obs."""
    sim, obs = np.asarray(simulated, float), np.asarray(observed, float)
    if len(obs) == 0:
        return float("nan")
    return float(np.mean(np.abs(sim - obs) / obs))


@dataclass(slots=True)
class Score:
    total: float
    per_series: dict[str, float]
    rows: list[tuple[Observation, float]] = field(default_factory=list)


def simulate_history(
    data_dir: Path | str,
    overrides: Mapping[str, float],
    until: str,
    gemeenten: GemeenteInputs,
) -> dict[str, np.ndarray]:
    """One deterministic historie run: the central path for given parameter values,
    on the data known at `until` only."""
    scenario = historie(until, runs=1)
    scenario.parameters = dict(overrides)
    inputs = build_inputs(scenario, data_dir, gemeenten, history_known_until=until)
    chunk = simulate_chunk(inputs, 1, 0, 0, deterministic=True)
    return {name: chunk.national[0, i].astype(float) for i, name in enumerate(SERIES)}


def score(
    paths: Mapping[str, np.ndarray], observations: Sequence[Observation], start: str
) -> Score:
    """ARD of simulated month-end stocks against the observations."""
    first = month_index(start)
    rows = []
    for ob in observations:
        t = month_index(ob.month) - first
        series = "coa_total" if ob.series == "coa_total" else "coa_statushouders"
        if 0 <= t < len(paths[series]):
            rows.append((ob, float(paths[series][t])))
    per = {}
    for name in ("coa_total", "coa_statushouders"):
        sel = [(s, o.value) for o, s in rows if o.series == name]
        per[name] = ard([s for s, _ in sel], [v for _, v in sel])
    total = ard([s for _, s in rows], [o.value for o, _ in rows])
    return Score(total=total, per_series=per, rows=rows)


@dataclass(slots=True)
class Calibration:
    values: dict[str, float]
    score: Score
    evaluations: int


def calibrate(
    data_dir: Path | str,
    observations: Sequence[Observation],
    until: str = "2023-06",
    max_evaluations: int = 2000,
    gemeenten: GemeenteInputs | None = None,
) -> Calibration:
    """Compass (pattern) search on the parameters in CALIBRATED, minimising the ARD.

    Deterministic and dependency-free: each step tries +/- step per parameter and
    halves the steps when nothing improves. Starts from `starting_values`.
    """
    gem = gemeenten if gemeenten is not None else load_gemeente_inputs(data_dir)
    names = list(CALIBRATED)
    lo = np.array([CALIBRATED[n][0] for n in names])
    hi = np.array([CALIBRATED[n][1] for n in names])
    start = starting_values(data_dir, until)
    x = np.array([start[n] for n in names], dtype=float)
    step = (hi - lo) / 4
    evaluations = 0

    def objective(vec: np.ndarray) -> float:
        nonlocal evaluations
        evaluations += 1
        values = dict(zip(names, (float(v) for v in vec), strict=True))
        paths = simulate_history(data_dir, values, until, gem)
        return score(paths, observations, "2013-01").total

    best = objective(x)
    while evaluations < max_evaluations and np.max(step / (hi - lo)) > 1e-3:
        improved = False
        for i in range(len(names)):
            for sign in (1.0, -1.0):
                trial = x.copy()
                trial[i] = np.clip(x[i] + sign * step[i], lo[i], hi[i])
                if trial[i] == x[i]:
                    continue
                value = objective(trial)
                if value < best - 1e-9:
                    best, x, improved = value, trial, True
                    break
        if not improved:
            step /= 2
    values = dict(zip(names, (float(v) for v in x), strict=True))
    final = score(
        simulate_history(data_dir, values, until, gem), observations, "2013-01"
    )
    return Calibration(values=values, score=final, evaluations=evaluations)


def read_validation_csv(path: Path | str) -> list[Observation]:
    """Later published figures to test against: CSV with month,series,value[,source].

    series is coa_total or coa_statushouders; month is JJJJ-MM.
    """
    import csv

    from migratieketen.chain.params import ChainConfigError

    p = Path(path)
    if not p.exists():
        raise ChainConfigError(f"Validatiebestand {p} bestaat niet.")
    out = []
    with p.open(encoding="utf-8", newline="") as fh:
        for n, row in enumerate(csv.DictReader(fh), start=2):
            try:
                month_index(row["month"])
                series = row["series"].strip()
                # the name used before `statushouder` became the code's word
                if series == "coa_permit_holders":
                    series = "coa_statushouders"
                if series not in ("coa_total", "coa_statushouders"):
                    raise ValueError(series)
                value = float(row["value"])
                if value <= 0:
                    raise ValueError(value)
            except (KeyError, ValueError, TypeError) as exc:
                raise ChainConfigError(
                    f"{p.name}, rij {n}: verwacht month (JJJJ-MM), series "
                    f"(coa_total of coa_statushouders) en value > 0 ({exc})."
                ) from exc
            out.append(Observation(row["month"], series, value, row.get("source", "")))
    return out


def validation_report(
    data_dir: Path | str,
    shared_dir: Path | str,
    calibrate_until: str = "2023-06",
    simulate_until: str = "2024-12",
    runs: int = 1000,
    seed: int = 0,
    later: Sequence[Observation] = (),
    max_evaluations: int = 2000,
) -> dict[str, object]:
    """Calibrate up to `calibrate_until`, replay history to `simulate_until` with the
    ensemble, and score its median (ARD) against the published figures.

    The part after the cut-off is a replay with the observed inflow and decisions
    ("naspeling met waargenomen instroom"), not a forecast: it tests the calibrated
    parameters, not how well the inflow could have been foreseen."""
    from migratieketen.chain.ensemble import run_ensemble
    from migratieketen.chain.history import load_observations

    gem = load_gemeente_inputs(data_dir)
    observations = load_observations(shared_dir, calibrate_until)
    fit = calibrate(
        data_dir, observations, calibrate_until, max_evaluations, gemeenten=gem
    )
    scenario = historie(simulate_until, runs=runs, seed=seed)
    scenario.parameters = dict(fit.values)
    result = run_ensemble(scenario, data_dir, gemeenten=gem)
    median = {
        name: result.series(name, 50) for name in ("coa_total", "coa_statushouders")
    }
    in_sample = score(median, observations, scenario.start)
    out_sample = score(median, later, scenario.start) if later else None
    defaults = default_parameters()
    lo, hi = result.percentiles[0], result.percentiles[-1]
    after = [
        m
        for m in result.months
        if month_index(m) > month_index(calibrate_until) and m[5:] in ("06", "12")
    ]
    replay = [
        {
            "month": m,
            **{
                f"{name}_{tag}": float(result.series(name, q)[result.months.index(m)])
                for name in ("coa_total", "coa_statushouders")
                for tag, q in (("p_low", lo), ("p50", 50), ("p_high", hi))
            },
        }
        for m in after
    ]
    return {
        "calibrated": {
            n: {"value": v, "default": defaults[n].value} for n, v in fit.values.items()
        },
        "evaluations": fit.evaluations,
        "ard_in_sample": in_sample.total,
        "ard_in_sample_per_series": in_sample.per_series,
        "rows": [
            {
                "month": o.month,
                "series": o.series,
                "observed": o.value,
                "simulated_p50": s,
                "source": o.source,
            }
            for o, s in in_sample.rows
        ],
        "ard_out_of_sample": None if out_sample is None else out_sample.total,
        "ard_out_of_sample_per_series": None
        if out_sample is None
        else out_sample.per_series,
        # after the cut-off: a replay with observed inflow and decisions, not a forecast
        "replay_after_cutoff": replay,
        "percentile_band": [lo, hi],
        "runs": runs,
        "max_imbalance_persons": result.max_imbalance(),
    }
