# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Collect the YAML law test cases in tests/rules/cases/ as pytest items (style A26).

Carry-over cases run against `migratieketen.rules.monitor.carry_over`, the ledger the
monitor pages and the API use. Each case has `name`, `kind`, `period`, `input`, `output` and, for published figures,
`published` and `source`. A case with `contradiction` documents a published figure that
the statute does not give: it asserts the statutory result, that it differs from the
published one, and which explicit alternative reproduces the published figure.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest
import yaml
from arbeidsmigranten_runners import ARBEIDSMIGRANTEN_RUNNERS
from inburgering_runners import INBURGERING_RUNNERS
from lvv_runners import LVV_RUNNERS
from rules_support import data_dir, dec, population, resolve_key

from migratieketen.data.population_history import PopulationError, population_on
from migratieketen.rules import huisvestingswet as hw
from migratieketen.rules import monitor as ledger
from migratieketen.rules import spreidingswet as sw

CASES_DIR = Path(__file__).parent / "cases"


# --- runners per kind ------------------------------------------------------------


def _vg(case: dict[str, Any], hy: hw.HalfYear) -> int:
    inp = case.get("input", {})
    if "vg" in inp:
        return int(inp["vg"])
    return hw.national_number(hy).value(case.get("vg_version", "initial"))


def _taakstelling_one(case: dict[str, Any], rounding: str | None) -> tuple[int, Any]:
    hy = hw.HalfYear.parse(str(case["period"]))
    table = population(hy.reference_date)
    key = resolve_key(table, case["input"]["gemeente"])
    res = hw.compute_taakstelling(
        _vg(case, hy),
        table.populations,
        national_population=table.national_total,
        rounding=rounding,
        half_year=hy,
    )
    g = res.per_gemeente[key]
    return g.taakstelling, g


def run_taakstelling(case: dict[str, Any]) -> None:
    rounding = case.get("input", {}).get("rounding")
    value, g = _taakstelling_one(case, rounding)
    out = case["output"]
    assert value == out["taakstelling"], g.explanation().text()
    if "exact" in out:
        assert dec(g.exact, 4) == str(out["exact"])
    if "population" in out:
        assert g.population == out["population"]
    assert str(value) in g.explanation().arithmetic
    contradiction = case.get("contradiction")
    if contradiction is not None:
        published = case["published"]
        assert value != published, "published figure now agrees with the statute"
        alt = contradiction.get("reproduced_by")
        if alt:
            alt_value, _ = _taakstelling_one(case, alt["rounding"])
            assert alt_value == published
        max_vg = contradiction.get("max_vg_for_published_under_ceil")
        if max_vg is not None:
            base = dict(case, input=dict(case["input"], vg=max_vg))
            assert _taakstelling_one(base, "ceil")[0] == published
            above = dict(case, input=dict(case["input"], vg=max_vg + 1))
            assert _taakstelling_one(above, "ceil")[0] == published + 1
    elif "published" in case:
        assert value == case["published"]


def run_taakstelling_total(case: dict[str, Any]) -> None:
    hy = hw.HalfYear.parse(str(case["period"]))
    table = population(hy.reference_date)
    res = hw.compute_taakstelling(
        _vg(case, hy),
        table.populations,
        national_population=table.national_total,
        rounding=case["input"].get("rounding"),
        half_year=hy,
    )
    assert len(res.per_gemeente) == case["output"]["gemeenten"]
    assert res.total == case["output"]["total"]


def run_taakstelling_sum_of_periods(case: dict[str, Any]) -> None:
    """A published multi-period figure (e.g. a year) against every rounding mode."""
    out = case["output"]
    for mode, expected in out.items():
        total = 0
        for period in case["periods"]:
            one = dict(case, period=period)
            total += _taakstelling_one(one, mode)[0]
        assert total == expected, (mode, total)
    if case.get("contradiction"):
        assert case["published"] not in out.values()


