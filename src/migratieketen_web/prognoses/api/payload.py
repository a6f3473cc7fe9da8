# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Plain dicts (English keys) of a stored forecast, for the API serializers."""

from __future__ import annotations

from typing import Any

from migratieketen_web.prognoses import presentation
from migratieketen_web.prognoses.models import Forecast


def vintage(forecast: Forecast) -> dict[str, Any]:
    data = forecast.data_vintage
    return {
        "key": forecast.vintage_key,
        "cutoff": data.get("cutoff", forecast.cutoff),
        "files": [
            {"name": name, "sha256": sha}
            for name, sha in sorted(data.get("files", {}).items())
        ],
        "series_end": [
            {"series": name, "last_period": end}
            for name, end in data.get("series_end", {}).items()
        ],
        "sources": list(data.get("sources", [])),
    }


def _period(p: presentation.FanPeriod) -> dict[str, Any]:
    return {
        "period": p.period,
        "kind": "schatting" if p.nowcast else "prognose",
        "quantiles": [
            {"level": level, "value": round(value, 1)}
            for level, value in sorted(p.quantiles.items())
        ],
    }


def series_payload(forecast: Forecast, only: str | None = None) -> list[dict[str, Any]]:
    """Quarterly (incl. nowcast) and yearly quantiles of each (or one) series."""
    result = forecast.result
    names = [only] if only else list(presentation.SERIES)
    out = []
    for name in names:
        fan = presentation.fan(result, name)
        yearly = result.get("yearly", {}).get(name)
        out.append(
            {
                "series": name,
                "label": presentation.SERIES[name],
                "chosen_model": presentation.CHOSEN_MODEL[name],
                "last_observed": fan.last_observed,
                "history": [{"period": p, "value": v} for p, v in fan.history],
                "quarters": [_period(p) for p in fan.periods],
                "years": [_period(p) for p in presentation.yearly_rows(yearly)]
                if yearly
                else [],
            }
        )
    return out


def mpp_rows(forecast: Forecast) -> list[dict[str, Any]]:
    return [
        {
            "year": row["year"],
            "published": row["mpp"]["published"],
            "low": row["mpp"]["low"],
            "high": row["mpp"]["high"],
            "source": row["mpp"]["source"],
            "forecast_p05": row["forecast_p05"],
            "forecast_p50": row["forecast_p50"],
            "forecast_p95": row["forecast_p95"],
            "note": row["note"],
        }
        for row in forecast.result.get("mpp_comparison", [])
    ]
