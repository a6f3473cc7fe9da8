# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""More priority or more tussenvoorziening: who waits shorter, who waits longer.

Compared run by run (common random numbers), on the person-steps each group waits within
the horizon. The invariants that hold in every run are tested with hypothesis; where the
model shows a real exception it is tested as such and documented in docs/woningmarkt.md.
"""

from __future__ import annotations

import numpy as np
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from migratieketen.woningmarkt import Policy, Tussenvoorziening

from .support import market, run

SETTINGS = settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
# Relative slack for second-order effects below the model's resolution: with a priority
# share a hair above 0 (6e-5, found by hypothesis) one run's COA area rose by 2.8e-3
# person-weeks of 2,933 (1e-6 relative) as the priority lane and the registration-time
# lane exchange a fraction of a letting; from a share difference of 1e-3 up it falls.
TOL = 1e-5
# Below this registration time (years) statushouders are housed through the regular
# queue as well, and the COA stay shortens on average over the runs, not in every run.
SHORT_REGISTRATION_YEARS = 0.5


def _close_or_less(a: np.ndarray, b: np.ndarray) -> bool:
    return bool(np.all(a <= b + TOL * np.maximum(1.0, np.abs(b))))


shares = st.tuples(st.floats(0, 1), st.floats(0, 1)).map(sorted)


# taakstelling per half-year as a share of what lets statushouders need half of all
# lettings (the most demanding gemeenten in the data need about 30 %)
HALF_THE_LETTINGS = 0.053


@SETTINGS
@given(
    shares=shares,
    urgency=st.booleans(),
    stock=st.floats(300, 60_000),
    need=st.floats(0, 1),
    regular_wait=st.floats(0.1, 12),
    seed=st.integers(0, 2**16),
)
@example(
    shares=[0.09375, 0.125],
    urgency=False,
    stock=300.0,
    need=0.125,
    regular_wait=0.125,
    seed=231,
)
def test_more_priority_shortens_statushouder_waits_and_lengthens_the_others_together(
    shares: list[float],
    urgency: bool,
    stock: float,
    need: float,
    regular_wait: float,
    seed: int,
) -> None:
    low, high = shares
    raw = run(
        market(stock, int(need * HALF_THE_LETTINGS * stock), 4),
        [Policy(low, urgency), Policy(high, urgency)],
        runs=6,
        seed=seed,
        overrides={"regular_initial_wait_years_4": regular_wait},
    )
    a = raw.areas
    # Below SHORT_REGISTRATION_YEARS the regular queue houses statushouders too;
    # priority slows it, and a single run can end slightly the other way round (found
    # by hypothesis: a market of 300 homes, a registration time of 0.125 year, shares
    # 0.094 and 0.125, seed 231: in run 5 the COA stay +0.21 of 70 person-weeks, the
    # others -0.10 of 450). On average over the runs both still hold.
    every_run = regular_wait >= SHORT_REGISTRATION_YEARS
    others = a["urgent"] + a["regular"]
    for less, more in ((a["coa"][1], a["coa"][0]), (a["no_home"][1], a["no_home"][0]),
                       (others[0], others[1])):  # fmt: skip
        if every_run:
            assert _close_or_less(less, more)
        else:
            assert _close_or_less(less.mean(keepdims=True), more.mean(keepdims=True))


@SETTINGS
@given(
    shares=shares,
    stock=st.floats(300, 60_000),
    taak=st.integers(0, 600),
    seed=st.integers(0, 2**16),
)
def test_without_urgency_category_each_other_group_waits_longer(
    shares: list[float], stock: float, taak: int, seed: int
) -> None:
    """Regular seekers in every run; other urgent seekers on average over the runs.

    Urbanity 1 (a registration time of years) keeps statushouders out of the regular
    channel within the horizon, as in most of the Netherlands."""
    low, high = shares
    raw = run(market(stock, taak, 1), [Policy(low), Policy(high)], runs=8, seed=seed)
    a = raw.areas
    assert _close_or_less(a["regular"][0], a["regular"][1])
    assert a["urgent"][0].mean() <= a["urgent"][1].mean() + TOL * max(
        1.0, a["urgent"][1].mean()
    )


@SETTINGS
@given(
    places=st.tuples(st.floats(0, 500), st.floats(0, 500)).map(sorted),
    share=st.floats(0, 1),
    urgency=st.booleans(),
    stock=st.floats(300, 60_000),
    taak=st.integers(0, 600),
    seed=st.integers(0, 2**16),
)
def test_more_tussenvoorziening_shortens_coa_stay_and_no_one_else_waits_longer(
    places: list[float], share: float, urgency: bool, stock: float, taak: int, seed: int
) -> None:
    few, many = places
    policies = [
        Policy(share, urgency, (Tussenvoorziening(few),)),
        Policy(share, urgency, (Tussenvoorziening(many),)),
    ]
    raw = run(market(stock, taak, 3), policies, runs=6, seed=seed)
    a = raw.areas
    assert _close_or_less(a["coa"][1], a["coa"][0])
    for group in ("no_home", "urgent", "regular"):  # they keep their place in the queue
        assert _close_or_less(a[group][1], a[group][0])
        assert _close_or_less(a[group][0], a[group][1])


def test_strictly_shorter_statushouder_wait_where_priority_binds() -> None:
    raw = run(market(5000, 80), [Policy(0.02), Policy(0.1), Policy(0.3)], runs=20)
    coa = raw.areas["coa"].mean(axis=1)
    urgent = raw.areas["urgent"].mean(axis=1)
    regular = raw.areas["regular"].mean(axis=1)
    assert coa[0] > coa[1] > coa[2]
    assert urgent[0] < urgent[1] and regular[0] < regular[1]


def test_contingent_priority_relieves_the_urgent_queue_when_statushouders_are_urgent() -> (
    None
):
    """Documented exception: with statushouders also an urgency category, a priority
    share moves them out of the urgent quota, so other urgent seekers wait *shorter*;
    regular seekers pay."""
    raw = run(market(5000, 80), [Policy(0.0, True), Policy(0.1, True)], runs=20)
    a = raw.areas
    assert a["urgent"][1].mean() < a["urgent"][0].mean()
    assert a["regular"][1].mean() > a["regular"][0].mean()


def test_where_statushouders_outnumber_all_lettings_priority_helps_on_average() -> None:
    """Extreme market (statushouders need twice all lettings, registration time one year):
    without priority they are housed by registration time, and priority slows that queue,
    so a single run can end slightly worse for statushouders; on average priority helps."""
    raw = run(
        market(300, 76, 4),
        [Policy(0.0), Policy(0.0625)],
        runs=12,
        overrides={"regular_initial_wait_years_4": 1.0},
    )
    assert raw.areas["coa"][1].mean() < raw.areas["coa"][0].mean()


def test_short_registration_waits_let_priority_relieve_the_regular_queue() -> None:
    """Documented exception: where the registration time is short, statushouders without
    priority are housed through the regular channel; priority then takes them out of it,
    and regular seekers can wait shorter. The others together still wait longer."""
    raw = run(
        market(16_000, 320, 4),
        [Policy(0.085), Policy(0.155)],
        runs=20,
        seed=55,
        years=5,
        overrides={"regular_initial_wait_years_4": 0.5},
    )
    a = raw.areas
    assert np.any(a["regular"][1] < a["regular"][0])
    others = a["urgent"] + a["regular"]
    assert _close_or_less(others[0], others[1])
