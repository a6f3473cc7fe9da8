# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Turn a ChainScenario into the plain monthly arrays the vectorised engine consumes.

All data reading and scenario interpretation happens here, once, so the engine itself
is pure numpy and can be shipped to Dask workers as-is.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path

import numpy as np
import numpy.typing as npt

from migratieketen.chain.gemeenten import GemeenteInputs, load_gemeente_inputs
from migratieketen.chain.history import load_history
from migratieketen.chain.opening import OpeningState, history_end_state
from migratieketen.chain.params import (
    ChainConfigError,
    Parameter,
    default_parameters,
    resolve_values,
)
from migratieketen.chain.scenario import ChainScenario, Levers, month_index, month_label

FloatArray = npt.NDArray[np.float64]
BoolArray = npt.NDArray[np.bool_]


@dataclass(frozen=True, slots=True, eq=False)
class ChainInputs:
    """Everything one simulation needs except the per-run random draws."""

    start: int  # month index of the first simulated month
    first: FloatArray  # first asylum applications per month (scenario path)
    repeat: FloatArray
    nareizigers_observed: FloatArray  # nan where nareizigers are endogenous
    ind_decisions: FloatArray  # decision capacity per month (before per-run factor)
    recognition_first: FloatArray
    recognition_repeat: FloatArray
    closed_share: FloatArray
    cap_regular: FloatArray
    cap_small_scale: FloatArray
    cap_noodopvang: FloatArray
    urgency: FloatArray  # 1.0 where the urgency scheme is on
    tussenvoorziening_places: FloatArray
    housing_factor: FloatArray  # 1 + extra_housing_pct / 100
    # 1.0 where gemeenten respond to the taakstelling (woningmarkt coupling)
    taakstelling_response: FloatArray
    gemeenten: GemeenteInputs
    values: dict[str, float]  # resolved parameter values (defaults + overrides)
    inflow_noise: bool  # False when the inflow is observed history
    noodopvang_auto_scale: bool
    # the scenario's opening stocks; None = the model's guess from each run's draws
    initial_asylum_seekers: float | None
    initial_statushouders: float | None
    inflow_kind: str = "constant"
    # route -> running trajectories by age in months at the start (None: none)
    initial_inburgering: Mapping[str, list[float]] | None = (
        None  # Inflow.kind: 'historie' replays observed data
    )
    # parameter -> months in which a path above holds that parameter's own value (not
    # an observation or a scenario figure): there the engine uses each run's draw
    parameter_months: Mapping[str, BoolArray] = field(default_factory=dict)
    # parameters whose draw / central value scales the IND capacity path per run
    capacity_parameters: tuple[str, ...] = ("ind_decisions_per_month",)
    # the parameter definitions the runs are drawn from (uncertainty per parameter)
    definitions: Mapping[str, Parameter] = field(default_factory=default_parameters)
    # gemeenten (indexes) whose monthly waiting list and housing are kept per run
    detail_index: tuple[int, ...] = ()
    # the history replay's end state when the scenario starts from it (opening: historie)
    opening_state: OpeningState | None = None
    # inflow kind 'per_run': first applications per path and month (paths, months);
    # run r follows row r mod paths (`first` is then the mean of the rows)
    first_per_run: FloatArray | None = None

    @property
    def months(self) -> int:
        return len(self.first)

    def month_labels(self) -> list[str]:
        return [month_label(self.start + t) for t in range(self.months)]


def _from(label: str, start: int, months: int) -> npt.NDArray[np.bool_]:
    """Mask of months at or after `label` (all months when empty)."""
    t = np.arange(months)
    if not label:
        return np.ones(months, dtype=bool)
    return t >= month_index(label) - start


def _per_run(scenario: ChainScenario, months: int) -> FloatArray | None:
    """(paths, months) of the 'per_run' inflow kind; None for the other kinds."""
    spec = scenario.inflow
    if spec.kind != "per_run":
        return None
    rows = np.asarray(spec.per_run, dtype=np.float64)
    if rows.shape[1] < months:
        raise ChainConfigError(
            f"Instroom: {rows.shape[1]} maandcijfers per pad, maar het scenario duurt "
            f"{months} maanden."
        )
    return rows[:, :months].copy()


