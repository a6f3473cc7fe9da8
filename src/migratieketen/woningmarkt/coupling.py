# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""How the ketenmodel can use the housing market (issue 13, item 3; ADR 0011).

Two ways, so the chain can choose between fidelity and speed:

* `ChainCoupling`: the full queue model per gemeente, advanced one chain step at a time with
  the statushouders the chain links in that step; it returns the statushouders who leave
  COA (into a home, a tussenvoorziening, or directly to family). Lanes are the chain's
  (gemeente, run) pairs, gemeente-major, so the chain's per-run draws line up.
* `statushouder_capacity`: a calibrated summary, the persons per step that a policy lets
  each gemeente house through its priority share (central parameter values), to replace the
  chain's coarse "lettings x share x persons per dwelling" lever.
* `taakstelling_response`: what the ketenmodel uses every half-year (vectorised over its
  runs and gemeenten): how far gemeenten raise their priority share towards their
  taakstelling, within a ceiling on the share of lettings.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import numpy.typing as npt

from migratieketen.woningmarkt.engine import MarketState, allocate, prepare
from migratieketen.woningmarkt.lanes import build_lanes, settings_for
from migratieketen.woningmarkt.market import GemeenteMarket
from migratieketen.woningmarkt.params import WoningmarktError, resolve_values
from migratieketen.woningmarkt.policy import Policy

F64 = npt.NDArray[np.float64]


class ChainCoupling:
    """The housing market of many gemeenten, driven step by step by the chain."""

    def __init__(
        self,
        markets: Sequence[GemeenteMarket],
        policy: Policy,
        runs: int,
        *,
        seed: int = 0,
        years: int = 10,
        steps_per_year: int = 12,
        parameters: Mapping[str, float] | None = None,
    ) -> None:
        values = resolve_values(parameters)
        self.lanes = build_lanes(
            markets, runs, values, seed=seed, years=years, steps_per_year=steps_per_year
        )
        lanes = self.lanes
        # the chain supplies the links: keep the backlog, forget the drawn ones
        lanes.links_cum[lanes.offset + 1 :] = lanes.links_cum[lanes.offset]
        lanes.links[:] = 0.0
        lanes.direct[:] = 0.0
        self.settings = settings_for([policy], lanes.steps, steps_per_year)
        self.state = MarketState.empty((1, lanes.runs))
        self.prepared = prepare(lanes, self.settings)
        self.t = 0

    def step(self, linked: F64) -> F64:
        """Advance one step with `linked` (lanes,) statushouders linked in it; return the
        statushouders who left COA in it (lanes,), the directly housed included."""
        lanes, t = self.lanes, self.t
        if t >= lanes.steps:
            raise WoningmarktError("De looptijd van het woningmarktmodel is voorbij.")
        linked = np.asarray(linked, dtype=np.float64)
        if linked.shape != (lanes.runs,) or np.any(linked < 0):
            raise WoningmarktError(
                f"Geef per baan een aantal gekoppelde statushouders >= 0 ({lanes.runs})."
            )
        direct = lanes.direct_share * linked
        col = lanes.offset + t + 1
        lanes.links[t] = linked
        lanes.direct[t] = direct
        lanes.links_cum[col] = lanes.links_cum[col - 1] + linked - direct
        before = self.state.out_of_coa[0].copy()
        allocate(lanes, self.settings, self.state, t, self.prepared)
        self.t += 1
        return np.asarray(self.state.out_of_coa[0] - before + direct)

    def waiting_in_coa(self) -> F64:
        """Statushouders linked to each lane's gemeente and still in COA."""
        col = self.lanes.offset + self.t
        return np.asarray(self.lanes.links_cum[col] - self.state.out_of_coa[0])


def statushouder_capacity(
    markets: Sequence[GemeenteMarket],
    policy: Policy,
    *,
    steps_per_year: int = 12,
    parameters: Mapping[str, float] | None = None,
) -> dict[str, F64]:
    """Per gemeente (central values): the statushouders per step its priority share can
    house from COA, and the share of the linked who need no letting at all."""
    policy.validate()
    v = resolve_values(parameters)
    stock = np.array([m.corporation_stock for m in markets])
    lettings = stock * v["turnover_per_year"] / steps_per_year
    persons = policy.persons_per_dwelling or v["persons_per_dwelling"]
    return {
        "priority_persons_per_step": policy.priority_share * lettings * persons,
        "lettings_per_step": lettings,
        "direct_share": np.full(len(markets), v["direct_housing_share"]),
    }


MONTHS_PER_HALF_YEAR = 6


def taakstelling_target(waiting: F64, links_per_month: F64, share: F64) -> F64:
    """(runs, gemeenten) persons a month each gemeente must house in a half-year.

    Huisvestingswet 2014 art. 28-29: the taakstelling is built from the permits
    expected in the period plus the statushouders already waiting in COA, and what a
    gemeente does not realise carries over to the next half-year (art. 28-29,
    https://wetten.overheid.nl/BWBR0035303). So:
    its waiting statushouders spread over six months plus its share of the links.
    """
    return np.asarray(waiting / MONTHS_PER_HALF_YEAR + links_per_month[:, None] * share)


def taakstelling_response(
    target: F64,
    lettings: F64,
    base_share: F64,
    persons_per_dwelling: F64,
    response: F64,
    max_share: F64,
    previous: F64,
) -> F64:
    """(runs, gemeenten) extra statushouders a month housed with priority.

    Each half-year a gemeente moves its extra priority lettings a fraction `response`
    (per run) of the way from last half-year's extra (`previous`) to what would close
    the gap between its taakstelling and what its base share of lettings houses:
    gemeenten build up extra lettings and flexible homes over several half-years, and
    keep them while the taakstelling stays up. The extra never takes more than
    `max_share` of all its lettings together with the base share (the rest stays with
    regular and other urgent home seekers). `base_share`, `persons_per_dwelling`,
    `response` and `max_share` are (runs,); the others (runs, gemeenten).
    """
    per_letting = persons_per_dwelling[:, None]
    base = lettings * (base_share * persons_per_dwelling)[:, None]
    gap = np.maximum(target - base, 0.0)
    room = lettings * (np.maximum(max_share - base_share, 0.0)[:, None] * per_letting)
    wanted = np.minimum(gap, room)
    step = response[:, None]
    return np.asarray(np.minimum(previous + step * (wanted - previous), room))
