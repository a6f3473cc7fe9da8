# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Monitor pages: Nederland, provincie, gemeente, 'hoe berekend', Spreidingswet.

Public pages read; entering realisations follows the API's write rule
(`api.permissions.holds_scope`, the one check): the right `realisaties.bijwerken` for
the gemeente, from a klantmanager or beleid role there or a superuser (ADR 0012).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any
from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext

from migratieketen_web.api.permissions import scope_required
from migratieketen_web.gemeenten.models import Province
from migratieketen_web.monitor import charts, explanations, exports, models, overview
from migratieketen_web.monitor import spreiding as sp
from migratieketen_web.monitor.explanations import population_line
from migratieketen_web.monitor.forms import (
    RealisationForm,
    RealisationUploadForm,
)
from migratieketen_web.monitor.register import (
    WRITE_SCOPE,
    AlreadyImported,
    ImportRejected,
    import_realisations,
    may_write,
)
from migratieketen_web.monitor.services import (
    BESLUIT,
    FIRST_DATE,
    FORM_NOTE,
    RAMING,
    HalfYear,
    MonitorData,
    MonitorUnavailable,
    StandBeforeLedger,
    TaakstellingError,
    national_number,
    stand_before_ledger_text,
    vg_source_line,
)

EXPORT_FORMATS = ("csv", "xlsx")
RECENT_REALISATIONS = 50


def _unavailable(request: HttpRequest, exc: Exception) -> HttpResponse:
    return render(request, "monitor/unavailable.html", {"reason": str(exc)}, status=503)


def _data_or_unavailable(
    view: Callable[..., HttpResponse],
) -> Callable[..., HttpResponse]:
    """Run the view with a MonitorData; answer 503 with the reason if none can be made."""

    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        try:
            as_of = stand_from_request(request)
        except ValueError as exc:
            return render(
                request, "monitor/unavailable.html", {"reason": str(exc)}, status=400
            )
        data = MonitorData(as_of)
        try:
            data.run  # noqa: B018 - raises MonitorUnavailable when nothing computes
            return view(request, data, *args, **kwargs)
        except StandBeforeLedger as exc:  # the user's choice, not a missing import
            reason = stand_before_ledger_text(exc.stand, exc.first, gettext)
            return render(
                request, "monitor/unavailable.html", {"reason": reason}, status=400
            )
        except (MonitorUnavailable, sp.SpreidingUnavailable) as exc:
            return _unavailable(request, exc)

    wrapped.__name__ = view.__name__
    wrapped.__doc__ = view.__doc__
    return wrapped


def stand_from_request(request: HttpRequest) -> date | None:
    """`?stand=JJJJ-MM-DD`: the monitor as it stood on that date (default today)."""
    raw = request.GET.get("stand", "").strip()
    if not raw:
        return None
    try:
        day = date.fromisoformat(raw)
    except ValueError as exc:
        raise ValueError(
            gettext(
                "Ongeldige stand '{raw}': gebruik een datum als JJJJ-MM-DD."
            ).format(raw=raw)
        ) from exc
    if not FIRST_DATE <= day <= timezone.localdate():
        raise ValueError(
            gettext(
                "De stand moet tussen 1 januari 2015 en vandaag liggen, niet {day}."
            ).format(day=f"{day:%d-%m-%Y}")
        )
    return day


def _stand_context(request: HttpRequest, data: MonitorData) -> dict[str, Any]:
    """The chosen stand and the peildata to choose from (1 April / 1 October)."""
    today = timezone.localdate()
    chosen = request.GET.get("stand", "").strip()
    options = []
    hy = data.run[0]
    while hy.start <= today:
        if hy.peildatum() <= today:
            options.append(hy.peildatum())
        hy = hy.next()
    return {
        "stand_query": f"?stand={data.as_of.isoformat()}" if chosen else "",
        "stand_chosen": bool(chosen),
        "stand_options": options,
    }


def _sources(data: MonitorData) -> list[str]:
    lines = [vg_source_line(hy) for hy in data.computable]
    for year in sorted({hy.reference_date.year for hy in data.computable}):
        lines.append(population_line(data, year))
    return lines


def _totals_chart(rows: list[overview.TotalsRow]) -> charts.BarChart:
    return charts.bar_chart(
        [str(r.half_year) for r in rows],
        [
            (gettext("som taakstellingen"), [r.taakstelling for r in rows]),
            (gettext("opgave incl. meegenomen"), [r.opgave for r in rows]),
            (gettext("gehuisvest"), [r.housed for r in rows]),
        ],
    )


