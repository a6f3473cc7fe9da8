# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Property tests (hypothesis) for the invariants the statute and practice imply."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from migratieketen.rules import huisvestingswet as hw
from migratieketen.rules import spreidingswet as sw
from migratieketen.rules.monitor import carry_over, day_after

populations = st.dictionaries(
    keys=st.from_regex(r"GM[0-9]{4}", fullmatch=True),
    values=st.integers(min_value=0, max_value=1_000_000),
    min_size=1,
    max_size=60,
).filter(lambda d: sum(d.values()) > 0)
vgs = st.integers(min_value=0, max_value=60_000)
HY = hw.HalfYear(2025, 1)


@given(vg=vgs, pops=populations)
def test_ceil_sum_at_least_vg_and_below_vg_plus_gemeenten(
    vg: int, pops: dict[str, int]
) -> None:
    res = hw.compute_taakstelling(vg, pops, rounding="ceil", half_year=HY)
    assert vg <= res.total < vg + len(pops) or (vg == res.total == 0)
    for g in res.per_gemeente.values():
        assert g.exact <= g.taakstelling < g.exact + 1


@given(vg=vgs, pops=populations)
def test_largest_remainder_sums_to_vg(vg: int, pops: dict[str, int]) -> None:
    res = hw.compute_taakstelling(vg, pops, rounding="largest_remainder", half_year=HY)
    assert res.total == vg
    for g in res.per_gemeente.values():
        assert abs(g.taakstelling - g.exact) < 1


@given(
    vg=vgs,
    national=st.integers(min_value=1_000_000, max_value=20_000_000),
    a=st.integers(min_value=0, max_value=1_000_000),
    b=st.integers(min_value=0, max_value=1_000_000),
    mode=st.sampled_from(["ceil", "half_up", "floor"]),
)
def test_monotone_in_population(
    vg: int, national: int, a: int, b: int, mode: str
) -> None:
    lo, hi = sorted((a, b))
    res = hw.compute_taakstelling(
        vg, {"lo": lo, "hi": hi}, national, mode, half_year=HY
    )
    assert res.per_gemeente["lo"].taakstelling <= res.per_gemeente["hi"].taakstelling


@given(
    taak=st.lists(st.integers(min_value=0, max_value=500), min_size=2, max_size=8),
    data=st.data(),
)
def test_swaps_keep_sum(taak: list[int], data: st.DataObject) -> None:
    codes = [f"GM{i:04d}" for i in range(len(taak))]
    base = dict(zip(codes, taak, strict=True))
    giver = data.draw(st.sampled_from(codes))
    taker = data.draw(st.sampled_from([c for c in codes if c != giver]))
    amount = data.draw(st.integers(min_value=0, max_value=base[giver]))
    agr = hw.RegionalAgreement("regio", {giver: -amount, taker: amount})
    out, expl = hw.apply_regional_agreements(base, [agr])
    assert sum(out.values()) == sum(base.values())
    assert all(v >= 0 for v in out.values())
    assert len(expl) == 2


@given(
    taak=st.lists(st.integers(min_value=0, max_value=2000), min_size=1, max_size=20),
    realised=st.lists(
        st.integers(min_value=0, max_value=2500), min_size=20, max_size=20
    ),
    opening=st.integers(min_value=-500, max_value=500),
)
def test_carry_over_conserves_persons(
    taak: list[int], realised: list[int], opening: int
) -> None:
    periods = hw.half_years(hw.HalfYear(2016, 2), len(taak))
    rows = carry_over(
        periods,
        dict(zip(periods, taak, strict=True)),
        dict(zip(periods, realised, strict=False)),
        day_after(periods[-1]),
        opening,
    )
    assert rows[-1].carry_out == opening + sum(taak) - sum(realised[: len(taak)])
    for prev, row in zip(rows, rows[1:], strict=False):
        assert row.carry_in == prev.carry_out
        assert row.opgave == row.carry_in + row.taakstelling


@settings(max_examples=50)
@given(
    raming=st.integers(min_value=0, max_value=200_000),
    pops=populations,
    data=st.data(),
)
def test_spreiding_sums_to_raming_with_and_without_ses(
    raming: int, pops: dict[str, int], data: st.DataObject
) -> None:
    plain = sw.distribute(raming, pops)
    assert plain.total == raming
    assert sw.FALLBACK_NOTE in plain.notes
    ses = {
        c: data.draw(st.decimals(min_value=-0.5, max_value=0.5, places=3)) for c in pops
    }
    weighted = sw.distribute(raming, pops, {c: float(v) for c, v in ses.items()})
    assert weighted.total == raming
    assert weighted.notes == (sw.FORM_NOTE,)


@given(vg=vgs, pops=populations)
def test_population_shares_are_the_exact_taakstelling_shares(
    vg: int, pops: dict[str, int]
) -> None:
    shares = hw.population_shares(pops)
    assert sum(shares.values()) == 1
    res = hw.compute_taakstelling(vg, pops, rounding="ceil", half_year=HY)
    for code, g in res.per_gemeente.items():
        assert g.exact == vg * shares[code]


@given(
    taak=st.lists(st.integers(min_value=0, max_value=300), min_size=1, max_size=12),
    realised=st.lists(
        st.integers(min_value=0, max_value=400), min_size=12, max_size=12
    ),
    linked=st.lists(st.none() | st.integers(0, 400), min_size=12, max_size=12),
)
def test_achterstand_is_an_ended_half_year_closed_with_persons_to_house(
    taak: list[int], realised: list[int], linked: list[int | None]
) -> None:
    periods = hw.half_years(hw.HalfYear(2020, 1), len(taak))
    as_of = periods[-1].start  # the last half-year is still running
    rows = carry_over(
        periods,
        dict(zip(periods, taak, strict=True)),
        dict(zip(periods, realised, strict=False)),
        as_of,
        linked_by_peildatum={
            p: n for p, n in zip(periods, linked, strict=False) if n is not None
        },
    )
    for row in rows:
        assert row.achterstand == (row.ended and row.carry_out > 0)
        assert row.missed <= row.achterstand
    assert not rows[-1].ended and rows[-1].status == "lopend"


@given(text=st.text(max_size=8))
def test_whole_numbers_are_ascii_digits_only(text: str) -> None:
    """Never an exception, whatever a CSV cell holds ('²', '١٢', ' 7 ', '-1')."""
    from migratieketen.rules.realisation_schema import parse_whole_number

    value = parse_whole_number(text)
    stripped = text.strip()
    assert (value is not None) == (stripped.isascii() and stripped.isdigit())
    if value is not None:
        assert str(value) == stripped.lstrip("0") or value == 0
