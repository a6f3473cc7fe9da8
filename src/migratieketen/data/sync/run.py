# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""`sync_data`: fetch KWB, SES-WOA and population (CBS OData) and boundaries (PDOK
WFS), normalise them into the data-folder layout, validate the result in a temporary
folder, then install it.

Nothing is written into the user's folder unless the whole new set passes the same
validation as `load_dataset` (together with the optional files of the folder that the
sync does not replace, such as the SES-WOA postcode file).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from shapely.geometry.base import BaseGeometry

from migratieketen.data import schema
from migratieketen.data.issues import IssueList
from migratieketen.data.loader import clear_cache, parse_folder
from migratieketen.data.sources import (
    KWB_TABLE_IDS,
    REGIONAL_TABLE_ID,
    SES_WOA_TABLE_ID,
)
from migratieketen.data.sync import geometry as geo
from migratieketen.data.sync.cbs_odata import DEFAULT_CBS_BASE, CbsODataClient
from migratieketen.data.sync.extra_tables import ExtraFetched, fetch_extra, write_extra
from migratieketen.data.sync.http import SyncError, SyncHttpError
from migratieketen.data.sync.install import install, write_csv, write_geojson
from migratieketen.data.sync.kwb_fields import (
    FIELDS,
    NOT_IN_KWB,
    NOT_IN_KWB_WARNING,
    FieldResolver,
)
from migratieketen.data.sync.pdok_wfs import (
    DEFAULT_PDOK_BESTUURLIJKE_GEBIEDEN,
    DEFAULT_PDOK_WIJKENBUURTEN,
    LEGACY_PDOK_BESTUURLIJKE_GEBIEDEN,
    WfsClient,
)

ENV_CBS = "MIGRATIEKETEN_CBS_ODATA_URL"
ENV_PDOK_WIJKENBUURTEN = "MIGRATIEKETEN_PDOK_WIJKENBUURTEN_URL"
ENV_PDOK_BESTUURLIJK = "MIGRATIEKETEN_PDOK_BESTUURLIJKE_GEBIEDEN_URL"

# The loader reads the 2024 layout (gemeenten_2024.csv, inwoners_2023, KWB 2022);
# other editions need a new layout version first.
SUPPORTED_YEARS = (2024,)
PSEUDO_CODES = ("GM0998", "WK099899")  # "Buitenland" in the PDOK/KWB files
MANIFEST = "sync_bronnen.json"

Progress = Callable[[str, int, int | None], None]  # (step, done, total or None)


@dataclass(frozen=True, slots=True)
class SyncConfig:
    """Publisher endpoints; `from_env` lets tests and mirrors point elsewhere."""

    cbs_base: str = DEFAULT_CBS_BASE
    pdok_wijkenbuurten: str = DEFAULT_PDOK_WIJKENBUURTEN  # may contain {year}
    pdok_bestuurlijke_gebieden: str = DEFAULT_PDOK_BESTUURLIJKE_GEBIEDEN
    page_size: int = 1000

    @classmethod
    def from_env(cls, **overrides: Any) -> SyncConfig:
        values: dict[str, Any] = {
            "cbs_base": os.environ.get(ENV_CBS) or DEFAULT_CBS_BASE,
            "pdok_wijkenbuurten": os.environ.get(ENV_PDOK_WIJKENBUURTEN)
            or DEFAULT_PDOK_WIJKENBUURTEN,
            "pdok_bestuurlijke_gebieden": os.environ.get(ENV_PDOK_BESTUURLIJK)
            or DEFAULT_PDOK_BESTUURLIJKE_GEBIEDEN,
        }
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)


@dataclass(frozen=True, slots=True)
class SyncResult:
    target: Path
    files: tuple[str, ...]
    counts: dict[str, int]
    warnings: tuple[str, ...] = field(default_factory=tuple)


def _noop(step: str, done: int, total: int | None) -> None:
    return None


