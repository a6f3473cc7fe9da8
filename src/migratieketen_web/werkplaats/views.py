# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""The integral view and the raadsrapportage (PDF, Excel) of one gemeente.

Public pages with aggregates only; a signed-in user with rights for the gemeente sees
the inburgering counts without suppression (the inburgering app decides, ADR 0012).
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _

from migratieketen_web.accounts.services import request_actor
from migratieketen_web.gemeenten.models import Gemeente
from migratieketen_web.jobs.throttles import StartThrottle, valid_rate
from migratieketen_web.monitor.services import MonitorData, MonitorUnavailable
from migratieketen_web.werkplaats import integral, lokaal, praktijk, report
from migratieketen_web.werkplaats.services import signals


def _werkplaats(request: HttpRequest, code: str) -> integral.Werkplaats | HttpResponse:
    gemeente = get_object_or_404(
        Gemeente.objects.select_related("province"), code=code.upper()
    )
    data = MonitorData()
    try:
        data.run  # noqa: B018 - raises MonitorUnavailable when nothing computes
    except MonitorUnavailable as exc:
        return render(
            request, "werkplaats/unavailable.html", {"reason": str(exc)}, status=503
        )
    try:
        hy = integral.choose_half_year(data, request.GET.get("halfjaar", ""))
    except integral.HalfYearRejected as exc:
        return render(
            request, "werkplaats/unavailable.html", {"reason": str(exc)}, status=400
        )
    return integral.build(gemeente, hy, request_actor(request), data)


def overzicht(request: HttpRequest, code: str) -> HttpResponse:
    w = _werkplaats(request, code)
    if isinstance(w, HttpResponse):
        return w
    return render(
        request,
        "werkplaats/overzicht.html",
        {
            "w": w,
            "catalogue": signals.catalogue(),
            "choices": lokaal.rows(w.gemeente.code),
            "may_choose": lokaal.may_enter(request_actor(request), w.gemeente.code),
            "examples": praktijk.relevant(w.gemeente.code, {s.key for s in w.signals}),
            "half_years": [str(h) for h in reversed(MonitorData().computable)],
            "current": str(w.half_year),
        },
    )


def _download(content: bytes, kind: str, name: str) -> HttpResponse:
    response = HttpResponse(content, content_type=kind)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


def _too_many(request: HttpRequest) -> HttpResponse | None:
    """A report costs seconds of CPU: a per-address limit, shared by all processes."""
    throttle = StartThrottle("rapporten", valid_rate(settings.REPORTS_RATE))
    if throttle.allow_request(request):
        return None
    wait = int(throttle.wait() or 60)
    response = render(
        request,
        "werkplaats/unavailable.html",
        {
            "reason": _(
                "U heeft veel rapportages kort na elkaar opgevraagd. Probeer het over "
                "%(seconds)s seconden opnieuw."
            )
            % {"seconds": wait}
        },
        status=429,
    )
    response["Retry-After"] = str(wait)
    return response


def rapport_pdf(request: HttpRequest, code: str) -> HttpResponse:
    refused = _too_many(request)
    if refused is not None:
        return refused
    w = _werkplaats(request, code)
    if isinstance(w, HttpResponse):
        return w
    response = _download(
        report.pdf_bytes(w),
        "application/pdf",
        f"raadsrapportage-{w.gemeente.code}-{w.half_year}.pdf",
    )
    response["Content-Disposition"] = response["Content-Disposition"].replace(
        "attachment", "inline"
    )
    return response


def rapport_xlsx(request: HttpRequest, code: str) -> HttpResponse:
    refused = _too_many(request)
    if refused is not None:
        return refused
    w = _werkplaats(request, code)
    if isinstance(w, HttpResponse):
        return w
    return _download(
        report.xlsx_bytes(w),
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        f"raadsrapportage-{w.gemeente.code}-{w.half_year}.xlsx",
    )
