# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Praktijkvoorbeelden: catalogue and search (public), entry and review (signed in)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from migratieketen_web.accounts.services import request_actor
from migratieketen_web.werkplaats import praktijk
from migratieketen_web.werkplaats.forms import ImportForm, PraktijkForm
from migratieketen_web.werkplaats.models import Praktijkvoorbeeld, Theme


def _example(request: HttpRequest, uuid: str) -> Praktijkvoorbeeld:
    example = (
        praktijk.visible(request.user, request_actor(request)).filter(uuid=uuid).first()
    )
    if example is None:
        raise Http404(_("Praktijkvoorbeeld niet gevonden."))
    return example


def catalogue(request: HttpRequest) -> HttpResponse:
    actor = request_actor(request)
    text = request.GET.get("q", "").strip()[:100]
    theme = request.GET.get("thema", "")
    theme = theme if theme in Theme.values else ""
    gemeente = request.GET.get("gemeente", "").strip()[:60]
    shown = praktijk.search(
        praktijk.visible(request.user, actor), text, theme, gemeente
    )
    return render(
        request,
        "werkplaats/praktijk_list.html",
        {
            "examples": shown,
            "q": text,
            "theme": theme,
            "gemeente": gemeente,
            "themes": Theme.choices,
            "columns": ";".join(praktijk.CSV_COLUMNS),
            "reviewer": praktijk.is_reviewer(actor),
        },
    )


def detail(request: HttpRequest, uuid: str) -> HttpResponse:
    example = _example(request, uuid)
    actor = request_actor(request)
    return render(
        request,
        "werkplaats/praktijk_detail.html",
        {
            "example": example,
            "comparable": praktijk.comparable(example),
            "may_edit": praktijk.may_edit(request.user, actor, example),
            "is_author": example.author_id == request.user.pk,
            "reviewer": praktijk.is_reviewer(actor)
            and example.author_id != request.user.pk,
        },
    )


@login_required
def edit(request: HttpRequest, uuid: str | None = None) -> HttpResponse:
    example = _example(request, uuid) if uuid else None
    if example is not None and not praktijk.may_edit(
        request.user, request_actor(request), example
    ):
        raise PermissionDenied(_("U mag dit praktijkvoorbeeld niet bewerken."))
    form = PraktijkForm(request.POST or None, instance=example)
    if request.method == "POST" and form.is_valid():
        saved = form.save_for(request.user)
        messages.success(
            request, _("Opgeslagen als %(s)s.") % {"s": saved.get_status_display()}
        )
        return redirect("werkplaats:praktijk", uuid=saved.uuid)
    return render(
        request,
        "werkplaats/praktijk_form.html",
        {"form": form, "example": example},
        status=400 if request.method == "POST" else 200,
    )


@login_required
@require_POST
def action(request: HttpRequest, uuid: str, step: str) -> HttpResponse:
    example = _example(request, uuid)
    actor = request_actor(request)
    if step == "aanbieden":
        praktijk.submit(request.user, example)
    elif step == "publiceren":
        praktijk.publish(request.user, actor, example)
    elif step == "terugsturen":
        praktijk.send_back(
            request.user, actor, example, request.POST.get("opmerking", "")
        )
    else:
        raise Http404(_("Onbekende stap."))
    messages.success(request, _("Status: %(s)s.") % {"s": example.get_status_display()})
    return redirect("werkplaats:praktijk", uuid=example.uuid)


@login_required
def import_view(request: HttpRequest) -> HttpResponse:
    form = ImportForm(request.POST or None, request.FILES or None)
    errors: tuple[str, ...] = ()
    if request.method == "POST" and form.is_valid():
        try:
            created = praktijk.import_csv(request.user, form.cleaned_data["file"])
        except praktijk.ImportRejected as exc:
            errors = exc.errors
        else:
            messages.success(
                request,
                _("%(n)s praktijkvoorbeelden ingelezen als concept.")
                % {"n": len(created)},
            )
            return redirect("werkplaats:praktijkvoorbeelden")
    return render(
        request,
        "werkplaats/praktijk_import.html",
        {"form": form, "errors": errors, "columns": ";".join(praktijk.CSV_COLUMNS)},
        status=400 if request.method == "POST" else 200,
    )
