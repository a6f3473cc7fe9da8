# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Capacity per gemeente in persons for the planning period.

By default the taakstelling (art. 29 lid 1 Huisvestingswet 2014) of every half-year in
the period plus the opening achterstand, carried over as the rules do (art. 28 and
uitvoeringspraktijk): unused capacity of a first half-year stays available in the next,
so for a period the capacity is the ledger's balance with nothing housed yet.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from pathlib import Path

import numpy as np

from migratieketen.data.loader import load_dataset
from migratieketen.plan.koppeling.model import Gemeenten, KoppelingError
from migratieketen.rules import huisvestingswet as hw
from migratieketen.rules import service
from migratieketen.rules.monitor import carry_over


def half_year_of(day: date) -> hw.HalfYear:
    return hw.HalfYear(day.year, 1 if day.month <= 6 else 2)


def planning_half_years(first: date, last: date) -> list[hw.HalfYear]:
    """The half-years from the one containing `first` through the one containing `last`."""
    start, end = half_year_of(first), half_year_of(last)
    return hw.half_years(start, end.ordinal - start.ordinal + 1)


def taakstelling_capacity(
    periods: list[hw.HalfYear],
    data_dir: Path,
    vg: Mapping[hw.HalfYear, int] | None = None,
    opening: Mapping[str, int] | None = None,
) -> Gemeenten:
    """Σ taakstelling over `periods` + opening achterstand, per gemeente (>= 0)."""
    runs = []
    for hy in periods:
        try:
            run = service.run_taakstelling(hy, data_dir, (vg or {}).get(hy))
        except (hw.TaakstellingError, ValueError) as exc:
            raise KoppelingError(
                f"Geen taakstelling voor {hy}: {exc} Lever de capaciteit aan met "
                "--capaciteit."
            ) from exc
        if not run.population.keyed_by_code:
            raise KoppelingError(
                f"De bevolking voor {hy} is niet per CBS-code beschikbaar; lever de "
                "capaciteit aan met --capaciteit."
            )
        runs.append(run)
    table = runs[-1].population
    codes = tuple(sorted(table.populations))
    capacity = []
    for code in codes:
        taak = {
            run.half_year: run.final(code)
            for run in runs
            if code in run.result.per_gemeente
        }
        ledger = carry_over(
            [hy for hy in periods if hy in taak],
            taak,
            {},
            as_of=periods[-1].end,
            opening_balance=(opening or {}).get(code, 0),
        )
        capacity.append(max(ledger[-1].carry_out, 0) if ledger else 0)
    label = ", ".join(f"{run.half_year} (vg {run.vg})" for run in runs)
    return Gemeenten(
        codes=codes,
        names=tuple(table.names.get(c, c) for c in codes),
        provinces=tuple(table.province_codes.get(c, "") for c in codes),
        capacity=np.array(capacity, dtype=np.int64),
        capacity_source=(
            f"taakstelling art. 29 lid 1 Huisvestingswet 2014, halfjaren {label}, "
            "met doorgeschoven achterstand; " + table.provenance.attribution()
        ),
    )


def file_capacity(table: Mapping[str, int], data_dir: Path) -> Gemeenten:
    """Capacity as supplied; names and provinces from the CBS gemeente list.

    A well-formed code that is not in that list (a gemeente merged away since, or a
    researcher's own codes) is kept, without name or province, and the source says
    which: its scores still count; a province constraint cannot point to it.
    """
    known = {g.code: g for g in load_dataset(data_dir).gemeenten}
    codes = tuple(sorted(table))
    unknown = [c for c in codes if c not in known]
    source = "capaciteit uit aangeleverd bestand (personen)"
    if unknown:
        shown = ", ".join(unknown[:5]) + (" ..." if len(unknown) > 5 else "")
        source += (
            f"; {len(unknown)} gemeentecode(s) niet in de CBS-gemeentelijst, zonder "
            f"naam en provincie: {shown}"
        )
    return Gemeenten(
        codes=codes,
        names=tuple(known[c].name if c in known else c for c in codes),
        provinces=tuple(known[c].province_code if c in known else "" for c in codes),
        capacity=np.array([table[c] for c in codes], dtype=np.int64),
        capacity_source=source,
    )
