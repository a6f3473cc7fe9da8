# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""The woningmarkt section of the gemeente page: the current policy's waiting times."""

from __future__ import annotations

from typing import Any

from django import template

from migratieketen_web.woningmarkt import services, views

register = template.Library()


@register.inclusion_tag("woningmarkt/partials/gemeente_section.html")
def woningmarkt_section(gemeente: Any) -> dict[str, Any]:
    """Waiting times per group under the current policy; a note when no open data."""
    try:
        analysis = services.analyse(services.current_levers(gemeente.code))
    except services.WoningmarktUnavailable as exc:
        return {"gemeente": gemeente, "unavailable": str(exc)}
    ctx = views.context(analysis)
    return {
        "gemeente": gemeente,
        "waits": ctx["waits"],
        "coa_months": ctx["coa_months"],
        "current": ctx["current"],
        "runs": analysis.result.runs,
    }
