# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Load the open-data folder into a validated DataSet: all of it, or an error.

The parse is cached per folder and file modification times, so the web layer and the
CLI can call `load_dataset` freely; a changed file is re-read and re-validated.
"""

from __future__ import annotations

import functools
import os
from dataclasses import dataclass, field
from pathlib import Path

from migratieketen.data import schema
from migratieketen.data.csvtable import Cell, CsvTable, read_csv
from migratieketen.data.extra_tables import ExtraTables, parse_extra_tables
from migratieketen.data.geojson import GeoLayer, read_geojson
from migratieketen.data.indicators import (
    POP,
    WIJK_INDICATOR_KEYS,
    indicators,
    specs_for_year,
)
from migratieketen.data.issues import DataValidationError, IssueList
from migratieketen.data.model import DataSet, Gemeente, Province, Wijk
from migratieketen.data.provenance import Provenance
from migratieketen.data.reorganisations import (
    Aggregation,
    ReorganisationError,
    to_current_division,
)
from migratieketen.data.sources import (
    geometry_provenance,
    kwb_provenance,
    population_2025_provenance,
    province_legal_provenance,
)
from migratieketen.data.validation import (
    check_kwb2022_codes,
    check_layer_codes,
    check_national_total,
    check_previous_year,
    check_provinces,
    check_same_codes,
    check_sex_sum,
    check_wijken,
)

ENV_DATA_DIR = "MIGRATIEKETEN_DATA_DIR"
# Shares/averages of a merged gemeente are computed when the parts with a value carry
# at least this share of the weight (see to_current_division).
MEAN_COVERAGE = 0.95


class DataDirError(FileNotFoundError):
    """The data folder is not configured or does not exist (message in Dutch)."""


def default_data_dir() -> Path:
    """The data folder from env MIGRATIEKETEN_DATA_DIR; clear error when unset/missing."""
    value = os.environ.get(ENV_DATA_DIR, "").strip()
    if not value:
        raise DataDirError(
            f"{ENV_DATA_DIR} is niet ingesteld. Zet deze omgevingsvariabele op de map "
            "met open data (bijvoorbeeld ../shared/data), of haal de data op met "
            "'migratieketen data sync --naar MAP'."
        )
    path = Path(value).expanduser()
    if not path.is_dir():
        raise DataDirError(
            f"{ENV_DATA_DIR} wijst naar {path}, maar die map bestaat niet."
        )
    return path


@dataclass(slots=True)
class ParsedFolder:
    gemeenten: CsvTable
    gemeenten_prev: CsvTable
    kwb2022: CsvTable
    wijken: CsvTable
    gemeente_layer: GeoLayer
    province_land_layer: GeoLayer
    province_legal_layer: GeoLayer
    province_names: dict[str, str]
    kwb2022_current: dict[str, dict[str, Cell | float]]
    wijk_layer: GeoLayer | None = None
    extra: ExtraTables = field(default_factory=ExtraTables)


def parse_folder(
    path: Path, issues: IssueList, *, include_optional: bool = False
) -> ParsedFolder | None:
    """Read and check every file; all problems go to `issues`. None if any."""
    if not path.is_dir():
        issues.add(str(path), None, None, "map bestaat niet")
        return None
    gem = read_csv(path / schema.GEMEENTEN_2024.filename, schema.GEMEENTEN_2024, issues)
    prev = read_csv(
        path / schema.GEMEENTEN_2023.filename, schema.GEMEENTEN_2023, issues
    )
    kwb = read_csv(path / schema.KWB_2022.filename, schema.KWB_2022, issues)
    wijken = read_csv(path / schema.WIJKEN_2024.filename, schema.WIJKEN_2024, issues)
    layers = [
        read_geojson(path / spec.filename, spec, issues)
        for spec in schema.GEOJSON_FILES
    ]
    wijk_layer = None
    if include_optional and (path / schema.WIJKEN_GEOJSON.filename).exists():
        wijk_layer = read_geojson(
            path / schema.WIJKEN_GEOJSON.filename, schema.WIJKEN_GEOJSON, issues
        )
    gem_layer, land_layer, legal_layer = layers
    if (
        issues
        or gem is None
        or prev is None
        or kwb is None
        or wijken is None
        or gem_layer is None
        or land_layer is None
        or legal_layer is None
    ):
        return None

    check_national_total(gem, "inwoners_2024", 2024, issues)
    check_national_total(gem, "inwoners_2023", 2023, issues)
    check_national_total(prev, "inwoners_2023", 2023, issues)
    check_national_total(kwb, "inwoners_2022", 2022, issues)
    check_sex_sum(gem, "inwoners_2024", issues)
    check_sex_sum(prev, "inwoners_2023", issues)
    check_same_codes(gem, prev, issues)
    check_previous_year(gem, prev, issues)
    codes = set(gem.by_key())
    check_kwb2022_codes(kwb, codes, issues)
    check_wijken(wijken, gem, issues)
    check_layer_codes(gem_layer, codes, gem.spec.filename, issues)
    _check_gemeente_properties(gem, gem_layer, issues)
    names = check_provinces(gem, land_layer, issues)
    check_layer_codes(legal_layer, names, gem.spec.filename, issues)
    if wijk_layer is not None:
        check_layer_codes(wijk_layer, wijken.by_key(), wijken.spec.filename, issues)
    extra = parse_extra_tables(path, gem, issues)
    current: dict[str, dict[str, Cell | float]] = {}
    if not issues:
        try:
            current = _kwb2022_to_current(kwb, codes)
        except ReorganisationError as exc:
            issues.add(kwb.spec.filename, None, kwb.spec.key, str(exc))
    if issues:
        return None
    return ParsedFolder(
        gem,
        prev,
        kwb,
        wijken,
        gem_layer,
        land_layer,
        legal_layer,
        names,
        current,
        wijk_layer,
        extra,
    )


def _check_gemeente_properties(
    table: CsvTable, layer: GeoLayer, issues: IssueList
) -> None:
    for code, row in table.by_key().items():
        props = layer.properties.get(code)
        if props is None:
            continue
        for prop in ("gemeentenaam", "provinciecode"):
            if prop in props and props[prop] != row.get(prop):
                issues.add(
                    layer.spec.filename,
                    layer.feature_no[code],
                    prop,
                    f"{code}: '{props[prop]}' wijkt af van {table.spec.filename} "
                    f"('{row.get(prop)}')",
                )


def kwb2022_rules() -> dict[str, Aggregation]:
    """Aggregation rules for the KWB 2022 columns, population weight = inwoners_2022."""
    rules = {"inwoners_2022": Aggregation("sum")}
    for spec in specs_for_year(2022):
        agg = spec.aggregation
        weight = "inwoners_2022" if agg.weight == POP else agg.weight
        rules[spec.key] = Aggregation(agg.kind, weight)
    return rules


def _kwb2022_to_current(
    kwb: CsvTable, codes: set[str]
) -> dict[str, dict[str, Cell | float]]:
    rows: dict[str, dict[str, float | int | None]] = {
        code: {
            k: v
            for k, v in row.items()
            if v is None or (isinstance(v, int | float) and not isinstance(v, bool))
        }
        for code, row in kwb.by_key().items()
    }
    mapped = to_current_division(
        rows, kwb2022_rules(), current_codes=codes, min_coverage=MEAN_COVERAGE
    )
    return {code: dict(values) for code, values in mapped.items()}


def _num(value: Cell | float) -> float | None:
    if value is None or isinstance(value, str | bool):
        return None
    return value


def build_dataset(parsed: ParsedFolder) -> DataSet:
    prev = parsed.gemeenten_prev.by_key()
    specs_2024 = specs_for_year(2024)
    specs_2023 = specs_for_year(2023)
    specs_2022 = specs_for_year(2022)
    gemeenten: list[Gemeente] = []
    for row in sorted(parsed.gemeenten.rows, key=lambda r: str(r["gemeentecode"])):
        code = str(row["gemeentecode"])
        old = prev[code]
        mapped = parsed.kwb2022_current.get(code, {})
        population = {
            2024: int(row["inwoners_2024"]),  # type: ignore[arg-type]
            2023: int(row["inwoners_2023"]),  # type: ignore[arg-type]
        }
        pop_2022 = _num(mapped.get("inwoners_2022"))
        if pop_2022 is not None:
            population[2022] = int(round(pop_2022))
        if code in parsed.extra.population_2025:
            population[2025] = parsed.extra.population_2025[code]
        values: dict[str, float | None] = {}
        values.update({s.key: _num(row.get(s.key)) for s in specs_2024})
        values.update({s.key: _num(old.get(s.key)) for s in specs_2023})
        values.update({s.key: _num(mapped.get(s.key)) for s in specs_2022})
        gemeenten.append(
            Gemeente(
                code=code,
                name=str(row["gemeentenaam"]),
                province_code=str(row["provinciecode"]),
                population=population,
                indicators=values,
            )
        )
    wijken = tuple(
        Wijk(
            code=str(r["wijkcode"]),
            name=str(r["wijknaam"]),
            gemeente_code=str(r["gemeentecode"]),
            population=r["inwoners_2024"]
            if isinstance(r["inwoners_2024"], int)
            else None,
            indicators={k: _num(r.get(k)) for k in WIJK_INDICATOR_KEYS},
        )
        for r in sorted(parsed.wijken.rows, key=lambda r: str(r["wijkcode"]))
    )
    provinces = tuple(
        Province(code, name) for code, name in sorted(parsed.province_names.items())
    )
    return DataSet(
        division_year=schema.DIVISION_YEAR,
        provinces=provinces,
        gemeenten=tuple(gemeenten),
        wijken=wijken,
        indicators=indicators(),
        population_provenance=_population_provenance(parsed.extra),
        gemeente_geometry=dict(parsed.gemeente_layer.geometry),
        province_geometry=dict(parsed.province_land_layer.geometry),
        geometry_provenance=geometry_provenance(schema.DIVISION_YEAR),
        wijk_provenance=kwb_provenance(schema.DIVISION_YEAR),
        province_legal_geometry=dict(parsed.province_legal_layer.geometry),
        province_legal_provenance=province_legal_provenance(schema.DIVISION_YEAR),
        ses_woa=dict(parsed.extra.ses_woa),
        origin=parsed.extra.origin,
    )


def _population_provenance(extra: ExtraTables) -> dict[int, Provenance]:
    out = {y: kwb_provenance(y) for y in (2024, 2023, 2022)}
    if extra.population_2025:
        out[2025] = population_2025_provenance()
    return out


def _stamp(path: Path) -> tuple[tuple[str, int, int], ...]:
    csv_specs = (*schema.CSV_FILES, *schema.OPTIONAL_CSV_FILES)
    names = [s.filename for s in csv_specs] + [s.filename for s in schema.GEOJSON_FILES]
    out = []
    for name in names:
        try:
            st = (path / name).stat()
        except OSError:
            out.append((name, -1, -1))
        else:
            out.append((name, st.st_mtime_ns, st.st_size))
    return tuple(out)


@functools.lru_cache(maxsize=8)
def _load_cached(path: str, stamp: tuple[tuple[str, int, int], ...]) -> DataSet:
    issues = IssueList()
    parsed = parse_folder(Path(path), issues)
    if parsed is None:
        raise DataValidationError(list(issues))
    return build_dataset(parsed)


def load_dataset(data_dir: Path | str) -> DataSet:
    """The validated DataSet of `data_dir`, or DataValidationError listing every issue.

    Cached per folder and file mtimes/sizes: treat the result as read-only.
    """
    path = Path(data_dir).expanduser().resolve()
    return _load_cached(str(path), _stamp(path))


def clear_cache() -> None:
    _load_cached.cache_clear()
    _wijk_geometry_cached.cache_clear()


@functools.lru_cache(maxsize=4)
def _wijk_geometry_cached(
    path: str, stamp: tuple[int, int]
) -> dict[str, dict[str, object]]:
    folder = Path(path)
    dataset = load_dataset(folder)
    issues = IssueList()
    layer = read_geojson(
        folder / schema.WIJKEN_GEOJSON.filename, schema.WIJKEN_GEOJSON, issues
    )
    if layer is not None:
        check_layer_codes(
            layer, [w.code for w in dataset.wijken], schema.WIJKEN_2024.filename, issues
        )
    if issues or layer is None:
        raise DataValidationError(list(issues))
    return dict(layer.geometry)


def load_wijk_geometry(data_dir: Path | str) -> dict[str, dict[str, object]]:
    """Validated wijk polygons (wijkcode -> GeoJSON geometry), loaded on demand.

    Kept out of `load_dataset` because the file is large (2.5 MB) and only wijk maps
    need it; the polygons include water areas (PDOK, CBS Wijk- en Buurtkaart). Cached like the
    DataSet; raises DataValidationError when the file is missing or invalid.
    """
    path = Path(data_dir).expanduser().resolve()
    try:
        st = (path / schema.WIJKEN_GEOJSON.filename).stat()
        stamp = (st.st_mtime_ns, st.st_size)
    except OSError:
        stamp = (-1, -1)
    return _wijk_geometry_cached(str(path), stamp)
