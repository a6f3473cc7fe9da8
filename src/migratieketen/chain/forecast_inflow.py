# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""The forecast engine's sample paths fed through the ketenmodel.

The prognose (`migratieketen.forecast`) gives quarterly sample paths of first asylum
requests after its data cutoff. Here each quarter is split into months with the
forecast's own month-in-quarter shares (`forecast.engine.month_shares`, thirds where
the monthly series is not yet known at the cutoff), and the paths become the chain's
'per_run' inflow: run r follows forecast path r mod n, without the chain's own inflow
noise on top (the paths carry the forecast's uncertainty).

- Nareizigers: **endogenous, as the chain does** (a per-run ratio of the chain's own
  permits of the past months), not the forecast's nareizigers paths: the chain's
  permits follow its IND queue, which the forecast does not model.
- Opening: the history replay's state at the end of the cutoff month
  (`opening: historie`), so the scenario starts where the observed history left off.
- Procedure (IND capacity, recognition and closed shares, repeat requests): the
  chain's parameter values, or with `known_parameters` the means of the twelve
  months up to the cutoff in the history replay's inputs, reading only figures about
  complete periods up to the cutoff (`chain.history.load_history(known_until=)`).
- Levers: the policy in force at the start carries on (urgency for statushouders
  while it was law, the taakstelling response from 2024); later changes are not
  foreseen.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import numpy.typing as npt

from migratieketen.chain.builtin import (
    TAAKSTELLING_RESPONSE_FROM,
    URGENCY_OBLIGATION_UNTIL,
)
from migratieketen.chain.history import load_history
from migratieketen.chain.params import ChainConfigError, default_parameters
from migratieketen.chain.scenario import (
    ChainScenario,
    Inflow,
    Levers,
    month_index,
    month_label,
)
from migratieketen.data.asylum import period_index, period_label
from migratieketen.forecast.engine import ForecastResult, month_shares
from migratieketen.forecast.inputs import ForecastInputs
from migratieketen.forecast.models import MIN_HISTORY

F64 = npt.NDArray[np.float64]
KNOWN_MONTHS = 12  # months of history behind each known procedure parameter
MIN_QUARTERS = MIN_HISTORY  # the forecast models need this many quarters of data
NAREIZIGERS_NOTE = "nareizigers endogeen uit de vergunningen van het ketenmodel"


def first_month(cutoff: str) -> str:
    """The month after the data cutoff quarter ('2024-Q4' -> '2025-01')."""
    q = period_index(cutoff, "Q")
    return month_label((q // 4) * 12 + (q % 4) * 3 + 3)


def cutoff_before(month: str) -> str:
    """The last complete quarter before `month` ('2015-07' -> '2015-Q2')."""
    m = month_index(month) - 1
    year, within = divmod(m, 12)
    quarter = (within + 1) // 3  # complete quarters of `year` up to month m
    return period_label(year * 4 + quarter - 1, "Q")


def quarters_for(months: int) -> int:
    """Forecast quarters that cover `months` months after the cutoff."""
    return max(-(-months // 3), 1)


def monthly_paths(quarterly: F64, periods: tuple[str, ...], shares: F64) -> F64:
    """(paths, 3 x quarters): each quarter split by its month shares."""
    columns = []
    for k, quarter in enumerate(periods):
        q = int(quarter[-1]) - 1
        for m in range(3):
            columns.append(quarterly[:, k] * shares[3 * q + m])
    return np.asarray(np.column_stack(columns), dtype=np.float64)


def known_parameters(data_dir: Path | str, until: str) -> dict[str, float]:
    """Procedure parameters as known at the end of `until`: the mean of the last
    KNOWN_MONTHS months of the replay's inputs, figures about later periods unread,
    each clipped into the parameter's documented range. The IND capacity is counted
    as the replay counts it (first-instance and repeat decisions, times the calibrated
    persons per decision), so a forward run continues the replay it starts from."""
    hist = load_history(data_dir, until, known_until=until, partial=True)
    defs = default_parameters()
    ppd = defs["history_persons_per_decision"].value
    last = slice(-KNOWN_MONTHS, None)
    raw = {
        "ind_decisions_per_month": float(np.mean(hist.ind_decisions[last])) * ppd,
        "recognition_rate_first": float(np.mean(hist.recognition_first[last])),
        "recognition_rate_repeat": float(np.mean(hist.recognition_repeat[last])),
        "closed_share": float(np.mean(hist.closed_share[last])),
        "repeat_requests_per_month": float(np.mean(hist.repeat[last])),
    }
    out = {}
    for name, value in raw.items():
        if not np.isfinite(value):
            continue  # no figure known: the parameter's own value
        low, high = defs[name].minimum, defs[name].maximum
        value = value if low is None else max(value, low)
        out[name] = value if high is None else min(value, high)
    return out


def levers_at(start: str) -> Levers:
    """The housing policy in force at `start`, carried on unchanged."""
    s = month_index(start)
    return Levers(
        urgency_scheme=s <= month_index(URGENCY_OBLIGATION_UNTIL),
        taakstelling_response=s >= month_index(TAAKSTELLING_RESPONSE_FROM),
    )


def forecast_scenario(
    inputs: ForecastInputs,
    result: ForecastResult,
    *,
    months: int | None = None,
    parameters: dict[str, float] | None = None,
) -> ChainScenario:
    """A chain scenario whose first-request inflow is the forecast's sample paths.

    `inputs` are the forecast's inputs (cut at its cutoff), for the month shares.
    """
    periods = result.quarterly["eerste_asielverzoeken"].periods
    rows = monthly_paths(
        result.paths["eerste_asielverzoeken"],
        periods,
        month_shares(inputs.first_monthly),
    )
    n_months = rows.shape[1] if months is None else months
    if not 1 <= n_months <= rows.shape[1]:
        raise ChainConfigError(
            f"Prognose tot {result.until} beslaat {rows.shape[1]} maanden; gevraagd "
            f"{n_months}."
        )
    start = first_month(result.cutoff)
    known = (
        "procedure zoals bekend t/m de datagrens"
        if parameters
        else ("procedure op de parameterwaarden van het ketenmodel")
    )
    return ChainScenario(
        name="prognose",
        description=(
            f"Prognose op data t/m {result.cutoff} ({result.model}, "
            f"{rows.shape[0]} steekproefpaden, seed {result.seed}), door het "
            f"ketenmodel; beginstand: naspeling van de historie t/m "
            f"{month_label(month_index(start) - 1)}; {NAREIZIGERS_NOTE}; {known}."
        ),
        start=start,
        months=n_months,
        inflow=Inflow(kind="per_run", per_run=rows[:, :n_months].tolist()),
        levers=levers_at(start),
        parameters=dict(parameters or {}),
        runs=rows.shape[0],
        seed=result.seed,
        opening="historie",
    )
