# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Two stored runs side by side: headline figures and their median paths overlaid.

Mirrors `migratieketen.chain.compare_runs` (summary + medians of the key series) on the
stored `to_dict()` results, and aligns the months by label so scenarios with
different start months still share one time axis.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from migratieketen_web.gemeenten.formatting import format_number
from migratieketen_web.scenarios import charts
from migratieketen_web.scenarios.models import ScenarioRun
from migratieketen_web.scenarios.results import euro, month_ranges, month_text
from migratieketen_web.scenarios.services import month_index, month_label

KEY_SERIES = (
    ("coa_total", gettext_lazy("Personen in COA-opvang")),
    ("coa_statushouders", gettext_lazy("Statushouders in de opvang")),
    ("occ_crisis", gettext_lazy("Crisisnoodopvang nodig (plaatsen)")),
    ("reception_cost", gettext_lazy("Opvangkosten per maand (euro)")),
)
# (summary key, label, kind): kind "n" = persons/places, "eur" = euro.
KEY_FIGURES = (
    ("peak_crisis_places_median", gettext_lazy("Piek crisisnoodopvang (mediaan)"), "n"),
    ("peak_crisis_places_high", gettext_lazy("Piek crisisnoodopvang (p95)"), "n"),
    (
        "peak_coa_total_median",
        gettext_lazy("Piek personen in COA-opvang (mediaan)"),
        "n",
    ),
    (
        "statushouders_waiting_end_median",
        gettext_lazy("Wachtende statushouders aan het eind (mediaan)"),
        "n",
    ),
    (
        "reception_cost_total_median",
        gettext_lazy("Opvangkosten, hele periode (mediaan)"),
        "eur",
    ),
    (
        "crisis_cost_total_median",
        gettext_lazy("Kosten crisisnoodopvang (mediaan)"),
        "eur",
    ),
)


def _fmt(value: float | None, kind: str) -> str:
    if value is None:
        return "–"
    return euro(value) if kind == "eur" else format_number(round(value))


def _axis(a: dict[str, Any], b: dict[str, Any]) -> list[str]:
    indices = [month_index(m) for m in a["months"] + b["months"]]
    return [month_label(i) for i in range(min(indices), max(indices) + 1)]


def _aligned(result: dict[str, Any], key: str, axis: list[str]) -> list[float | None]:
    by_month = dict(zip(result["months"], result["series"][key]["p50"], strict=True))
    return [by_month.get(m) for m in axis]


def comparison(a: ScenarioRun, b: ScenarioRun) -> dict[str, Any]:
    ra, rb = a.result or {}, b.result or {}
    sa, sb = ra["summary"], rb["summary"]
    figures = []
    for key, label, kind in KEY_FIGURES:
        va, vb = sa.get(key), sb.get(key)
        diff = None if va is None or vb is None else vb - va
        sign = "+" if diff is not None and diff > 0 else ""
        figures.append(
            (str(label), _fmt(va, kind), _fmt(vb, kind), sign + _fmt(diff, kind))
        )
    figures.append(
        (
            _("Maanden met kans op crisisbehoefte (p95 > 0)"),
            ", ".join(month_ranges(sa.get("months_with_crisis_need_p_high") or []))
            or _("geen"),
            ", ".join(month_ranges(sb.get("months_with_crisis_need_p_high") or []))
            or _("geen"),
            "",
        )
    )
    axis = _axis(ra, rb)
    overlays = []
    for key, title in KEY_SERIES:
        ya, yb = _aligned(ra, key, axis), _aligned(rb, key, axis)
        chart = charts.line_chart(axis, [(a.name, ya), (b.name, yb)])
        money = key == "reception_cost"
        rows = [
            (
                month_text(m),
                "–"
                if va is None
                else (euro(va) if money else format_number(round(va))),
                "–"
                if vb is None
                else (euro(vb) if money else format_number(round(vb))),
            )
            for m, va, vb in zip(axis, ya, yb, strict=True)
        ]
        overlays.append({"key": key, "title": str(title), "chart": chart, "rows": rows})
    return {"figures": figures, "overlays": overlays}
