# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Corrupted copies of the real data: each fails with a message naming file/row/column.

Each test copies the real folder into tmp_path, alters one thing, and checks that
load_dataset raises (nothing half-loaded) with the specific Dutch message.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from data_support import column_index, drop_column, rewrite_line

from migratieketen.data import (
    DataIssue,
    DataValidationError,
    check_data_dir,
    load_dataset,
)


def _issues(path: Path) -> list[DataIssue]:
    with pytest.raises(DataValidationError) as exc_info:
        load_dataset(path)
    report = check_data_dir(path)
    assert not report.ok
    assert [str(i) for i in report.issues] == [str(i) for i in exc_info.value.issues]
    return exc_info.value.issues


def _texts(path: Path) -> list[str]:
    return [str(i) for i in _issues(path)]


def test_non_numeric_population(data_copy: Path) -> None:
    path = data_copy / "gemeenten_2024.csv"
    col = column_index(path, "inwoners_2024")

    def edit(cells: list[str]) -> None:
        cells[col] = "abc"

    rewrite_line(path, 12, edit)
    assert _texts(data_copy) == [
        "gemeenten_2024.csv, rij 12, kolom inwoners_2024: 'abc' is geen geheel getal"
    ]


def test_duplicate_code(data_copy: Path) -> None:
    path = data_copy / "gemeenten_2024.csv"

    def edit(cells: list[str]) -> None:
        cells[0] = "GM0014"  # the code of line 2 (Groningen)

    rewrite_line(path, 12, edit)
    assert (
        "gemeenten_2024.csv, rij 12, kolom gemeentecode: code GM0014 komt dubbel "
        "voor (ook in rij 2)"
    ) in _texts(data_copy)


def test_missing_column(data_copy: Path) -> None:
    drop_column(
        data_copy / "gemeenten_kwb2022_indicatoren.csv", "pct_huurwoningen_corporatie"
    )
    assert _texts(data_copy) == [
        "gemeenten_kwb2022_indicatoren.csv, rij 1, kolom pct_huurwoningen_corporatie: "
        "verplichte kolom ontbreekt"
    ]


def test_percentage_out_of_range(data_copy: Path) -> None:
    path = data_copy / "gemeenten_kwb2022_indicatoren.csv"
    col = column_index(path, "pct_netto_arbeidsparticipatie")

    def edit(cells: list[str]) -> None:
        cells[col] = "640"

    rewrite_line(path, 5, edit)
    assert _texts(data_copy) == [
        "gemeenten_kwb2022_indicatoren.csv, rij 5, kolom "
        "pct_netto_arbeidsparticipatie: 640 ligt niet tussen 0 en 100 (procent)"
    ]


def test_wrong_national_total(data_copy: Path) -> None:
    path = data_copy / "gemeenten_2024.csv"
    pop, men = column_index(path, "inwoners_2024"), column_index(path, "mannen")

    def edit(cells: list[str]) -> None:
        cells[pop] = str(int(cells[pop]) + 1000)
        cells[men] = str(int(cells[men]) + 1000)

    rewrite_line(path, 7, edit)
    texts = _texts(data_copy)
    assert (
        "gemeenten_2024.csv, kolom inwoners_2024: som is 17.943.942, maar het "
        "landelijk totaal op 1 januari 2024 is 17.942.942 (verschil +1000; bron: CBS, "
        "bevolking op 1 januari 2024 (Kerncijfers wijken en buurten 2024, Nederland))"
    ) in texts


def test_sex_sum_mismatch_names_the_row(data_copy: Path) -> None:
    path = data_copy / "gemeenten_2023.csv"
    men = column_index(path, "mannen")

    def edit(cells: list[str]) -> None:
        cells[men] = str(int(cells[men]) - 5)

    rewrite_line(path, 3, edit)
    texts = _texts(data_copy)
    assert any(
        t.startswith("gemeenten_2023.csv, rij 3, kolom inwoners_2023: mannen + vrouwen")
        for t in texts
    )


def test_broken_geojson(data_copy: Path) -> None:
    path = data_copy / "gemeenten_2024.geojson"
    path.write_bytes(path.read_bytes()[:-200])
    texts = _texts(data_copy)
    assert len(texts) == 1
    assert texts[0].startswith("gemeenten_2024.geojson: geen geldige JSON:")


