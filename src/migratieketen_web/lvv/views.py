# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Pages of the LVV register: list, detail, entry and change, contacts.

Every page reads through services (isolation rule and audit line); another gemeente's
case is a 404; URLs name cases by UUID only.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext

from migratieketen_web.accounts.isolation import Actor, IsolationDenied
from migratieketen_web.accounts.roles import Right
from migratieketen_web.inburgering.views import _write_gemeenten, register_page
from migratieketen_web.lvv import services
from migratieketen_web.lvv.forms import CaseForm, ContactForm

NO_ACCESS = "inburgering/no_access.html"


@register_page
def case_list(request: HttpRequest, actor: Actor) -> HttpResponse:
    cases = list(services.visible(actor)[:500])
    services.log_list(actor, cases)
    return render(
        request,
        "lvv/list.html",
        {
            "views": [services.case_view(c) for c in cases],
            "can_write": actor.holds(Right.PERSONAL_WRITE),
        },
    )


def _edit(request: HttpRequest, actor: Actor, case: Any = None) -> HttpResponse:
    initial = None
    if case is not None:
        initial = {
            name: getattr(case, name)
            for name in services.CaseInput.__dataclass_fields__
            if name != "gemeente"
        } | {"gemeente": case.gemeente.code}
    form = CaseForm(_write_gemeenten(actor), request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        data = services.CaseInput(
            **{k: d[k] for k in services.CaseInput.__dataclass_fields__}
        )
        try:
            saved = services.save_case(actor, data, request.user, case)
        except services.RegisterError as exc:
            form.add_register_errors(exc.errors)
        except IsolationDenied as exc:
            form.add_error("gemeente", str(exc))
        else:
            messages.success(request, gettext("Het traject is opgeslagen."))
            return redirect("lvv:detail", case_uuid=saved.uuid)
    return render(request, "lvv/case_form.html", {"form": form, "case": case})


@register_page
def case_new(request: HttpRequest, actor: Actor) -> HttpResponse:
    return _edit(request, actor)


@register_page
def case_change(request: HttpRequest, actor: Actor, case_uuid: str) -> HttpResponse:
    case = services.get_case(actor, case_uuid, log=request.method != "POST")
    if not actor.may(Right.PERSONAL_WRITE, case.gemeente.code):
        return render(request, NO_ACCESS, status=403)
    return _edit(request, actor, case)


@register_page
def case_detail(request: HttpRequest, actor: Actor, case_uuid: str) -> HttpResponse:
    case = services.get_case(actor, case_uuid)
    return render(
        request,
        "lvv/detail.html",
        {
            "view": services.case_view(case),
            "case": case,
            "contacts": services.contacts_of(actor, case),
            "can_write": actor.may(Right.PERSONAL_WRITE, case.gemeente.code),
        },
    )


@register_page
def contact_new(request: HttpRequest, actor: Actor, case_uuid: str) -> HttpResponse:
    case = services.get_case(actor, case_uuid, log=False)
    form = ContactForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            services.add_contact(actor, case, d["date"], d["party"], d["note"])
        except services.RegisterError as exc:
            form.add_register_errors(exc.errors)
        except IsolationDenied:
            return render(request, NO_ACCESS, status=403)
        else:
            messages.success(request, gettext("Het contact is opgeslagen."))
            return redirect("lvv:detail", case_uuid=case.uuid)
    return render(request, "lvv/contact_form.html", {"form": form, "case": case})
