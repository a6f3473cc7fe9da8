# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Import a validated core DataSet into the database, all or nothing.

Why this shape: the core (`migratieketen.data.load_dataset`) does every check on
the files; this module only stores the result. Everything that can fail on the
data (loading, validation, drawing the map shapes) happens *before* the single
transaction, and the transaction itself replaces the previous import's rows, so a
bad folder never leaves a half-written database behind.

Rows are upserted by CBS code, so a gemeente keeps its primary key and UUID over
imports (the API looks resources up by UUID); codes that disappeared are deleted.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from django.db import transaction

from migratieketen_web.gemeenten import models
from migratieketen_web.gemeenten.services import (
    INDICATOR_SPECS,
    DataSet,
    GeometryError,
    Provenance,
    geometry_to_path,
    load_dataset,
)

ProgressCallback = Callable[[str, int, int], None]  # (step, done, total)

# File kinds the checksum covers: everything the loaders read.
_DATA_SUFFIXES = (".csv", ".geojson", ".json", ".yaml", ".yml")


class GeometryImportError(ValueError):
    """A gemeente or province shape is missing or cannot be drawn."""

    def __init__(self, kind: str, code: str, reason: str) -> None:
        self.kind = kind
        self.code = code
        self.reason = reason
        super().__init__(f"Geometrie van {kind} {code}: {reason}")


@dataclass(frozen=True, slots=True)
class ImportResult:
    vintage: models.DataVintage
    provinces: int
    gemeenten: int
    wijken: int
    indicators: int
    indicator_values: int
    seconds: float


def data_checksum(data_dir: Path) -> str:
    """SHA-256 over the names and bytes of the data files, in name order."""
    digest = hashlib.sha256()
    for path in sorted(Path(data_dir).iterdir()):
        if path.is_file() and path.suffix.lower() in _DATA_SUFFIXES:
            digest.update(path.name.encode())
            digest.update(b"\0")
            digest.update(path.read_bytes())
            digest.update(b"\0")
    return digest.hexdigest()


def _aggregation(key: str) -> tuple[str, str]:
    """(aggregation, weight) of an indicator, from the core catalogue when listed."""
    for spec in INDICATOR_SPECS:
        if spec.key == key:
            kind = spec.aggregation.kind
            weight = spec.aggregation.weight or "inwoners"
            return kind, weight
    return "mean", "inwoners"


def _draw(dataset: DataSet) -> tuple[dict[str, str], dict[str, str]]:
    """SVG paths of every gemeente and province; fails before any write."""
    gemeente_paths: dict[str, str] = {}
    for gemeente in dataset.gemeenten:
        geometry = dataset.gemeente_geometry.get(gemeente.code)
        if geometry is None:
            raise GeometryImportError("gemeente", gemeente.code, "ontbreekt")
        try:
            gemeente_paths[gemeente.code] = geometry_to_path(geometry)
        except GeometryError as exc:
            raise GeometryImportError("gemeente", gemeente.code, str(exc)) from exc
    province_paths: dict[str, str] = {}
    for province in dataset.provinces:
        geometry = dataset.province_geometry.get(province.code)
        if geometry is None:
            raise GeometryImportError("provincie", province.code, "ontbreekt")
        try:
            province_paths[province.code] = geometry_to_path(geometry)
        except GeometryError as exc:
            raise GeometryImportError("provincie", province.code, str(exc)) from exc
    return gemeente_paths, province_paths


def _source_key(p: Provenance) -> tuple[str, str, str, object]:
    return (p.publisher, p.title, p.table_id, p.reference_date)


def _upsert_sources(provenances: list[Provenance]) -> dict[tuple, models.Source]:
    sources: dict[tuple, models.Source] = {}
    for p in provenances:
        key = _source_key(p)
        if key in sources:
            continue
        source, _ = models.Source.objects.update_or_create(
            publisher=p.publisher,
            title=p.title,
            table_id=p.table_id,
            reference_date=p.reference_date,
            defaults={"licence": p.licence, "url": p.url, "note": p.note},
        )
        sources[key] = source
    return sources


def _store_areas(
    dataset: DataSet,
    gemeente_paths: dict[str, str],
    province_paths: dict[str, str],
) -> dict[str, int]:
    """Upsert provinces and gemeenten, drop the ones gone; the gemeente pk per code."""
    models.Province.objects.bulk_create(
        [
            models.Province(code=p.code, name=p.name, svg_path=province_paths[p.code])
            for p in dataset.provinces
        ],
        update_conflicts=True,
        unique_fields=["code"],
        update_fields=["name", "svg_path"],
    )
    province_pk = dict(models.Province.objects.values_list("code", "pk"))
    models.Gemeente.objects.bulk_create(
        [
            models.Gemeente(
                code=g.code,
                name=g.name,
                province_id=province_pk[g.province_code],
                svg_path=gemeente_paths[g.code],
            )
            for g in dataset.gemeenten
        ],
        update_conflicts=True,
        unique_fields=["code"],
        update_fields=["name", "province", "svg_path"],
        batch_size=500,
    )
    gemeente_codes = {g.code for g in dataset.gemeenten}
    models.Wijk.objects.exclude(gemeente__code__in=gemeente_codes).delete()
    models.Gemeente.objects.exclude(code__in=gemeente_codes).delete()
    models.Province.objects.exclude(
        code__in={p.code for p in dataset.provinces}
    ).delete()
    return dict(models.Gemeente.objects.values_list("code", "pk"))