def _inflow_path(scenario: ChainScenario, months: int) -> FloatArray:
    spec = scenario.inflow
    if spec.kind == "constant":
        return np.full(months, spec.per_month)
    if spec.kind == "per_run":
        rows = _per_run(scenario, months)
        assert rows is not None
        return np.asarray(rows.mean(axis=0), dtype=np.float64)
    if spec.kind == "monthly":
        values = np.asarray(spec.monthly, dtype=np.float64)
        if len(values) < months:
            raise ChainConfigError(
                f"Instroom: {len(values)} maandcijfers, maar het scenario duurt "
                f"{months} maanden."
            )
        return values[:months].copy()
    # peak: a Gaussian bell on top of the base level
    t = np.arange(months)
    centre = month_index(spec.peak_month) - month_index(scenario.start)
    bell = np.exp(-0.5 * ((t - centre) / spec.width_months) ** 2)
    return spec.per_month + (spec.peak_per_month - spec.per_month) * bell


@dataclass(frozen=True, slots=True, eq=False)
class _Paths:
    """The observed or scenario-driven monthly paths of the procedure."""

    first: FloatArray
    repeat: FloatArray
    nareizigers: FloatArray
    ind: FloatArray
    recognition_first: FloatArray
    recognition_repeat: FloatArray
    closed: FloatArray
    noise: bool  # per-run inflow noise (not for observed history)


def _history_paths(
    data_dir: Path | str | None,
    values: dict[str, float],
    start: int,
    months: int,
    known_until: str | None,
) -> _Paths:
    """The observed monthly inputs from the data folder (scenario 'historie')."""
    if data_dir is None:
        raise ChainConfigError("Scenario 'historie' vraagt de gegevensmap.")
    hist = load_history(data_dir, month_label(start + months - 1), known_until)
    offset = start - hist.start
    if offset < 0:
        raise ChainConfigError("Historie begint pas in 2013-01.")
    cut = slice(offset, offset + months)
    return _Paths(
        first=hist.first[cut],
        repeat=hist.repeat[cut],
        nareizigers=hist.nareizigers[cut],
        ind=hist.ind_decisions[cut] * values["history_persons_per_decision"],
        recognition_first=hist.recognition_first[cut],
        recognition_repeat=hist.recognition_repeat[cut],
        closed=hist.closed_share[cut],
        noise=False,
    )


# Paths that a scenario (not history) takes from one parameter in every month.
SCENARIO_PATH_PARAMETERS = (
    "repeat_requests_per_month",
    "recognition_rate_repeat",
    "closed_share",
)


def _scenario_paths(
    scenario: ChainScenario, values: dict[str, float], months: int
) -> _Paths:
    """The scenario's inflow; the procedure at the parameters' values."""
    ones = np.ones(months)
    return _Paths(
        first=_inflow_path(scenario, months),
        repeat=ones * values["repeat_requests_per_month"],
        nareizigers=np.full(months, np.nan),
        ind=ones * values["ind_decisions_per_month"],
        recognition_first=ones * values["recognition_rate_first"],
        recognition_repeat=ones * values["recognition_rate_repeat"],
        closed=ones * values["closed_share"],
        noise=scenario.inflow.kind != "per_run",  # per-run rows carry their spread
    )


CAPACITY_PARAMETERS = (
    "capacity_regular",
    "capacity_small_scale",
    "capacity_noodopvang",
)


def _capacity(
    scenario: ChainScenario, values: dict[str, float], start: int, months: int
) -> tuple[FloatArray, BoolArray]:
    """(3, months): regular, small-scale, noodopvang; the scenario's steps override
    the parameters from their month on. Also the months still at the parameters."""
    cap = np.empty((3, months))
    for i, name in enumerate(CAPACITY_PARAMETERS):
        cap[i] = values[name]
    from_parameters = np.ones(months, dtype=bool)
    for step in scenario.capacity:
        mask = _from(step.start, start, months)
        cap[0, mask], cap[1, mask], cap[2, mask] = (
            step.regular,
            step.small_scale,
            step.noodopvang,
        )
        from_parameters &= ~mask
    return cap, from_parameters


def _urgency(lv: Levers, start: int, months: int) -> FloatArray:
    urgency = np.zeros(months)
    if lv.urgency_scheme:
        on = _from(lv.urgency_from, start, months)
        if lv.urgency_until:
            on &= np.arange(months) <= month_index(lv.urgency_until) - start
        urgency[on] = 1.0
    return urgency


