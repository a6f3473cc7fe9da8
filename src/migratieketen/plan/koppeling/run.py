# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""One koppeling run: the chosen policy, the status-quo proxy it is compared with, the
hindsight optimum it is measured against, and the records and summary for the CLI."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from migratieketen.plan.koppeling import fairness
from migratieketen.plan.koppeling.batch import FairnessGuard, batch
from migratieketen.plan.koppeling.capacity import (
    file_capacity,
    planning_half_years,
    taakstelling_capacity,
)
from migratieketen.plan.koppeling.dynamic import (
    DEFAULT_WAIT_WEEKS,
    MAX_WAIT_WEEKS,
    DynamicSettings,
    applied_wait_weeks,
    dynamic,
)
from migratieketen.plan.koppeling.explain import explain
from migratieketen.plan.koppeling.greedy import greedy
from migratieketen.plan.koppeling.hindsight import hindsight
from migratieketen.plan.koppeling.inputs import read_capacity, read_households
from migratieketen.plan.koppeling.model import (
    Assignment,
    IntArray,
    KoppelingError,
    Problem,
)
from migratieketen.plan.koppeling.online import weeks_waited
from migratieketen.plan.koppeling.score_file import read_scores
from migratieketen.plan.koppeling.scores import default_scores, file_scores
from migratieketen.plan.koppeling.statusquo import status_quo

MODES = ("statusquo", "greedy", "batch", "dynamisch", "hindsight")


def load_problem(
    households_path: Path,
    scores_path: Path | None,
    capacity_path: Path | None,
    data_dir: Path,
    strict_columns: bool = True,
) -> Problem:
    """Read and check all files first; nothing is computed on a partly valid input.

    `strict_columns`: an unknown column refuses its file (the web, which keeps uploads);
    off, it is ignored and named in `Problem.notes` (the CLI, which keeps nothing).
    """
    notes: list[str] | None = None if strict_columns else []
    households = read_households(households_path, notes)
    ids = [h.id for h in households]
    score_table = read_scores(scores_path, ids, notes) if scores_path else None
    capacity_table = read_capacity(capacity_path, notes) if capacity_path else None
    periods = planning_half_years(households[0].arrival, households[-1].arrival)
    if capacity_table is not None:
        gemeenten = file_capacity(capacity_table, data_dir)
    else:
        gemeenten = taakstelling_capacity(periods, data_dir)
    scores = (
        file_scores(households, gemeenten, score_table)
        if score_table is not None
        else default_scores(households, gemeenten, data_dir)
    )
    return Problem(
        households,
        gemeenten,
        scores,
        periods[0].start,
        periods[-1].end,
        tuple(notes or ()),
    )


def run_policy(
    problem: Problem,
    mode: str,
    seed: int = 0,
    guard: FairnessGuard | None = None,
    wait_weeks: int | None = None,
) -> Assignment:
    """`wait_weeks`: the dynamic policy's beslistermijn (None: its default)."""
    weeks = DEFAULT_WAIT_WEEKS if wait_weeks is None else wait_weeks
    settings = DynamicSettings(seed=seed, max_wait_weeks=weeks)
    policies: dict[str, Callable[[], Assignment]] = {
        "statusquo": lambda: status_quo(problem),
        "greedy": lambda: greedy(problem),
        "batch": lambda: batch(problem, guard),
        "dynamisch": lambda: dynamic(problem, settings, guard),
        "hindsight": lambda: hindsight(problem, guard),
    }
    if mode not in policies:
        raise KoppelingError(f"Onbekende modus '{mode}'; kies uit {', '.join(MODES)}.")
    return policies[mode]()


