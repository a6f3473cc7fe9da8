# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""The audit page: a beheerder reads the log lines of the own organisation."""

from __future__ import annotations

from datetime import date, datetime, time

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext
from django.views.decorators.cache import never_cache

from migratieketen_web.accounts.roles import Right
from migratieketen_web.accounts.services import request_actor
from migratieketen_web.audit.models import AuditEntry

PAGE_SIZE = 100


def since_from(text: str) -> datetime | None:
    """'JJJJ-MM-DD' -> the start of that day (local time); ValueError in Dutch."""
    if not text.strip():
        return None
    try:
        day = date.fromisoformat(text.strip())
    except ValueError as exc:
        raise ValueError(
            gettext("Ongeldige datum '{text}': gebruik JJJJ-MM-DD.").format(text=text)
        ) from exc
    return timezone.make_aware(datetime.combine(day, time.min))


@never_cache
@login_required
def audit_list(request: HttpRequest) -> HttpResponse:
    actor = request_actor(request)
    if not actor.holds(Right.AUDIT_READ):
        raise Http404(gettext("Deze pagina is er alleen voor beheerders."))
    entries = AuditEntry.objects.for_organisations(actor.gemeenten(Right.AUDIT_READ))
    error = ""
    try:
        since = since_from(request.GET.get("sinds", ""))
    except ValueError as exc:
        since, error = None, str(exc)
    if since is not None:
        entries = entries.filter(at__gte=since)
    page = Paginator(entries.order_by("-pk"), PAGE_SIZE).get_page(
        request.GET.get("pagina")
    )
    return render(
        request,
        "audit/list.html",
        {"page": page, "error": error, "sinds": request.GET.get("sinds", "")},
    )
