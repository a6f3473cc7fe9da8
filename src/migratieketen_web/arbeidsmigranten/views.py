# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Pages of the housing register: list with signals, detail, entry, import, export,
and the public table of beds per wijk.

As in the inburgering register: every page reads through services (isolation rule and
audit line); another gemeente's location is a 404; URLs name locations by UUID only.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext

from migratieketen_web.accounts.isolation import Actor, IsolationDenied
from migratieketen_web.accounts.roles import Right
from migratieketen_web.accounts.services import request_actor
from migratieketen_web.arbeidsmigranten import csv_io, services
from migratieketen_web.arbeidsmigranten.forms import (
    ImportForm,
    InspectionForm,
    LocationForm,
    OccupantForm,
)
from migratieketen_web.gemeenten.models import Gemeente
from migratieketen_web.inburgering.csv_import import ImportRejected
from migratieketen_web.inburgering.views import _write_gemeenten, register_page

NO_ACCESS = "arbeidsmigranten/no_access.html"


@register_page
def location_list(request: HttpRequest, actor: Actor) -> HttpResponse:
    locations = list(services.visible(actor)[:500])
    services.log_list(actor, locations)
    views = services.views_for(actor, locations, Right.PERSONAL_READ)
    return render(
        request,
        "arbeidsmigranten/list.html",
        {"views": views, "can_write": actor.holds(Right.PERSONAL_WRITE)},
    )


def _location_input(d: dict[str, Any]) -> services.LocationInput:
    names = services.LocationInput.__dataclass_fields__
    return services.LocationInput(**{k: v for k, v in d.items() if k in names})


def _initial(actor: Actor, location: Any) -> dict[str, Any]:
    values = {
        name: getattr(location, name)
        for name in services.LocationInput.__dataclass_fields__
        if hasattr(location, name) and name not in ("gemeente", "wijk", "bedrooms")
    }
    values["gemeente"] = location.gemeente.code
    values["wijk"] = location.wijk.code if location.wijk else ""
    rooms = services.location_view(actor, location).bedrooms
    values["bedrooms"] = "|".join(str(b) for b in rooms)
    return values


