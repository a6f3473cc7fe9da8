# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Wet inburgering 2021 beyond the YAML cases: invariants, money and the BSN elfproef."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from migratieketen.bsn import BsnError, is_valid_bsn, normalise_bsn
from migratieketen.rules import wet_inburgering as wi

DAYS = st.dates(min_value=date(2022, 1, 1), max_value=date(2030, 12, 31))


def test_exempt_nationalities_are_two_letter_codes() -> None:
    """YAML reads a bare NO (Norway) as false: every entry must stay a country code."""
    codes = wi.exempt_nationalities(date(2024, 1, 1))
    assert all(isinstance(c, str) and len(c) == 2 and c.isupper() for c in codes)
    assert {"NO", "CH", "IS", "LI", "PL"} <= codes
    assert "TR" not in codes and "GB" not in codes


@given(pip=DAYS)
def test_term_is_three_years_from_the_day_after_the_pip(pip: date) -> None:
    facts = wi.CaseFacts(wi.Ground.ASIEL, date(2022, 1, 1), pip_date=pip)
    result = wi.term(facts)
    assert result is not None
    assert result.start == pip + timedelta(days=1)
    assert result.end >= wi.add_years(pip, 3) - timedelta(days=1)
    assert (result.end - result.start).days in range(365 * 3 - 2, 365 * 3 + 1)


@given(pip=DAYS, extra=st.integers(min_value=-400, max_value=400))
def test_an_extension_never_shortens_the_term(pip: date, extra: int) -> None:
    base = wi.term(wi.CaseFacts(wi.Ground.ASIEL, date(2022, 1, 1), pip_date=pip))
    assert base is not None
    extended = wi.term(
        wi.CaseFacts(
            wi.Ground.ASIEL,
            date(2022, 1, 1),
            pip_date=pip,
            extended_until=base.end + timedelta(days=extra),
        )
    )
    assert extended is not None
    assert extended.end >= base.end
    assert extended.extended is (extra > 0)


def test_steps_cite_their_article_and_deadline() -> None:
    facts = wi.CaseFacts(
        wi.Ground.ASIEL,
        date(2023, 1, 2),
        brede_intake_started=date(2023, 2, 1),
        pip_date=date(2023, 3, 1),
        route=wi.Route.B1,
        route_started=date(2023, 4, 1),
        bijstand_started=date(2023, 1, 10),
    )
    steps = {s.key: s for s in wi.steps(facts, date(2024, 1, 1))}
    assert set(steps) == {
        "brede_intake",
        "pip",
        "leerroute",
        "knm",
        "map",
        "pvt",
        "ontzorgen",
    }
    assert steps["pip"].reference.article == "15"
    assert steps["leerroute"].deadline == date(2026, 3, 1)
    assert steps["ontzorgen"].reference.law == "Participatiewet"
    assert all(s.reference.url.startswith("https://") for s in steps.values())


def test_knm_is_optional_in_the_z_route() -> None:
    facts = wi.CaseFacts(
        wi.Ground.ASIEL, date(2023, 1, 2), pip_date=date(2023, 3, 1), route=wi.Route.Z
    )
    knm = next(s for s in wi.steps(facts, date(2024, 1, 1)) if s.key == "knm")
    assert knm.status is wi.StepStatus.NOT_APPLICABLE


def test_the_duty_ends_when_route_pvt_and_map_are_done() -> None:
    facts = wi.CaseFacts(
        wi.Ground.ASIEL,
        date(2023, 1, 2),
        pip_date=date(2023, 3, 1),
        route=wi.Route.B1,
        route_done=date(2025, 1, 1),
        pvt_done=date(2024, 1, 1),
        map_done=date(2025, 2, 1),
    )
    assert wi.duty_ended(facts) == date(2025, 2, 1)
    assert wi.signals(facts, date(2026, 6, 1)) == ()


def test_person_cost_splits_voorzieningen_and_uitvoering() -> None:
    facts = wi.CaseFacts(wi.Ground.ASIEL, date(2025, 2, 1), route=wi.Route.B1)
    cost = wi.person_cost(
        facts,
        {"b1": Decimal("9000"), "map": Decimal("1500"), "intake_pip": Decimal("800")},
    )
    assert cost.voorzieningen == Decimal("10500")
    assert cost.uitvoering == Decimal("800")
    assert cost.budget.amount == Decimal("11600")
    assert cost.gap == Decimal("-1100")
    assert cost.estimated_voorzieningen == Decimal("10500")  # above the route price


def test_unknown_cost_module_is_refused_in_dutch() -> None:
    facts = wi.CaseFacts(wi.Ground.ASIEL, date(2025, 2, 1))
    with pytest.raises(wi.InburgeringError, match="Onbekende kostenmodule"):
        wi.person_cost(facts, {"taxi": Decimal(1)})


def test_funding_gap_counts_only_asielstatushouders_against_the_budget() -> None:
    asylum = wi.person_cost(
        wi.CaseFacts(wi.Ground.ASIEL, date(2025, 2, 1), route=wi.Route.ONDERWIJS),
        {"onderwijs": Decimal("16000")},
    )
    family = wi.person_cost(
        wi.CaseFacts(wi.Ground.GEZIN, date(2025, 2, 1), route=wi.Route.B1),
        {"intake_pip": Decimal("700")},
    )
    gap = wi.funding_gap([asylum, family])
    assert (gap.persons, gap.asylum_persons) == (2, 1)
    assert gap.budget == Decimal("11600")
    assert gap.gap == Decimal("4400")
    assert gap.uitvoering == Decimal("700")
    assert gap.estimated_gap == Decimal("5400")  # AANNAME: onderwijs route price 17,000
    assert gap.sources and "Divosa" in gap.sources[0]


@given(st.integers(min_value=0, max_value=999_999_999))
def test_bsn_check_agrees_with_the_weighted_sum(number: int) -> None:
    digits = f"{number:09d}"
    total = sum((9 - i) * int(d) for i, d in enumerate(digits[:8])) - int(digits[8])
    assert is_valid_bsn(digits) is (total % 11 == 0 and number != 0)


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("", "Vul een BSN in"),
        ("12345678", "9 cijfers, niet 8"),
        ("12345678a", "alleen uit cijfers"),
        ("000000000", "geen BSN"),
        ("111222334", "elfproef"),
    ],
)
def test_bsn_errors_are_dutch_and_never_repeat_the_number(
    value: str, message: str
) -> None:
    with pytest.raises(BsnError, match=message) as info:
        normalise_bsn(value)
    assert not value or value not in str(info.value)


def test_bsn_accepts_dots_and_spaces() -> None:
    assert normalise_bsn("1112.22.333") == "111222333"
    assert normalise_bsn(" 111 222 333 ") == "111222333"