@_data_or_unavailable
def national(request: HttpRequest, data: MonitorData) -> HttpResponse:
    rows = overview.totals(data)
    return render(
        request,
        "monitor/national.html",
        {
            "som_query": _som_query(data, request),
            **_stand_context(request, data),
            "section": "monitor",
            "data": data,
            "rows": rows,
            "chart": _totals_chart(rows),
            "provinces": overview.province_rows(data),
            "current": data.run[-1],
            "sources": _sources(data),
        },
    )


def _province(code: str) -> Province:
    province = Province.objects.filter(code=code.upper()).first()
    if province is None:
        raise Http404(gettext("Provincie bestaat niet."))
    return province


@_data_or_unavailable
def province(request: HttpRequest, data: MonitorData, code: str) -> HttpResponse:
    prov = _province(code)
    codes = overview.province_codes(data, prov.code)
    rows = overview.totals(data, codes)
    return render(
        request,
        "monitor/province.html",
        {
            "som_query": _som_query(data, request, prov.code),
            **_stand_context(request, data),
            "section": "monitor",
            "data": data,
            "province": prov,
            "rows": rows,
            "chart": _totals_chart(rows),
            "gemeenten": overview.gemeente_rows(data, codes),
            "current": data.run[-1],
            "sources": _sources(data),
        },
    )


def _gemeente_code(data: MonitorData, code: str) -> str:
    code = code.upper()
    if code not in data.gemeenten:
        raise Http404(gettext("Gemeente bestaat niet."))
    return code


@_data_or_unavailable
def gemeente(request: HttpRequest, data: MonitorData, code: str) -> HttpResponse:
    code = _gemeente_code(data, code)
    gm = data.gemeente(code)
    ledger = [
        {"status": s, "peil": gm.at_peildatum.get(s.half_year)}
        for s in gm.report.half_years
    ]
    trend = charts.bar_chart(
        [str(s.half_year) for s in gm.report.half_years],
        [
            (gettext("taakstelling"), [s.taakstelling for s in gm.report.half_years]),
            (
                gettext("opgave incl. meegenomen"),
                [s.opgave for s in gm.report.half_years],
            ),
            (gettext("gehuisvest"), [s.realised for s in gm.report.half_years]),
        ],
    )
    earlier = [
        {"half_year": hy, "taakstelling": data.adjusted(hy)[0][code]}
        for hy in data.computable
        if hy not in data.run
    ]
    return render(
        request,
        "monitor/gemeente.html",
        {
            **_stand_context(request, data),
            "section": "monitor",
            "data": data,
            "gm": gm,
            "code": code,
            "ledger": ledger,
            "chart": trend,
            "earlier": earlier,
            "sources": _sources(data),
            "can_enter": may_write(request.user, code),
            "realisations": models.Realisation.objects.filter(gemeente__code=code)
            .select_related("batch")
            .order_by("-housed_on", "-pk")[:RECENT_REALISATIONS],
            "realisation_count": models.Realisation.objects.filter(
                gemeente__code=code
            ).count(),
        },
    )


@_data_or_unavailable
def taakstelling(
    request: HttpRequest, data: MonitorData, half_year: str
) -> HttpResponse:
    hy = _computable_half_year(data, half_year)
    result = data.taakstelling(hy)
    adjusted = data.adjusted(hy)[0]
    rows = [
        {
            "info": info,
            "population": result.per_gemeente[code].population,
            "taakstelling": result.per_gemeente[code].taakstelling,
            "adjusted": adjusted[code],
        }
        for code, info in data.gemeenten.items()
    ]
    return render(
        request,
        "monitor/taakstelling.html",
        {
            "data": data,
            "half_year": hy,
            "result": result,
            "rows": rows,
            "vg": national_number(hy),
            "sources": [
                vg_source_line(hy),
                population_line(data, hy.reference_date.year),
            ],
        },
    )


@_data_or_unavailable
def som(request: HttpRequest, data: MonitorData, half_year: str) -> HttpResponse:
    """The terms of a national or provincial sum: every gemeente in one half-year."""
    hy = _computable_half_year(data, half_year)
    province = None
    if request.GET.get("provincie"):
        province = _province(request.GET["provincie"])
    codes = (
        overview.province_codes(data, province.code)
        if province
        else list(data.gemeenten)
    )
    data.load_housed(codes)
    rows = []
    for code in codes:
        status = None
        if hy in data.run:
            status = next(
                s for s in data.gemeente(code).report.half_years if s.half_year == hy
            )
        rows.append(
            {
                "info": data.gemeenten[code],
                "taakstelling": data.adjusted(hy)[0][code],
                "housed": data.housed_in(hy, [code]),
                "status": status,
            }
        )
    total = overview.totals(data, codes)
    return render(
        request,
        "monitor/som.html",
        {
            **_stand_context(request, data),
            "section": "monitor",
            "data": data,
            "half_year": hy,
            "province": province,
            "rows": rows,
            "total": next(t for t in total if t.half_year == hy),
            "sources": _sources(data),
        },
    )


