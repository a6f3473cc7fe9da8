# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""`{% scenario_section gemeente %}`: the latest published scenario run for a gemeente.

Only a run that a signed-in user with the right to publish marked as published is
shown on these public pages (an anonymous run is visible only through its link);
without one, the section offers the built-in scenarios to run.

Computes its own context (as the monitor's sections do), so the gemeenten app's view
needs no change; the gemeente template only includes the tag.
"""

from __future__ import annotations

from typing import Any

from django import template
from django.utils.translation import gettext_lazy as _

from migratieketen_web.gemeenten.formatting import format_number
from migratieketen_web.scenarios.presets import ONE_CLICK, PRESETS
from migratieketen_web.scenarios.results import euro, gemeente_entry
from migratieketen_web.scenarios.services import latest_published

register = template.Library()

# Short labels: the section is a narrow card; the full labels are on the run's page.
ROWS = (
    ("waiting_end", _("Wachtend op een woning aan het eind"), "n"),
    ("housed_total", _("Gehuisvest in de hele periode"), "n"),
    ("crisis_places_peak", _("Crisisplaatsen op de piek*"), "n"),
    ("crisis_cost_total", _("Kosten crisisnoodopvang*"), "eur"),
)


def _fmt(value: float, kind: str) -> str:
    return euro(value) if kind == "eur" else format_number(round(value))


@register.inclusion_tag("scenarios/partials/gemeente_scenario.html")
def scenario_section(gemeente: Any) -> dict[str, Any]:
    run = latest_published()
    if run is None:
        presets = [p for p in PRESETS if p.key in ONE_CLICK]
        return {"gemeente": gemeente, "run": None, "presets": presets}
    result = run.result or {}
    entry = gemeente_entry(result, gemeente.code)
    rows = []
    if entry is not None:
        for key, label, kind in ROWS:
            q = entry[key]
            rows.append(
                {
                    "label": label,
                    "median": _fmt(q["p50"], kind),
                    "range": f"{_fmt(q['p5'], kind)}\u00a0–\u00a0{_fmt(q['p95'], kind)}",
                }
            )
    months = result.get("months") or []
    return {
        "gemeente": gemeente,
        "run": run,
        "rows": rows,
        "first": months[0] if months else "",
        "last": months[-1] if months else "",
    }