def sync_data(
    target: Path,
    year: int = 2024,
    config: SyncConfig | None = None,
    progress: Progress | None = None,
) -> SyncResult:
    if year not in SUPPORTED_YEARS:
        raise SyncError(
            f"Jaar {year} wordt niet ondersteund; deze versie leest de indeling van "
            f"{', '.join(map(str, SUPPORTED_YEARS))}."
        )
    config = config or SyncConfig.from_env()
    report = progress or _noop
    # Staging first: an unwritable target fails before any download.
    try:
        staging = Path(
            tempfile.mkdtemp(prefix=".migratieketen-sync-", dir=_staging_parent(target))
        )
    except OSError as exc:
        raise SyncError(
            f"Kan geen tijdelijke map maken naast {target}: {exc}. Kies met --naar "
            "een map waarin u mag schrijven."
        ) from exc
    try:
        fetched = _fetch(year, config, report)
        files, counts, warnings = _normalise(fetched, year, staging)
        _validate(staging, target, files, report)
        try:
            install(staging, target, files)
        except OSError as exc:
            raise SyncError(
                f"Kon de bestanden niet in {target} zetten ({exc}); de oude bestanden "
                "zijn teruggezet."
            ) from exc
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    clear_cache()
    return SyncResult(target, tuple(files), counts, tuple(warnings))


def _validate(staging: Path, target: Path, files: list[str], report: Progress) -> None:
    """The new files, with the target's optional files the sync keeps, must be valid."""
    report("Controleren", 0, 1)
    for spec in schema.OPTIONAL_CSV_FILES:
        kept = target / spec.filename
        if spec.filename not in files and kept.is_file():
            shutil.copyfile(kept, staging / spec.filename)  # checked, not installed
    issues = IssueList()
    if parse_folder(staging, issues, include_optional=True) is None:
        shown = "\n".join(f"- {i}" for i in issues[:20])
        raise SyncError(
            f"De opgehaalde data is ongeldig ({len(issues)} problemen); de map "
            f"{target} is niet gewijzigd.\n{shown}"
        )
    report("Controleren", 1, 1)


def _staging_parent(target: Path) -> Path:
    """Stage next to the target (same filesystem, so the final moves are renames)."""
    parent = target.expanduser().resolve().parent
    parent.mkdir(parents=True, exist_ok=True)
    return parent


@dataclass(slots=True)
class _Fetched:
    tables: dict[int, tuple[FieldResolver, list[dict[str, Any]]]]
    gemeenten: list[dict[str, Any]]
    wijken: list[dict[str, Any]]
    provinces: list[dict[str, Any]]
    extra: ExtraFetched
    urls: dict[str, str]


def _fetch(year: int, config: SyncConfig, report: Progress) -> _Fetched:
    client = CbsODataClient(config.cbs_base)
    tables: dict[int, tuple[FieldResolver, list[dict[str, Any]]]] = {}
    urls: dict[str, str] = {}
    for y in (year, year - 1, year - 2):
        table_id = KWB_TABLE_IDS[y]
        step = f"CBS {table_id} (KWB {y})"
        report(step, 0, None)
        properties = client.data_properties(table_id)
        prefixes = ("GM", "WK") if y == year else ("GM",)
        rows = client.typed_dataset(table_id, prefixes, progress=_rows(report, step))
        if not rows:
            raise SyncError(f"CBS-tabel {table_id} gaf geen gemeenten terug")
        tables[y] = (FieldResolver(properties), rows)
        urls[f"kwb_{y}"] = f"{config.cbs_base.rstrip('/')}/ODataFeed/odata/{table_id}"
    extra = fetch_extra(client, year, report)
    urls["cbs_ses_woa"] = (
        f"{config.cbs_base.rstrip('/')}/ODataFeed/odata/{SES_WOA_TABLE_ID}"
    )
    urls["cbs_bevolking"] = (
        f"{config.cbs_base.rstrip('/')}/ODataFeed/odata/{REGIONAL_TABLE_ID}"
    )
    wb_url = config.pdok_wijkenbuurten.format(year=year)
    wfs = WfsClient(wb_url, config.page_size)
    layers = {}
    for layer in ("gemeenten", "wijken"):
        step = f"PDOK {layer} {year}"
        layers[layer] = wfs.features(f"wijkenbuurten:{layer}", _features(report, step))
    province_url, provinces = _province_features(config, report)
    urls["pdok_wijkenbuurten"] = wb_url
    urls["pdok_provinciegebied"] = province_url
    return _Fetched(
        tables, layers["gemeenten"], layers["wijken"], provinces, extra, urls
    )


