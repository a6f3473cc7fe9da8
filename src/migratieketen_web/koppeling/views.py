# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Pages of the koppeling: upload a week, read the recommendations with their reasons,
accept or override each (with a reason, audited), the taakstelling balance, the
fairness report, and the model card. Staff with the aggregates right only."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from uuid import UUID

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext
from django.views.decorators.cache import never_cache

from migratieketen_web.accounts.isolation import Actor
from migratieketen_web.accounts.services import request_actor
from migratieketen_web.jobs import services as job_services
from migratieketen_web.koppeling import services
from migratieketen_web.koppeling.forms import DecisionForm, UploadForm
from migratieketen_web.koppeling.models import KoppelingRun


def planner_page(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Login, staff with the aggregates right, no caching."""

    @never_cache
    @login_required
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        actor = request_actor(request)
        if not services.may_plan(request.user, actor):
            return render(request, "koppeling/no_access.html", status=403)
        response = view(request, actor, *args, **kwargs)
        response["Cache-Control"] = "no-store"
        return response

    wrapped.__name__ = view.__name__
    return wrapped


@planner_page
def upload(request: HttpRequest, actor: Actor) -> HttpResponse:
    form = UploadForm(request.POST or None, request.FILES or None)
    refusal = ""
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            run = services.start_run(
                actor,
                request.user,
                services.Upload(
                    data["huishoudens"], data["scores"], data["capaciteit"]
                ),
                data["modus"],
                wait_weeks=data["beslistermijn"],
            )
        except services.KoppelingInputError as exc:
            refusal = str(exc)
        except job_services.TooManyActiveJobs as exc:
            refusal = str(exc)
        else:
            return redirect("koppeling:detail", run_uuid=run.uuid)
    runs = services.runs_for(request.user)[:20]
    status = 400 if request.method == "POST" else 200
    return render(
        request,
        "koppeling/upload.html",
        {
            "form": form,
            "refusal": refusal,
            "runs": runs,
            "retention_days": services.input_retention_days(),
        },
        status=status,
    )


def _rows(run: KoppelingRun) -> list[dict[str, Any]]:
    decisions = {d.household_id: d for d in run.decisions.all()}
    rows = []
    for rec in (run.result or {}).get("huishoudens", []):
        rows.append(
            {
                **rec,
                "decision": decisions.get(rec["huishouden_id"]),
                "top3": rec.get("uitleg", {}).get("top3", []),
                "binding": rec.get("uitleg", {}).get("bindende_beperkingen", []),
                "rule": rec.get("uitleg", {}).get("regel", ""),
            }
        )
    return rows


@planner_page
def detail(request: HttpRequest, actor: Actor, run_uuid: UUID) -> HttpResponse:
    try:
        run = services.read_run(actor, request.user, run_uuid)
    except KoppelingRun.DoesNotExist as exc:
        raise Http404 from exc
    status = 200
    if request.method == "POST":
        form = DecisionForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            override = data["besluit"] == "afwijken"
            try:
                services.decide(
                    actor,
                    request.user,
                    run,
                    data["huishouden"],
                    data["gemeente"].strip().upper() if override else None,
                    data["reden"] if override else "",
                )
            except services.DecisionError as exc:
                messages.error(request, str(exc))
            else:
                messages.success(
                    request,
                    gettext("Besluit voor %(id)s vastgelegd.")
                    % {"id": data["huishouden"]},
                )
                return redirect("koppeling:detail", run_uuid=run.uuid)
        else:
            for errors in form.errors.values():
                for error in errors:
                    messages.error(request, str(error))
        status = 400
    summary = (run.result or {}).get("samenvatting")
    return render(
        request,
        "koppeling/detail.html",
        {
            "run": run,
            "status": services.status(run),
            "summary": summary,
            "rows": _rows(run),
            "balance": services.balance(run),
            "groups": summary["eerlijkheid"]["groepen"] if summary else [],
            "envy": summary["eerlijkheid"]["afgunst_tussen_gemeenten"]
            if summary
            else {},
        },
        status=status,
    )


@planner_page
def model_card(request: HttpRequest, actor: Actor) -> HttpResponse:
    """docs/model-card-koppeling.md rendered (raw HTML in it is not passed)."""
    from markdown_it import MarkdownIt

    path = settings.BASE_DIR / "docs" / "model-card-koppeling.md"
    html = ""
    if path.is_file():
        text = path.read_text(encoding="utf-8")
        html = MarkdownIt("commonmark", {"html": False}).enable("table").render(text)
    return render(request, "koppeling/model_card.html", {"card": html})
