# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""`{% opvang_plan_locations gemeente %}`: the gemeente's locations in the latest plan.

Shown in the gemeente page's Opvang section, under its Spreidingswet target.
"""

from __future__ import annotations

from typing import Any

from django import template

from migratieketen_web.opvang import services

register = template.Library()


@register.inclusion_tag("opvang/partials/gemeente_plan.html")
def opvang_plan_locations(gemeente: Any) -> dict[str, Any]:
    plan = services.latest_plan_for(gemeente.code, gemeente.province.code)
    rows: list[dict[str, Any]] = []
    if plan is not None and plan.result:
        rows = [r | {"max": max(r["plaatsen_per_maand"])}
                for r in plan.result["locaties"] if r["gemeentecode"] == gemeente.code]  # fmt: skip
    return {"plan": plan, "rows": rows, "gemeente": gemeente,
            "target": services.spreidingswet_target(gemeente.code)}  # fmt: skip
