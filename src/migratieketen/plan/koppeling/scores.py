# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Outcome scores: from a file, or a transparent illustrative model from public data.

The default model is deliberately simple so anyone can check it:

    score = volwassenen x werkkans(nationaliteitsgroep) x arbeidsmarktfactor(gemeente)

* werkkans: CBS share in work 30 months after the permit (cohort 2014), per group;
* arbeidsmarktfactor: the gemeente's net labour participation (CBS KWB 2022) divided by
  the population-weighted national mean. Its range (about 0.8 - 1.2, best/worst about
  1.5) matches CPB's finding that the best region's job chance is almost 1.5 x the
  worst's (Gerritsen, Kattenberg & Vermeulen, 2018).

So a score is the expected number of the household's adults in work: a household
quantity, never the best member's chance. The model knows nothing of skills, sex or
age, and it is ILLUSTRATIVE: no model was fitted on Dutch individual data.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np

from migratieketen.data.loader import load_dataset
from migratieketen.plan.koppeling.aggregates import employment_rates
from migratieketen.plan.koppeling.model import (
    FloatArray,
    Gemeenten,
    Household,
    KoppelingError,
    ScoreModel,
)
from migratieketen.plan.koppeling.score_file import GM_NUMBERS, ScoreTable, gm_number

FORMULA = (
    "score = volwassenen x werkkans(nationaliteitsgroep, 30 maanden na vergunning) x "
    "arbeidsmarktfactor(gemeente); arbeidsmarktfactor = netto arbeidsparticipatie "
    "gemeente / landelijk gemiddelde (gewogen naar inwoners)"
)
LABEL = (
    "ILLUSTRATIEF: verwacht aantal volwassenen met werk, uit openbare CBS-aggregaten; "
    "geen voorspelmodel op individuele gegevens"
)
PARTICIPATION = "pct_netto_arbeidsparticipatie"


def labour_market_factor(
    data_dir: Path, codes: Sequence[str]
) -> tuple[FloatArray, str]:
    dataset = load_dataset(data_dir)
    by_code = {g.code: g for g in dataset.gemeenten}
    weights, values = [], []
    for code in codes:
        g = by_code.get(code)
        value = g.indicators.get(PARTICIPATION) if g else None
        if g is None or value is None:
            raise KoppelingError(
                f"Geen netto arbeidsparticipatie (CBS KWB) voor gemeente {code}; "
                "lever scores aan met --scores."
            )
        values.append(float(value))
        weights.append(float(max(g.population.values())))
    participation = np.array(values)
    mean = float(np.average(participation, weights=np.array(weights)))
    spec = next(i for i in dataset.indicators if i.key == PARTICIPATION)
    return participation / mean, spec.provenance.attribution()


def default_scores(
    households: Sequence[Household], gemeenten: Gemeenten, data_dir: Path
) -> ScoreModel:
    rates = employment_rates(data_dir)
    factor, market_source = labour_market_factor(data_dir, gemeenten.codes)
    adults = np.array([h.adults for h in households], dtype=np.float64)
    chance = np.array(
        [rates.rate(h.groups.get("nationaliteitsgroep", "")) for h in households]
    )
    return ScoreModel(
        values=(adults * chance)[:, None] * factor[None, :],
        source="illustratief",
        label=LABEL,
        formula=FORMULA,
        household_factors={"volwassenen": adults, "werkkans": chance},
        gemeente_factors={"arbeidsmarktfactor": factor},
        provenance=(rates.source, market_source),
    )


def file_scores(
    households: Sequence[Household], gemeenten: Gemeenten, table: ScoreTable
) -> ScoreModel:
    """Scores from a file; pairs the file does not give are not allowed."""
    values = np.full((len(households), len(gemeenten.codes)), np.nan)
    row = {h.id: i for i, h in enumerate(households)}
    rows = np.array([row[hid] for hid in table.household_ids], dtype=np.int64)
    column = np.full(GM_NUMBERS, -1, dtype=np.int64)  # by the CBS number in GMxxxx
    for code, j in gemeenten.index().items():
        column[gm_number(code)] = j
    columns = column[table.gemeente]
    known = columns >= 0
    values[rows[table.household[known]], columns[known]] = table.score[known]
    label = "Scores uit aangeleverd bestand (model van de aanleverende partij)"
    if table.without_scores:
        shown = ", ".join(table.without_scores[:5])
        more = ", ..." if len(table.without_scores) > 5 else ""
        label += (
            f"; {len(table.without_scores)} huishouden(s) zonder enkele score in het "
            f"bestand ({shown}{more}): niet te koppelen"
        )
    return ScoreModel(
        values=values,
        source="bestand",
        label=label,
        formula="score zoals aangeleverd per huishouden x gemeente",
    )