def _province_features(
    config: SyncConfig, report: Progress
) -> tuple[str, list[dict[str, Any]]]:
    """Provinciegebied from BRK Bestuurlijke Gebieden; the old PDOK path as fallback.

    PDOK moved the service to brk-bestuurlijke-gebieden (same layer). Only with the
    default address, a 404 there is retried on the old path.
    """
    urls = [config.pdok_bestuurlijke_gebieden]
    if config.pdok_bestuurlijke_gebieden == DEFAULT_PDOK_BESTUURLIJKE_GEBIEDEN:
        urls.append(LEGACY_PDOK_BESTUURLIJKE_GEBIEDEN)
    for i, url in enumerate(urls):
        try:
            features = WfsClient(url, config.page_size).features(
                "bestuurlijkegebieden:Provinciegebied",
                _features(report, "PDOK Provinciegebied"),
            )
        except SyncHttpError as exc:
            if exc.status != 404 or i == len(urls) - 1:
                raise
            continue
        return url, features
    raise SyncError("Geen adres voor PDOK Provinciegebied")  # unreachable: urls >= 1


def _rows(report: Progress, step: str) -> Callable[[int], None]:
    def callback(done: int) -> None:
        report(step, done, None)

    return callback


def _features(report: Progress, step: str) -> Callable[[int, int | None], None]:
    def callback(done: int, total: int | None) -> None:
        report(step, done, total)

    return callback


def _is_water(props: dict[str, Any]) -> bool:
    return str(props.get("water") or "").strip().upper() == "JA"


def _land_shapes(
    features: list[dict[str, Any]], code_prop: str, pattern: str, tolerance: float
) -> tuple[dict[str, BaseGeometry], dict[str, dict[str, Any]]]:
    """code -> cleaned geometry and its properties.

    Where the service splits one code into land and water parts (`water` = "JA"/"NEE"),
    only the land parts are kept; a code that only has water parts (a water wijk such
    as the IJsselmeer) keeps those, so every CBS area still has a geometry.
    """
    code_re = re.compile(pattern)
    land: dict[str, list[BaseGeometry]] = {}
    water: dict[str, list[BaseGeometry]] = {}
    props_by_code: dict[str, dict[str, Any]] = {}
    for feature in features:
        props = feature.get("properties") or {}
        code = str(props.get(code_prop) or "").strip()
        if not code_re.match(code) or code in PSEUDO_CODES:
            continue
        bucket = water if _is_water(props) else land
        bucket.setdefault(code, []).append(
            geo.clean(feature.get("geometry"), tolerance, code)
        )
        if not _is_water(props) or code not in props_by_code:
            props_by_code[code] = props
    shapes = {}
    for code in sorted(set(land) | set(water)):
        parts = land.get(code) or water[code]
        shapes[code] = (
            parts[0] if len(parts) == 1 else geo.polygonal(geo.shapely.union_all(parts))
        )
    return shapes, props_by_code


def _province_code(props: dict[str, Any]) -> str | None:
    for key in ("provinciecode", "statcode", "identificatie", "code"):
        value = props.get(key)
        if value is None:
            continue
        digits = re.sub(r"\D", "", str(value))
        if digits:
            return f"PV{int(digits):02d}"
    return None


def _province_name(props: dict[str, Any]) -> str:
    for key in ("provincienaam", "statnaam", "naam"):
        if props.get(key):
            return str(props[key]).strip()
    return ""


@dataclass(slots=True)
class _Boundaries:
    gemeenten: dict[str, BaseGeometry]
    wijken: dict[str, BaseGeometry]
    wijk_props: dict[str, dict[str, Any]]
    legal: dict[str, BaseGeometry]
    province_names: dict[str, str]
    assignment: dict[str, tuple[str, float]]
    land: dict[str, BaseGeometry]

    def province_of(self, gm: str) -> tuple[str | None, str | None]:
        pv = self.assignment.get(gm)
        return (pv[0], self.province_names.get(pv[0])) if pv else (None, None)


def _boundaries(fetched: _Fetched) -> _Boundaries:
    gem_shapes, _ = _land_shapes(
        fetched.gemeenten, "gemeentecode", schema.GM, geo.TOLERANCE_GEMEENTEN
    )
    wijk_shapes, wijk_props = _land_shapes(
        fetched.wijken, "wijkcode", schema.WK, geo.TOLERANCE_WIJKEN
    )
    legal: dict[str, BaseGeometry] = {}
    province_names: dict[str, str] = {}
    for feature in fetched.provinces:
        props = feature.get("properties") or {}
        code = _province_code(props)
        if code is None:
            raise SyncError(f"Provinciegebied zonder provinciecode: {props}")
        legal[code] = geo.clean(feature.get("geometry"), geo.TOLERANCE_GEMEENTEN, code)
        province_names[code] = _province_name(props)
    assignment = geo.assign_provinces(gem_shapes, legal)
    land = geo.dissolve(gem_shapes, assignment)
    return _Boundaries(
        gem_shapes, wijk_shapes, wijk_props, legal, province_names, assignment, land
    )