def _som_query(data: MonitorData, request: HttpRequest, province: str = "") -> str:
    params = {}
    if province:
        params["provincie"] = province
    if request.GET.get("stand"):
        params["stand"] = data.as_of.isoformat()
    return "?" + urlencode(params) if params else ""


def _computable_half_year(data: MonitorData, text: str) -> HalfYear:
    try:
        hy = HalfYear.parse(text)
    except TaakstellingError as exc:
        raise Http404(str(exc)) from exc
    if hy not in data.computable:
        raise Http404(gettext("Geen taakstelling berekend voor {hy}.").format(hy=hy))
    return hy


def _explained(
    request: HttpRequest, build: Callable[[], explanations.ExplainedNumber]
) -> HttpResponse:
    try:
        number = build()
    except explanations.ExplanationNotFound as exc:
        return render(
            request, "monitor/unavailable.html", {"reason": str(exc)}, status=404
        )
    return render(request, "monitor/explanation.html", {"number": number})


def _raming(request: HttpRequest) -> int | None:
    raw = request.GET.get("raming", "").strip().replace(".", "")
    if not raw:
        return None
    if not raw.isdigit() or not 0 < int(raw) <= sp.MAX_RAMING:
        raise ValueError(
            gettext(
                "De capaciteitsraming moet een geheel getal van 1 tot en met {max} zijn."
            ).format(max=f"{sp.MAX_RAMING:,}".replace(",", "."))
        )
    return int(raw)


@_data_or_unavailable
def berekening(
    request: HttpRequest, data: MonitorData, kind: str, **kwargs: str
) -> HttpResponse:
    if kind == "taakstelling":
        return _explained(
            request,
            lambda: explanations.taakstelling(
                data, kwargs["code"], kwargs["half_year"]
            ),
        )
    if kind == "saldo":
        return _explained(
            request,
            lambda: explanations.saldo(data, kwargs["code"], kwargs["half_year"]),
        )
    if kind == "peildatum":
        return _explained(
            request,
            lambda: explanations.peildatum(data, kwargs["code"], kwargs["half_year"]),
        )
    if kind == "toezicht":
        return _explained(request, lambda: explanations.toezicht(data, kwargs["code"]))
    if kind == "vg":
        return _explained(request, lambda: explanations.vg(data, kwargs["half_year"]))
    try:
        raming = _raming(request)
    except ValueError as exc:
        return render(
            request, "monitor/unavailable.html", {"reason": str(exc)}, status=400
        )
    ses = request.GET.get("ses", sp.DEFAULT_SES)
    if kind == "spreiding":
        return _explained(
            request,
            lambda: explanations.spreiding_gemeente(data, kwargs["code"], raming, ses),
        )
    return _explained(
        request,
        lambda: explanations.spreiding_provincie(data, kwargs["code"], raming, ses),
    )


@_data_or_unavailable
def spreiding(request: HttpRequest, data: MonitorData) -> HttpResponse:
    error = ""
    try:
        raming = _raming(request)
    except ValueError as exc:
        raming, error = None, str(exc)
    ses = request.GET.get("ses", sp.DEFAULT_SES)
    if ses not in sp.SES_CHOICES:
        ses, error = (
            sp.DEFAULT_SES,
            error or gettext("Onbekende keuze voor SES-WOA; de standaard gebruikt."),
        )
    try:
        result = sp.compute(data, raming, ses)
    except sp.SpreidingUnavailable as exc:
        if ses == sp.DEFAULT_SES:
            raise
        ses, error = sp.DEFAULT_SES, error or str(exc)
        result = sp.compute(data, raming, ses)
    provinces = []
    names = {i.province_code: i.province_name for i in data.gemeenten.values()}
    for code, opgave in result.provinces.items():
        provinces.append({"code": code, "name": names[code], "opgave": opgave})
    provinces.sort(key=lambda p: str(p["name"]))
    rows = [
        {"info": info, "g": result.result.per_gemeente[code]}
        for code, info in data.gemeenten.items()
    ]
    query = f"?raming={result.raming}&ses={ses}"
    return render(
        request,
        "monitor/spreiding.html",
        {
            "section": "spreiding",
            "result": result,
            "provinces": provinces,
            "rows": rows,
            "error": error,
            "ses": ses,
            "ses_choices": {k: gettext(v) for k, v in sp.SES_CHOICES.items()},
            "spreiding_query": query,
            "fallback": result.fallback,
            "proxy": result.proxy,
            "form_note": FORM_NOTE,
            "population_source": population_line(data, result.population.year),
            "references": (BESLUIT, RAMING),
        },
    )


