# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Spreidingswet: distribution, SES weighting, durable locations, incentive, shortfall."""

from __future__ import annotations

from datetime import date

import pytest

from migratieketen.rules import spreidingswet as sw


def test_raming_parameters() -> None:
    r = sw.raming_at(date(2024, 6, 1))
    assert (r.total, r.amv, r.population_year) == (96000, 8140, 2023)
    assert sw.in_force(date(2024, 2, 1)) and not sw.in_force(date(2024, 1, 31))


def test_ses_weight_shifts_places_to_higher_scores() -> None:
    pops = {"rich": 100_000, "poor": 100_000}
    res = sw.distribute(1000, pops, {"rich": 0.3, "poor": -0.3})
    assert res.places() == {"rich": 650, "poor": 350}
    assert res.ses_source == sw.SES_OFFICIAL and res.notes == (sw.FORM_NOTE,)
    expl = res.per_gemeente["rich"].explanation()
    assert "1 + 0.3000" in expl.arithmetic
    assert expl.notes[0].startswith("Aanname: de vorm")


def test_fallback_note_on_every_output() -> None:
    res = sw.distribute(10, {"a": 1, "b": 3})
    assert res.ses_source is None
    for g in res.per_gemeente.values():
        assert sw.FALLBACK_NOTE in g.explanation().notes


def test_proxy_is_labelled_as_estimate() -> None:
    res = sw.distribute(
        10, {"a": 1, "b": 3}, {"a": 0.1, "b": 0}, ses_source=sw.SES_PROXY
    )
    assert res.notes == (sw.PROXY_NOTE,)
    assert "SCHATTING" in res.per_gemeente["a"].explanation().notes[0]


@pytest.mark.parametrize(
    ("args", "kwargs", "message"),
    [
        ((10, {"a": 1}, {"b": 0.1}), {}, "ontbreekt"),
        ((10, {"a": 1}, {"a": -1.0}), {}, "<= -1"),
        ((10, {}), {}, "Geen gemeenten"),
        ((-1, {"a": 1}), {}, "geheel getal"),
        ((10, {"a": 1}), {"amv_total": 11}, "amv-deel"),
        ((10, {"a": 1}), {"rounding": "x"}, "Onbekende afronding"),
    ],
)
def test_invalid_input(args: tuple, kwargs: dict, message: str) -> None:
    with pytest.raises(sw.SpreidingError, match=message):
        sw.distribute(*args, **kwargs)


def test_province_is_sum_of_gemeenten() -> None:
    res = sw.distribute(1000, {"a": 10, "b": 20, "c": 30}, amv_total=85)
    prov = sw.province_totals(res, {"a": "PV1", "b": "PV1", "c": "PV2"})
    assert (
        prov["PV1"].places
        == res.per_gemeente["a"].places + res.per_gemeente["b"].places
    )
    assert sum(p.places for p in prov.values()) == 1000
    with pytest.raises(sw.SpreidingError, match="Provincie onbekend"):
        sw.province_totals(res, {"a": "PV1"})


def test_only_large_durable_locations_count() -> None:
    at = date(2024, 6, 1)
    assert sw.counts_towards_opgave(sw.Location("a", 101, 5), at)
    assert not sw.counts_towards_opgave(sw.Location("a", 100, 10), at)
    assert not sw.counts_towards_opgave(sw.Location("a", 500, 4.5), at)
    status = sw.gemeente_status(
        {"a": 300, "b": 200},
        [sw.Location("a", 150, 6), sw.Location("a", 80, 10), sw.Location("b", 250, 2)],
        {"b": 50},
        at,
    )
    assert status["a"].existing_counted == 150 and status["a"].remaining == 150
    assert status["b"].existing_counted == 0 and status["b"].remaining == 150
    short = sw.province_shortfall(status, {"a": "PV1", "b": "PV1"})
    assert short == {"PV1": 300}
    with pytest.raises(sw.SpreidingError, match="onbekende gemeente"):
        sw.gemeente_status({"a": 1}, [sw.Location("z", 200, 9)])


def test_province_shortfall_offsets_within_province() -> None:
    status = sw.gemeente_status({"a": 100, "b": 100}, [], {"a": 180, "b": 0})
    assert sw.province_shortfall(status, {"a": "P", "b": "P"}) == {"P": 20}


def test_incentive_table_versions() -> None:
    final = sw.incentive(120, "vrijwillig", True, date(2024, 3, 1))
    assert (final.per_place, final.amount) == (5000, 600_000)
    assert sw.incentive(10, "provinciaal", False, date(2024, 3, 1)).per_place == 1500
    assert sw.incentive(10, "provinciaal", True, date(2024, 3, 1)).per_place == 4000
    assert sw.incentive(10, "aanwijzing", True, date(2024, 3, 1)).per_place == 1500
    draft = sw.incentive(10, "vrijwillig", True, date(2023, 6, 1))
    assert draft.per_place == 2500
    assert "2023-05-01" in draft.explanation.notes[0]
    with pytest.raises(sw.SpreidingError, match="Onbekende fase"):
        sw.incentive(1, "later", True, date(2024, 3, 1))
