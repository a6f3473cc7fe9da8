# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Monitor: opgave with carry-over, realised, remaining, status per peildatum, toezicht;
and the all-or-nothing CSV import of realisations."""

from __future__ import annotations

from datetime import date

import pytest

from migratieketen.rules import huisvestingswet as hw
from migratieketen.rules.monitor import (
    Realisation,
    carry_over,
    monitor,
    realised_per_half_year,
    supervision_step,
    supervision_threshold,
)
from migratieketen.rules.realisations_csv import (
    RealisationImportError,
    parse_realisations,
)

H = hw.HalfYear


def test_tholen_2017_1_mid_half_year() -> None:
    """nu.nl 2017-04: achterstand 17 + taakstelling 20 = 37; 5+1+7 housed; 24 to go."""
    real = [
        Realisation("GM0716", date(2017, 1, 20), 5),
        Realisation("GM0716", date(2017, 2, 15), 1),
        Realisation("GM0716", date(2017, 3, 10), 7),
        Realisation("GM0716", date(2017, 5, 1), 9),  # after as_of: not counted yet
        Realisation("GM9999", date(2017, 2, 1), 3),  # another gemeente
    ]
    as_of = date(2017, 4, 1)
    realised = realised_per_half_year(real, "GM0716", as_of)
    rep = monitor("GM0716", "PV29", [H(2017, 1)], {H(2017, 1): 20}, realised, as_of, 17)
    cur = rep.current
    assert (cur.opgave, cur.realised, cur.remaining, cur.status) == (
        37,
        13,
        24,
        "lopend",
    )
    assert "37 - 13" in cur.explanation("GM0716").arithmetic
    assert rep.supervision is None


def _periods(n: int) -> list[hw.HalfYear]:
    return hw.half_years(H(2022, 1), n)


def _housed(per_half: list[int]) -> dict[hw.HalfYear, int]:
    return {p: k for p, k in zip(_periods(len(per_half)), per_half, strict=True) if k}


def test_four_missed_half_years_in_zuid_holland_escalates() -> None:
    periods = _periods(5)
    taak = dict.fromkeys(periods, 100)
    rep = monitor(
        "GM0599", "PV28", periods, taak, _housed([90, 95, 99, 80, 0]), date(2024, 3, 1)
    )
    assert [r.status for r in rep.half_years] == ["achterstand"] * 4 + ["lopend"]
    assert rep.half_years[1].carry_in == 10 and rep.half_years[1].opgave == 110
    assert rep.supervision is not None
    assert rep.supervision.escalation and rep.supervision.consecutive_missed == 4
    assert rep.supervision.step == "vooraankondiging indeplaatsstelling"
    # Same history elsewhere: third step of the ladder, no escalation configured.
    other = monitor(
        "GM0599", "PV26", periods, taak, _housed([90, 95, 99, 80, 0]), date(2024, 3, 1)
    )
    assert other.supervision is not None and other.supervision.step == "plan van aanpak"


def test_empty_register_is_not_an_achterstand() -> None:
    periods = _periods(4)
    taak = dict.fromkeys(periods, 100)
    rep = monitor(
        "GM0599", "PV28", periods, taak, {}, date(2024, 3, 1), registered_from=None
    )
    assert [r.status for r in rep.half_years] == ["niet geregistreerd"] * 4
    assert not any(r.missed or r.achterstand for r in rep.half_years)
    assert rep.supervision is None
    # Unknown is not carried over: each half-year shows only its own taakstelling.
    assert [r.carry_in for r in rep.half_years] == [0, 0, 0, 0]
    assert "Een leeg register" in rep.current.explanation("GM0599").notes[0]
    registered = monitor("GM0599", "PV28", periods, taak, {}, date(2024, 3, 1))
    assert registered.supervision is not None


def test_a_gemeente_that_starts_registering_starts_from_zero() -> None:
    """Registering from 2022-2 judges 2022-2 on its own, not on 2022-1's unknown."""
    periods = _periods(3)
    taak = dict.fromkeys(periods, 100)
    rep = monitor(
        "GM0599",
        "PV28",
        periods,
        taak,
        {periods[1]: 100, periods[2]: 40},
        date(2023, 7, 2),
        opening_balance=50,  # belongs to periods[0], which is not registered
        registered_from=periods[1],
    )
    assert [r.status for r in rep.half_years] == [
        "niet geregistreerd",
        "gehaald",
        "achterstand",
    ]
    assert [r.carry_in for r in rep.half_years] == [0, 0, 0]
    assert rep.supervision is not None and rep.supervision.consecutive_missed == 1


def test_not_at_fault_when_coa_linked_too_few() -> None:
    periods = _periods(3)
    taak = dict.fromkeys(periods, 100)
    linked = {periods[1]: 60}
    rep = monitor(
        "GM0599",
        "PV28",
        periods,
        taak,
        _housed([90, 100, 100]),
        date(2023, 7, 2),
        0,
        linked,
    )
    assert [r.status for r in rep.half_years] == [
        "achterstand",
        "buiten schuld",
        "achterstand",
    ]
    assert "niet verwijtbaar" in rep.half_years[1].explanation("GM0599").notes[0]
    # The not-at-fault half-year does not reset the streak and does not count.
    assert rep.supervision is not None and rep.supervision.consecutive_missed == 2


