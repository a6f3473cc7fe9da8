# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""The prognose page and the scenarios page (Dutch), served from the stored forecast."""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext, gettext_noop

from migratieketen_web.prognoses import presentation, services
from migratieketen_web.prognoses import scenarios as sc
from migratieketen_web.prognoses.charts import fan_chart
from migratieketen_web.prognoses.models import Forecast

MPP_SOURCE = gettext_noop(
    "De Meerjaren Productie Prognose (MPP) van het ministerie van Asiel en Migratie "
    "telt eerste en volgende asielverzoeken, nareizigers en hervestigers."
)


def _mpp_rows(result: dict[str, Any]) -> list[dict[str, Any]]:
    """The stored comparison rows, each with its band's current public citation."""
    rows = []
    for row in result.get("mpp_comparison", []):
        band = row["mpp"]
        source = services.mpp_source(row["year"], band["published"], band["source"])
        rows.append({**row, "mpp": {**band, "source": source}})
    return rows


def _unavailable(request: HttpRequest, reason: str, status: int = 503) -> HttpResponse:
    return render(
        request,
        "prognoses/unavailable.html",
        {"reason": reason, "bad_request": status == 400},
        status=status,
    )


def _pending(request: HttpRequest, exc: services.ForecastPending) -> HttpResponse:
    response = render(
        request,
        "prognoses/pending.html",
        {
            "reason": gettext(services.PENDING_MESSAGE).format(
                seconds=services.RETRY_AFTER_SECONDS
            ),
            "refresh": services.RETRY_AFTER_SECONDS,
        },
        status=503,
    )
    response["Retry-After"] = str(services.RETRY_AFTER_SECONDS)
    return response


def _forecast_or_response(
    request: HttpRequest,
) -> tuple[Forecast, str] | HttpResponse:
    """The current forecast (and a notice), or the page that explains why there is none.

    While the forecast for new data is computed, the previous one is shown with a
    notice that says so; only without any stored forecast the visitor must wait.
    """
    try:
        return services.current_forecast(), ""
    except services.ForecastPending as exc:
        previous = Forecast.objects.order_by("-created_at", "-id").first()
        if previous is None:
            return _pending(request, exc)
        pending = gettext(services.PENDING_MESSAGE).format(
            seconds=services.RETRY_AFTER_SECONDS
        )
        return previous, gettext(
            "{pending} Tot die tijd ziet u de vorige prognose, op data tot en met "
            "{cutoff}."
        ).format(pending=pending, cutoff=previous.cutoff)
    except services.ForecastUnavailable as exc:
        return _unavailable(request, str(exc))


def _series_param(request: HttpRequest) -> str:
    value = request.GET.get("reeks", presentation.DEFAULT_SERIES)
    return presentation.check_series(value)


FIRST_END = "eerste_asielverzoeken_kwartaal"
NAREIS_END = "nareizigers_kwartaal"


def _vintage_context(forecast: Forecast) -> dict[str, Any]:
    vintage = forecast.data_vintage
    ends = vintage.get("series_end", {})
    return {
        # The quarterly series the forecast extends, each with its own last quarter.
        "last_figures": [
            (gettext(presentation.SERIES_END_LABELS[name]).lower(), ends[name])
            for name in (FIRST_END, NAREIS_END)
            if ends.get(name)
        ],
        "first_end": ends.get(FIRST_END, ""),
        "nareis_end": ends.get(NAREIS_END, ""),
        "series_ends": [
            (gettext(presentation.SERIES_END_LABELS.get(name, name)), end)
            for name, end in vintage.get("series_end", {}).items()
        ],
        "files": sorted(
            (presentation.file_label(name), sha)
            for name, sha in vintage.get("files", {}).items()
        ),
        "sources": list(vintage.get("sources", [])),
    }


def prognose(request: HttpRequest) -> HttpResponse:
    try:
        series = _series_param(request)
    except presentation.UnknownSeries as exc:
        return _unavailable(request, str(exc), status=400)
    found = _forecast_or_response(request)
    if isinstance(found, HttpResponse):
        return found
    forecast, notice = found
    result = forecast.result
    fan = presentation.fan(result, series)
    yearly = result.get("yearly", {}).get(series)
    return render(
        request,
        "prognoses/prognose.html",
        {
            "section": "prognose",
            "notice": notice,
            "forecast": forecast,
            "result": result,
            "series": series,
            "series_label": gettext(presentation.SERIES[series]),
            "series_long": gettext(presentation.SERIES_LONG[series]),
            "series_choices": [
                (key, gettext(label)) for key, label in presentation.SERIES.items()
            ],
            "fan": fan,
            "chart": fan_chart(fan),
            "yearly": presentation.yearly_rows(yearly) if yearly else [],
            "backtest": presentation.backtest_table(result, series),
            "choice": (
                presentation.ensemble_choice(result)
                if presentation.CHOSEN_MODEL[series] == "ensemble"
                else None
            ),
            "is_ensemble": presentation.CHOSEN_MODEL[series] == "ensemble",
            "chosen_label": gettext(
                presentation.MODEL_LABELS[presentation.CHOSEN_MODEL[series]]
            ),
            "mpp": _mpp_rows(result),
            "mpp_source": gettext(MPP_SOURCE),
            "mpp_citations": list(
                dict.fromkeys(row["mpp"]["source"] for row in _mpp_rows(result))
            ),
            "permit": result.get("permit_model", {}),
            **_vintage_context(forecast),
        },
    )


def scenarios(request: HttpRequest) -> HttpResponse:
    found = _forecast_or_response(request)
    if isinstance(found, HttpResponse):
        return found
    forecast, notice = found
    views = sc.with_sparklines([sc.summarise(s) for s in forecast.scenarios.all()])
    return render(
        request,
        "prognoses/scenarios.html",
        {
            "section": "scenarios",
            "notice": notice,
            "forecast": forecast,
            "scenarios": views,
            **_vintage_context(forecast),
        },
    )


def scenario_csv(request: HttpRequest, name: str) -> HttpResponse:
    """All paths of one scenario of the current forecast (the core's CSV layout)."""
    found = _forecast_or_response(request)
    if isinstance(found, HttpResponse):
        return found
    forecast, _notice = found
    stored = forecast.scenarios.filter(name=name).first()
    if stored is None:
        raise Http404(gettext("Dit scenario bestaat niet."))
    response = HttpResponse(
        sc.to_core(stored).to_csv(), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = (
        f'attachment; filename="instroomscenario-{stored.name}-{forecast.cutoff}.csv"'
    )
    return response
