# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""The monitor reads sums per gemeente x half-year from SQL, never the single rows.

The reference is the core on the single rows (`realised_per_half_year` + `monitor`),
the way the pages computed it before: the SQL sums must give the same ledger, the
same stand on each peildatum and the same totals, on every stand date around the
half-year and peildatum boundaries.
"""

from __future__ import annotations

from datetime import date

from django.apps import apps
from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from migratieketen.rules.monitor import Realisation, monitor, realised_per_half_year
from migratieketen_web.gemeenten.models import Gemeente
from migratieketen_web.monitor import models
from migratieketen_web.monitor.services import MonitorData

pytestmark = pytest.mark.django_db

VENRAY, ARNHEM = "GM0984", "GM0202"
DAYS = [
    date(2024, 12, 31),  # before the ledger
    date(2025, 1, 1),
    date(2025, 4, 1),  # on the peildatum: counts for it
    date(2025, 4, 2),
    date(2025, 6, 30),
    date(2025, 7, 1),
    date(2025, 10, 1),
    date(2025, 10, 2),
    date(2025, 12, 31),
    date(2026, 1, 1),  # after the last half-year with a published vg
    date(2026, 5, 5),
]
STANDS = [
    date(2025, 3, 31),
    date(2025, 4, 1),
    date(2025, 7, 1),
    date(2025, 10, 1),
    date(2025, 12, 31),
    date(2026, 1, 1),
    date(2026, 5, 4),
    date(2026, 11, 30),
]


@pytest.fixture
def register() -> list[Realisation]:
    rows = []
    for code, factor in ((VENRAY, 1), (ARNHEM, 2)):
        gemeente = Gemeente.objects.get(code=code)
        for i, day in enumerate(DAYS):
            persons = (i % 5 + 1) * factor
            models.Realisation.objects.create(
                gemeente=gemeente,
                housed_on=day,
                persons=persons,
                key=f"t:{code}:{i}",
                source=models.RealisationSource.WEB,
            )
            rows.append(Realisation(code, day, persons))
    return rows


def _reference(data: MonitorData, code: str, rows: list[Realisation], as_of: date):
    info = data.gemeenten[code]
    taak = {hy: data.adjusted(hy)[0][code] for hy in data.run}
    return monitor(
        code,
        info.province_code,
        data.run,
        taak,
        realised_per_half_year(rows, code, as_of),
        as_of,
        registered_from=data.run[0],
    )


@pytest.mark.parametrize("stand", STANDS)
def test_sql_sums_give_the_ledger_of_the_single_rows(
    register: list[Realisation], stand: date
) -> None:
    data = MonitorData(stand)
    for code in (VENRAY, ARNHEM):
        gm = data.gemeente(code)
        assert gm.report == _reference(data, code, register, stand)
        for i, hy in enumerate(data.run):
            if hy.peildatum() > stand:
                assert hy not in gm.at_peildatum
                continue
            at_peil = _reference(data, code, register, hy.peildatum())
            assert gm.at_peildatum[hy] == at_peil.half_years[i]
        after = sum(
            r.persons
            for r in register
            if r.gemeente == code and data.run[-1].end < r.housed_on <= stand
        )
        assert gm.housed_after_run == after


def test_one_gemeente_or_all_at_once_is_the_same(register: list[Realisation]) -> None:
    one, many = MonitorData(date(2026, 1, 1)), MonitorData(date(2026, 1, 1))
    many.load_housed()
    for code in (VENRAY, ARNHEM, "GM0363"):
        assert one.gemeente(code) == many.gemeente(code)
    hy = one.run[0]
    expected = sum(r.persons for r in register if hy.start <= r.housed_on <= hy.end)
    assert one.housed_in(hy) == many.housed_in(hy) == expected


def test_a_page_reads_sums_not_rows(register: list[Realisation]) -> None:
    """The number of queries does not grow with the rows of the gemeente."""
    data = MonitorData(date(2026, 1, 1))
    data.run  # noqa: B018 - taakstellingen and population first
    with CaptureQueriesContext(connection) as ctx:
        data.gemeente(VENRAY)
    sums = [q["sql"] for q in ctx.captured_queries if "monitor_realisation" in q["sql"]]
    assert len(sums) == 1 and "SUM(" in sums[0].upper()


def test_every_write_stores_the_half_year(register: list[Realisation]) -> None:
    rows = models.Realisation.objects.filter(gemeente__code=VENRAY)
    assert {(r.housed_on, r.half_year) for r in rows} >= {
        (date(2025, 6, 30), "2025-1"),
        (date(2025, 7, 1), "2025-2"),
    }
    assert (
        models.new_realisation(housed_on=date(2024, 12, 31), persons=1).half_year
        == "2024-2"
    )


def test_the_migration_fills_the_half_year_of_existing_rows(
    register: list[Realisation],
) -> None:
    from importlib import import_module

    migration = import_module(
        "migratieketen_web.monitor.migrations.0003_realisation_half_year"
    )
    models.Realisation.objects.update(half_year="")
    migration.fill_half_year(apps, None)
    for row in models.Realisation.objects.all():
        assert row.half_year == f"{row.housed_on.year}-{(row.housed_on.month > 6) + 1}"
