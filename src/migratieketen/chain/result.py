# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""The outcome of an ensemble as a plain object: percentiles per month and per gemeente.

The web page, the API and the CLI all read `to_dict()`/`to_rows()`; nothing downstream
needs numpy or the per-run arrays (which are dropped unless asked for).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import numpy.typing as npt

from migratieketen.chain.engine import BALANCE, DETAIL_SERIES, GEMEENTE_SERIES, SERIES
from migratieketen.chain.params import ChainConfigError, resolve_values

F32 = npt.NDArray[np.float32]
F64 = npt.NDArray[np.float64]

SERIES_LABELS_NL: dict[str, str] = {
    "coa_total": "Personen in COA-opvang (totaal)",
    "coa_asylum_seekers": "Asielzoekers in COA-opvang",
    "coa_statushouders": "Statushouders in COA-opvang (wachtend op woning)",
    "occ_regular": "Bezetting reguliere azc",
    "occ_small_scale": "Bezetting kleinschalige opvang",
    "occ_noodopvang": "Bezetting noodopvang",
    "occ_crisis": "Crisisnoodopvang nodig (plaatsen)",
    "noodopvang_capacity": "Capaciteit noodopvang",
    "reception_cost": "Opvangkosten per maand (euro)",
    "inflow_first": "Eerste asielaanvragen",
    "inflow_repeat": "Herhaalde aanvragen",
    "nareizigers": "Nareizigers",
    "decisions": "IND-beslissingen",
    "permits": "Verleende vergunningen",
    "ind_queue": "Wachtrij IND",
    "rejected_in_coa": "Afgewezen, nog in opvang",
    "housed": "Gehuisveste statushouders (per maand)",
    "in_tussenvoorziening": "In tussenvoorziening",
    "closed": "Zaken beëindigd (ingetrokken/Dublin)",
    "departed": "Vertrokken",
    "lvv": "Naar LVV",
    "irregular": "Onrechtmatig verblijf",
    "inburgering_starts": "Starts inburgering",
    "inburgering_caseload": "Inburgeraars in traject",
    "inburgering_overdue": "Inburgeraars over de termijn (36 mnd)",
    "inburgering_cost": "Kosten leerroutes (euro, bij start)",
    "inburgering_budget": "Budget leerroutes (euro, bij start)",
    "other_urgent_wait_months": "Wachttijd overige urgenten (maanden)",
}
GEMEENTE_LABELS_NL: dict[str, str] = {
    "housed_total": "Gehuisveste statushouders (hele periode)",
    "waiting_end": "Wachtende statushouders aan het eind (achterstand)",
    "waiting_mean": "Gemiddeld wachtende statushouders",
    "crisis_places_peak": "Crisisnoodopvang bij de piek (indicatief, naar inwoneraandeel)",
    "crisis_cost_total": "Kosten crisisnoodopvang (indicatief, naar inwoneraandeel)",
}