def run_carry_over(case: dict[str, Any]) -> None:
    inp, out = case["input"], case["output"]
    periods = hw.half_years(
        hw.HalfYear.parse(str(case["period"])), len(inp["taakstelling"])
    )
    taak = dict(zip(periods, inp["taakstelling"], strict=True))
    realised = dict(zip(periods, inp.get("realised", []), strict=False))
    if "realised_total" in inp:
        realised = {periods[-1]: int(inp["realised_total"])}
    rows = ledger.carry_over(
        periods,
        taak,
        realised,
        ledger.day_after(periods[-1]),
        int(inp.get("opening_balance", 0)),
    )
    if "opgave" in out:
        assert [r.opgave for r in rows] == out["opgave"]
    if "carry_out" in out:
        assert [r.carry_out for r in rows] == out["carry_out"]
    if "final_carry_out" in out:
        assert rows[-1].carry_out == out["final_carry_out"]
    if "status" in out:
        assert rows[-1].status == out["status"]
    if case.get("contradiction"):
        assert rows[-1].carry_out != case["published"]


def run_implied_opening(case: dict[str, Any]) -> None:
    """Published realisations and end balance, unpublished opening balance: derive it."""
    inp, out = case["input"], case["output"]
    periods = hw.half_years(
        hw.HalfYear.parse(str(case["period"])), len(inp["realised"])
    )
    taak = {}
    for p in periods:
        one = dict(case, period=str(p))
        taak[p] = _taakstelling_one(one, None)[0]
    assert list(taak.values()) == out["taakstelling"]
    opening = inp["final_carry_out"] - sum(taak.values()) + sum(inp["realised"])
    assert opening == out["implied_opening"]
    rows = ledger.carry_over(
        periods,
        taak,
        dict(zip(periods, inp["realised"], strict=True)),
        ledger.day_after(periods[-1]),
        opening,
    )
    assert rows[-1].carry_out == inp["final_carry_out"]


def run_supervision(case: dict[str, Any]) -> None:
    """The province's step after the ledger of ended half-years (art. 124 Gemeentewet)."""
    inp, out = case["input"], case["output"]
    periods = hw.half_years(
        hw.HalfYear.parse(str(case["period"])), len(inp["taakstelling"])
    )
    rows = ledger.carry_over(
        periods,
        dict(zip(periods, inp["taakstelling"], strict=True)),
        dict(zip(periods, inp["realised"], strict=True)),
        ledger.day_after(periods[-1]),
    )
    step = ledger.supervision_step(case["province"], rows)
    if out["consecutive_missed"] == 0:
        assert step is None
        return
    assert step is not None
    assert step.consecutive_missed == out["consecutive_missed"]
    assert (step.step, step.escalation) == (out["step"], out["escalation"])


def run_missing_population(case: dict[str, Any]) -> None:
    """Documents a published figure that needs a population file we do not have."""
    ref = hw.HalfYear.parse(str(case["period"])).reference_date
    with pytest.raises(PopulationError):
        population_on(ref, data_dir())


def run_amv_share(case: dict[str, Any]) -> None:
    inp = case["input"]
    got = sw.amv_share(
        inp["places"], inp["raming"], inp["amv_total"], inp.get("rounding", "half_up")
    )
    assert got == case["output"]["amv"]
    contradiction = case.get("contradiction")
    if contradiction is not None:
        assert got != case["published"]
        alt = contradiction["reproduced_by"]["rounding"]
        assert (
            sw.amv_share(inp["places"], inp["raming"], inp["amv_total"], alt)
            == (case["published"])
        )
    elif "published" in case:
        assert got == case["published"]


def run_population_share(case: dict[str, Any]) -> None:
    """A pure population share (no SES) quoted in a publication."""
    inp, out = case["input"], case["output"]
    exact = Fraction(inp["raming"] * inp["population"], inp["national_population"])
    if "exact_1dp" in out:
        assert dec(exact, 1) == str(out["exact_1dp"])
    if "half_up" in out:
        assert dec(exact, 0) == str(out["half_up"])
    if case.get("contradiction"):
        assert dec(exact, 0) != str(case["published"])


