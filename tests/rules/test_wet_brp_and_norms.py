# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Invariants of the Wet BRP rules and the housing norms, beyond the YAML cases."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from migratieketen.rules import arbeidsmigranten as am
from migratieketen.rules import huisvestingsnormen as hn
from migratieketen.rules import wet_brp

DAYS = st.dates(min_value=date(2015, 1, 1), max_value=date(2030, 12, 31))
LOCATIONS = st.builds(
    hn.LocationNorms,
    type=st.sampled_from(list(hn.LocationType)),
    beds=st.integers(min_value=0, max_value=60),
    floor_area=st.integers(min_value=10, max_value=600).map(Decimal),
    bedrooms=st.lists(
        st.integers(min_value=40, max_value=300).map(lambda t: Decimal(t) / 10),
        max_size=8,
    ).map(tuple),
    snf_regime=st.sampled_from(list(hn.SnfRegime)),
    new_location=st.booleans(),
    sharing_consent=st.booleans(),
)


@given(DAYS)
def test_two_thirds_of_half_a_year_is_120_to_123_days(arrival: date) -> None:
    needed = wet_brp.threshold_days(arrival)
    window = wet_brp.window_days(arrival, 6)
    assert 3 * needed >= 2 * window > 3 * (needed - 1)
    assert 120 <= needed <= 123


@given(DAYS, st.integers(min_value=0, max_value=184))
def test_registration_flips_exactly_at_the_threshold(arrival: date, days: int) -> None:
    decision = wet_brp.registration_decision(arrival, days)
    is_brp = decision.registration is wet_brp.Registration.BRP
    assert is_brp is (days >= decision.threshold_days)
    if is_brp:
        assert decision.report_by == arrival + timedelta(days=5)


@given(LOCATIONS, DAYS.filter(lambda d: d >= date(2019, 1, 1)))
def test_a_location_at_its_maximum_beds_has_no_norm_signal(
    loc: hn.LocationNorms, at: date
) -> None:
    most = hn.max_beds(loc, at)
    fitted = hn.LocationNorms(**{**am._fields(loc), "beds": most})
    assert not any(c.exceeded for c in hn.checks(fitted, at))
    over = hn.LocationNorms(**{**am._fields(loc), "beds": most + 1})
    assert any(c.exceeded and c.excess == 1 for c in hn.checks(over, at))


@given(LOCATIONS, st.integers(min_value=0, max_value=20))
def test_more_beds_never_lower_the_excess(loc: hn.LocationNorms, extra: int) -> None:
    at = date(2026, 3, 1)
    more = hn.LocationNorms(**{**am._fields(loc), "beds": loc.beds + extra})
    before = {c.kind: c.excess for c in hn.checks(loc, at)}
    after = {c.kind: c.excess for c in hn.checks(more, at)}
    assert all(after[k] >= v for k, v in before.items())


def test_local_cap_is_configuration_and_cites_the_huisvestingswet() -> None:
    loc = hn.LocationNorms(hn.LocationType.WONING, 5, Decimal(100))
    assert not any(c.exceeded for c in hn.checks(loc, date(2026, 1, 1)))
    cap = hn.LocalCap(4, "Beleidsregel huisvesting arbeidsmigranten (voorbeeld)")
    capped = hn.checks(loc, date(2026, 1, 1), cap)
    local = next(c for c in capped if c.kind is hn.NormKind.LOCAL_CAP)
    assert (local.allowed, local.excess) == (4, 1)
    assert local.reference.article == "21"
