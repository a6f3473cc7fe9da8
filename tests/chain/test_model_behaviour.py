# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Levers move the chain in the direction the mechanism says, and the parts add up."""

from __future__ import annotations

import numpy as np
import pytest

from migratieketen.chain.ensemble import run_ensemble
from migratieketen.chain.gemeenten import synthetic_gemeenten
from migratieketen.chain.result import SimulationResult
from migratieketen.chain.scenario import CapacityStep, ChainScenario, Inflow, Levers

GEMEENTEN = synthetic_gemeenten(30, seed=5)


def _run(
    levers: Levers | None = None,
    parameters: dict[str, float] | None = None,
    **kw: object,
) -> SimulationResult:
    scenario = ChainScenario(
        name="gedrag",
        months=36,
        inflow=Inflow(kind="constant", per_month=3000),
        capacity=[CapacityStep("2026-01", 20_000, 2_000, 5_000)],
        levers=levers or Levers(),
        parameters=parameters or {"ind_decisions_per_month": 4000},
        runs=50,
        seed=11,
        **kw,  # type: ignore[arg-type]
    )
    return run_ensemble(scenario, gemeenten=GEMEENTEN)


def _end(result: SimulationResult, name: str) -> float:
    return float(result.series(name)[-1])


def test_urgency_scheme_houses_faster_but_others_wait_longer() -> None:
    base, urgent = _run(), _run(Levers(urgency_scheme=True))
    assert _end(urgent, "coa_statushouders") < _end(base, "coa_statushouders")
    assert _end(urgent, "other_urgent_wait_months") > _end(
        base, "other_urgent_wait_months"
    )


def test_tussenvoorziening_empties_coa() -> None:
    base, tv = _run(), _run(Levers(tussenvoorziening_places=10_000))
    assert _end(tv, "coa_statushouders") < _end(base, "coa_statushouders")
    assert _end(tv, "in_tussenvoorziening") > 0


def test_more_ind_capacity_shortens_the_queue() -> None:
    # IND capacity below the inflow, so there is a queue to shorten
    slow = {"ind_decisions_per_month": 2500}
    base = _run(parameters=slow)
    more = _run(Levers(extra_ind_decisions_per_month=2000), parameters=slow)
    assert _end(more, "ind_queue") < _end(base, "ind_queue")


def test_crisis_shelter_fills_only_above_capacity_and_costs_more() -> None:
    result = _run(initial_asylum_seekers=60_000.0)
    crisis = result.series("occ_crisis")
    total = result.series("coa_total")
    assert crisis[0] > 0
    np.testing.assert_allclose(crisis[0], max(total[0] - 27_000, 0), rtol=1e-3)
    calm = _run(initial_asylum_seekers=5_000.0)
    assert result.series("reception_cost")[0] > calm.series("reception_cost")[0]


def test_auto_scaling_noodopvang_removes_crisis_after_the_lead_time() -> None:
    fixed = _run(initial_asylum_seekers=60_000.0).series("occ_crisis")
    auto = _run(Levers(noodopvang_auto_scale=True), initial_asylum_seekers=60_000.0)
    crisis = auto.series("occ_crisis")
    assert crisis[:3].max() > 0  # within the lead time the extra places are not there
    assert crisis[3:].max() < 0.1 * fixed[3:].max()


def test_auto_scaling_without_lead_time_leaves_no_crisis_need() -> None:
    # A lead time of 0 opens this month's need at once (it used to read a month
    # that was not simulated yet).
    auto = _run(
        Levers(noodopvang_auto_scale=True),
        parameters={"ind_decisions_per_month": 4000, "noodopvang_lead_time_months": 0},
        initial_asylum_seekers=60_000.0,
    )
    np.testing.assert_allclose(auto.series("occ_crisis", 95), 0.0, atol=1e-6)


def test_gemeenten_receive_by_taakstelling_share() -> None:
    result = _run(Levers(extra_housing_pct=500))  # supply not binding
    housed = result.gemeente[0, result.percentiles.index(50)]
    share = housed / housed.sum()
    np.testing.assert_allclose(share, GEMEENTEN.share, rtol=0.05)


def test_inburgering_budget_and_overdue() -> None:
    result = _run()
    starts = result.series("inburgering_starts")
    budget = result.series("inburgering_budget")
    np.testing.assert_allclose(budget, starts * 11_600, rtol=1e-4)
    assert result.series("inburgering_caseload")[-1] > 0
    assert result.series("inburgering_overdue")[:35].max() == 0


def test_crisis_need_per_gemeente_adds_up_to_the_national_peak() -> None:
    from migratieketen.chain.engine import GEMEENTE_SERIES

    result = _run(initial_asylum_seekers=60_000.0)
    p50 = result.percentiles.index(50)
    per_gemeente = result.gemeente[GEMEENTE_SERIES.index("crisis_places_peak"), p50]
    assert per_gemeente.sum() == pytest.approx(
        result.summary()["peak_crisis_places_median"], rel=0.05
    )


def test_compare_puts_scenarios_side_by_side() -> None:
    from migratieketen.chain import compare_runs

    a, b = _run(), _run(Levers(urgency_scheme=True))
    b.scenario["name"] = "urgentie"
    table = compare_runs([a, b])
    assert table["scenarios"] == ["gedrag", "urgentie"]
    assert set(table["median"]["coa_total"]) == {"gedrag", "urgentie"}
    assert (
        table["summary"]["urgentie"]["statushouders_waiting_end_median"]
        < table["summary"]["gedrag"]["statushouders_waiting_end_median"]
    )


def test_detail_gemeenten_have_monthly_series_consistent_with_the_summary() -> None:
    from migratieketen.chain import ChainConfigError

    scenario = ChainScenario(name="detail", months=24, runs=30, seed=4)
    code = GEMEENTEN.codes[3]
    result = run_ensemble(scenario, gemeenten=GEMEENTEN, detail_gemeenten=(code,))
    data = result.to_dict()["gemeente_detail"][code]
    assert len(data["waiting"]["p50"]) == 24
    housed = data["housed_cumulative"]["p50"]
    assert housed == sorted(housed)  # cumulative
    summary = next(g for g in result.to_dict()["gemeenten"] if g["code"] == code)
    assert housed[-1] == pytest.approx(summary["housed_total"]["p50"], rel=1e-3)
    rows = [r for r in result.to_rows() if r["series"] == f"{code}/waiting"]
    assert len(rows) == 24
    with pytest.raises(ChainConfigError, match="Onbekende gemeentecode"):
        run_ensemble(scenario, gemeenten=GEMEENTEN, detail_gemeenten=("GM9999",))


def test_summary_prices_crisis_place_years_above_regular_reception() -> None:
    rates = {
        "ind_decisions_per_month": 4000,
        "cost_crisisnoodopvang_per_year": 90_000,
        "cost_noodopvang_per_year": 70_000,
        "cost_regular_per_year": 30_000,
    }
    summary = _run(parameters=rates, initial_asylum_seekers=60_000.0).summary()
    place_years = summary["crisis_place_years_median"]
    assert place_years > 0
    assert summary["crisis_extra_cost_median"] == pytest.approx(place_years * 60_000)
    assert summary["crisis_extra_cost_coa_rate_median"] == pytest.approx(
        place_years * 40_000
    )
