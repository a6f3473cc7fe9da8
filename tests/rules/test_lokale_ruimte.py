# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Lokale ruimte: the catalogue of open norms and its effect on the woningmarkt."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from migratieketen.rules import lokale_ruimte as lr


def test_every_choice_cites_its_law_and_has_its_default_among_the_options() -> None:
    assert len({c.key for c in lr.CATALOGUE}) == len(lr.CATALOGUE)
    laws = {c.law.split(" /")[0] for c in lr.CATALOGUE}
    for law in ("Huisvestingswet 2014", "Spreidingswet", "Wet inburgering 2021"):
        assert law in laws
    assert any("BRP" in c.law for c in lr.CATALOGUE)
    assert any("LVV" in c.law for c in lr.CATALOGUE)
    for c in lr.CATALOGUE:
        assert c.default in c.options
        assert c.reference.url.startswith("https://")


def test_check_refuses_unknown_choice_and_option_in_dutch() -> None:
    with pytest.raises(lr.LokaleRuimteError, match="Onbekende keuze"):
        lr.check("bestaat_niet", "ja")
    with pytest.raises(lr.LokaleRuimteError, match="geen optie"):
        lr.check("hw_urgentie_statushouders", "misschien")
    assert (
        lr.check("hw_urgentie_statushouders", "ja").key == "hw_urgentie_statushouders"
    )


def test_in_force_takes_the_default_for_what_was_not_entered() -> None:
    state = lr.in_force({"lvv_deelname": "ja"})
    assert state["lvv_deelname"] == ("ja", True)
    assert state["hw_urgentie_statushouders"] == ("nee", False)
    assert len(state) == len(lr.CATALOGUE)


def test_only_an_entered_urgency_choice_changes_the_market_levers() -> None:
    assert not lr.market_levers({}).changed
    assert not lr.market_levers({"lvv_deelname": "ja"}).changed
    no = lr.market_levers({"hw_urgentie_statushouders": "nee"})
    assert no.priority_share == 0.0 and no.urgency_category is False
    assert "art. 12 Huisvestingswet 2014" in no.reason
    yes = lr.market_levers({"hw_urgentie_statushouders": "ja"})
    assert yes.priority_share is None and yes.urgency_category is True


@settings(deadline=None)  # no timing in tests: a loaded CI machine is slow
@given(
    st.dictionaries(
        st.sampled_from([c.key for c in lr.CATALOGUE]), st.sampled_from(["ja", "nee"])
    )
)
def test_in_force_reports_exactly_the_entered_choices(made: dict[str, str]) -> None:
    made = {k: v for k, v in made.items() if v in lr.BY_KEY[k].options}
    state = lr.in_force(made)
    assert {k for k, (_o, entered) in state.items() if entered} == set(made)
    assert all(state[k][0] == v for k, v in made.items())
