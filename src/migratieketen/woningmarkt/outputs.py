# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Per-run outputs of one setting: waiting times per group, COA, taakstelling, verdringing.

Everything here is per lane (one value per Monte Carlo run); `result.py` turns the runs into
medians and bands. Waiting times are in steps here and converted to months there.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from migratieketen.woningmarkt import curves
from migratieketen.woningmarkt.run import RawRun

F64 = npt.NDArray[np.float64]

GROUPS = ("statushouders_coa", "statushouders_woning", "urgent", "regulier")
GROUP_LABELS = {
    "statushouders_coa": "Statushouders: tijd in COA-opvang na koppeling",
    "statushouders_woning": "Statushouders: tijd tot een reguliere woning",
    "urgent": "Andere urgent woningzoekenden",
    "regulier": "Reguliere woningzoekenden (inschrijfduur)",
}
QS = (0.5, 0.9)


@dataclass(frozen=True, slots=True, eq=False)
class GroupRuns:
    """Per-run waiting times (steps) of one group in one setting."""

    joined: F64  # (R, 2) p50, p90 of those who joined during the horizon
    censored: F64  # (R,) share of those still waiting at the end
    housed_last_year: F64  # (R, 2) p50, p90 of those housed in the last year
    mean: F64  # (R,) person-steps waited within the horizon per person (Little)


def _curves(raw: RawRun, s: int, group: str) -> tuple[F64, float, F64, F64 | None]:
    """(arrival curve, its start, departure curve, slope before the grid), lane-major."""
    lanes = raw.lanes
    if group.startswith("statushouders"):
        key = "out_of_coa" if group == "statushouders_coa" else "housed"
        arrival = np.ascontiguousarray(lanes.links_cum.T)
        return arrival, -lanes.offset, raw.curves[key][s], None
    if group == "urgent":
        arrival = np.ascontiguousarray(lanes.urgent_cum.T)
        return arrival, -lanes.offset, raw.curves["urgent_housed"][s], None
    grid = np.arange(lanes.steps + 1, dtype=np.float64)
    arrival = lanes.regular_rate[:, None] * (
        grid[None, :] + lanes.regular_wait0[:, None]
    )
    return arrival, 0.0, raw.curves["regular_housed"][s], lanes.regular_rate


def group_runs(raw: RawRun, s: int, group: str) -> GroupRuns:
    arrival, start, departure, slope = _curves(raw, s, group)
    T = raw.lanes.steps
    last_year = (max(0, T - raw.lanes.steps_per_year), T)
    joined, censored = curves.quantiles_arrivals(
        arrival, start, departure, (0, T), QS, slope_before=slope
    )
    housed = curves.quantiles_departures(
        arrival, start, departure, last_year, QS, slope_before=slope
    )
    present = arrival[:, -1] - departure[:, 0]  # everyone in the queue during 0..T
    area = curves.area_over_time(arrival[:, int(-start) :], departure)
    return GroupRuns(joined, censored, housed, area / np.maximum(present, 1e-9))


AREA_OF = {
    "statushouders_coa": "coa",
    "statushouders_woning": "no_home",
    "urgent": "urgent",
    "regulier": "regular",
}


def little_gaps(raw: RawRun, s: int) -> dict[str, float]:
    """Little's law per group, largest relative gap over the runs: the person-steps
    waited as summed during the run from the queue lengths (mean queue x horizon)
    against the sum over persons of each one's FIFO time in the queue within the
    horizon, taken from the recorded arrival and departure curves."""
    out = {}
    for group in GROUPS:
        arrival, start, departure, _ = _curves(raw, s, group)
        horizontal = curves.sojourn_sum(arrival, start, departure)
        vertical = raw.areas[AREA_OF[group]][s]
        gap = np.abs(vertical - horizontal) / np.maximum(np.abs(vertical), 1.0)
        out[group] = float(gap.max())
    return out


