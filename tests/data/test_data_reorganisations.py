# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Carrying KWB 2022 figures over to the 2024 division, and the reorganisation table."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from migratieketen.data import (
    REORGANISATIONS,
    Aggregation,
    ReorganisationError,
    dissolved_codes,
    kwb2022_rules,
    load_dataset,
    old_names,
    successors,
    to_current_division,
)


def _kwb2022(shared_data_dir: Path) -> dict[str, dict[str, str]]:
    with (shared_data_dir / "gemeenten_kwb2022_indicatoren.csv").open() as fh:
        return {r["gemeentecode_2022"]: r for r in csv.DictReader(fh)}


def test_voorne_aan_zee_from_its_three_parts(shared_data_dir: Path) -> None:
    kwb = _kwb2022(shared_data_dir)
    parts = [kwb[c] for c in ("GM0501", "GM0530", "GM0614")]
    g = load_dataset(shared_data_dir).gemeente("GM1992")
    assert g.population[2022] == sum(int(p["inwoners_2022"]) for p in parts)
    stock = [int(p["woningvoorraad"]) for p in parts]
    corp = [float(p["pct_huurwoningen_corporatie"]) for p in parts]
    expected = sum(s * c for s, c in zip(stock, corp, strict=True)) / sum(stock)
    assert g.indicators["pct_huurwoningen_corporatie"] == pytest.approx(expected)
    pop = [int(p["inwoners_2022"]) for p in parts]
    part = [float(p["pct_netto_arbeidsparticipatie"]) for p in parts]
    assert g.indicators["pct_netto_arbeidsparticipatie"] == pytest.approx(
        sum(w * v for w, v in zip(pop, part, strict=True)) / sum(pop)
    )
    assert g.indicators["personen_opleidingsniveau_hoog"] == sum(
        int(p["personen_opleidingsniveau_hoog"]) for p in parts
    )
    # a weighted mean lies between its parts
    assert min(corp) <= g.indicators["pct_huurwoningen_corporatie"] <= max(corp)


def test_amsterdam_includes_weesp(shared_data_dir: Path) -> None:
    kwb = _kwb2022(shared_data_dir)
    g = load_dataset(shared_data_dir).gemeente("GM0363")
    ams, weesp = kwb["GM0363"], kwb["GM0457"]
    assert g.population[2022] == int(ams["inwoners_2022"]) + int(weesp["inwoners_2022"])
    # Amsterdam's own values are 40% / 64%; Weesp is small so the mix stays near them
    assert g.indicators["pct_huurwoningen_corporatie"] != float(
        ams["pct_huurwoningen_corporatie"]
    )
    assert g.indicators["pct_huurwoningen_corporatie"] == pytest.approx(40, abs=0.3)


def test_unchanged_gemeente_keeps_its_2022_values(shared_data_dir: Path) -> None:
    kwb = _kwb2022(shared_data_dir)
    g = load_dataset(shared_data_dir).gemeente("GM0034")
    assert g.population[2022] == int(kwb["GM0034"]["inwoners_2022"])
    assert g.indicators["gem_inkomen_per_inwoner_x1000_eur"] == float(
        kwb["GM0034"]["gem_inkomen_per_inwoner_x1000_eur"]
    )


def test_dominant_class_and_missing_values() -> None:
    rows = {
        "GM0501": {"inw": 17_000, "cls": 3, "x": 1.0},
        "GM0530": {"inw": 40_000, "cls": 2, "x": None},
        "GM0614": {"inw": 15_000, "cls": 4, "x": 3.0},
    }
    out = to_current_division(
        rows,
        {
            "inw": Aggregation("sum"),
            "cls": Aggregation("dominant", "inw"),
            "x": Aggregation("mean", "inw"),
        },
    )
    assert out == {"GM1992": {"inw": 72_000, "cls": 2, "x": None}}


def test_min_coverage_allows_a_mean_when_a_small_part_lacks_a_value() -> None:
    rows = {
        "GM0363": {"inw": 903_000, "rate": 77.0, "n": 5},
        "GM0457": {"inw": 20_000, "rate": None, "n": None},
    }
    rules = {"rate": Aggregation("mean", "inw"), "n": Aggregation("sum")}
    strict = to_current_division(rows, rules)
    assert strict["GM0363"] == {"rate": None, "n": None}
    lenient = to_current_division(rows, rules, min_coverage=0.95)
    assert lenient["GM0363"] == {"rate": 77.0, "n": None}  # sums stay strict
    assert to_current_division(rows, rules, min_coverage=0.99)["GM0363"]["rate"] is None


def test_amsterdam_wmo_rate_kept_although_weesp_has_none(shared_data_dir: Path) -> None:
    kwb = _kwb2022(shared_data_dir)
    assert kwb["GM0457"]["wmo_clienten_per_1000"] == ""
    g = load_dataset(shared_data_dir).gemeente("GM0363")
    assert g.indicators["wmo_clienten_per_1000"] == float(
        kwb["GM0363"]["wmo_clienten_per_1000"]
    )


def test_as_of_before_a_merger_keeps_old_codes() -> None:
    assert successors("GM0501", as_of=date(2022, 12, 31)) == {"GM0501": 1.0}
    assert successors("GM0501") == {"GM1992": 1.0}
    assert successors("GM0457", as_of=date(2022, 3, 23)) == {"GM0457": 1.0}


