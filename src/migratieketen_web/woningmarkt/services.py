# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""The woningmarkt page, gemeente section and API: the only module of the app that calls
the core (`migratieketen.woningmarkt`).

A run is short (a few hundred Monte Carlo runs per month step, well under a second once
the open data is loaded), so it runs in the request; results are cached per gemeente and
lever setting, so the gemeente page and repeated API calls do not recompute.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from django.conf import settings
from django.utils.translation import gettext as _

from migratieketen.data import DataDirError, DataValidationError, load_dataset
from migratieketen.data.model import DataSet
from migratieketen.rules.huisvestingswet import HalfYear
from migratieketen.woningmarkt import (
    GemeenteMarket,
    Policy,
    Tussenvoorziening,
    WoningmarktError,
    WoningmarktResult,
    build_markets,
    default_parameters,
    resolve_values,
    simulate,
)
from migratieketen.woningmarkt.frontier import Frontier, FrontierPoint, frontier
from migratieketen_web.gemeenten.importer import current_vintage

__all__ = [
    "Analysis",
    "FrontierPoint",
    "InvalidLevers",
    "Levers",
    "WoningmarktUnavailable",
    "analyse",
    "api_body",
    "current_levers",
    "current_policy",
    "gemeente_choices",
    "known_gemeente",
    "parameter_rows",
]

FIRST_HALF_YEAR = HalfYear(2026, 1)
YEARS = 10
STEPS_PER_YEAR = 12  # monthly steps on the web (the CLI and benchmark run weekly)
RUNS = 300
FRONTIER_RUNS = 60
SEED = 0
CACHE_SIZE = 64
GROUP_ORDER = ("statushouders_coa", "statushouders_woning", "urgent", "regulier")


class WoningmarktUnavailable(RuntimeError):
    """No open data to build a gemeente's market from (Dutch message)."""


class InvalidLevers(ValueError):
    """A lever setting the core refuses (Dutch message); the edge checks first."""


@dataclass(frozen=True, slots=True)
class Levers:
    """A gemeente's lever setting, validated at the edge (forms.py, api/filters.py)."""

    gemeente: str
    voorrang: float  # share of lettings with priority, 0..1
    urgentie: bool = False
    tussenvoorziening: int = 0
    personen_per_woning: float | None = None
    nieuwbouw: int = 0

    def policy(self) -> Policy:
        places = (Tussenvoorziening(self.tussenvoorziening),)
        return Policy(
            priority_share=self.voorrang,
            urgency_category=self.urgentie,
            tussenvoorzieningen=places if self.tussenvoorziening else (),
            persons_per_dwelling=self.personen_per_woning,
            extra_new_build_per_year=float(self.nieuwbouw),
            label="gekozen beleid",
        ).validate()


@dataclass(frozen=True, slots=True)
class Analysis:
    """One lever setting of one gemeente: its result, the frontier, the current policy."""

    levers: Levers
    market: GemeenteMarket
    result: WoningmarktResult
    frontier: Frontier
    current: Policy


def _data_dir() -> Path:
    vintage = current_vintage()
    if vintage is not None and Path(vintage.data_dir).is_dir():
        return Path(vintage.data_dir)
    configured = settings.MIGRATIEKETEN_DATA_DIR
    if configured and Path(configured).is_dir():
        return Path(configured)
    raise WoningmarktUnavailable(
        _(
            "Geen open data beschikbaar: lees eerst de open data in "
            "(python manage.py import_open_data) of zet MIGRATIEKETEN_DATA_DIR."
        )
    )


@lru_cache(maxsize=2)
def _dataset(data_dir: str) -> DataSet:
    try:
        return load_dataset(Path(data_dir))
    except (DataDirError, DataValidationError) as exc:
        raise WoningmarktUnavailable(str(exc)) from exc


def dataset() -> DataSet:
    return _dataset(str(_data_dir()))


def gemeente_choices() -> list[tuple[str, str]]:
    """(code, name) of every gemeente in the open data, by name."""
    return sorted(
        ((g.code, g.name) for g in dataset().gemeenten), key=lambda c: c[1].lower()
    )


def known_gemeente(code: str) -> bool:
    return any(g.code == code for g in dataset().gemeenten)


def market(code: str) -> GemeenteMarket:
    values = resolve_values(None)
    try:
        return build_markets(
            dataset(), [code], FIRST_HALF_YEAR, 2 * YEARS, values["future_vg"]
        )[0]
    except WoningmarktError as exc:
        raise WoningmarktUnavailable(str(exc)) from exc


def current_policy(urgentie: bool = False) -> Policy:
    """The current policy marked on the frontier: the national priority share
    (an ASSUMPTION per gemeente, see the parameter `current_priority_share`)."""
    share = resolve_values(None)["current_priority_share"]
    return Policy(share, urgentie, label="huidig beleid")


def current_levers(code: str) -> Levers:
    return Levers(gemeente=code, voorrang=current_policy().priority_share)


_CACHE: OrderedDict[Levers, Analysis] = OrderedDict()
_LOCK = threading.Lock()


def analyse(levers: Levers) -> Analysis:
    """Simulate the setting, its frontier and the current policy (cached)."""
    with _LOCK:
        if levers in _CACHE:
            _CACHE.move_to_end(levers)
            return _CACHE[levers]
    m = market(levers.gemeente)
    try:
        policy = levers.policy()
    except WoningmarktError as exc:
        raise InvalidLevers(str(exc)) from exc
    current = current_policy(levers.urgentie)
    common: dict[str, Any] = {
        "seed": SEED,
        "years": YEARS,
        "steps_per_year": STEPS_PER_YEAR,
    }
    result = simulate(m, policy, runs=RUNS, **common)
    front = frontier(m, current, runs=FRONTIER_RUNS, chosen=policy, **common)
    analysis = Analysis(levers, m, result, front, current)
    with _LOCK:
        _CACHE[levers] = analysis
        while len(_CACHE) > CACHE_SIZE:
            _CACHE.popitem(last=False)
    return analysis


def parameter_rows() -> list[dict[str, str]]:
    """Every model parameter with its kind (DATA / DERIVED / ASSUMPTION) and source."""
    return [
        {
            "name": p.name,
            "value": f"{p.value:g}",
            "unit": p.unit,
            "kind": p.kind,
            "description": p.description,
            "source": p.source,
        }
        for p in default_parameters().values()
    ]


def api_body(analysis: Analysis) -> dict[str, Any]:
    """The API answer: the core's result and frontier as Dutch JSON, plus the levers."""
    lv = analysis.levers
    result = analysis.result.to_dict()
    return {
        "gemeentecode": analysis.market.code,
        "gemeentenaam": analysis.market.name,
        "hefbomen": {
            "voorrang": lv.voorrang,
            "urgentie": lv.urgentie,
            "tussenvoorziening": lv.tussenvoorziening,
            "personenPerWoning": lv.personen_per_woning,
            "nieuwbouw": lv.nieuwbouw,
        },
        "huidigBeleid": analysis.current.describe(),
        "label": result["label"],
        "runs": result["runs"],
        "jaren": result["jaren"],
        "stappenPerJaar": result["stappen_per_jaar"],
        "wachttijden": result["wachttijden"],
        "coa": result["coa"],
        "taakstelling": result["taakstelling"],
        "verdringing": result["verdringing"],
        "front": analysis.frontier.to_dict(),
        "bronnen": result["bronnen"],
        "aannames": result["aannames"],
    }