def _edit(request: HttpRequest, actor: Actor, location: Any = None) -> HttpResponse:
    initial = _initial(actor, location) if location is not None else None
    form = LocationForm(_write_gemeenten(actor), request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            saved, notice = services.save_location(
                actor, _location_input(form.cleaned_data), request.user, location
            )
        except services.RegisterError as exc:
            form.add_register_errors(exc.errors)
        except IsolationDenied as exc:
            form.add_error("gemeente", str(exc))
        else:
            messages.success(request, gettext("De locatie is opgeslagen."))
            if notice:
                messages.info(request, notice)
            return redirect("arbeidsmigranten:detail", location_uuid=saved.uuid)
    return render(
        request,
        "arbeidsmigranten/location_form.html",
        {"form": form, "location": location},
    )


@register_page
def location_new(request: HttpRequest, actor: Actor) -> HttpResponse:
    return _edit(request, actor)


@register_page
def location_change(
    request: HttpRequest, actor: Actor, location_uuid: str
) -> HttpResponse:
    location = services.get_location(actor, location_uuid, log=request.method != "POST")
    if not actor.may(Right.PERSONAL_WRITE, location.gemeente.code):
        return render(request, NO_ACCESS, status=403)
    return _edit(request, actor, location)


@register_page
def location_detail(
    request: HttpRequest, actor: Actor, location_uuid: str
) -> HttpResponse:
    location = services.get_location(actor, location_uuid)
    return render(
        request,
        "arbeidsmigranten/detail.html",
        {
            "view": services.location_view(actor, location),
            "location": location,
            "occupants": services.occupants_of(actor, location),
            "inspections": services.inspections_of(actor, location),
            "can_write": actor.may(Right.PERSONAL_WRITE, location.gemeente.code),
        },
    )


@register_page
def occupant_new(
    request: HttpRequest, actor: Actor, location_uuid: str
) -> HttpResponse:
    location = services.get_location(actor, location_uuid, log=False)
    form = OccupantForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        data = services.OccupantInput(
            d["registration"],
            d["stay_start"],
            d["bsn"],
            d["employer"],
            d["contract_end"],
            d["stay_end"],
        )
        try:
            services.add_occupant(actor, location, data)
        except services.RegisterError as exc:
            form.add_register_errors(exc.errors)
        except IsolationDenied:
            return render(request, NO_ACCESS, status=403)
        else:
            messages.success(request, gettext("De bewoner is opgeslagen."))
            return redirect("arbeidsmigranten:detail", location_uuid=location.uuid)
    return render(
        request,
        "arbeidsmigranten/sub_form.html",
        {"form": form, "location": location, "title": gettext("Bewoner toevoegen")},
    )


@register_page
def occupant_leave(
    request: HttpRequest, actor: Actor, location_uuid: str, occupant_uuid: str
) -> HttpResponse:
    """POST only: the occupant's last day (a date field named 'vertrek')."""
    location = services.get_location(actor, location_uuid, log=False)
    if request.method == "POST":
        try:
            day = date.fromisoformat(request.POST.get("vertrek", ""))
            services.end_stay(actor, location, occupant_uuid, day)
        except services.RegisterError as exc:
            for problems in exc.errors.values():
                for problem in problems:
                    messages.error(request, problem)
        except ValueError:
            messages.error(
                request,
                gettext("Vul een geldige vertrekdatum in, niet in de toekomst."),
            )
        except IsolationDenied:
            return render(request, NO_ACCESS, status=403)
        else:
            messages.success(request, gettext("Het vertrek is vastgelegd."))
    return redirect("arbeidsmigranten:detail", location_uuid=location.uuid)


@register_page
def inspection_new(
    request: HttpRequest, actor: Actor, location_uuid: str
) -> HttpResponse:
    location = services.get_location(actor, location_uuid, log=False)
    form = InspectionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            services.add_inspection(
                actor, location, d["date"], d["outcome"], d["findings"]
            )
        except services.RegisterError as exc:
            form.add_register_errors(exc.errors)
        except IsolationDenied:
            return render(request, NO_ACCESS, status=403)
        else:
            messages.success(request, gettext("De inspectie is opgeslagen."))
            return redirect("arbeidsmigranten:detail", location_uuid=location.uuid)
    return render(
        request,
        "arbeidsmigranten/sub_form.html",
        {"form": form, "location": location, "title": gettext("Inspectie vastleggen")},
    )


@register_page
def location_import(request: HttpRequest, actor: Actor) -> HttpResponse:
    form = ImportForm(
        _write_gemeenten(actor), request.POST or None, request.FILES or None
    )
    issues: list[str] = []
    if request.method == "POST" and form.is_valid():
        content = form.cleaned_data["bestand"].read()
        code = form.cleaned_data["gemeente"]
        try:
            if form.cleaned_data["soort"] == "bewoners":
                stored: list[Any] = csv_io.import_occupants(actor, code, content)
            else:
                stored = csv_io.import_locations(actor, code, content, request.user)
        except ImportRejected as exc:
            issues = exc.issues
        except IsolationDenied as exc:
            issues = [str(exc)]
        else:
            messages.success(
                request,
                gettext("Import gelukt: {n} regels toegevoegd.").format(n=len(stored)),
            )
            return redirect("arbeidsmigranten:list")
    return render(
        request,
        "arbeidsmigranten/import.html",
        {
            "form": form,
            "issues": issues,
            "location_columns": list(csv_io.LOCATION_COLUMNS),
            "occupant_columns": list(csv_io.OCCUPANT_COLUMNS),
        },
    )


@register_page
def location_export(request: HttpRequest, actor: Actor) -> HttpResponse:
    response = HttpResponse(
        csv_io.export_locations(actor), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = 'attachment; filename="huisvestingslocaties.csv"'
    return response


def wijk_table(request: HttpRequest, code: str) -> HttpResponse:
    """Public: beds per wijk and per 100 inhabitants; small cells hidden."""
    gemeente = get_object_or_404(Gemeente, code=code.upper())
    actor = request_actor(request)
    found = services.wijk_beds(actor, gemeente.code)
    if found is None:
        raise Http404("Geen cijfers voor deze gemeente.")
    rows, public = found
    return render(
        request,
        "arbeidsmigranten/wijken.html",
        {
            "gemeente": gemeente,
            "rows": rows,
            "public": public,
            "minimum_cell": services.minimum_cell(),
            "wijk_source": services.wijk_source(gemeente.code),
            "map": services.wijk_map(gemeente.code, rows),
        },
    )
