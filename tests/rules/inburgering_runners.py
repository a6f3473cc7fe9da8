# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Runners of the Wet inburgering 2021 YAML cases (tests/rules/cases/wet_inburgering.yaml)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal
from typing import Any

import pytest

from migratieketen.rules import wet_inburgering as wi


def _date(value: Any) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value))


def facts(inp: dict[str, Any]) -> wi.CaseFacts:
    """CaseFacts from a case's input; dates as ISO text, enums by value."""
    kwargs: dict[str, Any] = {
        "ground": wi.Ground(inp.get("ground", "asiel")),
        "duty_start": _date(inp.get("duty_start", "2023-01-02")),
    }
    if inp.get("route"):
        kwargs["route"] = wi.Route(inp["route"])
    for name in wi.CaseFacts.__dataclass_fields__:
        if name not in kwargs and name in inp:
            kwargs[name] = _date(inp[name])
    return wi.CaseFacts(**kwargs)


def run_duty(case: dict[str, Any]) -> None:
    inp, out = case["input"], case["output"]
    decision = wi.duty_decision(
        str(inp["nationality"]), wi.Ground(inp["ground"]), _date(case["period"])
    )
    assert decision.obliged is out["obliged"], decision.reason
    if "reason_contains" in out:
        assert out["reason_contains"] in decision.reason


def run_start(case: dict[str, Any]) -> None:
    with pytest.raises(wi.InburgeringError) as info:
        wi.check_start_date(_date(case["input"]["start"]), _date(case["period"]))
    assert case["output"]["error_contains"] in str(info.value)


def run_term(case: dict[str, Any]) -> None:
    out = case["output"]
    result = wi.term(facts(case["input"]))
    if "term" in out:
        assert result is None
        return
    assert result is not None
    assert result.start == _date(out["start"])
    assert result.end == _date(out["end"])
    assert result.extended is out["extended"]
    if case.get("contradiction"):
        simplified = wi.add_years(date(2023, 1, 10), 3)
        assert simplified != result.end


def run_ontzorgen(case: dict[str, Any]) -> None:
    out = case["output"]
    period = wi.ontzorgen_period(facts(case["input"]))
    if "period" in out:
        assert period is None
        return
    assert period == (_date(out["start"]), _date(out["end"]))


def run_signals(case: dict[str, Any]) -> None:
    found = wi.signals(facts(case["input"]), _date(case["period"]))
    assert [s.kind.value for s in found] == case["output"]["signals"]


def run_budget(case: dict[str, Any]) -> None:
    budget = wi.budget_for(facts(case["input"]))
    assert budget.amount == Decimal(case["output"]["amount"])
    if budget.amount:
        assert budget.reference_href.startswith("https://")
        assert budget.source


def run_share(case: dict[str, Any]) -> None:
    inp = case["input"]
    got = wi.share(inp["part"], inp["whole"])
    assert got == case["output"]["pct"] == case.get("published", got)


INBURGERING_RUNNERS: dict[str, Callable[[dict[str, Any]], None]] = {
    "inburgering_duty": run_duty,
    "inburgering_start": run_start,
    "inburgering_term": run_term,
    "inburgering_ontzorgen": run_ontzorgen,
    "inburgering_signals": run_signals,
    "inburgering_budget": run_budget,
    "inburgering_share": run_share,
}
