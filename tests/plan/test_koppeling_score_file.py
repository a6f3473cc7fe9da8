# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""S.csv read row by row: same answers and refusals as a whole-file read, at any size."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from migratieketen.plan.koppeling.inputs import InputError, read_households
from migratieketen.plan.koppeling.model import KoppelingError
from migratieketen.plan.koppeling.privacy import PersonalDataError
from migratieketen.plan.koppeling.score_file import read_scores

HEADER = "huishouden_id,gemeentecode,score"


def _file(tmp_path: Path, text: str, name: str = "S.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    scores=st.dictionaries(
        st.tuples(st.sampled_from(["A", "B", "h-3", "X 9"]), st.integers(1, 9999)),
        st.floats(0, 1e6, allow_nan=False),
        min_size=1,
    ),
    separator=st.sampled_from([",", ";", "\t"]),
    encoding=st.sampled_from(["utf-8", "utf-8-sig", "cp1252"]),
    blank_every=st.integers(0, 5),
)
def test_every_valid_file_is_read_exactly(
    tmp_path: Path,
    scores: dict[tuple[str, int], float],
    separator: str,
    encoding: str,
    blank_every: int,
) -> None:
    """Whatever the separator, encoding or blank lines, the pairs read are those written."""
    lines = [separator.join(("huishouden_id", "gemeentecode", "gemeentenaam", "score"))]
    for k, ((hid, number), score) in enumerate(scores.items()):
        name = "Súdwest-Fryslân" if k % 2 else ""
        lines.append(separator.join((hid, f"GM{number:04d}", name, repr(score))))
        if blank_every and k % blank_every == 0:
            lines.append("")
    path = tmp_path / "S.csv"
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode(encoding))
    ids = {hid for hid, _ in scores}
    table = read_scores(path, sorted(ids))
    assert table.as_dict() == {
        (hid, f"GM{number:04d}"): score for (hid, number), score in scores.items()
    }


def test_row_numbers_are_the_spreadsheet_rows(tmp_path: Path) -> None:
    """A blank line still counts as a row, as the spreadsheet shows it."""
    path = _file(tmp_path, f"{HEADER}\nA,GM0363,0.5\n\nA,GM0599,x\n")
    with pytest.raises(InputError, match="rij 4, kolom score: 'x'"):
        read_scores(path, ["A"])


def test_many_problems_are_counted_and_the_first_shown_in_row_order(
    tmp_path: Path,
) -> None:
    rows = [f"A,GM{k:04d},-1" for k in range(1, 26)]  # 25 negative scores
    rows += ["A,GM0363,0.5", "A,GM0363,0.6"]  # and one pair given twice, row 28
    path = _file(tmp_path, HEADER + "\n" + "\n".join(rows) + "\n")
    with pytest.raises(InputError) as err:
        read_scores(path, ["A"])
    text = str(err.value)
    assert text.splitlines()[1].strip().startswith("rij 2, kolom score")
    assert "... en nog 6 fout(en)" in text  # 26 problems, 20 shown
    assert "rij 21, kolom score" in text and "rij 22," not in text


def test_a_pair_given_twice_is_reported_at_its_later_row(tmp_path: Path) -> None:
    path = _file(tmp_path, f"{HEADER}\nA,GM0363,0.5\nB,GM0363,0.1\nA,363,0.6\n")
    with pytest.raises(
        InputError, match="rij 4: score voor A x GM0363 staat er dubbel"
    ):
        read_scores(path, ["A", "B"])


def test_wrong_number_of_fields_is_reported_before_values(tmp_path: Path) -> None:
    path = _file(tmp_path, f"{HEADER}\nA,GM0363\nA,GM0599,x\n")
    with pytest.raises(InputError) as err:
        read_scores(path, ["A"])
    assert "rij 2: 2 velden, verwacht 3" in str(err.value)
    assert "kolom score" not in str(err.value)


