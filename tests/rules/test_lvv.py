# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Invariants of the LVV outcome shares, durations and the chain's outflow rates."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from migratieketen.rules import lvv

TODAY = date(2026, 3, 1)
CASES = st.lists(
    st.tuples(
        st.integers(min_value=1, max_value=1500),
        st.sampled_from(list(lvv.Track)),
        st.one_of(st.none(), st.sampled_from(list(lvv.Outcome))),
        st.integers(min_value=0, max_value=1500),
    ).map(
        lambda t: lvv.CaseFacts(
            TODAY - timedelta(days=t[0]),
            t[1],
            t[2],
            None if t[2] is None else TODAY - timedelta(days=min(t[3], t[0])),
        )
    ),
    max_size=60,
)


@given(CASES)
def test_shares_add_up_and_count_every_exit(cases: list[lvv.CaseFacts]) -> None:
    got = lvv.outcome_shares(cases, TODAY)
    assert got.exited + got.in_care == len(cases)
    assert sum(got.counts.values()) == sum(got.per_outcome.values()) == got.exited
    if got.exited:
        assert 99 <= sum(v for v in got.shares.values() if v is not None) <= 101
    for cls, days in got.median_days.items():
        assert (days is None) is (got.counts[cls] == 0)


@given(CASES)
def test_outflow_rates_are_exits_per_person_month(cases: list[lvv.CaseFacts]) -> None:
    flow = lvv.outflow(cases, TODAY, 12)
    assert all(r >= 0 for r in flow.rates.values())
    if flow.person_months:
        for cls, n in flow.exits.items():
            assert flow.rates[cls] == pytest.approx(n / flow.person_months)


def test_an_exit_needs_an_outcome_and_a_date_in_order() -> None:
    with pytest.raises(lvv.LvvError, match="samen"):
        lvv.check_case(
            lvv.CaseFacts(date(2025, 1, 1), lvv.Track.RETURN, None, TODAY), TODAY
        )
    with pytest.raises(lvv.LvvError, match="voor de intake"):
        lvv.check_case(
            lvv.CaseFacts(
                date(2025, 1, 1), lvv.Track.RETURN, lvv.Outcome.RETURN, date(2024, 1, 1)
            ),
            TODAY,
        )
    with pytest.raises(lvv.LvvError, match="toekomst"):
        lvv.check_case(
            lvv.CaseFacts(TODAY + timedelta(days=1), lvv.Track.RETURN), TODAY
        )
