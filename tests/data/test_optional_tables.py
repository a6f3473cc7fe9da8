# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""The optional files: SES-WOA per postcode (and its gemeente mean), the CBS SES-WOA
gemeente rows, population 1-1-2025 (70072NED) and the KWB 2024 origin counts.

A bad postcode row (non-numeric score, duplicate postcode, unknown gemeente) makes the
whole folder invalid with file, row and column, so `data check` fails and nothing is
imported; a folder without the optional files stays valid.
"""

from __future__ import annotations

import csv
import shutil
from fractions import Fraction
from pathlib import Path

import pytest
from data_support import column_index, rewrite_line
from hypothesis import given, settings
from hypothesis import strategies as st

from migratieketen.data import (
    DataValidationError,
    check_data_dir,
    clear_cache,
    load_dataset,
    schema,
)
from migratieketen.data.csvtable import CsvTable
from migratieketen.data.ses_woa import SOURCE_CBS, SOURCE_POSTCODE, preferred_scores
from migratieketen.data.ses_woa_pc4 import aggregate

PC4 = schema.SES_WOA_PC4.filename
OPTIONAL = tuple(s.filename for s in schema.OPTIONAL_CSV_FILES)


@pytest.fixture
def full_copy(data_copy: Path, shared_data_dir: Path) -> Path:
    """The data copy plus every optional file that the shared folder has."""
    for name in OPTIONAL:
        if (shared_data_dir / name).exists():
            shutil.copyfile(shared_data_dir / name, data_copy / name)
    clear_cache()
    return data_copy


def _issues(folder: Path) -> list[tuple[str, int | None, str | None]]:
    report = check_data_dir(folder)
    return [(i.file, i.row, i.column) for i in report.issues]


def test_postcode_mean_reproduces_the_derived_file(shared_data_dir: Path) -> None:
    """Our own household-weighted mean equals the published DERIVED aggregate."""
    ses = load_dataset(shared_data_dir).ses_woa[SOURCE_POSTCODE]
    path = shared_data_dir / "ses_woa_gemeenten_2022_afgeleid_uit_pc4.csv"
    with path.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == len(ses.scores) == 342
    for row in rows:
        code = row["gemeente_code"]
        # the derived file rounds to 4 (score) and 3 (coverage) decimals
        published = float(row["ses_woa_total_hh_weighted"])
        assert abs(float(ses.scores[code]) - published) <= 0.5e-4 + 1e-12, code
        coverage = float(row["share_households_with_score"])
        assert abs(float(ses.coverage[code]) - coverage) <= 0.5e-3 + 1e-12, code
    assert ses.period == "2022" and ses.provenance.reference_date.year == 2022
    assert [n.split(" (")[0] for n in ses.notes] == ["Terschelling", "Weststellingwerf"]


def test_heerlen_has_the_lowest_score(shared_data_dir: Path) -> None:
    """The press called Heerlen the gemeente with the lowest SES-WOA in NL."""
    ses = load_dataset(shared_data_dir).ses_woa[SOURCE_POSTCODE]
    assert min(ses.scores, key=lambda c: ses.scores[c]) == "GM0917"


def test_population_2025_and_origin(shared_data_dir: Path) -> None:
    ds = load_dataset(shared_data_dir)
    assert ds.national_population(2025) == 18_044_027
    assert ds.gemeente("GM0014").population[2025] == 244_441
    assert ds.population_provenance[2025].table_id == "70072NED"
    assert ds.origin is not None
    amsterdam = ds.origin.counts["GM0363"]
    assert amsterdam.total == ds.gemeente("GM0363").population[2024]
    assert "geen telling van arbeidsmigranten" in ds.origin.provenance.note


def test_folder_without_optional_files_is_valid(data_copy: Path) -> None:
    ds = load_dataset(data_copy)
    assert ds.ses_woa == {} and ds.origin is None
    assert 2025 not in ds.population_provenance
    notes = check_data_dir(data_copy).notes
    assert f"{PC4} ontbreekt (optioneel)" in notes


@pytest.mark.parametrize(
    ("column", "value", "message"),
    [
        ("ses_woa_total", "hoog", "'hoog' is geen getal"),
        ("gemeente_code_2025_derived", "GM9999", "onbekende gemeentecode GM9999"),
        ("gemeente_code_2025_derived", "Amsterdam", "geen geldige gemeentecode"),
        ("n_households", "", "zonder huishoudens"),
    ],
)
def test_bad_postcode_cell_names_file_row_and_column(
    full_copy: Path, column: str, value: str, message: str
) -> None:
    path = full_copy / PC4
    index = column_index(path, column)
    rewrite_line(path, 3, lambda cells: cells.__setitem__(index, value))
    report = check_data_dir(full_copy)
    assert [(i.file, i.row, i.column) for i in report.issues] == [(PC4, 3, column)]
    assert message in report.issues[0].message
    with pytest.raises(DataValidationError, match=f"{PC4}, rij 3"):
        load_dataset(full_copy)


def test_duplicate_postcode(full_copy: Path) -> None:
    path = full_copy / PC4
    lines = path.read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join([*lines, lines[2]]) + "\n", encoding="utf-8")
    issues = check_data_dir(full_copy).issues
    assert [(i.file, i.row, i.column) for i in issues] == [(PC4, len(lines) + 1, "pc4")]
    assert "komt dubbel voor (ook in rij 3)" in issues[0].message


def test_population_2025_must_match_the_national_total(full_copy: Path) -> None:
    path = full_copy / schema.POPULATION_2025.filename
    index = column_index(path, "totale_bevolking_1jan2025")
    rewrite_line(path, 2, lambda c: c.__setitem__(index, str(int(c[index]) + 5)))
    [issue] = check_data_dir(full_copy).issues
    assert issue.column == "totale_bevolking_1jan2025"
    assert "1 januari 2025" in issue.message


def test_origin_parts_must_add_up(full_copy: Path) -> None:
    path = full_copy / schema.KWB2024_HERKOMST.filename
    index = column_index(path, "herkomst_nederland")
    rewrite_line(path, 4, lambda c: c.__setitem__(index, str(int(c[index]) + 1)))
    [issue] = check_data_dir(full_copy).issues
    assert (issue.row, issue.column) == (4, "inwoners_2024")


def _synced_ses(folder: Path, rows: list[tuple[str, str, str]]) -> None:
    with (folder / schema.SES_WOA_GEMEENTEN.filename).open("w", encoding="utf-8") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(schema.SES_WOA_GEMEENTEN.column_names())
        for code, period, score in rows:
            writer.writerow([code, period, "86092NED", score, "", "", ""])


def test_cbs_gemeente_rows_take_precedence(full_copy: Path) -> None:
    _synced_ses(
        full_copy, [("GM0363", "2022JJ00", "-0.05"), ("GM0917", "2022JJ00", "")]
    )
    ds = load_dataset(full_copy)
    chosen = preferred_scores(ds.ses_woa)
    assert chosen is not None and chosen.source == SOURCE_CBS
    assert chosen.scores == {"GM0363": Fraction("-0.05")}
    assert chosen.suppressed == ("GM0917",)
    assert chosen.provenance.table_id == "86092NED"
    assert "periode 2022JJ00" in chosen.label()


def test_cbs_gemeente_rows_one_period_and_known_codes(full_copy: Path) -> None:
    _synced_ses(full_copy, [("GM0363", "2022JJ00", "0.1"), ("GM0917", "2021JJ00", "0")])
    assert [(i.row, i.column) for i in check_data_dir(full_copy).issues] == [
        (None, "periode")
    ]
    _synced_ses(full_copy, [("GM0363", "2022JJ00", "0.1"), ("GM9998", "2022JJ00", "0")])
    assert [(i.row, i.column) for i in check_data_dir(full_copy).issues] == [
        (3, "gemeentecode")
    ]


rows_strategy = st.lists(
    st.tuples(
        st.sampled_from(["GM0001", "GM0002", "GM0003"]),
        st.one_of(st.none(), st.integers(-900, 900)),
        st.integers(0, 5000),
    ),
    min_size=1,
    max_size=30,
)


@settings(max_examples=60, deadline=None)
@given(rows_strategy)
def test_mean_lies_between_the_postcode_scores(
    rows: list[tuple[str, int | None, int]],
) -> None:
    """Weighted mean is within [min, max] of the gemeente's scored postcodes; the
    coverage is the scored share of its households."""
    table = CsvTable(schema.SES_WOA_PC4)
    for i, (code, score, households) in enumerate(rows):
        table.rows.append(
            {
                "pc4": f"{1000 + i}",
                "ses_woa_total": None if score is None else score / 1000,
                "n_households": households,
                "gemeente_code_2025_derived": code,
            }
        )
        table.lines.append(i + 2)
    names = {"GM0001": "A", "GM0002": "B", "GM0003": "C"}
    result = aggregate(table, names)
    for code in names:
        scored = [
            (Fraction(s, 1000), n)
            for c, s, n in rows
            if c == code and s is not None and n
        ]
        if not scored:
            assert code in result.suppressed
            continue
        values = [s for s, _ in scored]
        assert min(values) <= result.scores[code] <= max(values)
        total = sum(n for c, _, n in rows if c == code)
        assert result.coverage[code] == Fraction(sum(n for _, n in scored), total)


def test_data_check_cli_names_file_row_and_column(full_copy: Path) -> None:
    import typer
    from typer.testing import CliRunner

    from migratieketen_cli import data_commands

    path = full_copy / PC4
    index = column_index(path, "gemeente_code_2025_derived")
    rewrite_line(path, 7, lambda cells: cells.__setitem__(index, "GM0000"))
    app = typer.Typer()
    data_commands.register(app)
    result = CliRunner().invoke(app, ["data", "check", str(full_copy)])
    assert result.exit_code == 1
    output = " ".join(result.output.split())
    assert (
        f"{PC4}, rij 7, kolom gemeente_code_2025_derived: onbekende gemeentecode GM0000"
        in output
    )
