# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Runners of the Wet BRP and housing-norm YAML cases (cases/wet_brp.yaml, ...)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal
from typing import Any

from migratieketen.rules import arbeidsmigranten as am
from migratieketen.rules import huisvestingsnormen as hn
from migratieketen.rules import wet_brp


def _date(value: Any) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value))


def _optional(value: Any) -> date | None:
    return None if value is None else _date(value)


def norms(inp: dict[str, Any]) -> hn.LocationNorms:
    return hn.LocationNorms(
        type=hn.LocationType(inp.get("type", "woning")),
        beds=int(inp["beds"]),
        floor_area=Decimal(str(inp["floor_area"])),
        bedrooms=tuple(Decimal(str(b)) for b in inp.get("bedrooms", ())),
        snf_regime=hn.SnfRegime(inp.get("snf_regime", "bewoning")),
        new_location=bool(inp.get("new_location", False)),
        sharing_consent=bool(inp.get("sharing_consent", False)),
    )


def run_registration(case: dict[str, Any]) -> None:
    inp, out = case["input"], case["output"]
    decision = wet_brp.registration_decision(
        _date(inp["arrival"]), int(inp["expected_days"])
    )
    assert decision.registration.value == out["registration"], decision.reason
    assert decision.threshold_days == out["threshold_days"]
    if "report_by" in out:
        assert decision.report_by == _date(out["report_by"])
    assert decision.reference.url.startswith("https://wetten.overheid.nl/")


def run_departure(case: dict[str, Any]) -> None:
    inp, out = case["input"], case["output"]
    decision = wet_brp.departure_decision(
        _date(inp["departure"]), int(inp["days_abroad"])
    )
    assert decision.must_report is out["must_report"], decision.reason
    if "earliest" in out:
        assert decision.earliest == _date(out["earliest"])


def run_woonadres(case: dict[str, Any]) -> None:
    inp = case["input"]
    got = wet_brp.woonadres(
        inp.get("half_year", {}), inp.get("three_months", {}), inp.get("days", 91)
    )
    assert got == case["output"]["woonadres"]


def run_rni_threshold(case: dict[str, Any]) -> None:
    inp, out = case["input"], case["output"]
    got = wet_brp.rni_threshold(
        _date(inp["stay_start"]), _date(case["period"]), _optional(inp.get("stay_end"))
    )
    assert got.passed is out["passed"]
    assert got.threshold_days == out["threshold_days"]
    if "passed_on" in out:
        assert got.passed_on == _date(out["passed_on"])


def run_experiment(case: dict[str, Any]) -> None:
    got = wet_brp.experiment_gemeenten(_date(case["period"]))
    assert sorted(got) == case["output"]["gemeenten"]


def run_norms(case: dict[str, Any]) -> None:
    at = _date(case["period"])
    checks = {c.kind.value: c for c in hn.checks(norms(case["input"]), at)}
    for kind, expected in case["output"].items():
        if expected is None:
            assert kind not in checks, kind
            continue
        check = checks[kind]
        assert check.allowed == expected["allowed"], check.arithmetic
        assert check.excess == expected["excess"]
        if "reference" in expected:
            assert expected["reference"] in check.reference.label()


def run_location_signals(case: dict[str, Any]) -> None:
    inp = case["input"]
    occupants = tuple(
        am.OccupantFacts(
            wet_brp.Registration(o.get("registration", "brp")),
            _date(o["stay_start"]),
            _optional(o.get("stay_end")),
            _optional(o.get("contract_end")),
        )
        for o in inp.get("occupants", ())
    )
    facts = am.LocationFacts(
        norms(inp),
        employer_tied=bool(inp.get("employer_tied", False)),
        snf_expiry=_optional(inp.get("snf_expiry")),
        brp_registrations=inp.get("brp_registrations"),
        occupants=occupants,
    )
    found = am.location_signals(facts, _date(case["period"]))
    assert [s.kind.value for s in found] == case["output"]["signals"]
    for fragment in case["output"].get("text_contains", ()):
        assert any(fragment in s.text or fragment in s.rule() for s in found), fragment


ARBEIDSMIGRANTEN_RUNNERS: dict[str, Callable[[dict[str, Any]], None]] = {
    "brp_registration": run_registration,
    "brp_departure": run_departure,
    "brp_woonadres": run_woonadres,
    "brp_rni_threshold": run_rni_threshold,
    "brp_experiment": run_experiment,
    "housing_norms": run_norms,
    "location_signals": run_location_signals,
}