def _store_population(
    dataset: DataSet,
    sources: dict[tuple, models.Source],
    gemeente_pk: dict[str, int],
) -> None:
    population_rows = []
    for g in dataset.gemeenten:
        for year, inhabitants in sorted(g.population.items()):
            source = sources[_source_key(dataset.population_provenance[year])]
            population_rows.append(
                models.PopulationFigure(
                    gemeente_id=gemeente_pk[g.code],
                    year=year,
                    inhabitants=inhabitants,
                    source=source,
                )
            )
    models.PopulationFigure.objects.bulk_create(population_rows, batch_size=1000)


def _store_indicators(
    dataset: DataSet,
    sources: dict[tuple, models.Source],
    gemeente_pk: dict[str, int],
) -> int:
    """Upsert the indicators and store their values; the number of values stored."""
    indicator_rows = []
    for ind in dataset.indicators:
        aggregation, weight = _aggregation(ind.key)
        indicator_rows.append(
            models.Indicator(
                key=ind.key,
                label_nl=ind.label_nl,
                label_en=ind.label_en,
                unit=ind.unit,
                higher_is=ind.higher_is,
                aggregation=aggregation,
                weight=weight,
                source=sources[_source_key(ind.provenance)],
            )
        )
    models.Indicator.objects.bulk_create(
        indicator_rows,
        update_conflicts=True,
        unique_fields=["key"],
        update_fields=[
            "label_nl",
            "label_en",
            "unit",
            "higher_is",
            "aggregation",
            "weight",
            "source",
        ],
    )
    indicator_keys = {i.key for i in dataset.indicators}
    models.Indicator.objects.exclude(key__in=indicator_keys).delete()
    indicator_pk = dict(models.Indicator.objects.values_list("key", "pk"))
    value_rows = [
        models.IndicatorValue(
            gemeente_id=gemeente_pk[g.code],
            indicator_id=indicator_pk[key],
            value=value,
        )
        for g in dataset.gemeenten
        for key, value in g.indicators.items()
        if key in indicator_pk
    ]
    models.IndicatorValue.objects.bulk_create(value_rows, batch_size=2000)
    return len(value_rows)


def _store_wijken(
    dataset: DataSet,
    sources: dict[tuple, models.Source],
    gemeente_pk: dict[str, int],
) -> None:
    wijk_source = sources[_source_key(dataset.wijk_provenance)]
    models.Wijk.objects.bulk_create(
        [
            models.Wijk(
                code=w.code,
                name=w.name,
                gemeente_id=gemeente_pk[w.gemeente_code],
                inhabitants=w.population,
                source=wijk_source,
            )
            for w in dataset.wijken
        ],
        update_conflicts=True,
        unique_fields=["code"],
        update_fields=["name", "gemeente", "inhabitants", "source"],
        batch_size=1000,
    )
    models.Wijk.objects.exclude(code__in={w.code for w in dataset.wijken}).delete()


def _prune_sources(sources: dict[tuple, models.Source]) -> None:
    """Drop sources this import no longer uses and nothing else refers to."""
    used_sources = {s.pk for s in sources.values()}
    models.Source.objects.exclude(pk__in=used_sources).filter(
        indicator__isnull=True,
        populationfigure__isnull=True,
        wijk__isnull=True,
    ).delete()


def import_dataset(
    dataset: DataSet,
    data_dir: Path,
    checksum: str,
    progress: ProgressCallback | None = None,
) -> ImportResult:
    """Store `dataset` as the current open data, replacing the previous import."""
    started = time.perf_counter()

    def report(step: str, done: int, total: int) -> None:
        if progress is not None:
            progress(step, done, total)

    gemeente_paths, province_paths = _draw(dataset)
    report("kaartvormen", 1, 6)

    with transaction.atomic():
        provenances = [
            dataset.geometry_provenance,
            dataset.wijk_provenance,
            *dataset.population_provenance.values(),
            *(i.provenance for i in dataset.indicators),
        ]
        sources = _upsert_sources(provenances)

        # Figures hang off gemeenten and indicators: clear them, then upsert the keys.
        models.IndicatorValue.objects.all().delete()
        models.PopulationFigure.objects.all().delete()

        gemeente_pk = _store_areas(dataset, gemeente_paths, province_paths)
        report("gemeenten", 2, 6)
        _store_population(dataset, sources, gemeente_pk)
        report("inwoners", 3, 6)
        indicator_values = _store_indicators(dataset, sources, gemeente_pk)
        report("indicatoren", 4, 6)
        _store_wijken(dataset, sources, gemeente_pk)
        report("wijken", 5, 6)

        _prune_sources(sources)
        vintage = models.DataVintage.objects.create(
            data_dir=str(data_dir),
            checksum=checksum,
            division_year=dataset.division_year,
        )
        report("klaar", 6, 6)

    return ImportResult(
        vintage=vintage,
        provinces=len(dataset.provinces),
        gemeenten=len(dataset.gemeenten),
        wijken=len(dataset.wijken),
        indicators=len(dataset.indicators),
        indicator_values=indicator_values,
        seconds=time.perf_counter() - started,
    )


def import_data_dir(
    data_dir: Path | str, progress: ProgressCallback | None = None
) -> ImportResult:
    """Load, validate and import a data folder. Raises the core's DataValidationError
    (or GeometryImportError) before anything is written."""
    path = Path(data_dir)
    checksum = data_checksum(path)
    dataset = load_dataset(path)
    return import_dataset(dataset, path, checksum, progress)


def current_vintage() -> models.DataVintage | None:
    return models.DataVintage.objects.order_by("-imported_at", "-pk").first()