def _gemeenten(
    data_dir: Path | str | None,
    gemeenten: GemeenteInputs | None,
    detail_gemeenten: tuple[str, ...],
) -> tuple[GemeenteInputs, tuple[int, ...]]:
    if gemeenten is None:
        if data_dir is None:
            raise ChainConfigError("Geen gegevensmap opgegeven voor de gemeenten.")
        gemeenten = load_gemeente_inputs(data_dir)
    unknown = [c for c in detail_gemeenten if c not in gemeenten.codes]
    if unknown:
        raise ChainConfigError(f"Onbekende gemeentecode(s): {', '.join(unknown)}.")
    return gemeenten, tuple(gemeenten.codes.index(c) for c in detail_gemeenten)


def build_inputs(
    scenario: ChainScenario,
    data_dir: Path | str | None = None,
    gemeenten: GemeenteInputs | None = None,
    detail_gemeenten: tuple[str, ...] = (),
    history_known_until: str | None = None,
) -> ChainInputs:
    """Resolve the scenario against the data folder (history, gemeenten).

    `detail_gemeenten` (CBS codes) get monthly series of their own in the result.
    `history_known_until` (a calibration's cut-off) replays history with only the
    figures about periods up to that month (see `load_history`).
    """
    scenario.validate()
    values = resolve_values(scenario.parameters)
    start = month_index(scenario.start)
    months = scenario.months
    gem, detail_index = _gemeenten(data_dir, gemeenten, detail_gemeenten)
    if scenario.inflow.kind == "historie":
        paths = _history_paths(data_dir, values, start, months, history_known_until)
    else:
        paths = _scenario_paths(scenario, values, months)
    lv = scenario.levers
    ind = paths.ind + lv.extra_ind_decisions_per_month * _from(
        lv.extra_ind_from, start, months
    )
    paths = replace(paths, ind=ind)
    cap, cap_from_parameters = _capacity(scenario, values, start, months)
    tv = lv.tussenvoorziening_places * _from(lv.tussenvoorziening_from, start, months)
    housing = 1.0 + lv.extra_housing_pct / 100 * _from(
        lv.extra_housing_from, start, months
    )
    historie = scenario.inflow.kind == "historie"
    parameter_months = {name: cap_from_parameters for name in CAPACITY_PARAMETERS}
    if not historie:
        everywhere = np.ones(months, dtype=bool)
        for name in SCENARIO_PATH_PARAMETERS:
            parameter_months[name] = everywhere
    return ChainInputs(
        start=start,
        first=np.asarray(paths.first, dtype=np.float64),
        repeat=np.asarray(paths.repeat, dtype=np.float64),
        nareizigers_observed=np.asarray(paths.nareizigers, dtype=np.float64),
        ind_decisions=np.asarray(paths.ind, dtype=np.float64),
        recognition_first=np.asarray(paths.recognition_first, dtype=np.float64),
        recognition_repeat=np.asarray(paths.recognition_repeat, dtype=np.float64),
        closed_share=np.asarray(paths.closed, dtype=np.float64),
        cap_regular=cap[0],
        cap_small_scale=cap[1],
        cap_noodopvang=cap[2],
        urgency=_urgency(lv, start, months),
        tussenvoorziening_places=np.asarray(tv, dtype=np.float64),
        housing_factor=np.asarray(housing, dtype=np.float64),
        taakstelling_response=np.asarray(
            lv.taakstelling_response
            * _from(lv.taakstelling_response_from, start, months),
            dtype=np.float64,
        ),
        gemeenten=gem,
        values=values,
        inflow_noise=paths.noise,
        noodopvang_auto_scale=lv.noodopvang_auto_scale,
        initial_asylum_seekers=scenario.initial_asylum_seekers,
        initial_statushouders=scenario.initial_statushouders,
        initial_inburgering=scenario.initial_inburgering,
        inflow_kind=scenario.inflow.kind,
        parameter_months=parameter_months,
        capacity_parameters=(
            ("ind_decisions_per_month", "history_persons_per_decision")
            if historie
            else ("ind_decisions_per_month",)
        ),
        detail_index=detail_index,
        opening_state=(
            history_end_state(data_dir, scenario.start, gem)
            if scenario.opening == "historie"
            else None
        ),
        first_per_run=_per_run(scenario, months),
    )
