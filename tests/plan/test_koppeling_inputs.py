# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Reading H.csv, S.csv and C.csv: personal data refused, bad rows reported by row and
column, nothing half-read."""

from __future__ import annotations

from pathlib import Path

import pytest

from migratieketen.plan.koppeling.capacity import file_capacity
from migratieketen.plan.koppeling.inputs import (
    InputError,
    read_capacity,
    read_households,
)
from migratieketen.plan.koppeling.privacy import PersonalDataError, is_bsn
from migratieketen.plan.koppeling.run import MODES, load_problem, run_policy
from migratieketen.plan.koppeling.score_file import read_scores

HEADER = "huishouden_id,aankomst,personen,volwassenen"


def _file(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_households_sorted_by_arrival_with_optional_columns(tmp_path: Path) -> None:
    path = _file(
        tmp_path,
        "H.csv",
        f"{HEADER},gemeente_verplicht,regio_verplicht,nationaliteitsgroep\n"
        "B,2025-02-01,3,2,gm0363,,syrie\nA,2025-01-05,1,1,,PV27,\n",
    )
    a, b = read_households(path)
    assert (a.id, b.id) == ("A", "B")
    assert b.gemeente_verplicht == "GM0363" and a.regio_verplicht == "PV27"
    assert b.groups == {"nationaliteitsgroep": "syrie"}


@pytest.mark.parametrize(
    "column", ["bsn", "BSN_ouder", "Burgerservicenummer", "v-nummer"]
)
def test_bsn_like_column_is_refused(tmp_path: Path, column: str) -> None:
    path = _file(tmp_path, "H.csv", f"{HEADER},{column}\nA,2025-01-05,1,1,x\n")
    with pytest.raises(PersonalDataError, match="BSN") as err:
        read_households(path)
    assert "niets verwerkt" in str(err.value)


@pytest.mark.parametrize("column", ["naam", "Achternaam", "voornaam", "name"])
def test_name_like_column_is_refused(tmp_path: Path, column: str) -> None:
    path = _file(tmp_path, "H.csv", f"{HEADER},{column}\nA,2025-01-05,1,1,x\n")
    with pytest.raises(PersonalDataError, match="namen"):
        read_households(path)


def test_bsn_value_in_any_column_is_refused(tmp_path: Path) -> None:
    assert is_bsn("111222333") and not is_bsn("111222334")
    path = _file(tmp_path, "H.csv", f"{HEADER}\n111222333,2025-01-05,1,1\n")
    with pytest.raises(PersonalDataError, match="rij 2, kolom 'huishouden_id'"):
        read_households(path)


def test_person_name_as_id_is_refused(tmp_path: Path) -> None:
    path = _file(tmp_path, "H.csv", f"{HEADER}\nJan de Vries,2025-01-05,1,1\n")
    with pytest.raises(PersonalDataError, match="persoonsnaam"):
        read_households(path)


def test_bad_rows_are_all_reported_with_row_and_column(tmp_path: Path) -> None:
    path = _file(
        tmp_path,
        "H.csv",
        f"{HEADER},gemeente_verplicht\n"
        "A,2025-13-01,1,1,\nB,2025-01-02,0,1,\nC,2025-01-02,2,3,Amsterdam\nA,2025-01-02,1,1,\n",
    )
    with pytest.raises(InputError) as err:
        read_households(path)
    text = str(err.value)
    assert "rij 2, kolom aankomst" in text
    assert "rij 3, kolom personen" in text
    assert "rij 4, kolom volwassenen" in text
    assert "rij 4, kolom gemeente_verplicht" in text
    assert "rij 5, kolom huishouden_id: 'A' staat ook in rij 2" in text


def test_unknown_column_is_refused_rather_than_ignored(tmp_path: Path) -> None:
    path = _file(tmp_path, "H.csv", f"{HEADER},opmerking\nA,2025-01-05,1,1,x\n")
    with pytest.raises(InputError, match="onbekende kolom"):
        read_households(path)


def test_scores_must_be_single_known_and_non_negative(tmp_path: Path) -> None:
    path = _file(
        tmp_path,
        "S.csv",
        "huishouden_id,gemeentecode,score\nA,GM0363,0.4\nA,GM0363,0.5\nX,GM0001,-1\n",
    )
    with pytest.raises(InputError) as err:
        read_scores(path, {"A", "B"})
    text = str(err.value)
    assert "rij 3: score voor A x GM0363 staat er dubbel in" in text
    assert "rij 4, kolom huishouden_id: 'X'" in text
    assert "rij 4, kolom score" in text


def test_a_household_without_scores_is_kept_and_reported_unlinkable(
    tmp_path: Path, shared_data_dir: Path
) -> None:
    """Not a refusal of the whole file: B is reported, with its reason, and named."""
    households = _file(
        tmp_path, "H.csv", f"{HEADER}\nA,2025-01-05,1,1\nB,2025-01-06,2,1\n"
    )
    scores = _file(
        tmp_path, "S.csv", "huishouden_id,gemeentecode,score\nA,GM0363,0.4\n"
    )
    capacity = _file(tmp_path, "C.csv", "gemeentecode,capaciteit\nGM0363,10\n")
    assert read_scores(scores, ["A", "B"]).without_scores == ("B",)
    problem = load_problem(households, scores, capacity, shared_data_dir)
    assert "1 huishouden(s) zonder enkele score in het bestand (B)" in (
        problem.scores.label
    )
    for mode in MODES:
        assignment = run_policy(problem, mode)
        assert assignment.gemeente.tolist() == [0, -1]
        assert assignment.reasons[1] == "geen score voor een toegestane gemeente"


def test_capacity_semicolon_file(tmp_path: Path) -> None:
    path = _file(tmp_path, "C.csv", "gemeentecode;capaciteit\nGM0363;12\nGM0599;0\n")
    assert read_capacity(path) == {"GM0363": 12, "GM0599": 0}
    bad = _file(tmp_path, "C2.csv", "gemeentecode,capaciteit\nGM0363,-1\nGM0363,2\n")
    with pytest.raises(InputError, match="rij 2, kolom capaciteit"):
        read_capacity(bad)


def test_pandas_index_column_is_dropped(tmp_path: Path) -> None:
    """to_csv without index=False puts row numbers in a nameless first column."""
    plain = _file(tmp_path, "H.csv", f",{HEADER}\n0,A,2025-01-05,1,1\n")
    again = _file(tmp_path, "H2.csv", f"Unnamed: 0,{HEADER}\n0,A,2025-01-05,1,1\n")
    assert [h.id for h in read_households(plain)] == ["A"]
    assert [h.id for h in read_households(again)] == ["A"]


def test_whole_number_written_as_decimal_is_accepted(tmp_path: Path) -> None:
    path = _file(
        tmp_path, "C.csv", "gemeentecode,capaciteit\nGM0363,12.0\nGM0599,3,00\n"
    )
    with pytest.raises(InputError, match="rij 3: 3 velden"):
        read_capacity(path)  # 3,00 in a comma file is two fields: reported, not read
    path = _file(
        tmp_path, "C.csv", "gemeentecode;capaciteit\nGM0363;12.0\nGM0599;3,00\n"
    )
    assert read_capacity(path) == {"GM0363": 12, "GM0599": 3}
    bad = _file(tmp_path, "C2.csv", "gemeentecode,capaciteit\nGM0363,12.5\n")
    with pytest.raises(InputError, match="'12.5' is geen geheel getal"):
        read_capacity(bad)


def test_bare_cbs_number_gets_the_gm_prefix(tmp_path: Path) -> None:
    capacity = _file(tmp_path, "C.csv", "gemeentecode,capaciteit\n363,12\n0599,4\n")
    assert read_capacity(capacity) == {"GM0363": 12, "GM0599": 4}
    scores = _file(tmp_path, "S.csv", "huishouden_id,gemeentecode,score\nA,363,0.5\n")
    assert read_scores(scores, {"A"}).as_dict() == {("A", "GM0363"): 0.5}
    households = _file(
        tmp_path, "H.csv", f"{HEADER},gemeente_verplicht\nA,2025-01-05,1,1,363\n"
    )
    assert read_households(households)[0].gemeente_verplicht == "GM0363"
    wrong = _file(tmp_path, "C2.csv", "gemeentecode,capaciteit\n36300,12\n")
    with pytest.raises(InputError, match="'36300' is geen CBS-code"):
        read_capacity(wrong)


@pytest.mark.parametrize(
    ("written", "day"),
    [("2025-01-05", 5), ("2025-01-05 00:00:00", 5), ("2025-01-06T13:45", 6),
     ("7-1-2025", 7), ("08-01-2025", 8), ("2025/01/09", 9), ("2025-1-4", 4)],
)  # fmt: skip
def test_arrival_as_spreadsheets_write_it(
    tmp_path: Path, written: str, day: int
) -> None:
    path = _file(tmp_path, "H.csv", f"{HEADER}\nA,{written},1,1\n")
    assert read_households(path)[0].arrival.isoformat() == f"2025-01-0{day}"


@pytest.mark.parametrize(
    "written",
    [
        "2025-02-30",
        "01/05/2025",
        "5 jan 2025",
        "31-13-2025",
        "2025-01/05",
        "2025/13/01",
    ],
)
def test_arrival_that_is_no_date_is_reported(tmp_path: Path, written: str) -> None:
    path = _file(tmp_path, "H.csv", f"{HEADER}\nA,{written},1,1\n")
    with pytest.raises(InputError, match=f"rij 2, kolom aankomst: '{written}'"):
        read_households(path)


def test_windows_1252_and_tab_separated_files_are_read(tmp_path: Path) -> None:
    path = tmp_path / "C.csv"
    path.write_bytes(
        "gemeentecode\tcapaciteit\tgemeentenaam\nGM1900\t7\tSúdwest-Fryslân\n".encode(
            "cp1252"
        )
    )
    assert read_capacity(path) == {"GM1900": 7}


def test_capacity_code_outside_the_cbs_list_is_kept_and_named(
    shared_data_dir: Path,
) -> None:
    """A gemeente merged away since, or a researcher's own codes: kept, and said so."""
    gemeenten = file_capacity({"GM0363": 10, "GM9001": 4}, shared_data_dir)
    assert gemeenten.codes == ("GM0363", "GM9001")
    assert gemeenten.names == ("Amsterdam", "GM9001")
    assert gemeenten.provinces[1] == ""
    assert "1 gemeentecode(s) niet in de CBS-gemeentelijst" in gemeenten.capacity_source
    assert "GM9001" in gemeenten.capacity_source


def test_scores_may_name_the_gemeente(tmp_path: Path) -> None:
    path = _file(
        tmp_path,
        "S.csv",
        "huishouden_id,gemeentecode,gemeentenaam,score\nA,GM0363,Amsterdam,0.5\n",
    )
    assert read_scores(path, {"A"}).as_dict() == {("A", "GM0363"): 0.5}


def test_gemeente_names_are_not_taken_for_person_names(tmp_path: Path) -> None:
    """ "De Bilt" reads like a person's name; in a gemeentenaam column it is not one."""
    path = _file(
        tmp_path, "C.csv", "gemeentecode,capaciteit,gemeentenaam\nGM0310,5,De Bilt\n"
    )
    assert read_capacity(path) == {"GM0310": 5}
    smuggled = _file(
        tmp_path, "C2.csv", "gemeentecode,capaciteit,gemeentenaam\nGM0310,5,111222333\n"
    )
    with pytest.raises(PersonalDataError, match="BSN"):
        read_capacity(smuggled)