# --- exports ----------------------------------------------------------------------


def _check_format(fmt: str) -> None:
    if fmt not in EXPORT_FORMATS:
        raise Http404(gettext("Onbekend formaat; kies csv of xlsx."))


@_data_or_unavailable
def export_national(request: HttpRequest, data: MonitorData, fmt: str) -> HttpResponse:
    _check_format(fmt)
    return exports.respond(exports.national_table(data), fmt)


@_data_or_unavailable
def export_province(
    request: HttpRequest, data: MonitorData, code: str, fmt: str
) -> HttpResponse:
    _check_format(fmt)
    prov = _province(code)
    return exports.respond(exports.province_table(data, prov.code, prov.name), fmt)


@_data_or_unavailable
def export_gemeente(
    request: HttpRequest, data: MonitorData, code: str, fmt: str
) -> HttpResponse:
    _check_format(fmt)
    return exports.respond(
        exports.gemeente_table(data, _gemeente_code(data, code)), fmt
    )


@_data_or_unavailable
def export_taakstelling(
    request: HttpRequest, data: MonitorData, half_year: str, fmt: str
) -> HttpResponse:
    _check_format(fmt)
    hy = _computable_half_year(data, half_year)
    return exports.respond(exports.taakstelling_table(data, hy), fmt)


# --- entering realisations -------------------------------------------------------


@scope_required(WRITE_SCOPE)
def realisation_new(request: HttpRequest) -> HttpResponse:
    initial = {}
    if request.GET.get("gemeente"):
        initial["gemeente"] = request.GET["gemeente"].upper()
    form = RealisationForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            realisation = form.save(request.user)
        except ValidationError as exc:
            form.add_error(None, exc)
            return render(
                request,
                "monitor/realisation_form.html",
                {"form": form, "section": "invoer"},
            )
        messages.success(
            request,
            gettext(
                "Opgeslagen: {persons} personen gehuisvest in {name} op {date}."
            ).format(
                persons=realisation.persons,
                name=realisation.gemeente.name,
                date=f"{realisation.housed_on:%d-%m-%Y}",
            ),
        )
        return redirect(
            reverse("monitor:gemeente", args=[realisation.gemeente.code])
            + "#realisaties"
        )
    return render(
        request, "monitor/realisation_form.html", {"form": form, "section": "invoer"}
    )


@scope_required(WRITE_SCOPE)
def realisation_import(request: HttpRequest) -> HttpResponse:
    form = RealisationUploadForm(request.POST or None, request.FILES or None)
    issues: list[str] = []
    outcome = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["bestand"]
        try:
            outcome = import_realisations(upload.read(), upload.name, request.user)
        except AlreadyImported as exc:
            messages.info(request, str(exc))
        except ImportRejected as exc:
            issues = exc.issues
        if outcome is not None:
            messages.success(
                request,
                gettext(
                    "Import gelukt: {added} regels toegevoegd, "
                    "{present} waren al aanwezig."
                ).format(added=outcome.added, present=outcome.already_present),
            )
            return redirect(reverse("monitor:realisatie-import"))
    return render(
        request,
        "monitor/realisation_import.html",
        {
            "form": form,
            "issues": issues,
            "columns": _csv_columns(),
            "section": "import",
        },
    )


def _csv_columns() -> list[tuple[str, str]]:
    return [
        ("gemeentecode", gettext("verplicht; CBS-code, bv. GM0363")),
        (
            "datum_huisvesting",
            gettext("verplicht; JJJJ-MM-DD, vanaf 2015-01-01 en niet in de toekomst"),
        ),
        ("aantal_personen", gettext("verplicht; geheel getal van 1 tot en met 50")),
        ("soort", gettext("optioneel; regulier, nareiziger of zelf_gevonden")),
        (
            "kenmerk",
            gettext(
                "optioneel; eigen kenmerk, uniek per gemeente, maximaal 100 tekens"
            ),
        ),
        (
            "aantal_huishoudens",
            gettext("optioneel; geheel getal, niet meer dan het aantal personen"),
        ),
    ]
