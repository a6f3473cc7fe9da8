# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""/woningmarkt: the levers of one gemeente, its frontier and waiting times."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from migratieketen_web.gemeenten.formatting import format_number
from migratieketen_web.woningmarkt import charts, services
from migratieketen_web.woningmarkt.forms import LeverForm

DEFAULT_GEMEENTE = "GM0363"  # Amsterdam
# Short names for the chart's axis (the table gives the full description).
SHORT_LABELS = {
    "statushouders_coa": gettext_lazy("Statushouders in COA"),
    "statushouders_woning": gettext_lazy("Statushouders tot woning"),
    "urgent": gettext_lazy("Andere urgenten"),
    "regulier": gettext_lazy("Regulier"),
}


def _months(value: float | None) -> str:
    return format_number(value, 1)


def wait_rows(analysis: services.Analysis) -> list[dict[str, Any]]:
    """Per group: median and p90 wait (months), with a 'at least' flag when too many
    are still waiting at the end of the horizon to know the figure."""
    rows = []
    for key in services.GROUP_ORDER:
        g = analysis.result.groups[key]
        rows.append(
            {
                "key": key,
                "label": g.label,
                "short": str(SHORT_LABELS[key]),
                "p50": g.p50.median,
                "p90": g.p90.median,
                "p50_text": _months(g.p50.median),
                "p90_text": _months(g.p90.median),
                "p50_band": f"{_months(g.p50.low)}–{_months(g.p50.high)}",
                "p90_band": f"{_months(g.p90.low)}–{_months(g.p90.high)}",
                "p50_lower": g.p50_is_lower_bound,
                "p90_lower": g.p90_is_lower_bound,
            }
        )
    return rows


def _point_row(p: services.FrontierPoint) -> dict[str, Any]:
    m = p.metrics
    return {
        "priority": format_number(p.priority_share * 100),
        "places": format_number(p.tussenvoorziening_places),
        "coa_months": _months(m["coa_months"]),
        "urgent_months": _months(m["urgent_months"]),
        "regular_months": _months(m["regular_months"]),
        "realisation": format_number(m["realisation"] * 100),
        "cost": format_number(round(m["coa_cost"] / 1e6, 1), 1),
        "efficient": p.efficient,
        "current": p.current,
        "chosen": p.chosen,
    }


def frontier_rows(analysis: services.Analysis) -> list[dict[str, Any]]:
    """The table alternative: the efficient settings plus current and chosen."""
    points = [
        p for p in analysis.frontier.points if p.efficient or p.current or p.chosen
    ]
    points.sort(key=lambda p: p.metrics["coa_months"])
    return [_point_row(p) for p in points]


def context(analysis: services.Analysis) -> dict[str, Any]:
    """What the page and the gemeente section show of one analysis."""
    rows = wait_rows(analysis)
    result = analysis.result
    verd = result.verdringing
    return {
        "analysis": analysis,
        "waits": rows,
        "wait_chart": charts.wait_chart(
            [(r["short"], r["p50"], r["p90"]) for r in rows]
        ),
        "frontier_chart": charts.frontier_chart(analysis.frontier.points),
        "frontier_rows": frontier_rows(analysis),
        "coa_months": _months(result.coa["maanden_in_coa_per_statushouder"].median),
        "backlog_end": format_number(
            round(result.coa["achterstand_in_coa_aan_eind"].median)
        ),
        "verdringing": _months(verd["urgent_maanden_per_statushouder"].median),
        "half_years": [
            {
                "half_year": row.half_year,
                "taakstelling": format_number(row.taakstelling),
                "realised": format_number(round(row.realised.median)),
                "share": format_number(row.share.median * 100),
            }
            for row in result.half_years
        ],
        "sources": result.sources,
        "assumptions": result.assumptions,
        "policy": result.policy.describe(),
        "current": analysis.current.describe(),
    }


def page(request: HttpRequest) -> HttpResponse:
    """GET only: the form's values are in the query string, so a setting is a link."""
    try:
        choices_ready = bool(services.gemeente_choices())
    except services.WoningmarktUnavailable as exc:
        return render(
            request, "woningmarkt/unavailable.html", {"reason": str(exc)}, status=503
        )
    data = request.GET.copy()
    data["gemeente"] = data.get("gemeente", DEFAULT_GEMEENTE).strip().upper()
    if "voorrang" not in data:
        current = services.current_policy().priority_share
        data["voorrang"] = str(round(current * 100))
    form = LeverForm(data)
    ctx: dict[str, Any] = {"form": form, "ready": choices_ready}
    status = 200
    if form.is_valid():
        try:
            ctx.update(context(services.analyse(form.levers())))
        except services.InvalidLevers as exc:
            ctx["error"] = str(exc)
            status = 400
        except services.WoningmarktUnavailable as exc:
            ctx["error"] = str(exc)
            status = 503
    else:
        ctx["error"] = _("Controleer de invoer: de berekening is niet gedaan.")
        status = 400
    ctx["parameters"] = services.parameter_rows()
    return render(request, "woningmarkt/page.html", ctx, status=status)