def test_split_needs_shares() -> None:
    with pytest.raises(ReorganisationError, match="gesplitst"):
        to_current_division({"GM0788": {"inw": 14_000}}, {"inw": Aggregation("sum")})
    with pytest.raises(ReorganisationError, match="optellen tot 1"):
        successors("GM0788", split_shares={"GM0788": {"GM0855": 0.5}})
    shares = {"GM0824": 0.4, "GM0865": 0.3, "GM0855": 0.2, "GM0757": 0.1}
    out = to_current_division(
        {"GM0788": {"inw": 14_000}},
        {"inw": Aggregation("sum")},
        split_shares={"GM0788": shares},
    )
    assert sum(v["inw"] for v in out.values()) == pytest.approx(14_000)  # type: ignore[misc]


def test_unknown_code_is_refused_when_current_codes_given() -> None:
    with pytest.raises(ReorganisationError, match="GM0001"):
        to_current_division(
            {"GM0001": {"inw": 5}},
            {"inw": Aggregation("sum")},
            current_codes={"GM0363"},
        )


def test_table_is_consistent_with_the_2024_division(shared_data_dir: Path) -> None:
    ds = load_dataset(shared_data_dir)
    current = {g.code for g in ds.gemeenten}
    for r in REORGANISATIONS:
        assert r.source.startswith("https://www.cbs.nl/")
        assert r.successor in current
        assert set(r.split_successors) <= current
        for code, name in r.parts:
            assert code not in current, f"{code} {name} still exists in 2024"
    assert len(dissolved_codes()) == sum(len(r.parts) for r in REORGANISATIONS)


def test_historic_names_resolve(shared_data_dir: Path) -> None:
    """Every gemeente of the 2016 and 2019 population files is either current or in
    the table (by name), so the historic files can be carried over."""
    ds = load_dataset(shared_data_dir)
    names = old_names()
    current = {g.name.split(" (")[0].casefold() for g in ds.gemeenten}
    for filename in (
        "cbs_population_2016-01-01_gemeenten.csv",
        "cbs_population_2018-01-01_gemeenten_2019boundaries.csv",
    ):
        text = (shared_data_dir / filename).read_text(encoding="utf-8")
        rows = csv.DictReader(ln for ln in text.splitlines() if not ln.startswith("#"))
        for row in rows:
            name = row["gemeente"].split(" (")[0]
            assert name.casefold() in current or name in names, (filename, name)


_MERGED = sorted(
    code for r in REORGANISATIONS if r.kind == "merger" for code, _ in r.parts
)
_SUCCESSORS = sorted({r.successor for r in REORGANISATIONS if r.kind == "merger"})
_CODES = st.sampled_from(_MERGED + _SUCCESSORS + ["GM0034", "GM0599"])


@given(
    st.dictionaries(
        _CODES,
        st.tuples(st.integers(0, 10**6), st.integers(1, 10**6), st.floats(0, 100)),
        min_size=1,
    )
)
def test_aggregation_conserves_counts_and_bounds_means(
    data: dict[str, tuple[int, int, float]],
) -> None:
    rows = {c: {"count": a, "weight": w, "share": s} for c, (a, w, s) in data.items()}
    out = to_current_division(
        rows, {"count": Aggregation("sum"), "share": Aggregation("mean", "weight")}
    )
    assert sum(v["count"] for v in out.values()) == sum(a for a, _, _ in data.values())  # type: ignore[misc]
    assert all(isinstance(v["count"], int) for v in out.values())
    lo = min(s for _, _, s in data.values())
    hi = max(s for _, _, s in data.values())
    for v in out.values():
        assert lo - 1e-9 <= v["share"] <= hi + 1e-9  # type: ignore[operator]
    assert not set(out) & set(_MERGED)


def test_kwb2022_rules_cover_every_2022_indicator() -> None:
    rules = kwb2022_rules()
    assert rules["inwoners_2022"] == Aggregation("sum")
    assert rules["pct_netto_arbeidsparticipatie"] == Aggregation(
        "mean", "inwoners_2022"
    )
    assert rules["pct_huurwoningen_corporatie"] == Aggregation("mean", "woningvoorraad")


@given(
    st.lists(st.floats(0.01, 1.0), min_size=4, max_size=4),
    st.integers(0, 10**6),
    st.integers(0, 10**6),
)
def test_split_with_any_shares_conserves_the_count(
    raw: list[float], haaren: int, tilburg: int
) -> None:
    total = sum(raw)
    targets = ("GM0824", "GM0865", "GM0855", "GM0757")
    shares = {t: r / total for t, r in zip(targets, raw, strict=True)}
    shares["GM0757"] = 1.0 - sum(v for k, v in shares.items() if k != "GM0757")
    out = to_current_division(
        {"GM0788": {"n": haaren}, "GM0855": {"n": tilburg}},
        {"n": Aggregation("sum")},
        split_shares={"GM0788": shares},
    )
    assert set(out) == set(targets)
    assert sum(v["n"] for v in out.values()) == pytest.approx(haaren + tilburg)  # type: ignore[misc]
    assert out["GM0855"]["n"] == pytest.approx(tilburg + haaren * shares["GM0855"])