def test_invalid_geometry_names_the_feature(data_copy: Path) -> None:
    path = data_copy / "gemeenten_2024.geojson"
    doc = json.loads(path.read_text(encoding="utf-8"))
    # a bow-tie: self-intersecting ring
    doc["features"][4]["geometry"] = {
        "type": "Polygon",
        "coordinates": [
            [[5.0, 52.0], [5.1, 52.1], [5.1, 52.0], [5.0, 52.1], [5.0, 52.0]]
        ],
    }
    code = doc["features"][4]["properties"]["gemeentecode"]
    path.write_text(json.dumps(doc), encoding="utf-8")
    texts = _texts(data_copy)
    assert len(texts) == 1
    assert texts[0].startswith(
        f"gemeenten_2024.geojson, rij 5, kolom geometry: {code}: ongeldige geometrie"
    )
    assert "Self-intersection" in texts[0]


def test_rd_coordinates_are_refused(data_copy: Path) -> None:
    path = data_copy / "provincies.geojson"
    doc = json.loads(path.read_text(encoding="utf-8"))
    doc["features"][0]["geometry"] = {
        "type": "Polygon",
        "coordinates": [[[120000, 480000], [121000, 480000], [121000, 481000],
                         [120000, 480000]]],
    }  # fmt: skip
    path.write_text(json.dumps(doc), encoding="utf-8")
    assert _texts(data_copy) == [
        "provincies.geojson, rij 1, kolom geometry: PV20: coördinaten buiten "
        "Nederland (verwacht WGS84 lon/lat)"
    ]


def test_geojson_code_not_in_csv(data_copy: Path) -> None:
    path = data_copy / "gemeenten_2024.geojson"
    doc = json.loads(path.read_text(encoding="utf-8"))
    old = doc["features"][0]["properties"]["gemeentecode"]
    doc["features"][0]["properties"]["gemeentecode"] = "GM9999"
    path.write_text(json.dumps(doc), encoding="utf-8")
    texts = _texts(data_copy)
    assert (
        f"gemeenten_2024.geojson, kolom gemeentecode: geen geometrie voor {old} uit "
        "gemeenten_2024.csv"
    ) in texts
    assert (
        "gemeenten_2024.geojson, rij 1, kolom gemeentecode: GM9999 staat niet in "
        "gemeenten_2024.csv"
    ) in texts


def test_wijk_of_unknown_gemeente(data_copy: Path) -> None:
    path = data_copy / "wijken_2024.csv"
    col = column_index(path, "gemeentecode")

    def edit(cells: list[str]) -> None:
        cells[col] = "GM9998"

    rewrite_line(path, 40, edit)
    assert "wijken_2024.csv, rij 40, kolom gemeentecode: onbekende gemeente GM9998" in (
        _texts(data_copy)
    )


def test_unknown_2022_code(data_copy: Path) -> None:
    path = data_copy / "gemeenten_kwb2022_indicatoren.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    row = next(i for i, ln in enumerate(lines) if ln.startswith("GM0457,"))

    def edit(cells: list[str]) -> None:
        cells[0] = "GM0001"

    rewrite_line(path, row + 1, edit)
    texts = _texts(data_copy)
    assert (
        f"gemeenten_kwb2022_indicatoren.csv, rij {row + 1}, kolom gemeentecode_2022: "
        "GM0001 bestaat niet in 2024 en staat niet in de herindelingstabel"
    ) in texts


def test_missing_file(data_copy: Path) -> None:
    (data_copy / "wijken_2024.csv").unlink()
    assert _texts(data_copy) == [f"wijken_2024.csv: bestand ontbreekt in {data_copy}"]


def test_a_good_load_is_not_reused_after_corruption(data_copy: Path) -> None:
    assert len(load_dataset(data_copy).gemeenten) == 342
    path = data_copy / "gemeenten_2024.csv"
    col = column_index(path, "inwoners_2024")

    def edit(cells: list[str]) -> None:
        cells[col] = "12x"

    rewrite_line(path, 2, edit)
    with pytest.raises(DataValidationError):
        load_dataset(data_copy)
