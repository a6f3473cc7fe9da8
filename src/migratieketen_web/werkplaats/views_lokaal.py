# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Lokale ruimte pages: a gemeente's choices (entered by beleid/beheerder of that
gemeente) and the national comparison of choices against outcomes."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from migratieketen_web.accounts.isolation import IsolationDenied
from migratieketen_web.accounts.services import request_actor
from migratieketen_web.gemeenten.models import Gemeente
from migratieketen_web.werkplaats import lokaal
from migratieketen_web.werkplaats.forms import LocalChoiceForm
from migratieketen_web.werkplaats.services import lokale_ruimte as lr


def gemeente(request: HttpRequest, code: str) -> HttpResponse:
    place = get_object_or_404(Gemeente, code=code.upper())
    actor = request_actor(request)
    may = lokaal.may_enter(actor, place.code)
    form = LocalChoiceForm(request.POST or None)
    if request.method == "POST":
        if not may:
            raise IsolationDenied(
                _("Alleen beleid of beheer van %(name)s kan keuzes invoeren.")
                % {"name": place.name}
            )
        if form.is_valid():
            d = form.cleaned_data
            lokaal.save(
                actor, request.user, place.code, d["key"], d["option"],
                d["source_url"], d["source_date"], d["note"],
            )  # fmt: skip
            messages.success(request, _("De keuze is opgeslagen."))
            return redirect("werkplaats:lokale-ruimte", code=place.code)
    status = 400 if request.method == "POST" else 200
    return render(
        request,
        "werkplaats/lokale_ruimte.html",
        {"gemeente": place, "rows": lokaal.rows(place.code), "may": may, "form": form},
        status=status,
    )


def national(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "werkplaats/lokale_ruimte_nl.html",
        {"groups": lokaal.comparison(), "catalogue": lr.CATALOGUE},
    )
