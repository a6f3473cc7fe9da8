# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""The asylum loaders accept the real files and reject broken ones precisely."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import numpy as np
import pytest

from migratieketen.data import asylum
from migratieketen.data.asylum import AsylumDataError


def test_real_quarterly_series_load(shared_data_dir: Path) -> None:
    first = asylum.load_first_requests_quarterly(shared_data_dir)
    assert first.periods[0] == "2013-Q1" and first.periods[-1] == "2024-Q4"
    assert len(first) == 48
    assert first.value("2015-Q4") == 19600
    # SOURCES.md: CBS yearly sum 2015 = 43.11 thousand.
    assert sum(first.value(f"2015-Q{q}") for q in range(1, 5)) == pytest.approx(43110)
    assert first.provenance.attribution().startswith("Bron: CBS, IND")
    nar = asylum.load_nareizigers_quarterly(shared_data_dir)
    assert nar.periods[-1] == "2024-Q2"  # the series ends early; that is not a gap
    # SOURCES.md: nareizigers 2015 = 13,845 (IND).
    assert sum(nar.value(f"2015-Q{q}") for q in range(1, 5)) == 13845


def test_other_series_load(shared_data_dir: Path) -> None:
    monthly = asylum.load_first_requests_monthly(shared_data_dir)
    assert (monthly.first_period, monthly.last_period, len(monthly)) == (
        "2018-01",
        "2020-03",
        27,
    )
    # Monthly 2018-Q1 sums to 4,150 (SOURCES.md check).
    assert sum(monthly.value(f"2018-0{m}") for m in (1, 2, 3)) == 4150
    yearly = asylum.load_total_inflow_yearly_80059(shared_data_dir)
    assert yearly.value("2015") == 58880
    decisions = asylum.load_unhcr_decisions(shared_data_dir)
    rate = decisions.recognition_rate()
    assert rate.value("2022") == pytest.approx(0.8925, abs=1e-4)
    coa = asylum.load_coa_occupancy(shared_data_dir)
    assert (
        coa.value("2015") == 47636
    )  # NJI 31 Dec preferred over the mid-September value
    assert asylum.load_permits_yearly(shared_data_dir).value("2016") == pytest.approx(
        36685
    )


def _copy_quarterly(
    src: Path, tmp_path: Path
) -> tuple[Path, list[dict[str, str]], list[str]]:
    shutil.copy(src / asylum.QUARTERLY_FILE, tmp_path / asylum.QUARTERLY_FILE)
    with (tmp_path / asylum.QUARTERLY_FILE).open(newline="", encoding="utf-8") as fh:
        reader = csv.DictReader(fh)
        rows = list(reader)
        header = list(reader.fieldnames or [])
    return tmp_path / asylum.QUARTERLY_FILE, rows, header


def _write(path: Path, header: list[str], rows: list[dict[str, str]]) -> None:
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=header)
        writer.writeheader()
        writer.writerows(rows)


def test_gap_is_rejected_with_file_row_and_period(
    shared_data_dir: Path, tmp_path: Path
) -> None:
    path, rows, header = _copy_quarterly(shared_data_dir, tmp_path)
    del rows[10]  # 2015-Q3 disappears
    _write(path, header, rows)
    with pytest.raises(AsylumDataError) as err:
        asylum.load_first_requests_quarterly(tmp_path)
    message = str(err.value)
    assert asylum.QUARTERLY_FILE in message
    assert "rij 12" in message and "2015-Q3 ontbreekt" in message


def test_empty_cell_inside_series_is_a_gap(
    shared_data_dir: Path, tmp_path: Path
) -> None:
    path, rows, header = _copy_quarterly(shared_data_dir, tmp_path)
    rows[20]["first_asylum_requests_approx"] = ""
    _write(path, header, rows)
    with pytest.raises(
        AsylumDataError, match=r"rij 22, kolom 'first_asylum_requests_approx'.*gat"
    ):
        asylum.load_first_requests_quarterly(tmp_path)


def test_negative_count_is_rejected(shared_data_dir: Path, tmp_path: Path) -> None:
    path, rows, header = _copy_quarterly(shared_data_dir, tmp_path)
    rows[5]["following_family_members_persons"] = "-880"
    _write(path, header, rows)
    with pytest.raises(
        AsylumDataError,
        match=r"rij 7, kolom 'following_family_members_persons': negatief",
    ):
        asylum.load_nareizigers_quarterly(tmp_path)


def test_unparseable_period_is_rejected(shared_data_dir: Path, tmp_path: Path) -> None:
    path, rows, header = _copy_quarterly(shared_data_dir, tmp_path)
    rows[3]["period"] = "2013 Q4"
    _write(path, header, rows)
    with pytest.raises(
        AsylumDataError,
        match=r"rij 5, kolom 'periode': '2013 Q4' is geen geldige periode",
    ):
        asylum.load_first_requests_quarterly(tmp_path)


def test_duplicate_and_non_numeric_are_rejected(
    shared_data_dir: Path, tmp_path: Path
) -> None:
    path, rows, header = _copy_quarterly(shared_data_dir, tmp_path)
    rows[4]["period"] = rows[3]["period"]
    _write(path, header, rows)
    with pytest.raises(AsylumDataError, match="dubbel"):
        asylum.load_first_requests_quarterly(tmp_path)
    path, rows, header = _copy_quarterly(shared_data_dir, tmp_path)
    rows[4]["first_asylum_requests_approx"] = "3.260,0"
    _write(path, header, rows)
    with pytest.raises(AsylumDataError, match="geen getal"):
        asylum.load_first_requests_quarterly(tmp_path)