def _spreiding_population_only(case: dict[str, Any]) -> dict[str, sw.ProvinceOpgave]:
    raming = sw.raming_at(date.fromisoformat(str(case["period"])))
    table = population(date(raming.population_year, 1, 1))
    res = sw.distribute(raming.total, table.populations, amv_total=raming.amv)
    assert sw.FALLBACK_NOTE in res.notes
    assert all(
        sw.FALLBACK_NOTE in g.explanation().notes for g in res.per_gemeente.values()
    )
    return sw.province_totals(res, table.province_codes)


def run_spreiding_provinces(case: dict[str, Any]) -> None:
    provinces = _spreiding_population_only(case)
    got = {p: o.places for p, o in provinces.items()}
    assert sum(got.values()) == case["output"]["total"]
    assert got == case["output"]["population_only"]
    published = case.get("published") or {}
    differ = {p for p in published if published[p] != got[p]}
    assert differ == set(case["contradiction"]["differs"])


def run_implied_factor(case: dict[str, Any]) -> None:
    inp = case["input"]
    table = population(date(2023, 1, 1))
    key = resolve_key(table, inp["gemeente"])
    pop = table.populations[key]
    assert pop == inp["population"]
    factor = Fraction(inp["published_places"] * table.national_total, 96000 * pop)
    assert dec(factor, 3) == str(case["output"]["implied_factor"])


def run_local_choice(case: dict[str, Any]) -> None:
    """Lokale ruimte: the option in force for a choice, entered or the default."""
    from migratieketen.rules import lokale_ruimte as lr

    made = case["input"].get("made", {})
    option, entered = lr.in_force(made)[case["input"]["key"]]
    assert option == case["output"]["option"]
    assert entered == case["output"]["entered"]
    assert (
        lr.BY_KEY[case["input"]["key"]].reference.article == case["output"]["article"]
    )


def run_local_market_levers(case: dict[str, Any]) -> None:
    """Lokale ruimte: what entered choices change in the woningmarkt levers."""
    from migratieketen.rules import lokale_ruimte as lr

    levers = lr.market_levers(case["input"]["made"])
    out = case["output"]
    assert levers.priority_share == out["priority_share"]
    assert levers.urgency_category == out["urgency_category"]
    assert levers.changed == out["changed"]


RUNNERS: dict[str, Callable[[dict[str, Any]], None]] = {
    "local_choice": run_local_choice,
    "local_market_levers": run_local_market_levers,
    "taakstelling": run_taakstelling,
    "taakstelling_total": run_taakstelling_total,
    "taakstelling_sum_of_periods": run_taakstelling_sum_of_periods,
    "carry_over": run_carry_over,
    "supervision": run_supervision,
    "missing_population": run_missing_population,
    "implied_opening": run_implied_opening,
    "amv_share": run_amv_share,
    "population_share": run_population_share,
    "spreiding_provinces": run_spreiding_provinces,
    "implied_factor": run_implied_factor,
    **INBURGERING_RUNNERS,
    **ARBEIDSMIGRANTEN_RUNNERS,
    **LVV_RUNNERS,
}


class YamlCaseFile(pytest.File):
    def collect(self) -> Iterator[pytest.Item]:
        cases = yaml.safe_load(self.path.read_text(encoding="utf-8"))
        for case in cases:
            yield YamlCase.from_parent(self, name=case["name"], case=case)


class YamlCase(pytest.Item):
    def __init__(self, *, case: dict[str, Any], **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.case = case

    def runtest(self) -> None:
        kind = self.case["kind"]
        if kind not in RUNNERS:
            raise ValueError(f"unknown case kind {kind!r}")
        RUNNERS[kind](self.case)

    def reportinfo(self) -> tuple[Path, int | None, str]:
        return self.path, None, f"{self.case['kind']}: {self.name}"


def pytest_collect_file(
    parent: pytest.Collector, file_path: Path
) -> pytest.File | None:
    if file_path.suffix == ".yaml" and file_path.parent == CASES_DIR:
        return YamlCaseFile.from_parent(parent, path=file_path)
    return None