def _by_code(rows: list[dict[str, Any]], prefix: str) -> dict[str, dict[str, Any]]:
    return {
        _code(r): r
        for r in rows
        if _code(r).startswith(prefix) and _code(r) not in PSEUDO_CODES
    }


def _values(
    res: FieldResolver, row: dict[str, Any], columns: tuple[str, ...]
) -> dict[str, Any]:
    return {c: res.value(row, c) for c in columns if c in FIELDS}


@dataclass(slots=True)
class _Records:
    gemeenten: list[dict[str, Any]]
    previous: list[dict[str, Any]]
    oldest: list[dict[str, Any]]
    wijken: list[dict[str, Any]]


def _gemeente_records(fetched: _Fetched, year: int, b: _Boundaries) -> _Records:
    resolver, rows = fetched.tables[year]
    gm_rows = _by_code(rows, "GM")
    prev_resolver, prev_rows = fetched.tables[year - 1]
    prev = _by_code(prev_rows, "GM")
    old_resolver, old_rows = fetched.tables[year - 2]
    old = _by_code(old_rows, "GM")
    gemeenten = []
    for code, row in sorted(gm_rows.items()):
        pv, pv_name = b.province_of(code)
        record = _values(resolver, row, schema.GEMEENTEN_2024.column_names())
        record.update(
            gemeentecode=code,
            gemeentenaam=_text(row.get("Gemeentenaam_1")),
            provinciecode=pv,
            provincienaam=pv_name,
            inwoners_2024=resolver.value(row, "inwoners"),
            inwoners_2023=prev_resolver.value(prev[code], "inwoners")
            if code in prev
            else None,
        )
        gemeenten.append(record)
    previous = []
    for code, row in sorted(prev.items()):
        pv, pv_name = b.province_of(code)
        record = _values(prev_resolver, row, schema.GEMEENTEN_2023.column_names())
        record.update(
            gemeentecode=code,
            gemeentenaam=_text(row.get("Gemeentenaam_1")),
            provinciecode=pv,
            provincienaam=pv_name,
            inwoners_2023=prev_resolver.value(row, "inwoners"),
        )
        previous.append(record)
    oldest = []
    for code, row in sorted(old.items()):
        record = _values(old_resolver, row, schema.KWB_2022.column_names())
        record.update(
            gemeentecode_2022=code,
            gemeentenaam_2022=_text(row.get("Gemeentenaam_1")),
            bestaat_in_2024=code in gm_rows,
            inwoners_2022=old_resolver.value(row, "inwoners"),
        )
        oldest.append(record)
    return _Records(gemeenten, previous, oldest, _wijk_records(fetched, year, b))


def _wijk_records(fetched: _Fetched, year: int, b: _Boundaries) -> list[dict[str, Any]]:
    resolver, rows = fetched.tables[year]
    wijken = []
    for code, row in sorted(_by_code(rows, "WK").items()):
        gm = f"GM{code[2:6]}"
        record = _values(resolver, row, schema.WIJKEN_2024.column_names())
        record.update(
            wijkcode=code,
            wijknaam=_text((b.wijk_props.get(code) or {}).get("wijknaam")),
            gemeentecode=gm,
            gemeentenaam=_text(row.get("Gemeentenaam_1")),
            provinciecode=b.province_of(gm)[0],
            inwoners_2024=resolver.value(row, "inwoners"),
        )
        wijken.append(record)
    return wijken


def _field_warnings(fetched: _Fetched, year: int) -> list[str]:
    warnings = []
    specs = (schema.GEMEENTEN_2024, schema.GEMEENTEN_2023, schema.KWB_2022)
    for offset, spec in enumerate(specs):
        label = f"KWB {year - offset}"
        res = fetched.tables[year - offset][0]
        missing = res.missing(spec.column_names())
        if missing:
            warnings.append(f"{label}: geen veld gevonden voor {', '.join(missing)}")
        absent = [c for c in spec.column_names() if c in NOT_IN_KWB]
        if absent:
            warnings.append(
                NOT_IN_KWB_WARNING.format(label=label, columns=", ".join(absent))
            )
    return warnings


def _write_tables(records: _Records, out: Path) -> list[str]:
    specs = (
        (schema.GEMEENTEN_2024, records.gemeenten),
        (schema.GEMEENTEN_2023, records.previous),
        (schema.KWB_2022, records.oldest),
        (schema.WIJKEN_2024, records.wijken),
    )
    for spec, rows in specs:
        write_csv(out / spec.filename, spec.column_names(), rows)
    return [spec.filename for spec, _ in specs]