def test_missing_file_and_column(tmp_path: Path, shared_data_dir: Path) -> None:
    with pytest.raises(AsylumDataError, match="niet gevonden"):
        asylum.load_first_requests_quarterly(tmp_path)
    path, rows, header = _copy_quarterly(shared_data_dir, tmp_path)
    header.remove("period")
    for row in rows:
        row.pop("period")
    _write(path, header, rows)
    with pytest.raises(AsylumDataError, match="period"):
        asylum.load_first_requests_quarterly(tmp_path)


def _odata_payload(shared_data_dir: Path) -> dict[str, object]:
    """A TypedDataSet answer of 83102NED built from the real CSV values.

    Field names as in the CBS OData v3 API; besides the national totals it holds a
    nationality row and a monthly row, which the parser must skip.
    """
    first = asylum.load_first_requests_quarterly(shared_data_dir)
    nar = asylum.load_nareizigers_quarterly(shared_data_dir)
    nar_by = dict(zip(nar.periods, nar.values.tolist(), strict=True))
    records: list[dict[str, object]] = []
    for n, (period, value) in enumerate(
        zip(first.periods, first.values.tolist(), strict=True)
    ):
        code = f"{period[:4]}KW0{period[-1]}"
        base = {
            "ID": n,
            "Geslacht": "T001038 ",
            "Leeftijd": "10000  ",
            "Perioden": code,
        }
        records.append(
            {
                **base,
                "Nationaliteit": "T001059  ",
                "TotaalAsielverzoeken_1": None,
                "EersteAsielverzoekenPersonen_2": int(value),
                "VolgendeAsielverzoeken_3": None,
                "NareizigersPersonen_4": None
                if period not in nar_by
                else int(nar_by[period]),
            }
        )
        records.append(
            {**base, "Nationaliteit": "NAT9351  ", "EersteAsielverzoekenPersonen_2": 5}
        )
    records.append(
        {
            "Geslacht": "T001038 ",
            "Leeftijd": "10000  ",
            "Nationaliteit": "T001059  ",
            "Perioden": "2018MM01",
            "EersteAsielverzoekenPersonen_2": 1560,
            "NareizigersPersonen_4": 700,
        }
    )
    return {
        "odata.metadata": "https://opendata.cbs.nl/ODataApi/OData/83102NED/$metadata",
        "value": records,
    }


def test_odata_payload_parses_to_the_same_series(shared_data_dir: Path) -> None:
    payload = _odata_payload(shared_data_dir)
    parsed = asylum.parse_cbs_83102_odata(payload, "eerste_asielverzoeken", "Q")
    csv_series = asylum.load_first_requests_quarterly(shared_data_dir)
    assert parsed.periods == csv_series.periods
    np.testing.assert_array_equal(parsed.values, csv_series.values)
    assert "83102NED" in parsed.provenance.attribution()
    nar = asylum.parse_cbs_83102_odata(payload, "nareizigers", "Q")
    assert nar.last_period == "2024-Q2"  # trailing nulls end the series
    monthly = asylum.parse_cbs_83102_odata(payload, "nareizigers", "M")
    assert monthly.periods == ("2018-01",) and monthly.values[0] == 700


def test_odata_bad_period_and_negative(shared_data_dir: Path) -> None:
    payload = _odata_payload(shared_data_dir)
    records = payload["value"]
    assert isinstance(records, list)
    records[0]["Perioden"] = "2013KW05"
    with pytest.raises(AsylumDataError, match=r"record 1, veld 'Perioden': '2013KW05'"):
        asylum.parse_cbs_83102_odata(payload)
    records[0]["Perioden"] = "2013KW01"
    records[4]["EersteAsielverzoekenPersonen_2"] = -1
    with pytest.raises(AsylumDataError, match="record 5.*negatief"):
        asylum.parse_cbs_83102_odata(payload)
    with pytest.raises(AsylumDataError, match="value"):
        asylum.parse_cbs_83102_odata({"rows": []})


def test_odata_query_url_filters_national_totals() -> None:
    url = asylum.odata_query_url()
    assert url.startswith(
        "https://opendata.cbs.nl/ODataApi/OData/83102NED/TypedDataSet?"
    )
    assert "startswith(Nationaliteit,'T001059')" in url and " " not in url


@pytest.mark.parametrize(
    "field", ["TotaalAsielverzoeken_1", "TotaalAsielverzoekenEnNareizigers_1"]
)
def test_odata_total_accepts_both_cbs_field_names(field: str) -> None:
    """83102NED clients use TotaalAsielverzoeken_1; its sister table 80059NED names the
    total TotaalAsielverzoekenEnNareizigers_1. Either is read."""
    record = {
        "Geslacht": "T001038 ",
        "Leeftijd": "10000  ",
        "Nationaliteit": "T001059  ",
        "Perioden": "2020JJ00",
        field: 19000,
    }
    series = asylum.parse_cbs_83102_odata(
        {"value": [record]}, "totaal_asielverzoeken", "Y"
    )
    assert series.periods == ("2020",) and series.values[0] == 19000
    record.pop(field)
    with pytest.raises(AsylumDataError, match="TotaalAsielverzoeken_1 of"):
        asylum.parse_cbs_83102_odata({"value": [record]}, "totaal_asielverzoeken", "Y")
