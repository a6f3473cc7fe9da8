# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Presentation of a stored plan: map symbols, timeline, frontier and comparison rows.

Everything here reads the stored result; each figure gets a table alternative in the
template, and the map's symbols are links that can be reached with the keyboard.
"""

from __future__ import annotations

import math
from typing import Any

from django.utils.translation import gettext as _

from migratieketen_web.gemeenten.models import Gemeente
from migratieketen_web.opvang.services import NL_FRAME

POLICY_LABELS = {
    "stochastisch": _("Dit plan (robuust over alle paden)"),
    "deterministisch": _("Plan op het middelste pad (deterministisch)"),
    "reactief": _("Reactief (status quo: noodopvang als het vol raakt)"),
    "hybride": _("Dit plan plus reactieve noodopvang als het vol raakt (hybride)"),
    "niets_doen": _("Niets doen (alles boven de bestaande opvang naar crisisopvang)"),
}


def map_view(result: dict[str, Any], province: str) -> dict[str, Any]:
    """Gemeente outlines of the area and one circle per wijk (area ~ peak places)."""
    points = result.get("wijkpunten") or {}
    per_wijk: dict[str, dict[str, Any]] = {}
    for r in result.get("locaties") or []:
        w = per_wijk.setdefault(r["wijkcode"], {"code": r["wijkcode"], "naam": r["wijknaam"],
                                                "gemeente": r["gemeentenaam"], "plaatsen": 0})  # fmt: skip
        w["plaatsen"] += max(r["plaatsen_per_maand"])
    gemeenten = Gemeente.objects.all()
    if province:
        gemeenten = gemeenten.filter(province__code=province)
    outlines = [g for g in gemeenten.values_list("svg_path", flat=True) if g]
    symbols = []
    for code, w in sorted(per_wijk.items(), key=lambda kv: -kv[1]["plaatsen"]):
        if code in points:
            x, y = points[code]
            symbols.append(
                w | {"x": x, "y": y, "r": round(12 * math.sqrt(w["plaatsen"] / 100), 1)}
            )
    box = _view_box(points.values()) if province and points else NL_FRAME.view_box
    return {"outlines": outlines, "symbols": symbols, "rows": sorted(per_wijk.values(), key=lambda w: -w["plaatsen"]),
            "view_box": box}  # fmt: skip


def _view_box(points: Any) -> str:
    xs = [p[0] for p in points]
    ys = [p[1] for p in points]
    pad = 400.0
    return f"{min(xs) - pad:.0f} {min(ys) - pad:.0f} {max(xs) - min(xs) + 2 * pad:.0f} {max(ys) - min(ys) + 2 * pad:.0f}"


def timeline(result: dict[str, Any]) -> list[dict[str, Any]]:
    """Per month: places opened, closed and the total of the plan's places."""
    months = result["samenvatting"]["maanden"]
    rows = []
    for t, month in enumerate(months):
        total = opened = closed = 0
        for r in result.get("locaties") or []:
            p = r["plaatsen_per_maand"]
            total += p[t]
            before = p[t - 1] if t else 0
            opened += max(p[t] - before, 0) if before == 0 else 0
            closed += before if (p[t] == 0 and before > 0) else 0
        rows.append({"maand": month, "open": opened, "dicht": closed, "totaal": total})
    return rows


def timeline_bars(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    top = max((r["totaal"] for r in rows), default=0) or 1
    width = 600 / max(len(rows), 1)
    return [{"x": round(i * width, 1), "w": round(width * 0.8, 1), "h": round(180 * r["totaal"] / top, 1),
             "y": round(200 - 180 * r["totaal"] / top, 1), **r} for i, r in enumerate(rows)]  # fmt: skip


def comparison(result: dict[str, Any]) -> list[dict[str, Any]]:
    by = result["samenvatting"]["beleid"]
    own = by["stochastisch"]["verwachte_kosten"]
    return [
        {
            "naam": POLICY_LABELS.get(k, k),
            "sleutel": k,
            **v,
            "verschil": v["verwachte_kosten"] - own,
        }  # fmt: skip
        for k, v in by.items()
    ]


def frontier(result: dict[str, Any]) -> list[dict[str, Any]]:
    block = result["samenvatting"].get("afweging") or {}
    points = block.get("punten") or []
    if not points:
        return []
    cmax = max(p["verwachte_kosten"] for p in points)
    cmin = min(p["verwachte_kosten"] for p in points)
    rmax = max(p["crisisplaatsmaanden_p95"] for p in points) or 1
    span = (cmax - cmin) or 1
    return [p | {"x": round(40 + 520 * p["crisisplaatsmaanden_p95"] / rmax, 1),
                 "y": round(180 - 160 * (p["verwachte_kosten"] - cmin) / span, 1)} for p in points]  # fmt: skip


def scenario_label(options: dict[str, Any]) -> str:
    """Which scenario the plan used, as stored with it (built-in, file or saved run)."""
    from migratieketen_web.opvang.forms import SCENARIO_LABELS

    name = options.get("scenario_naam", "")
    if options.get("scenario") == "opgeslagen":
        return _("opgeslagen scenario '%(name)s' (van de scenariopagina)") % {
            "name": name
        }
    if options.get("scenario_definitie"):
        return _("eigen scenariobestand '%(name)s' (YAML)") % {"name": name}
    return str(
        SCENARIO_LABELS.get(options.get("scenario", ""), options.get("scenario", ""))
    )


def batches_view(summary: dict[str, Any]) -> dict[str, Any] | None:
    """The scenario-batch decomposition's figures; its gap is an estimate, not a proof."""
    d = summary.get("decompositie")
    if not d:
        return None
    return d | {
        "gekozen": int(d["gekozen_batch"]) + 1,
        "gap_procent": 100 * float(d["gap_schatting"]),
    }
