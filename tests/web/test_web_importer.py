# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Importer: bad data fails with the specific error and leaves the database as it was."""

from __future__ import annotations

import dataclasses
import io
import json
from collections.abc import Callable
from pathlib import Path

from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import IntegrityError

import pytest
from web_support import Rows, copy_data_dir, db_state, edit_csv

from migratieketen.data import DataValidationError, load_dataset
from migratieketen.data.model import Wijk
from migratieketen_web.gemeenten.importer import (
    GeometryImportError,
    data_checksum,
    import_data_dir,
    import_dataset,
)
from migratieketen_web.gemeenten.models import DataVintage, Gemeente

pytestmark = pytest.mark.django_db

GEMEENTEN = "gemeenten_2024.csv"


def _column(rows: Rows, name: str) -> int:
    return rows[0].index(name)


def duplicate_code(d: Path) -> None:
    def change(rows: Rows) -> Rows:
        rows[2][0] = rows[1][0]
        return rows

    edit_csv(d / GEMEENTEN, change)


def missing_column(d: Path) -> None:
    def change(rows: Rows) -> Rows:
        i = _column(rows, "inwoners_2024")
        return [r[:i] + r[i + 1 :] for r in rows]

    edit_csv(d / GEMEENTEN, change)


def non_numeric_population(d: Path) -> None:
    def change(rows: Rows) -> Rows:
        rows[1][_column(rows, "inwoners_2024")] = "veel"
        return rows

    edit_csv(d / GEMEENTEN, change)


def wrong_total(d: Path) -> None:
    def change(rows: Rows) -> Rows:
        i = _column(rows, "inwoners_2024")
        rows[5][i] = str(int(rows[5][i]) + 1000)
        return rows

    edit_csv(d / GEMEENTEN, change)


def truncated_geojson(d: Path) -> None:
    path = d / "gemeenten_2024.geojson"
    path.write_text(path.read_text(encoding="utf-8")[:5000], encoding="utf-8")


def unreadable_geometry(d: Path) -> None:
    path = d / "gemeenten_2024.geojson"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["features"][0]["geometry"] = {"type": "Polygon", "coordinates": [[[5.0, "x"]]]}
    path.write_text(json.dumps(data), encoding="utf-8")


PC4 = "cbs_ses_woa_pc4_2022.csv"


def _edit_pc4(d: Path, column: str, value: str) -> None:
    def change(rows: Rows) -> Rows:
        rows[2][_column(rows, column)] = value
        return rows

    edit_csv(d / PC4, change)


def ses_score_not_a_number(d: Path) -> None:
    _edit_pc4(d, "ses_woa_total", "hoog")


def ses_unknown_gemeente(d: Path) -> None:
    _edit_pc4(d, "gemeente_code_2025_derived", "GM9999")


def ses_duplicate_postcode(d: Path) -> None:
    edit_csv(d / PC4, lambda rows: [*rows, rows[3]])


CASES: list[tuple[Callable[[Path], None], str, str | None, str]] = [
    (ses_score_not_a_number, PC4, "ses_woa_total", "geen getal"),
    (ses_unknown_gemeente, PC4, "gemeente_code_2025_derived", "onbekende gemeentecode"),
    (ses_duplicate_postcode, PC4, "pc4", "komt dubbel voor"),
    (duplicate_code, GEMEENTEN, "gemeentecode", "dubbel"),
    (missing_column, GEMEENTEN, "inwoners_2024", "ontbreekt"),
    (non_numeric_population, GEMEENTEN, "inwoners_2024", "geen geheel getal"),
    (wrong_total, GEMEENTEN, "inwoners_2024", "landelijk totaal"),
    (truncated_geojson, "gemeenten_2024.geojson", None, "geen geldige JSON"),
    (unreadable_geometry, "gemeenten_2024.geojson", "geometry", "geometrie"),
]


@pytest.mark.parametrize(
    ("corrupt", "file", "column", "message"), CASES, ids=[c[0].__name__ for c in CASES]
)
def test_bad_data_fails_with_specific_issue_and_changes_nothing(
    shared_data_dir: Path,
    tmp_path: Path,
    corrupt: Callable[[Path], None],
    file: str,
    column: str | None,
    message: str,
) -> None:
    data_dir = copy_data_dir(shared_data_dir, tmp_path / "data")
    corrupt(data_dir)
    before = db_state()
    with pytest.raises(DataValidationError) as caught:
        import_data_dir(data_dir)
    assert any(
        issue.file == file and issue.column == column and message in issue.message
        for issue in caught.value.issues
    ), [str(i) for i in caught.value.issues]
    assert db_state() == before


def test_missing_shape_fails_before_writing(shared_data_dir: Path) -> None:
    dataset = load_dataset(shared_data_dir)
    geometry = dict(dataset.gemeente_geometry)
    del geometry["GM0363"]
    broken = dataclasses.replace(dataset, gemeente_geometry=geometry)
    before = db_state()
    with pytest.raises(GeometryImportError, match="GM0363"):
        import_dataset(broken, shared_data_dir, "x" * 64)
    assert db_state() == before


def test_failure_inside_the_transaction_rolls_everything_back(
    shared_data_dir: Path,
) -> None:
    """A database error while writing the last table (wijken) undoes the earlier ones."""
    dataset = load_dataset(shared_data_dir)
    first = dataset.wijken[0]
    bad_wijk = Wijk(first.code, first.name, first.gemeente_code, population=-5)
    renamed = tuple(
        dataclasses.replace(g, name=f"{g.name} (gewijzigd)") for g in dataset.gemeenten
    )
    broken = dataclasses.replace(
        dataset, gemeenten=renamed, wijken=(bad_wijk, *dataset.wijken[1:])
    )
    before = db_state()
    with pytest.raises(IntegrityError):
        import_dataset(broken, shared_data_dir, "y" * 64)
    assert db_state() == before
    assert Gemeente.objects.get(code="GM0363").name == "Amsterdam"


def test_reimport_keeps_identity_and_records_a_vintage(shared_data_dir: Path) -> None:
    amsterdam = Gemeente.objects.get(code="GM0363")
    before = db_state()
    result = import_data_dir(shared_data_dir)
    after = db_state()
    assert after["vintages"] == before["vintages"] + 1  # type: ignore[operator]
    assert after["checksum"] == before["checksum"] == data_checksum(shared_data_dir)
    for key in ("gemeenten", "wijken", "provinces", "values", "population"):
        assert after[key] == before[key]
    assert (result.gemeenten, result.wijken, result.provinces) == (342, 3474, 12)
    again = Gemeente.objects.get(code="GM0363")
    assert (again.pk, again.uuid) == (amsterdam.pk, amsterdam.uuid)
    assert DataVintage.objects.order_by("-pk").first() == result.vintage


def test_checksum_follows_the_file_contents(
    shared_data_dir: Path, tmp_path: Path
) -> None:
    data_dir = copy_data_dir(shared_data_dir, tmp_path / "data")
    assert data_checksum(data_dir) == data_checksum(shared_data_dir)
    non_numeric_population(data_dir)
    assert data_checksum(data_dir) != data_checksum(shared_data_dir)


def test_management_command_reports_issues_and_changes_nothing(
    shared_data_dir: Path, tmp_path: Path
) -> None:
    data_dir = copy_data_dir(shared_data_dir, tmp_path / "data")
    duplicate_code(data_dir)
    before = db_state()
    errors = io.StringIO()
    with pytest.raises(CommandError, match="Niets ingelezen"):
        call_command("import_open_data", str(data_dir), stderr=errors)
    assert "komt dubbel voor" in errors.getvalue()
    assert db_state() == before