def test_catching_up_clears_supervision() -> None:
    periods = _periods(3)
    taak = dict.fromkeys(periods, 100)
    rep = monitor(
        "GM0599", "PV28", periods, taak, _housed([50, 200, 100]), date(2023, 7, 2)
    )
    assert [r.status for r in rep.half_years] == [
        "achterstand",
        "voorsprong",
        "voorsprong",
    ]
    assert rep.supervision is None


def test_monitor_input_errors() -> None:
    with pytest.raises(hw.TaakstellingError, match="aansluiten"):
        monitor("G", "PV28", [H(2022, 1), H(2023, 1)], {}, {}, date(2024, 1, 1))
    with pytest.raises(hw.TaakstellingError, match="Geen taakstelling"):
        monitor("G", "PV28", [H(2022, 1)], {}, {}, date(2024, 1, 1))
    with pytest.raises(hw.TaakstellingError, match="begint na"):
        monitor("G", "PV28", [H(2030, 1)], {H(2030, 1): 1}, {}, date(2024, 1, 1))


def test_carry_over_requires_consecutive_non_negative_half_years() -> None:
    a, c = H(2024, 1), H(2025, 1)
    with pytest.raises(hw.TaakstellingError, match="aansluiten"):
        carry_over([a, c], {a: 1, c: 1}, {}, date(2026, 1, 1))
    with pytest.raises(hw.TaakstellingError, match="negatief"):
        carry_over([a], {a: 1}, {a: -1}, date(2026, 1, 1))


def test_the_streak_counts_only_ended_half_years() -> None:
    """A running half-year with persons still to house is not (yet) missed."""
    periods = _periods(3)
    rows = carry_over(periods, dict.fromkeys(periods, 10), {}, periods[-1].start)
    assert [r.status for r in rows] == ["achterstand", "achterstand", "lopend"]
    step = supervision_step("PV28", rows)
    assert step is not None and step.consecutive_missed == 2
    assert step.half_year == periods[1]
    assert step.explanation("GM0599").references[0].article == "124"


def test_zuid_holland_threshold_not_in_force_before_its_policy() -> None:
    assert (
        supervision_threshold("PV28", date(2019, 12, 31)).escalate_after_missed is None
    )
    assert supervision_threshold("PV28", date(2024, 6, 30)).escalate_after_missed == 4
    assert (
        supervision_threshold("PV26", date(2024, 6, 30)).escalate_after_missed is None
    )


GOOD = (
    "gemeentecode;datum_huisvesting;aantal_personen;soort;kenmerk\n"
    "GM0716;2017-01-20;5;regulier;A1\n"
    "GM0716;2017-03-10;7;nareiziger;A2\n"
    "\n"
)


def test_import_good_file() -> None:
    rows = parse_realisations("\ufeff" + GOOD, {"GM0716"}, date(2017, 4, 1))
    assert [(r.persons, r.kind, r.reference) for r in rows] == [
        (5, "regulier", "A1"),
        (7, "nareiziger", "A2"),
    ]


def test_import_is_all_or_nothing_with_every_problem_listed() -> None:
    bad = GOOD + (
        "GM9999;2017-02-01;3;regulier;A3\n"
        "XX12;2017-02-30;0;onbekend;A1\n"
        "GM0716;2099-01-01;2;;A4\n"
        "GM0716;2017-01-01\n"
    )
    with pytest.raises(RealisationImportError) as exc:
        parse_realisations(bad, {"GM0716"}, date(2017, 4, 1))
    got = {(i.row, i.column) for i in exc.value.issues}
    assert got == {
        (5, "gemeentecode"),
        (6, "gemeentecode"),
        (6, "datum_huisvesting"),
        (6, "aantal_personen"),
        (6, "soort"),
        (6, "kenmerk"),
        (7, "datum_huisvesting"),
        (8, ""),
    }
    assert "niets opgeslagen" in str(exc.value)
    assert "rij 5, kolom 'gemeentecode': onbekende gemeente GM9999" in str(exc.value)


def test_import_uses_the_realisation_schema() -> None:
    """ASCII digits only, the schema's date range and kenmerk, households <= persons."""
    header = (
        "gemeentecode;datum_huisvesting;aantal_personen;kenmerk;aantal_huishoudens\n"
    )
    rows = (
        "GM0716;2017-01-20;²;A1;\n"  # '²'.isdigit() is True, int('²') fails
        "GM0716;1900-01-01;2;A2;\n"
        "GM0716;2017-01-20;2;" + "K" * 101 + ";\n"
        "GM0716;2017-01-20;2;A4;3\n"
        "GM0716;2017-01-20;3;A5;2\n"
    )
    with pytest.raises(RealisationImportError) as exc:
        parse_realisations(header + rows, {"GM0716"}, date(2017, 4, 1))
    got = [(i.row, i.column) for i in exc.value.issues]
    assert got == [
        (2, "aantal_personen"),
        (3, "datum_huisvesting"),
        (4, "kenmerk"),
        (5, "aantal_huishoudens"),
    ]
    good = parse_realisations(
        header + rows.splitlines()[-1], {"GM0716"}, date(2017, 4, 1)
    )
    assert good[0].households == 2


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "leeg"),
        ("gemeentecode,aantal_personen\n", "verplichte kolom ontbreekt"),
        ("gemeentecode,datum_huisvesting,aantal_personen,extra\n", "onbekende kolom"),
        ("gemeentecode,datum_huisvesting,aantal_personen\n", "geen gegevensregels"),
    ],
)
def test_import_file_level_errors(text: str, message: str) -> None:
    with pytest.raises(RealisationImportError, match=message):
        parse_realisations(text, {"GM0716"}, date(2017, 4, 1))