@dataclass(frozen=True, slots=True)
class MatchResult:
    problem: Problem
    assignment: Assignment
    status_quo: Assignment
    hindsight: Assignment
    tolerance: float | None
    waited: IntArray  # per household, weeks from its arrival week to its linking week
    wait_weeks: int = 0  # the beslistermijn applied (dynamisch only)

    def records(self, explained: bool = True) -> list[dict[str, Any]]:
        p, a = self.problem, self.assignment
        allowed = p.allowed()
        out = []
        for i, h in enumerate(p.households):
            g = int(a.gemeente[i])
            rec: dict[str, Any] = {
                "huishouden_id": h.id,
                "aankomst": h.arrival.isoformat(),
                "personen": h.persons,
                "volwassenen": h.adults,
                "gemeentecode": p.gemeenten.codes[g] if g >= 0 else None,
                "gemeentenaam": p.gemeenten.names[g] if g >= 0 else None,
                "score": round(float(p.scores.values[i, g]), 6) if g >= 0 else None,
                "reden_niet_gekoppeld": a.reasons.get(i),
                "weken_gewacht": int(self.waited[i]) if g >= 0 else None,
            }
            if explained:
                rec["uitleg"] = explain(p, a, allowed, i)
            out.append(rec)
        return out

    def summary(self) -> dict[str, Any]:
        p, a = self.problem, self.assignment
        values = p.scores.values
        total, optimum = a.total(values), self.hindsight.total(values)
        received = a.received(p.persons, len(p.gemeenten.codes))
        cap = p.gemeenten.capacity
        return {
            "modus": a.policy,
            "huishoudens": p.n,
            "personen": int(p.persons.sum()),
            "gekoppeld": int((a.gemeente >= 0).sum()),
            "niet_gekoppeld": int((a.gemeente < 0).sum()),
            "totale_score": round(total, 6),
            "hindsight_optimum": round(optimum, 6),
            "hindsight_lp_bovengrens": (
                None
                if self.hindsight.upper_bound is None
                else round(self.hindsight.upper_bound, 6)
            ),
            "hindsight_methode": self.hindsight.method,
            "aandeel_hindsight_optimum": round(total / optimum, 6)
            if optimum > 0
            else None,
            "totale_score_statusquo": round(self.status_quo.total(values), 6),
            "rekentijd_s": round(a.seconds, 3),
            "wachten": self._waiting(),
            "meldingen": list(p.notes),
            "score": {
                "bron": p.scores.source,
                "label": p.scores.label,
                "formule": p.scores.formula,
                "herkomst": list(p.scores.provenance),
            },
            "capaciteit": {
                "bron": p.gemeenten.capacity_source,
                "totaal": int(cap.sum()),
                "gebruikt": int(received.sum()),
                "vervulling_taakstelling": round(fairness.fulfilment(p, a), 6),
                "per_gemeente": [
                    {
                        "gemeentecode": c,
                        "capaciteit": int(cap[g]),
                        "gekoppeld": int(received[g]),
                    }
                    for g, c in enumerate(p.gemeenten.codes)
                ],
            },
            "eerlijkheid": {
                "vergeleken_met": "statusquo",
                "tolerantie": self.tolerance,
                "groepen": fairness.table_dicts(
                    fairness.group_table(p, a, self.status_quo), self.tolerance
                ),
                "afgunst_tussen_gemeenten": fairness.envy(p, a),
            },
            "periode": {
                "van": p.period_start.isoformat(),
                "tot_en_met": p.period_end.isoformat(),
            },
        }

    def _waiting(self) -> dict[str, Any]:
        """How long linked households waited for their decision, in weeks: the cost of
        the dynamic policy's waiting list and beslistermijn, shown next to its gain."""
        waited = self.waited[self.assignment.gemeente >= 0]
        return {
            "beslistermijn_weken": self.wait_weeks,
            "huishoudens_gewacht": int((waited > 0).sum()),
            "gemiddeld_weken": round(float(waited.mean()), 3) if waited.size else 0.0,
            "langste_weken": int(waited.max()) if waited.size else 0,
        }


def check_wait_weeks(wait_weeks: int | None) -> None:
    if wait_weeks is not None and not 0 <= wait_weeks <= MAX_WAIT_WEEKS:
        raise KoppelingError(
            "De beslistermijn moet een geheel aantal weken van 0 tot en met "
            f"{MAX_WAIT_WEEKS} zijn."
        )


def match(
    problem: Problem,
    mode: str,
    seed: int = 0,
    tolerance: float | None = None,
    wait_weeks: int | None = None,
) -> MatchResult:
    """Run `mode`, the status quo (fairness reference) and the hindsight optimum."""
    if mode not in MODES:
        raise KoppelingError(f"Onbekende modus '{mode}'; kies uit {', '.join(MODES)}.")
    if tolerance is not None and not 0 <= tolerance < 1:
        raise KoppelingError("De tolerantie moet tussen 0 en 1 liggen, bv. 0.05.")
    check_wait_weeks(wait_weeks)
    weeks = DEFAULT_WAIT_WEEKS if wait_weeks is None else wait_weeks
    sq = status_quo(problem)
    guard = (
        fairness.guard_for(problem, sq, tolerance) if tolerance is not None else None
    )
    best = hindsight(problem, guard)
    chosen = {"statusquo": sq, "hindsight": best}.get(mode) or run_policy(
        problem, mode, seed, guard, weeks
    )
    applied = 0
    if mode == "dynamisch":
        applied = applied_wait_weeks(problem, weeks, guard is not None)
    waited = weeks_waited(problem, chosen.batch_of)
    return MatchResult(problem, chosen, sq, best, tolerance, waited, applied)
