# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""The KWB proxy for SES-WOA: labelled as an estimate, and its error measured against
the published per-gemeente Spreidingswet figures in ../shared/reference."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from rules_support import REFERENCE_DIR

from migratieketen.data import load_dataset
from migratieketen.data.model import DataSet
from migratieketen.rules import ses_proxy as sp
from migratieketen.rules import spreidingswet as sw


@pytest.fixture(scope="module")
def dataset(shared_data_dir: Path) -> DataSet:
    return load_dataset(shared_data_dir)


def _published(dataset: DataSet) -> dict[str, int]:
    """Gemeenten with an exact published number of places (amv sub-rows excluded)."""
    by_name = {g.name: g.code for g in dataset.gemeenten}
    path = REFERENCE_DIR / "tables" / "spreidingswet_gemeenten_indicative_2024.csv"
    with path.open(encoding="utf-8") as fh:
        rows = csv.DictReader(ln for ln in fh if not ln.startswith("#"))
        return {
            by_name[r["gemeente"]]: int(r["indicative_places"])
            for r in rows
            if r["gemeente"] in by_name and r["indicative_places"].isdigit()
        }


def test_published_points(dataset: DataSet) -> None:
    assert _published(dataset) == {
        "GM0363": 4479,
        "GM0479": 818,
        "GM0377": 172,
        "GM0917": 326,
        "GM1696": 163,
        "GM0880": 98,
        "GM0431": 62,
    }


def test_proxy_error_report(
    dataset: DataSet, capsys: pytest.CaptureFixture[str]
) -> None:
    """The proxy beats population-only on average, also out of sample (leave-one-out).

    The printed table is the error report quoted in docs/rules-as-code.md.
    """
    pops = {g.code: g.population[2023] for g in dataset.gemeenten}
    rows = sp.evaluate_proxy(
        96000,
        sp.components_from_dataset(dataset),
        pops,
        _published(dataset),
        sp.proxy_scale(),
    )
    with capsys.disabled():
        print("\ncode    published pop-only  proxy (err%)  leave-one-out (err%)")
        for r in rows:
            print(
                f"{r.code}  {r.published:8d} {r.population_only:8d} "
                f"{r.proxy:6d} ({r.proxy_pct:+5.1f}) {r.proxy_leave_one_out:6d} "
                f"({r.loo_pct:+5.1f})"
            )
    mape = {
        "population_only": sum(abs(r.population_only_pct) for r in rows) / len(rows),
        "proxy": sum(abs(r.proxy_pct) for r in rows) / len(rows),
        "loo": sum(abs(r.loo_pct) for r in rows) / len(rows),
    }
    with capsys.disabled():
        print({k: round(v, 1) for k, v in mape.items()})
    assert mape["proxy"] < mape["population_only"]
    assert mape["loo"] < mape["population_only"]


def test_configured_scale_is_the_in_sample_fit(dataset: DataSet) -> None:
    pops = {g.code: g.population[2023] for g in dataset.gemeenten}
    zm = sp.standardised_means(sp.components_from_dataset(dataset), pops)
    assert sp.fit_scale(96000, pops, zm, _published(dataset)) == sp.proxy_scale()


def test_proxy_distribution_is_labelled(dataset: DataSet) -> None:
    scores = sp.proxy_scores_from_dataset(dataset)
    assert len(scores) == 342
    pops = {g.code: g.population[2023] for g in dataset.gemeenten}
    res = sw.distribute(96000, pops, scores, ses_source=sw.SES_PROXY)
    assert res.total == 96000
    assert res.notes == (sw.PROXY_NOTE,)
    # Heerlen (lowest SES-WOA in NL per Binnenlands Bestuur) is below its population share.
    assert (
        res.per_gemeente["GM0917"].places
        < sw.distribute(96000, pops).places()["GM0917"]
    )


PUBLISHED_PROVINCES = {  # spreidingswet_provinces_2024_96000.csv, Utrecht (derived) left out
    "PV28": 19776, "PV27": 16290, "PV30": 14689, "PV25": 11704, "PV23": 6325,
    "PV31": 5662, "PV21": 3391, "PV20": 2717, "PV22": 2691, "PV24": 2441, "PV29": 2109,
}  # fmt: skip


def test_proxy_provinces_closer_than_population_only(
    dataset: DataSet, capsys: pytest.CaptureFixture[str]
) -> None:
    pops = {g.code: g.population[2023] for g in dataset.gemeenten}
    prov = {g.code: g.province_code for g in dataset.gemeenten}
    plain = sw.province_totals(sw.distribute(96000, pops), prov)
    proxy = sw.province_totals(
        sw.distribute(
            96000, pops, sp.proxy_scores_from_dataset(dataset), ses_source=sw.SES_PROXY
        ),
        prov,
    )

    def mape(res: dict[str, sw.ProvinceOpgave]) -> float:
        errs = [abs(res[p].places - v) / v for p, v in PUBLISHED_PROVINCES.items()]
        return 100 * sum(errs) / len(errs)

    with capsys.disabled():
        print(
            f"\nprovinces MAPE: population-only {mape(plain):.1f}%, proxy {mape(proxy):.1f}%"
        )
    assert mape(proxy) < mape(plain)
