# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Template helpers for the monitor, and the sections it adds to the gemeente page.

`{% huisvesting_section gemeente %}` and `{% opvang_section gemeente %}` compute their
own context, so the gemeenten app's view needs no change to show them.
"""

from __future__ import annotations

from typing import Any

from django import template
from django.utils.translation import gettext

from migratieketen_web.gemeenten.formatting import format_number
from migratieketen_web.monitor import overview
from migratieketen_web.monitor import spreiding as sp
from migratieketen_web.monitor.explanations import population_line
from migratieketen_web.monitor.services import (
    NOT_REGISTERED,
    MonitorData,
    MonitorUnavailable,
    SpreidingError,
)

register = template.Library()


@register.filter
def signed(value: int | None) -> str:
    """Saldo as read: +12 achterstand, −5 voorsprong (with a real minus sign)."""
    if value is None:
        return "–"
    if value > 0:
        return f"+{format_number(value)}"
    if value < 0:
        return f"−{format_number(-value)}"
    return "0"


@register.filter
def status_label(status: str) -> str:
    return gettext(overview.STATUS_LABELS.get(status, status))


@register.filter
def registered(status: str) -> bool:
    """False for 'niet geregistreerd': its remainder is unknown and is shown as '–'."""
    return status != NOT_REGISTERED


@register.filter
def gap_notes(data: MonitorData) -> list[str]:
    """The gaps in the active language; `data.gaps` stays Dutch for the API."""
    return data.gap_notes(gettext)


@register.filter
def status_class(status: str) -> str:
    return "mk-status--" + status.replace(" ", "-")


def _data(context: template.Context) -> MonitorData:
    """One MonitorData per rendered page, shared by both sections."""
    cache = context.render_context
    if "mk_monitor_data" not in cache:
        cache["mk_monitor_data"] = MonitorData()
    return cache["mk_monitor_data"]


@register.inclusion_tag(
    "monitor/partials/gemeente_huisvesting.html", takes_context=True
)
def huisvesting_section(context: template.Context, gemeente: Any) -> dict[str, Any]:
    data = _data(context)
    try:
        gm = data.gemeente(gemeente.code)
    except (MonitorUnavailable, KeyError) as exc:
        return {"unavailable": str(exc), "gemeente": gemeente}
    return {
        "gemeente": gemeente,
        "gm": gm,
        "cur": gm.current,
        "step": gm.report.supervision,
        "gaps": data.gaps,
    }


@register.inclusion_tag("monitor/partials/gemeente_opvang.html", takes_context=True)
def opvang_section(context: template.Context, gemeente: Any) -> dict[str, Any]:
    data = _data(context)
    try:
        result = sp.compute(data)
        g = result.result.per_gemeente[gemeente.code]
    except (sp.SpreidingUnavailable, SpreidingError, KeyError) as exc:
        return {"unavailable": str(exc), "gemeente": gemeente}
    province = result.provinces[gemeente.province.code]
    return {
        "gemeente": gemeente,
        "result": result,
        "g": g,
        "province": province,
        "population_source": population_line(data, result.population.year),
    }
