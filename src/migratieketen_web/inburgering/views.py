# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Pages of the inburgering register: list and search, detail, entry, import, export.

Every page takes the request's actor and reads through services (isolation rule and
audit line). Another gemeente's person is a 404, exactly like a person that does not
exist. URLs name persons by UUID only; a search goes in a POST body, never in a URL.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext
from django.views.decorators.cache import never_cache

from migratieketen_web.accounts.isolation import Actor, IsolationDenied
from migratieketen_web.accounts.roles import Right
from migratieketen_web.accounts.services import request_actor
from migratieketen_web.gemeenten.models import Gemeente
from migratieketen_web.inburgering import csv_import, services
from migratieketen_web.inburgering.forms import (
    CostForm,
    PersonForm,
    StepsForm,
    UploadForm,
)
from migratieketen_web.inburgering.models import STEP_DATES

PAGE_SIZE = 50


def register_page(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Login, no caching, and a clear page for a user without personal-data rights."""

    @never_cache
    @login_required
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        actor = request_actor(request)
        if not actor.holds(Right.PERSONAL_READ):
            return render(request, "inburgering/no_access.html", status=403)
        response = view(request, actor, *args, **kwargs)
        response["Cache-Control"] = "no-store"
        return response

    wrapped.__name__ = view.__name__
    return wrapped


def _write_gemeenten(actor: Actor) -> list[tuple[str, str]]:
    codes = actor.gemeenten(Right.PERSONAL_WRITE)
    qs = Gemeente.objects.order_by("name")
    if codes is not None:
        qs = qs.filter(code__in=sorted(codes))
    return [(g.code, f"{g.name} ({g.code})") for g in qs]


@register_page
def person_list(request: HttpRequest, actor: Actor) -> HttpResponse:
    query = request.POST.get("zoek", "").strip() if request.method == "POST" else ""
    if query:
        persons = services.search(actor, query)
        page = None
    else:
        page = Paginator(services.visible(actor), PAGE_SIZE).get_page(
            request.GET.get("pagina")
        )
        persons = list(page)
        services.log_list(actor, persons)
    today = timezone.localdate()
    signals = services.signals_for(persons, today)
    rows = [{"person": p, "signals": signals[p.pk]} for p in persons]
    return render(
        request,
        "inburgering/list.html",
        {
            "rows": rows,
            "page": page,
            "register_query": query,
            "can_write": actor.holds(Right.PERSONAL_WRITE),
        },
    )


@register_page
def person_new(request: HttpRequest, actor: Actor) -> HttpResponse:
    form = PersonForm(_write_gemeenten(actor), request.POST or None)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        data = services.PersonInput(
            d["gemeente"],
            d["bsn"],
            d["name"],
            d["birth_date"],
            d["nationality"],
            d["ground"],
            d["duty_start"],
            d["route"],
        )
        try:
            person = services.create_person(actor, data, request.user)
        except services.RegisterError as exc:
            form.add_register_errors(exc.errors)
        except IsolationDenied as exc:
            form.add_error("gemeente", str(exc))
        else:
            messages.success(request, gettext("De inburgeraar is opgeslagen."))
            return redirect("inburgering:detail", person_uuid=person.uuid)
    return render(request, "inburgering/person_form.html", {"form": form})


@register_page
def person_detail(request: HttpRequest, actor: Actor, person_uuid: str) -> HttpResponse:
    person = services.get_person(actor, person_uuid)
    view = services.case_view(actor, person)
    return render(
        request,
        "inburgering/detail.html",
        {
            "view": view,
            "person": person,
            "costs": services.cost_entries(actor, person),
            "cost_form": CostForm(),
            "can_write": actor.may(Right.PERSONAL_WRITE, person.gemeente.code),
        },
    )


@register_page
def person_steps(request: HttpRequest, actor: Actor, person_uuid: str) -> HttpResponse:
    person = services.get_person(actor, person_uuid, log=request.method != "POST")
    initial = {name: getattr(person, name) for name, _ in STEP_DATES}
    form = StepsForm(request.POST or None, initial={**initial, "route": person.route})
    if request.method == "POST" and form.is_valid():
        d = dict(form.cleaned_data)
        route = d.pop("route")
        try:
            services.update_steps(actor, person, route, d)
        except services.RegisterError as exc:
            form.add_register_errors(exc.errors)
        except IsolationDenied:
            return render(request, "inburgering/no_access.html", status=403)
        else:
            messages.success(request, gettext("De stappen zijn opgeslagen."))
            return redirect("inburgering:detail", person_uuid=person.uuid)
    return render(
        request, "inburgering/steps_form.html", {"form": form, "person": person}
    )


@register_page
def person_cost(request: HttpRequest, actor: Actor, person_uuid: str) -> HttpResponse:
    person = services.get_person(actor, person_uuid, log=False)
    form = CostForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            services.add_cost(actor, person, d["module"], d["amount"], d["booked_on"])
        except services.RegisterError as exc:
            form.add_register_errors(exc.errors)
        except IsolationDenied:
            return render(request, "inburgering/no_access.html", status=403)
        else:
            messages.success(request, gettext("De kosten zijn geboekt."))
            return redirect("inburgering:detail", person_uuid=person.uuid)
    return render(
        request, "inburgering/cost_form.html", {"form": form, "person": person}
    )


@register_page
def person_import(request: HttpRequest, actor: Actor) -> HttpResponse:
    form = UploadForm(
        _write_gemeenten(actor), request.POST or None, request.FILES or None
    )
    issues: list[str] = []
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["bestand"]
        try:
            stored = csv_import.import_csv(
                actor, form.cleaned_data["gemeente"], upload.read(), request.user
            )
        except csv_import.ImportRejected as exc:
            issues = exc.issues
        except IsolationDenied as exc:
            issues = [str(exc)]
        else:
            messages.success(
                request,
                gettext("Import gelukt: {n} inburgeraars toegevoegd.").format(
                    n=len(stored)
                ),
            )
            return redirect("inburgering:list")
    return render(
        request,
        "inburgering/import.html",
        {"form": form, "issues": issues, "columns": list(csv_import.COLUMNS)},
    )


@register_page
def person_export(request: HttpRequest, actor: Actor) -> HttpResponse:
    content = services.export_persons(actor)
    response = HttpResponse(content, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="inburgeraars.csv"'
    return response
