# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Loading the real shared data folder: counts, totals, provenance, caching."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import pytest

from migratieketen.data import (
    NATIONAL_TOTALS,
    DataDirError,
    DataValidationError,
    check_data_dir,
    default_data_dir,
    load_dataset,
    load_wijk_geometry,
)
from migratieketen.data.sources import KWB_TABLE_IDS


def test_real_folder_loads_completely(shared_data_dir: Path) -> None:
    ds = load_dataset(shared_data_dir)
    assert ds.division_year == 2024
    assert len(ds.gemeenten) == 342
    assert len(ds.provinces) == 12
    assert len(ds.wijken) == 3474
    assert len(ds.gemeente_geometry) == 342
    assert len(ds.province_geometry) == 12
    assert len(ds.province_legal_geometry) == 12
    assert ds.province_legal_provenance is not None
    assert ds.province_legal_provenance.publisher == "Kadaster"
    for year in (2025, 2024, 2023, 2022):
        assert ds.national_population(year) == NATIONAL_TOTALS[year].population


def test_known_figures(shared_data_dir: Path) -> None:
    ds = load_dataset(shared_data_dir)
    amsterdam = ds.gemeente("GM0363")
    assert amsterdam.population[2024] == 931_298
    assert amsterdam.population[2023] == 918_117
    assert amsterdam.province_code == "PV27"
    provinces = {p.code: p.name for p in ds.provinces}
    assert provinces["PV21"] == "Fryslân"
    per_province: dict[str, int] = {}
    for g in ds.gemeenten:
        per_province[g.province_code] = per_province.get(g.province_code, 0) + 1
    assert per_province == {
        "PV20": 10, "PV21": 18, "PV22": 12, "PV23": 25, "PV24": 6, "PV25": 51,
        "PV26": 26, "PV27": 44, "PV28": 50, "PV29": 13, "PV30": 56, "PV31": 31,
    }  # fmt: skip
    zh = sum(g.population[2024] for g in ds.gemeenten if g.province_code == "PV28")
    assert zh == 3_840_460
    stock = sum(g.indicators["woningvoorraad"] or 0 for g in ds.gemeenten)
    assert stock == 8_125_229


def test_every_indicator_has_provenance(shared_data_dir: Path) -> None:
    ds = load_dataset(shared_data_dir)
    keys = {i.key for i in ds.indicators}
    assert len(keys) == len(ds.indicators)
    assert {
        "woningvoorraad",
        "pct_huurwoningen",
        "pct_huurwoningen_corporatie",
        "pct_netto_arbeidsparticipatie",
        "gem_inkomen_per_inwoner_x1000_eur",
        "gem_gestandaardiseerd_hh_inkomen_x1000_eur",
        "stedelijkheid_1_5",
        "bevolkingsdichtheid_per_km2",
        "pct_koopwoningen",
        "gem_woz_waarde_x1000_eur",
        "gem_huishoudensgrootte",
        "pct_65plus",
        "pct_herkomst_buiten_europa",
    } <= keys
    for ind in ds.indicators:
        p = ind.provenance
        year = int(p.title.rsplit(" ", 1)[1])
        assert p.publisher == "CBS"
        assert p.title == f"Kerncijfers wijken en buurten {year}"
        assert p.table_id == KWB_TABLE_IDS[year]
        assert p.reference_date == date(year, 1, 1)
        assert p.licence == "CC BY 4.0"
        assert p.table_id in p.url
        assert ind.label_nl and ind.label_en and ind.unit
        assert "Bron: CBS" in p.attribution()
    # every gemeente carries every indicator key (value may be None)
    for g in ds.gemeenten:
        assert set(g.indicators) == keys
    for year, prov in ds.population_provenance.items():
        # 1-1-2025 comes from Regionale kerncijfers (70072NED), the others from KWB
        assert prov.table_id == ("70072NED" if year == 2025 else KWB_TABLE_IDS[year])


def test_indicator_values_match_source_files(shared_data_dir: Path) -> None:
    ds = load_dataset(shared_data_dir)
    with (shared_data_dir / "gemeenten_kwb2022_indicatoren.csv").open() as fh:
        kwb = {r["gemeentecode_2022"]: r for r in csv.DictReader(fh)}
    ams = ds.gemeente("GM0363").indicators
    # Amsterdam is 2022 Amsterdam + Weesp, so close to (not equal to) its own 40 / 64
    assert ams["pct_huurwoningen_corporatie"] == pytest.approx(40, abs=0.5)
    assert ams["pct_netto_arbeidsparticipatie"] == pytest.approx(64, abs=0.5)
    groningen = ds.gemeente("GM0014").indicators
    assert groningen["pct_netto_arbeidsparticipatie"] == float(
        kwb["GM0014"]["pct_netto_arbeidsparticipatie"]
    )
    values = [
        g.indicators["pct_huurwoningen_corporatie"]
        for g in ds.gemeenten
        if g.indicators["pct_huurwoningen_corporatie"] is not None
    ]
    assert min(values) >= 0 and max(values) <= 44


def test_wijken_belong_to_gemeenten(shared_data_dir: Path) -> None:
    ds = load_dataset(shared_data_dir)
    codes = {g.code for g in ds.gemeenten}
    assert all(w.gemeente_code in codes for w in ds.wijken)
    assert sum(1 for w in ds.wijken if w.population is None) == 81
    assert sum(w.population or 0 for w in ds.wijken) == 17_942_715
    assert ds.wijk_provenance.table_id == "85984NED"


def test_load_is_cached_and_reloads_after_change(data_copy: Path) -> None:
    first = load_dataset(data_copy)
    assert load_dataset(data_copy) is first
    path = data_copy / "gemeenten_2024.csv"
    path.write_text(path.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    second = load_dataset(data_copy)
    assert second is not first
    assert second.gemeenten == first.gemeenten


def test_check_data_dir_reports_ok_with_counts(shared_data_dir: Path) -> None:
    report = check_data_dir(shared_data_dir)
    assert report.ok, report.issues
    assert report.counts["gemeenten"] == 342
    assert report.counts["wijken"] == 3474
    # the real provincies_land file has zero-area slivers that are dropped on read
    assert any("zonder oppervlak" in n for n in report.notes)


def test_default_data_dir(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("MIGRATIEKETEN_DATA_DIR", raising=False)
    with pytest.raises(DataDirError, match="niet ingesteld"):
        default_data_dir()
    monkeypatch.setenv("MIGRATIEKETEN_DATA_DIR", str(tmp_path / "nergens"))
    with pytest.raises(DataDirError, match="bestaat niet"):
        default_data_dir()
    monkeypatch.setenv("MIGRATIEKETEN_DATA_DIR", str(tmp_path))
    assert default_data_dir() == tmp_path


def test_wijk_geometry_on_demand(shared_data_dir: Path, data_copy: Path) -> None:
    geometry = load_wijk_geometry(shared_data_dir)
    assert len(geometry) == 3474
    assert geometry["WK0363AA"]["type"] in ("Polygon", "MultiPolygon")
    # data_copy holds only the files load_dataset needs: the wijk file is missing
    with pytest.raises(
        DataValidationError, match="wijken_2024.geojson: bestand ontbreekt"
    ):
        load_wijk_geometry(data_copy)
