# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Opvang: which reception locations to open, where, when and how large.

A two-stage stochastic MIP (HiGHS, ADR 0010) over demand paths from the ketenmodel:
locations open with their lead times before the inflow is known; per path, demand
above open capacity goes to the dearer crisis shelter and empty places cost money.
Norms (per-type maximum, neighbourhood proportionality, Spreidingswet target) are dated
parameters with their source (`normen.yaml`). It is compared with the reactive status
quo and the deterministic plan on the median path, and backtested 2014-2024.
See docs/opvangplanner.md.
"""

from migratieketen.plan.opvang.norms import TYPES, Norms, OpvangError, norms_at
from migratieketen.plan.opvang.run import OpvangResult, Settings, plan_opvang

__all__ = [
    "TYPES",
    "Norms",
    "OpvangError",
    "OpvangResult",
    "Settings",
    "norms_at",
    "plan_opvang",
]
