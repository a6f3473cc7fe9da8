# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Opvang pages: the form and own plans, a plan (progress or result), its CSV.

The progress page refreshes itself (<meta http-equiv="refresh">), without JavaScript.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from migratieketen_web.jobs import liveness
from migratieketen_web.opvang import results, services
from migratieketen_web.opvang.forms import OpvangForm
from migratieketen_web.opvang.models import OpvangPlan, PlanStatus

REFRESH_SECONDS = 3


def _index(
    request: HttpRequest, form: OpvangForm, error: str = "", status: int = 200
) -> HttpResponse:
    plans = services.visible_plans(request).defer("result", "candidates_csv")[:30]
    return render(request, "opvang/index.html", {"form": form, "plans": plans, "error": error},
                  status=status)  # fmt: skip


@require_http_methods(["GET", "POST"])
def index(request: HttpRequest) -> HttpResponse:
    if request.method == "GET":
        return _index(request, OpvangForm(request=request))
    form = OpvangForm(request.POST, request.FILES, request=request)
    if not form.is_valid():
        return _index(request, form, status=400)
    try:
        plan = services.start_plan(
            form.options(), form.cleaned_data["kandidaten"], request
        )
    except services.OpvangError as exc:
        return _index(request, form, str(exc), 400)
    except services.TooManyActive as exc:
        return _index(request, form, str(exc), 429)
    except services.TooManyStarts as exc:
        response = _index(request, form, str(exc), 429)
        response["Retry-After"] = str(exc.wait)
        return response
    return redirect("opvang:detail", uuid=plan.uuid)


def detail(request: HttpRequest, uuid: str) -> HttpResponse:
    plan = get_object_or_404(OpvangPlan.objects.select_related("job"), uuid=uuid)
    context: dict[str, Any] = {
        "plan": plan, "may_publish": services.may_publish(request.user)
    }  # fmt: skip
    if plan.is_active:
        context["refresh"] = REFRESH_SECONDS
        context["no_worker"] = (
            plan.status == PlanStatus.QUEUED and not liveness.live_workers()
        )
        return render(request, "opvang/progress.html", context)
    if not plan.is_done or not plan.result:
        return render(request, "opvang/failed.html", context)
    result = plan.result
    rows = results.timeline(result)
    context.update({
        "s": result["samenvatting"], "locaties": result["locaties"],
        "kaart": results.map_view(result, plan.province), "tijdlijn": rows,
        "balken": results.timeline_bars(rows), "vergelijking": results.comparison(result),
        "grens": results.frontier(result),
        "generiek": result["samenvatting"]["kandidaten_generiek"] > 0,
        "scenario": results.scenario_label(plan.options),
        "batches": results.batches_view(result["samenvatting"]),
    })  # fmt: skip
    return render(request, "opvang/detail.html", context)


@require_GET
def export_csv(request: HttpRequest, uuid: str) -> HttpResponse:
    plan = get_object_or_404(OpvangPlan.objects.select_related("job"), uuid=uuid)
    if not plan.is_done or not plan.result:
        return HttpResponse(status=404)
    text = services.plan_csv(
        plan.result["locaties"], plan.result["samenvatting"]["maanden"]
    )
    response = HttpResponse(text, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="opvangplan-{plan.uuid}.csv"'
    )
    return response


@require_POST
def publish(request: HttpRequest, uuid: str) -> HttpResponse:
    """Publish a finished plan on the gemeente pages, or withdraw it (staff only)."""
    if not services.may_publish(request.user):
        raise PermissionDenied(
            _("Alleen beheerders met het recht 'opvangplannen publiceren' mogen dit.")
        )
    plan = get_object_or_404(OpvangPlan.objects.select_related("job"), uuid=uuid)
    if request.POST.get("actie") == "intrekken":
        services.unpublish(plan)
    else:
        try:
            services.publish(plan, request.user)
        except services.NotPublishable as exc:
            raise PermissionDenied(str(exc)) from exc
    return redirect("opvang:detail", uuid=plan.uuid)


@require_GET
def export_xlsx(request: HttpRequest, uuid: str) -> HttpResponse:
    """The CSV's table as an Excel workbook, with its sources on a second sheet."""
    plan = get_object_or_404(OpvangPlan.objects.select_related("job"), uuid=uuid)
    if not plan.is_done or not plan.result:
        return HttpResponse(status=404)
    s = plan.result["samenvatting"]
    sources = [plan.name, s.get("vraag", ""), s.get("bestaande_capaciteit", ""),
               s.get("bron", "")]  # fmt: skip
    if s.get("kandidaten_generiek"):
        sources.append(_("Generieke kandidaten: geen echte locaties."))
    body = services.plan_xlsx(
        plan.result["locaties"], s["maanden"], [x for x in sources if x]
    )
    response = HttpResponse(body, content_type=services.XLSX_TYPE)
    response["Content-Disposition"] = (
        f'attachment; filename="opvangplan-{plan.uuid}.xlsx"'
    )
    return response
