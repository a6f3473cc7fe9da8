# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Cross-domain signals on constructed snapshots: where each must and must not fire."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from migratieketen.werkplaats import signals as sg
from migratieketen.werkplaats.snapshot import (
    Housing,
    Inburgering,
    LabourMigrants,
    Reception,
    Snapshot,
    Wijk,
)

WIJKEN = (Wijk("WK098401", "Centrum", 10_000), Wijk("WK098402", "Oost", 5_000))


def housing(**kw: object) -> Housing:
    base = dict(
        half_year="2025-1", taakstelling=40, opgave=50, realised=20, remaining=30,
        status="achterstand", achterstand=True, registered=True,
        linked_by_peildatum=45, sources=("Bron: monitor",),
    )  # fmt: skip
    base.update(kw)
    return Housing(**base)  # type: ignore[arg-type]


def shot(**kw: object) -> Snapshot:
    return Snapshot("GM0984", "Venray", "2025-1", 45_000, WIJKEN, **kw)  # type: ignore[arg-type]


def test_backlog_signal_fires_when_linked_people_wait_in_coa() -> None:
    s = sg.backlog_while_waiting_in_coa(shot(housing=housing()))
    assert s is not None
    assert s.facts == {"nog_te_huisvesten": 30, "wacht_in_azc": 25}
    assert "25 van hen wonen nog in een azc" in s.message
    assert {r.article for r in s.references} == {"28", "14", "15"}
    assert s.sources == ("Bron: monitor",)


def test_backlog_signal_names_inburgeraars_without_route_when_known() -> None:
    inb = Inburgering(12, {"b1": 5, "geen": 7}, 80, 7, None, None, ("Bron: register",))
    s = sg.backlog_while_waiting_in_coa(shot(housing=housing(), inburgering=inb))
    assert s is not None and "7 inburgeraars nog geen leerroute" in s.message
    assert "Bron: register" in s.sources


def test_backlog_signal_silent_without_its_facts() -> None:
    assert sg.backlog_while_waiting_in_coa(shot()) is None  # no housing domain
    for quiet in (
        housing(remaining=0),  # nothing left to house
        housing(linked_by_peildatum=None),  # COA koppelingen unknown
        housing(linked_by_peildatum=20),  # everyone linked is housed
        housing(registered=False),  # empty register: no verdict
    ):
        assert sg.backlog_while_waiting_in_coa(shot(housing=quiet)) is None


def test_wijk_norm_signal_fires_when_the_target_exceeds_every_wijk_together() -> None:
    # 2 % of 10.000 + 2 % of 5.000 = 300 places at most.
    s = sg.reception_beyond_wijk_norm(shot(reception=Reception(301, 10, 96_000)))
    assert s is not None and s.facts["ruimte_wijken"] == 300
    assert s.assumptions and "AANNAME" in s.assumptions[0]
    assert (
        sg.reception_beyond_wijk_norm(shot(reception=Reception(300, 10, 96_000)))
        is None
    )


def test_wijk_norm_signal_fires_for_a_planned_location_above_its_wijk_cap() -> None:
    r = Reception(120, 10, 96_000, planned_per_wijk={"WK098402": 101})
    s = sg.reception_beyond_wijk_norm(shot(reception=r))
    assert s is not None and "Oost" in s.message and s.facts["wijken_boven_norm"] == 1
    fits = replace(r, planned_per_wijk={"WK098402": 100})
    assert sg.reception_beyond_wijk_norm(shot(reception=fits)) is None


def test_wijk_norm_signal_silent_without_wijken_or_target() -> None:
    assert sg.reception_beyond_wijk_norm(shot()) is None
    r = Reception(10_000, 10, 96_000)
    no_wijken = Snapshot("GM0984", "Venray", "2025-1", 45_000, (), reception=r)
    assert sg.reception_beyond_wijk_norm(no_wijken) is None
    secret = (Wijk("WK1", "Geheim", None),)
    hidden = Snapshot("GM0984", "Venray", "2025-1", 45_000, secret, reception=r)
    assert sg.reception_beyond_wijk_norm(hidden) is None


