# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""An explicit, labelled ESTIMATE of the SES-WOA score from KWB indicators.

The Spreidingswet key weights inhabitants with the CBS SES-WOA score (Stb. 2024, 13;
amendement Van Dijk, Kamerstuk 36 333 nr. 75). The CBS scores are not in the open data
folder; this proxy lets a user see a weighted distribution anyway. It is never the
official figure: results computed with it carry spreidingswet.PROXY_NOTE, and its error
against the published per-gemeente figures is measured by `evaluate_proxy`.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from fractions import Fraction

from migratieketen.data.model import DataSet
from migratieketen.rules.parameters import load_parameter
from migratieketen.rules.spreidingswet import SES_PROXY, distribute

Components = Mapping[str, Sequence[float | None]]


def proxy_scale(at: date = date(2024, 2, 1)) -> float:
    return float(load_parameter("spreidingswet/ses_proxy").value_at(at)["scale"])


def components_from_dataset(dataset: DataSet) -> dict[str, tuple[float | None, ...]]:
    """(standardised household income, share high education, net labour participation)."""
    out: dict[str, tuple[float | None, ...]] = {}
    for g in dataset.gemeenten:
        i = g.indicators
        levels = [
            i.get("personen_opleidingsniveau_laag"),
            i.get("personen_opleidingsniveau_middelbaar"),
            i.get("personen_opleidingsniveau_hoog"),
        ]
        high: float | None = None
        known = [float(v) for v in levels if v is not None]
        if len(known) == 3 and sum(known) > 0:
            high = known[2] / sum(known)
        out[g.code] = (
            i.get("gem_gestandaardiseerd_hh_inkomen_x1000_eur"),
            high,
            i.get("pct_netto_arbeidsparticipatie"),
        )
    return out


def standardised_means(
    components: Components, populations: Mapping[str, int]
) -> dict[str, float]:
    """Mean of population-weighted z-scores; a missing indicator is left out."""
    codes = list(populations)
    n = len(next(iter(components.values())))
    zsum = dict.fromkeys(codes, 0.0)
    zcount = dict.fromkeys(codes, 0)
    for k in range(n):
        values: dict[str, float] = {}
        for c in codes:
            v = components[c][k]
            if v is not None:
                values[c] = float(v)
        weight = sum(populations[c] for c in values)
        mean = sum(populations[c] * v for c, v in values.items()) / weight
        var = sum(populations[c] * (v - mean) ** 2 for c, v in values.items()) / weight
        sd = math.sqrt(var) or 1.0
        for c, v in values.items():
            zsum[c] += (v - mean) / sd
            zcount[c] += 1
    missing = [c for c in codes if zcount[c] == 0]
    if missing:
        raise ValueError(f"Geen enkele KWB-indicator voor {', '.join(missing[:5])}.")
    return {c: zsum[c] / zcount[c] for c in codes}


def proxy_scores(
    components: Components, populations: Mapping[str, int], scale: float
) -> dict[str, Fraction]:
    """Proxy score = scale x mean z, kept to 6 decimals so the rule stays exact."""
    zm = standardised_means(components, populations)
    return {c: Fraction(f"{scale * z:.6f}") for c, z in zm.items()}


def proxy_scores_from_dataset(
    dataset: DataSet, year: int = 2023
) -> dict[str, Fraction]:
    pops = {g.code: g.population[year] for g in dataset.gemeenten}
    return proxy_scores(components_from_dataset(dataset), pops, proxy_scale())


@dataclass(frozen=True, slots=True)
class ProxyError:
    code: str
    published: int
    population_only: int
    proxy: int  # with the configured scale
    proxy_leave_one_out: int  # scale fitted without this gemeente

    @property
    def proxy_pct(self) -> float:
        return 100 * (self.proxy - self.published) / self.published

    @property
    def loo_pct(self) -> float:
        return 100 * (self.proxy_leave_one_out - self.published) / self.published

    @property
    def population_only_pct(self) -> float:
        return 100 * (self.population_only - self.published) / self.published


SCALE_GRID = tuple(round(0.01 * i, 2) for i in range(0, 41))


def _places(
    raming: int, pops: Mapping[str, int], zm: Mapping[str, float], scale: float
) -> dict[str, int]:
    scores = {c: Fraction(f"{scale * z:.6f}") for c, z in zm.items()}
    return distribute(raming, pops, scores, ses_source=SES_PROXY).places()


def fit_scale(
    raming: int,
    pops: Mapping[str, int],
    zm: Mapping[str, float],
    published: Mapping[str, int],
) -> float:
    """Grid search for the scale with the least mean absolute percentage error."""

    def mape(scale: float) -> float:
        got = _places(raming, pops, zm, scale)
        return sum(abs(got[c] - p) / p for c, p in published.items()) / len(published)

    return min(SCALE_GRID, key=mape)


def evaluate_proxy(
    raming: int,
    components: Components,
    populations: Mapping[str, int],
    published: Mapping[str, int],
    scale: float,
) -> list[ProxyError]:
    """Error of the proxy against published per-gemeente figures, incl. leave-one-out."""
    zm = standardised_means(components, populations)
    plain = distribute(raming, populations).places()
    fitted = _places(raming, populations, zm, scale)
    rows = []
    for code, pub in published.items():
        others = {c: p for c, p in published.items() if c != code}
        loo_scale = fit_scale(raming, populations, zm, others)
        loo = _places(raming, populations, zm, loo_scale)[code]
        rows.append(ProxyError(code, pub, plain[code], fitted[code], loo))
    return rows
