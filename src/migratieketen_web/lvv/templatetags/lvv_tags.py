# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""The LVV section of the gemeente page: outcome shares next to the pilot evaluation."""

from __future__ import annotations

from typing import Any

from django import template

from migratieketen_web.accounts.isolation import PUBLIC
from migratieketen_web.accounts.services import request_actor
from migratieketen_web.lvv import services

register = template.Library()


@register.inclusion_tag("lvv/partials/gemeente_section.html", takes_context=True)
def lvv_section(context: dict[str, Any], gemeente: Any) -> dict[str, Any]:
    request = context.get("request")
    actor = request_actor(request) if request is not None else PUBLIC
    local = services.aggregate(actor, gemeente.code)
    national = services.aggregate(actor, None)
    pilot = national.pilot if national else None
    published = (
        {
            "bestendig": pilot.lasting_pct,
            "semi_bestendig": pilot.semi_lasting_pct,
            "geen": pilot.none_pct,
        }
        if pilot
        else {}
    )
    rows = [
        (
            label,
            local.shares.get(key) if local else None,
            national.shares.get(key) if national else None,
            published.get(key),
        )
        for key, label in services.CLASS_NAMES.items()
    ]
    return {"local": local, "national": national, "pilot": pilot, "rows": rows}