def test_personal_data_is_refused_before_a_wrong_column(tmp_path: Path) -> None:
    """An unknown column is a refusal too, but a BSN further down is named first."""
    rows = "".join(f"A,GM{k:04d},0.5,x\n" for k in range(1, 50))
    path = _file(tmp_path, f"{HEADER},opmerking\n{rows}A,GM0363,0.5,111222333\n")
    with pytest.raises(PersonalDataError, match="rij 51, kolom 'opmerking'"):
        read_scores(path, ["A"])


def test_a_late_windows_1252_character_rereads_the_file(tmp_path: Path) -> None:
    """UTF-8 is tried first; a cp1252 byte far down makes the reader start again."""
    rows = "".join(f"A,GM{k:04d},,0.5\n" for k in range(1, 3000))
    text = (
        f"huishouden_id,gemeentecode,gemeentenaam,score\n{rows}A,GM5000,Súdwest,0.7\n"
    )
    path = tmp_path / "S.csv"
    path.write_bytes(text.encode("cp1252"))
    table = read_scores(path, ["A"])
    assert len(table.score) == 3000 and table.as_dict()[("A", "GM5000")] == 0.7


def test_not_a_text_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "S.csv"
    path.write_bytes(HEADER.encode() + b"\nA,GM0363,\x81\x8d\n")
    with pytest.raises(KoppelingError, match="geen tekstbestand"):
        read_scores(path, ["A"])


@pytest.mark.parametrize("text", ["", "\n", ",,\n"])
def test_empty_files_say_which_columns_are_expected(tmp_path: Path, text: str) -> None:
    with pytest.raises(
        KoppelingError, match="is leeg; verwacht kolommen huishouden_id"
    ):
        read_scores(_file(tmp_path, text), ["A"])
    with pytest.raises(
        KoppelingError, match="is leeg; verwacht kolommen huishouden_id"
    ):
        read_households(_file(tmp_path, text, "H.csv"))


@pytest.mark.parametrize("gap", ["", "NaN", "nan", "NA"])
def test_a_missing_score_leaves_the_pair_out(tmp_path: Path, gap: str) -> None:
    """pandas writes NaN as an empty cell (or NaN), R as NA: no score, not allowed."""
    path = _file(tmp_path, f"{HEADER}\nA,GM0363,0.5\nA,GM0599,{gap}\nB,GM0599,0.1\n")
    assert read_scores(path, ["A", "B"]).as_dict() == {
        ("A", "GM0363"): 0.5,
        ("B", "GM0599"): 0.1,
    }


def test_a_missing_score_still_checks_household_and_gemeente(tmp_path: Path) -> None:
    path = _file(tmp_path, f"{HEADER}\nA,GM0363,0.5\nX,GM0599,\nA,GM99,NaN\n")
    with pytest.raises(InputError) as err:
        read_scores(path, ["A"])
    assert "rij 3, kolom huishouden_id: 'X'" in str(err.value)
    assert "rij 4, kolom gemeentecode: 'GM99'" in str(err.value)


def test_a_field_beyond_the_csv_limit_is_a_clear_refusal(tmp_path: Path) -> None:
    """Python's csv module stops at 131,072 characters a field: said, not a crash."""
    path = _file(tmp_path, f"{HEADER}\nA,GM0363,{'9' * 200_000}\n")
    with pytest.raises(KoppelingError, match="geen leesbaar CSV-bestand"):
        read_scores(path, ["A"])
    with pytest.raises(KoppelingError, match="geen leesbaar CSV-bestand"):
        read_households(_file(tmp_path, f"{'x' * 200_000}\n", "H.csv"))


def test_an_ignored_column_is_noted_once_when_the_file_is_read_again(
    tmp_path: Path,
) -> None:
    """A Windows-1252 byte far down makes the reader start again: one note, not two."""
    rows = "".join(f"A,GM{k:04d},0.5,v1\n" for k in range(1, 3000))
    path = tmp_path / "S.csv"
    path.write_bytes(f"{HEADER},model\n{rows}A,GM5000,0.7,Súdwest\n".encode("cp1252"))
    notes: list[str] = []
    assert len(read_scores(path, ["A"], notes).score) == 3000
    assert len(notes) == 1 and notes[0].startswith("S.csv: kolom(men) model genegeerd")
