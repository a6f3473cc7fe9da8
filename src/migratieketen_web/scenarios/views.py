# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Scenario pages: the form and saved runs, a run (progress or results), a comparison.

The progress page refreshes itself with <meta http-equiv="refresh"> (no htmx in the
project's static files), so it works without JavaScript.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

import yaml

from migratieketen_web.jobs import liveness
from migratieketen_web.scenarios import limits, maps, regions, results, services
from migratieketen_web.scenarios.compare import comparison
from migratieketen_web.scenarios.forms import ScenarioForm
from migratieketen_web.scenarios.models import RunStatus, ScenarioRun
from migratieketen_web.scenarios.presets import (
    ONE_CLICK,
    PRESETS,
    preset_label,
    preset_scenario,
)
from migratieketen_web.scenarios.services import ChainConfigError, ChainScenario

REFRESH_SECONDS = 2
LIST_LENGTH = 50


def _index_context(
    request: HttpRequest, form: ScenarioForm, error: str = ""
) -> dict[str, Any]:
    return {
        "form": form,
        "presets": [p for p in PRESETS if p.key in ONE_CLICK],
        "all_presets": PRESETS,
        "runs": services.visible_runs(request).defer("result", "definition")[
            :LIST_LENGTH
        ],
        "error": error,
        "max_runs": limits.MAX_RUNS,
        "default_runs": limits.preset_runs(),
    }


@require_http_methods(["GET", "POST"])
def index(request: HttpRequest) -> HttpResponse:
    """GET: the form, one-click presets and saved runs. POST: start a run."""
    if request.method == "GET":
        return render(
            request, "scenarios/index.html", _index_context(request, ScenarioForm())
        )
    preset = request.POST.get("preset", "")
    if preset:
        if preset not in ONE_CLICK:
            raise Http404
        scenario: ChainScenario = preset_scenario(preset)
        scenario.runs = limits.preset_runs()
        choice, name, form = preset, str(preset_label(preset)), ScenarioForm()
    else:
        form = ScenarioForm(request.POST, request.FILES)
        if not form.is_valid():
            return render(
                request,
                "scenarios/index.html",
                _index_context(request, form),
                status=400,
            )
        scenario = form.cleaned_data["scenario"]
        choice = form.cleaned_data["instroom"]
        name = form.cleaned_data.get("naam") or str(preset_label(choice))
    try:
        run = services.start_run(scenario, choice, name, request=request)
    except ChainConfigError as exc:
        return _refused(request, form, str(exc), 400)
    except services.TooManyActiveRuns as exc:
        return _refused(request, form, str(exc), 429)
    except services.TooManyStarts as exc:
        response = _refused(request, form, str(exc), 429)
        response["Retry-After"] = str(exc.wait)
        return response
    return redirect("scenarios:detail", uuid=run.uuid)


def _refused(
    request: HttpRequest, form: ScenarioForm, message: str, status: int
) -> HttpResponse:
    return render(
        request,
        "scenarios/index.html",
        _index_context(request, form, message),
        status=status,
    )


def detail(request: HttpRequest, uuid: str) -> HttpResponse:
    run = get_object_or_404(ScenarioRun.objects.select_related("job"), uuid=uuid)
    context: dict[str, Any] = {
        "run": run,
        "may_publish": services.may_publish(request.user),
        "inflow_label": preset_label(run.inflow_choice),
        "definition_yaml": yaml.safe_dump(
            run.definition, sort_keys=False, allow_unicode=True
        ),
    }
    if run.is_active:
        context["refresh"] = REFRESH_SECONDS
        context["no_worker"] = (
            run.status == RunStatus.QUEUED and not liveness.live_workers()
        )
        return render(request, "scenarios/progress.html", context)
    if run.status == RunStatus.FAILED or not run.is_done:
        return render(request, "scenarios/failed.html", context)
    result = run.result or {}
    crisis = results.crisis_summary(result, run.definition)
    # Where crisis shelter is needed is the first question; else the backlog.
    default_map = "crisis_places_peak" if crisis["needed_median"] else "waiting_end"
    key = maps.map_choice(request.GET.get("indicator", ""), default_map)
    sort = maps.sort_choice(request.GET.get("sorteer", ""))
    cumulative_chart, cumulative_rows = results.cumulative_cost(result)
    labels = result.get("gemeente_series_labels_nl") or {}
    context.update(
        {
            "crisis": crisis,
            "fans": results.fan_views(result),
            "cumulative_chart": cumulative_chart,
            "cumulative_rows": cumulative_rows,
            "cost_parameters": results.cost_parameters(run.definition),
            "map_body": maps.render_map(result, key, sort, run.name),
            "map_key": key,
            "map_choices": [(k, labels.get(k, k)) for k in results.MAP_SERIES],
            "others": services.visible_runs(request)
            .filter(job__status=RunStatus.DONE)
            .exclude(pk=run.pk)
            .defer("result", "definition")[:LIST_LENGTH],
            "result": result,
            "percentile_headers": ["p5", "p25", _("mediaan"), "p75", "p95"],
            "cumulative_headers": [_("Opgeteld, verwacht")],
        }
    )
    context.update(_region_context(request, run, result))
    return render(request, "scenarios/detail.html", context)


def _region_context(
    request: HttpRequest, run: ScenarioRun, result: dict[str, Any]
) -> dict[str, Any]:
    """The regional focus chosen with ?regio=PV27 or ?regio=GM1598 (else none)."""
    code = request.GET.get("regio", "")
    region = regions.find_region(code) if code else None
    focus = (
        regions.focus(result, region, services.housing_keys(run.data_dir))
        if region
        else None
    )
    return {
        "region_choices": regions.choices(),
        "region_code": region.code if region else "",
        "region_unknown": bool(code) and region is None,
        "focus": focus,
    }


def scenario_yaml(request: HttpRequest, uuid: str) -> HttpResponse:
    """The run's scenario as YAML: edit it and upload it again, or run it in the CLI."""
    run = get_object_or_404(ScenarioRun, uuid=uuid)
    text = services.scenario_yaml(run.definition)
    response = HttpResponse(text, content_type="application/yaml; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="scenario-{run.uuid}.yaml"'
    return response


def preset_yaml(request: HttpRequest, key: str) -> HttpResponse:
    """A built-in scenario as YAML: the starting point for an own scenario."""
    try:
        scenario = preset_scenario(key)
    except KeyError as exc:
        raise Http404 from exc
    response = HttpResponse(
        scenario.to_yaml(), content_type="application/yaml; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{key}.yaml"'
    return response


def compare(request: HttpRequest) -> HttpResponse:
    """Two finished runs side by side: key figures and overlaid medians."""
    a_id, b_id = request.GET.get("a", ""), request.GET.get("b", "")
    # Any finished run can be compared through its link; the choices list only the
    # runs this visitor may find (published and their own).
    done = ScenarioRun.objects.filter(job__status=RunStatus.DONE).select_related("job")
    context: dict[str, Any] = {
        "choices": services.visible_runs(request)
        .filter(job__status=RunStatus.DONE)
        .defer("result", "definition")[:LIST_LENGTH],
        "a_id": a_id,
        "b_id": b_id,
    }
    if not (a_id and b_id):
        return render(request, "scenarios/compare.html", context)
    try:
        a = done.get(uuid=a_id)
        b = done.get(uuid=b_id)
    except (ScenarioRun.DoesNotExist, ValidationError):
        context["error"] = _("Kies twee afgeronde scenarioruns.")
        return render(request, "scenarios/compare.html", context, status=404)
    context.update({"a": a, "b": b, "headers": [a.name, b.name], **comparison(a, b)})
    return render(request, "scenarios/compare.html", context)


@require_POST
def publish(request: HttpRequest, uuid: str) -> HttpResponse:
    """Publish a finished run on the gemeente pages, or withdraw it (staff only)."""
    if not services.may_publish(request.user):
        raise PermissionDenied(
            _("Alleen beheerders met het recht 'scenarioruns publiceren' mogen dit.")
        )
    run = get_object_or_404(ScenarioRun.objects.select_related("job"), uuid=uuid)
    if request.POST.get("actie") == "intrekken":
        services.unpublish(run)
    else:
        try:
            services.publish(run, request.user)
        except services.NotPublishable as exc:
            raise PermissionDenied(str(exc)) from exc
    return redirect("scenarios:detail", uuid=run.uuid)