def test_labour_signal_fires_only_when_beds_and_planned_reception_share_a_wijk() -> (
    None
):
    labour = LabourMigrants({"WK098401": 300, "WK098402": 100}, ("Bron: SNF",))
    planned = Reception(100, 5, 96_000, planned_per_wijk={"WK098401": 80})
    s = sg.labour_beds_near_planned_reception(shot(labour=labour, reception=planned))
    assert s is not None and "Centrum: 300 van de 400 bedden" in s.message
    assert "Bron: SNF" in s.sources
    # Planned in the wijk with only 25 % of the beds: still a concentration (>= 25 %).
    other = replace(planned, planned_per_wijk={"WK098402": 80})
    assert sg.labour_beds_near_planned_reception(shot(labour=labour, reception=other))
    few = LabourMigrants({"WK098401": 390, "WK098402": 10})
    assert (
        sg.labour_beds_near_planned_reception(shot(labour=few, reception=other)) is None
    )


def test_labour_signal_silent_without_data() -> None:
    labour = LabourMigrants({"WK098401": 300})
    no_plan = Reception(100, 5, 96_000)
    assert sg.labour_beds_near_planned_reception(shot(labour=labour)) is None
    assert (
        sg.labour_beds_near_planned_reception(shot(labour=labour, reception=no_plan))
        is None
    )
    planned = Reception(100, 5, 96_000, planned_per_wijk={"WK098401": 80})
    assert sg.labour_beds_near_planned_reception(shot(reception=planned)) is None
    empty = LabourMigrants({})
    assert (
        sg.labour_beds_near_planned_reception(shot(labour=empty, reception=planned))
        is None
    )


def test_budget_signal() -> None:
    over = Inburgering(30, {}, 70, 0, 120_000.0, 100_000.0)
    s = sg.inburgering_over_budget_with_backlog(
        shot(housing=housing(), inburgering=over)
    )
    assert s is not None and s.facts["tekort"] == 20_000
    assert "EUR 20.000 meer" in s.message
    under = replace(over, cost=90_000.0)
    assert (
        sg.inburgering_over_budget_with_backlog(
            shot(housing=housing(), inburgering=under)
        )
        is None
    )
    assert (
        sg.inburgering_over_budget_with_backlog(
            shot(housing=housing(remaining=0), inburgering=over)
        )
        is None
    )
    assert sg.inburgering_over_budget_with_backlog(shot(inburgering=over)) is None


def test_an_empty_snapshot_has_no_signals() -> None:
    assert sg.signals(Snapshot("GM0984", "Venray", "2025-1", None)) == []


@settings(deadline=None)  # no timing in tests: a loaded CI machine is slow
@given(
    remaining=st.integers(0, 500),
    linked=st.one_of(st.none(), st.integers(0, 500)),
    realised=st.integers(0, 500),
)
def test_backlog_signal_fires_exactly_when_its_rule_holds(
    remaining: int, linked: int | None, realised: int
) -> None:
    h = housing(remaining=remaining, linked_by_peildatum=linked, realised=realised)
    fired = sg.backlog_while_waiting_in_coa(shot(housing=h)) is not None
    assert fired == (remaining > 0 and linked is not None and linked > realised)


def test_every_signal_is_in_the_dutch_catalogue_with_its_own_title() -> None:
    labour = LabourMigrants({"WK098401": 300})
    reception = Reception(400, 5, 96_000, planned_per_wijk={"WK098401": 250})
    over = Inburgering(30, {}, 70, 0, 120_000.0, 100_000.0)
    s = shot(housing=housing(), reception=reception, labour=labour, inburgering=over)
    fired = sg.signals(s)
    titles = {key: title for key, title, _rule in sg.CATALOGUE}
    assert [f.key for f in fired] == [key for key, _t, _r in sg.CATALOGUE]
    assert all(titles[f.key] == f.title for f in fired)
    assert len(sg.catalogue()) == len(sg.SIGNALS) == len(sg.SIGNAL_KEYS)
