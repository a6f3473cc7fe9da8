# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Outcomes to set beside local choices: the monitor's realisation per gemeente.

Counts from the register, never a model: the comparison page must not mix an estimate
into what it presents as an observed outcome.
"""

from __future__ import annotations

from typing import Any

from migratieketen_web.monitor.services import MonitorData, MonitorUnavailable
from migratieketen_web.werkplaats.services import NOT_REGISTERED


def outcomes(codes: list[str]) -> dict[str, dict[str, Any]]:
    """Per gemeente: the last ended half-year's opgave, housed, share and remaining."""
    if not codes:
        return {}
    data = MonitorData()
    try:
        data.run  # noqa: B018 - raises when nothing can be computed
    except MonitorUnavailable:
        return {}
    data.load_housed(codes)
    out: dict[str, dict[str, Any]] = {}
    for code in set(codes):
        ended = [s for s in data.gemeente(code).report.half_years if s.ended]
        if not ended:
            continue
        s = ended[-1]
        known = s.status != NOT_REGISTERED
        out[code] = {
            "half_year": str(s.half_year),
            "opgave": s.opgave,
            "realised": s.realised if known else None,
            "share": round(100 * s.realised / s.opgave) if known and s.opgave else None,
            "remaining": s.remaining if known else None,
        }
    return out