@dataclass(slots=True, eq=False)
class SimulationResult:
    scenario: dict[str, Any]
    months: list[str]
    percentiles: tuple[float, ...]
    national: F32  # (len(SERIES), len(percentiles), months)
    mean: F32  # (len(SERIES), months)
    gemeente_codes: tuple[str, ...]
    gemeente_names: tuple[str, ...]
    gemeente: F32  # (len(GEMEENTE_SERIES), len(percentiles), gemeenten)
    balance: F64  # (runs, 3)
    runs: int
    seed: int
    elapsed_seconds: float = 0.0
    backend: str = "local"
    per_run: F32 | None = field(default=None, repr=False)  # (runs, SERIES, months)
    detail_codes: tuple[str, ...] = ()
    detail: F32 | None = field(default=None, repr=False)  # (DETAIL, P, codes, months)

    def __post_init__(self) -> None:
        self.check_finite()

    def check_finite(self) -> None:
        """No Infinity or NaN leaves the model: they are no figures, and no JSON can
        store them. Extreme inputs (a parameter of 1e300) can still overflow."""
        for name in ("national", "mean", "gemeente", "balance", "per_run", "detail"):
            values = getattr(self, name)
            if values is not None and not np.isfinite(values).all():
                raise ChainConfigError(
                    "De berekening gaf getallen die niet eindig zijn (oneindig of "
                    "geen getal), door extreem grote waarden in het scenario; "
                    "verklein de aantallen of parameters."
                )

    def series(self, name: str, q: float = 50) -> F32:
        """Percentile `q` of series `name` per month."""
        return self.national[SERIES.index(name), self.percentiles.index(q)]

    def max_imbalance(self) -> float:
        """Largest |in - out - stock| over all runs, in persons (should be ~0)."""
        diff = self.balance[:, 0] - self.balance[:, 1] - self.balance[:, 2]
        return float(np.max(np.abs(diff))) if len(diff) else 0.0

    def summary(self) -> dict[str, Any]:
        """Headline figures for the planner: where and when crisis shelter is needed."""
        p50 = self.percentiles.index(50) if 50 in self.percentiles else 0
        hi = len(self.percentiles) - 1
        crisis = self.national[SERIES.index("occ_crisis")]
        need = [m for m, v in zip(self.months, crisis[hi], strict=True) if v > 0.5]
        cost = self.national[SERIES.index("reception_cost")]
        values = resolve_values(self.scenario.get("parameters") or {})
        regular = values["cost_regular_per_year"]
        # Crisis place-years on the median path, priced above regular reception at the
        # model's crisis rate and, as the lower bound, at COA's (crisis)noodopvang rate.
        place_years = float(crisis[p50].sum()) / 12
        return {
            "months_with_crisis_need_p_high": need,
            "peak_crisis_places_median": float(crisis[p50].max()),
            "peak_crisis_places_high": float(crisis[hi].max()),
            "peak_coa_total_median": float(
                self.series("coa_total", self.percentiles[p50]).max()
            ),
            "reception_cost_total_median": float(cost[p50].sum()),
            "reception_cost_total_mean": float(
                self.mean[SERIES.index("reception_cost")].sum()
            ),
            "crisis_place_years_median": place_years,
            "crisis_extra_cost_median": place_years
            * (values["cost_crisisnoodopvang_per_year"] - regular),
            "crisis_extra_cost_coa_rate_median": place_years
            * (values["cost_noodopvang_per_year"] - regular),
            "crisis_cost_total_median": float(
                self.gemeente[GEMEENTE_SERIES.index("crisis_cost_total"), p50].sum()
            ),
            "statushouders_waiting_end_median": float(
                self.series("coa_statushouders", self.percentiles[p50])[-1]
            ),
            "inburgering_cost_minus_budget_mean": float(
                self.mean[SERIES.index("inburgering_cost")].sum()
                - self.mean[SERIES.index("inburgering_budget")].sum()
            ),
            "max_imbalance_persons": self.max_imbalance(),
        }

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready: per month the percentiles of every series, per gemeente summaries."""
        keys = [f"p{q:g}" for q in self.percentiles]
        series = {
            name: {
                "label_nl": SERIES_LABELS_NL[name],
                **{
                    key: [round(float(x), 1) for x in self.national[i, j]]
                    for j, key in enumerate(keys)
                },
                "mean": [round(float(x), 1) for x in self.mean[i]],
            }
            for i, name in enumerate(SERIES)
        }
        gemeenten = [
            {
                "code": code,
                "name": name,
                **{
                    gname: {
                        key: round(float(self.gemeente[s, j, k]), 1)
                        for j, key in enumerate(keys)
                    }
                    for s, gname in enumerate(GEMEENTE_SERIES)
                },
            }
            for k, (code, name) in enumerate(
                zip(self.gemeente_codes, self.gemeente_names, strict=True)
            )
        ]
        return {
            "scenario": self.scenario,
            "runs": self.runs,
            "seed": self.seed,
            "backend": self.backend,
            "elapsed_seconds": round(self.elapsed_seconds, 3),
            "percentiles": list(self.percentiles),
            "months": self.months,
            "series": series,
            "gemeenten": gemeenten,
            "gemeente_series_labels_nl": GEMEENTE_LABELS_NL,
            "gemeente_detail": self._detail_dict(keys),
            "summary": self.summary(),
            "conservation": {
                "balance_terms": list(BALANCE),
                "max_imbalance_persons": self.max_imbalance(),
            },
        }

    def _detail_dict(self, keys: list[str]) -> dict[str, Any]:
        """Monthly percentiles for the gemeenten asked for with `detail_gemeenten`."""
        if self.detail is None or not self.detail_codes:
            return {}
        names = dict(zip(self.gemeente_codes, self.gemeente_names, strict=True))
        return {
            code: {
                "name": names[code],
                **{
                    series: {
                        key: [round(float(x), 1) for x in self.detail[s, j, k]]
                        for j, key in enumerate(keys)
                    }
                    for s, series in enumerate(DETAIL_SERIES)
                },
            }
            for k, code in enumerate(self.detail_codes)
        }

    def to_rows(self) -> list[dict[str, Any]]:
        """Long table for CSV: one row per month and series with its percentiles."""
        rows = []
        for i, name in enumerate(SERIES):
            for t, month in enumerate(self.months):
                row: dict[str, Any] = {"month": month, "series": name}
                for j, q in enumerate(self.percentiles):
                    row[f"p{q:g}"] = round(float(self.national[i, j, t]), 1)
                row["mean"] = round(float(self.mean[i, t]), 1)
                rows.append(row)
        if self.detail is not None:
            for k, code in enumerate(self.detail_codes):
                for s, name in enumerate(DETAIL_SERIES):
                    for t, month in enumerate(self.months):
                        row = {"month": month, "series": f"{code}/{name}"}
                        for j, q in enumerate(self.percentiles):
                            row[f"p{q:g}"] = round(float(self.detail[s, j, k, t]), 1)
                        row["mean"] = ""
                        rows.append(row)
        return rows


def compare_runs(results: Sequence[SimulationResult]) -> dict[str, Any]:
    """Scenarios side by side: headline figures and the median paths of key series.

    Results must cover the same months (same start and length) to be compared per month.
    """
    if not results:
        return {"scenarios": [], "summary": {}, "median": {}}
    months = results[0].months
    same_months = all(r.months == months for r in results)
    key_series = ("coa_total", "coa_statushouders", "occ_crisis", "reception_cost")
    return {
        "scenarios": [r.scenario["name"] for r in results],
        "months": months if same_months else None,
        "summary": {r.scenario["name"]: r.summary() for r in results},
        "median": {
            name: {
                r.scenario["name"]: [round(float(x), 1) for x in r.series(name)]
                for r in results
            }
            for name in key_series
        }
        if same_months
        else {},
    }