def _write_geometry(records: _Records, b: _Boundaries, out: Path) -> list[str]:
    pop = {r["gemeentecode"]: r["inwoners_2024"] for r in records.gemeenten}
    names = {r["gemeentecode"]: r["gemeentenaam"] for r in records.gemeenten}
    write_geojson(
        out / schema.GEMEENTEN_GEOJSON.filename,
        [
            _feature(
                geom,
                gemeentecode=code,
                gemeentenaam=names.get(code),
                provinciecode=b.assignment[code][0],
                provincienaam=b.province_names.get(b.assignment[code][0]),
                inwoners_2024=pop.get(code),
            )
            for code, geom in sorted(b.gemeenten.items())
        ],
    )
    per_province: dict[str, int] = {}
    for pv, _share in b.assignment.values():
        per_province[pv] = per_province.get(pv, 0) + 1
    write_geojson(
        out / schema.PROVINCIES_LAND_GEOJSON.filename,
        [
            _feature(
                geom,
                provinciecode=pv,
                provincienaam=b.province_names.get(pv),
                aantal_gemeenten=per_province.get(pv, 0),
            )
            for pv, geom in sorted(b.land.items())
        ],
    )
    write_geojson(
        out / schema.PROVINCIES_GEOJSON.filename,
        [
            _feature(geom, provinciecode=pv, provincienaam=b.province_names.get(pv))
            for pv, geom in sorted(b.legal.items())
        ],
    )
    wijk_pop = {r["wijkcode"]: r["inwoners_2024"] for r in records.wijken}
    write_geojson(
        out / schema.WIJKEN_GEOJSON.filename,
        [
            _feature(
                geom,
                wijkcode=code,
                wijknaam=_text((b.wijk_props.get(code) or {}).get("wijknaam")),
                gemeentecode=f"GM{code[2:6]}",
                inwoners_2024=wijk_pop.get(code),
            )
            for code, geom in sorted(b.wijken.items())
        ],
    )
    return [
        schema.GEMEENTEN_GEOJSON.filename,
        schema.PROVINCIES_LAND_GEOJSON.filename,
        schema.PROVINCIES_GEOJSON.filename,
        schema.WIJKEN_GEOJSON.filename,
    ]


def _normalise(
    fetched: _Fetched, year: int, out: Path
) -> tuple[list[str], dict[str, int], list[str]]:
    b = _boundaries(fetched)
    records = _gemeente_records(fetched, year, b)
    warnings = _field_warnings(fetched, year)
    files = _write_tables(records, out) + _write_geometry(records, b, out)
    names = {r["gemeentecode"]: r["gemeentenaam"] for r in records.gemeenten}
    resolver, rows = fetched.tables[year]
    extra = write_extra(fetched.extra, (resolver, _by_code(rows, "GM")), names, out)
    files.extend(extra.files)
    warnings.extend(extra.warnings)
    manifest = {
        "opgehaald": datetime.now(UTC).isoformat(timespec="seconds"),
        "jaar": year,
        "bronnen": fetched.urls,
        "cbs_tabellen": {str(y): KWB_TABLE_IDS[y] for y in fetched.tables}
        | {"ses_woa": SES_WOA_TABLE_ID, "bevolking": REGIONAL_TABLE_ID},
        "ses_woa_periode": extra.ses_period,
        "licentie": "CBS: CC BY 4.0; Kadaster: open data via PDOK",
        "waarschuwingen": warnings,
    }
    (out / MANIFEST).write_text(
        json.dumps(manifest, ensure_ascii=False, indent=2), encoding="utf-8"
    )
    files.append(MANIFEST)
    counts = {
        "gemeenten": len(records.gemeenten),
        "wijken": len(records.wijken),
        "provincies": len(b.legal),
        "gemeenten_2022": len(records.oldest),
        **extra.counts,
    }
    return files, counts, warnings


def _code(row: dict[str, Any]) -> str:
    return str(row.get("WijkenEnBuurten") or "").strip()


def _text(value: Any) -> str:
    return "" if value is None else str(value).strip()


def _feature(geom: BaseGeometry, **props: Any) -> dict[str, Any]:
    return {"type": "Feature", "properties": props, "geometry": geo.to_geojson(geom)}


__all__ = ["SyncConfig", "SyncError", "SyncResult", "sync_data"]
