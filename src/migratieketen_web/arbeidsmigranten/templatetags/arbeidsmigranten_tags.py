# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""The Arbeidsmigranten section of the gemeente page: aggregates only, never a person.

A user with `beleid` (or `klantmanager`) of the gemeente sees every count; everyone
else sees counts from the minimum cell size up (smaller cells hidden).
"""

from __future__ import annotations

from typing import Any

from django import template

from migratieketen_web.accounts.isolation import PUBLIC
from migratieketen_web.accounts.services import request_actor
from migratieketen_web.arbeidsmigranten import services

register = template.Library()


@register.inclusion_tag(
    "arbeidsmigranten/partials/gemeente_section.html", takes_context=True
)
def arbeidsmigranten_section(context: dict[str, Any], gemeente: Any) -> dict[str, Any]:
    request = context.get("request")
    actor = request_actor(request) if request is not None else PUBLIC
    aggregate = services.gemeente_aggregate(actor, gemeente.code)
    if aggregate is None:
        return {"aggregate": None}
    types = [(services.TYPE_NAMES[k], v) for k, v in aggregate.per_type.items()]
    signals = [(services.SIGNAL_NAMES[k], v) for k, v in aggregate.signals.items()]
    return {
        "aggregate": aggregate,
        "type_rows": types,
        "signal_rows": signals,
        "gemeente": gemeente,
    }
