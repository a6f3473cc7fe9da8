# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""migratieketen.woningmarkt: social-rental allocation per gemeente, as a queue model.

The trade-off between priority for statushouders and the waiting times of other home
seekers, with tussenvoorzieningen, shared housing and new-build as levers (ADR 0011).

    from migratieketen.woningmarkt import Policy, build_markets, simulate, frontier
    market = build_markets(dataset, ["GM0363"], HalfYear(2026, 1), 20, 13000)[0]
    result = simulate(market, Policy(priority_share=0.3), runs=1000, seed=0)
    result.to_dict()
"""

from __future__ import annotations

from migratieketen.woningmarkt.market import (
    GemeenteMarket,
    build_markets,
    combine_markets,
    market_from_figures,
)
from migratieketen.woningmarkt.params import (
    WoningmarktError,
    default_parameters,
    resolve_values,
)
from migratieketen.woningmarkt.policy import NewBuild, Policy, Tussenvoorziening
from migratieketen.woningmarkt.result import (
    Band,
    ModelInvariantError,
    WoningmarktResult,
    simulate,
)

__all__ = [
    "Band",
    "GemeenteMarket",
    "ModelInvariantError",
    "NewBuild",
    "Policy",
    "Tussenvoorziening",
    "WoningmarktError",
    "WoningmarktResult",
    "build_markets",
    "combine_markets",
    "default_parameters",
    "market_from_figures",
    "resolve_values",
    "simulate",
]