def conservation(raw: RawRun) -> dict[str, float]:
    """Largest violation over all lanes of each balance (persons or dwellings).

    persons: opening stocks + arrivals = housed (summed step flows) + closing stocks, for
    statushouders, other urgent and regular seekers together; dwellings: lettings = the
    dwellings each channel took + unlet.
    """
    lanes, st, tot = raw.lanes, raw.state, raw.totals
    o, T = lanes.offset, lanes.steps
    linked = lanes.links_cum[-1][None, :]
    regular_in = lanes.regular_rate * (T + lanes.regular_wait0)
    opening = (
        lanes.links_cum[o]
        + lanes.urgent_cum[o]
        + lanes.regular_rate * lanes.regular_wait0
    )
    inflow = (linked - lanes.links_cum[o]) + (
        lanes.urgent_cum[-1] - lanes.urgent_cum[o]
    )
    inflow = inflow + lanes.regular_rate * T
    statushouders = tot["priority"] + tot["urgency"] + tot["regular_route"]
    outflow = statushouders + tot["urgent"] + tot["regular"]
    stocks = {
        "in COA": linked - st.out_of_coa,
        "in tussenvoorziening": st.out_of_coa - st.housed,
        "urgent wachtend": lanes.urgent_cum[-1][None, :] - st.urgent_housed,
        "regulier wachtend": regular_in[None, :] - st.regular_housed,
    }
    closing = sum(stocks.values())
    persons = opening + inflow - outflow - closing
    dwellings = tot["lettings"] - (
        statushouders / raw.persons + tot["urgent"] + tot["regular"] + tot["unlet"]
    )
    realised = raw.realised.sum(axis=2) - (
        st.out_of_coa + lanes.direct.sum(axis=0)[None, :]
    )
    negative = min(float(v.min()) for v in (*stocks.values(), tot["unlet"]))
    scale = float(np.maximum(opening + inflow, 1.0).max())
    return {
        "personen: begin + instroom = gehuisvest + eind": float(np.abs(persons).max())
        / scale,
        "woningen: verhuurd = toegewezen + leeg": float(np.abs(dwellings).max())
        / scale,
        "taakstelling: gerealiseerd = uit COA + direct": float(np.abs(realised).max())
        / scale,
        "geen negatieve voorraad": max(0.0, -negative) / scale,
        "tussenvoorziening binnen capaciteit": float(raw.tv_overfill.max(initial=0.0))
        / scale,
    }


def coa_runs(raw: RawRun, s: int) -> dict[str, F64]:
    """Statushouders in COA: place-steps, mean places, end backlog, cost (per run)."""
    lanes = raw.lanes
    area = raw.areas["coa"][s]
    linked = lanes.links_cum[-1] - lanes.links_cum[lanes.offset] + lanes.backlog
    return {
        "place_steps": area,
        "mean_places": area / lanes.steps,
        "months_per_statushouder": area / np.maximum(linked, 1e-9),
        "backlog_end": lanes.links_cum[-1] - raw.state.out_of_coa[s],
        "cost": area * lanes.cost_per_step,
    }


def ledger_runs(raw: RawRun, s: int) -> dict[str, F64]:
    """Taakstelling, realised and carry-over per half-year (Huisvestingswet 2014 art. 28;
    carry-over of achterstand/voorsprong as in practice), per run: (R, H)."""
    lanes = raw.lanes
    taak = lanes.taakstelling
    realised = raw.realised[s]
    carry_out = lanes.backlog[:, None] + np.cumsum(taak - realised, axis=1)
    carry_in = np.concatenate([lanes.backlog[:, None], carry_out[:, :-1]], axis=1)
    opgave = carry_in + taak
    share = np.divide(
        realised, opgave, out=np.full_like(realised, np.nan), where=opgave > 0
    )
    return {
        "realised": realised,
        "carry_out": carry_out,
        "opgave": opgave,
        "share": share,
    }


def verdringing_runs(raw: RawRun, s: int, reference: int) -> dict[str, F64]:
    """Extra waiting (steps, summed over persons) of the other groups per statushouder
    housed with priority, against the same runs without priority (common random numbers).
    """
    with_priority = raw.totals["priority"][s] + raw.totals["urgency"][s]
    base = np.maximum(with_priority, 1e-9)
    out = {}
    for group in ("urgent", "regular"):
        extra = raw.areas[group][s] - raw.areas[group][reference]
        out[group] = np.where(with_priority > 1e-6, extra / base, np.nan)
    out["with_priority"] = with_priority
    return out
