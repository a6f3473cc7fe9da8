# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Dated law parameters read from openfisca-style YAML files (style anchor A24).

A change in the law is a new dated value in the YAML; old periods keep the value that was
in force for them, so history stays reproducible. Every file carries its legal
reference; the JSON Schema `parameter.schema.json` beside the files is checked in tests.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

import yaml

PARAMETER_ROOT = Path(__file__).parent / "parameters"
SCHEMA_PATH = PARAMETER_ROOT / "parameter.schema.json"


class ParameterError(ValueError):
    """A parameter file is missing, malformed, or has no value for the asked date."""


@dataclass(frozen=True, slots=True)
class DatedReference:
    start: date
    title: str
    href: str
    bwb_id: str = ""
    article: str = ""


DUTCH_MONTHS = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)


def dutch_date(text: str) -> str:
    """'2019-03-26' -> '26 maart 2019'; '2025-04' -> 'april 2025'; '2020' stays."""
    parts = [int(p) for p in text.split("-")]
    if len(parts) == 3:
        return f"{parts[2]} {DUTCH_MONTHS[parts[1] - 1]} {parts[0]}"
    if len(parts) == 2:
        return f"{DUTCH_MONTHS[parts[1] - 1]} {parts[0]}"
    return str(parts[0])


@dataclass(frozen=True, slots=True)
class Citation:
    """A public source for a dated value: publisher, title, date and web address.

    `url` is empty when the address was not recorded; the citation then says so
    instead of pointing at an internal file.
    """

    publisher: str
    title: str
    date: str  # as precise as published: "2019-03-26", "2025-04" or "2020"
    url: str = ""

    def text(self) -> str:
        title = f", ‘{self.title}’" if self.title else ""
        where = self.url or "webadres niet vastgelegd"
        return f"{self.publisher}{title}, {dutch_date(self.date)} ({where})"


def citations(entry: dict[str, Any]) -> tuple[Citation, ...]:
    """The `sources` of a parameter value entry as citations."""
    return tuple(
        Citation(
            publisher=str(c["publisher"]),
            title=str(c.get("title", "")),
            date=str(c["date"]),
            url=str(c.get("url", "")),
        )
        for c in entry.get("sources", ())
    )


@dataclass(frozen=True, slots=True)
class Parameter:
    """One parameter: its dated values (ascending) and dated legal references."""

    name: str  # "huisvestingswet/landelijk_aantal_vergunninghouders"
    description: str
    unit: str
    values: tuple[tuple[date, dict[str, Any]], ...]
    references: tuple[DatedReference, ...]

    def entry_at(self, at: date) -> dict[str, Any]:
        """The value entry in force on `at` (the latest start date <= at)."""
        found: dict[str, Any] | None = None
        for start, entry in self.values:
            if start <= at:
                found = entry
        if found is None:
            raise ParameterError(
                f"Parameter {self.name} heeft geen waarde op {at.isoformat()} "
                f"(eerste waarde vanaf {self.values[0][0].isoformat()})."
            )
        return found

    def value_at(self, at: date) -> Any:
        return self.entry_at(at)["value"]

    def entry_exact(self, start: date) -> dict[str, Any]:
        """The entry that starts exactly on `start` (for per-period values such as vg)."""
        for s, entry in self.values:
            if s == start:
                return entry
        raise ParameterError(
            f"Parameter {self.name} heeft geen waarde voor de periode die begint op "
            f"{start.isoformat()}."
        )

    def reference_at(self, at: date) -> DatedReference:
        found = self.references[0]
        for ref in self.references:
            if ref.start <= at:
                found = ref
        return found


def _as_date(key: Any, where: str) -> date:
    if isinstance(key, date):
        return key
    try:
        return date.fromisoformat(str(key))
    except ValueError as exc:
        raise ParameterError(f"{where}: '{key}' is geen datum JJJJ-MM-DD.") from exc


def parse_parameter(name: str, raw: Any) -> Parameter:
    """Build a Parameter from the YAML structure; raises ParameterError on bad shape."""
    where = f"Parameter {name}"
    if not isinstance(raw, dict) or "values" not in raw or "metadata" not in raw:
        raise ParameterError(f"{where}: 'values' en 'metadata' zijn verplicht.")
    values = []
    for key, entry in raw["values"].items():
        if not isinstance(entry, dict) or "value" not in entry:
            raise ParameterError(f"{where}: waarde op {key} mist 'value'.")
        values.append((_as_date(key, where), entry))
    if not values:
        raise ParameterError(f"{where}: geen waarden.")
    values.sort(key=lambda item: item[0])
    meta = raw["metadata"]
    refs = []
    for key, ref in (meta.get("reference") or {}).items():
        refs.append(
            DatedReference(
                start=_as_date(key, where),
                title=str(ref["title"]),
                href=str(ref["href"]),
                bwb_id=str(ref.get("bwb_id", "")),
                article=str(ref.get("article", "")),
            )
        )
    if not refs:
        raise ParameterError(f"{where}: metadata.reference ontbreekt.")
    refs.sort(key=lambda r: r.start)
    return Parameter(
        name=name,
        description=str(raw.get("description", "")),
        unit=str(meta.get("unit", "")),
        values=tuple(values),
        references=tuple(refs),
    )


def parameter_files(root: Path = PARAMETER_ROOT) -> list[Path]:
    return sorted(root.rglob("*.yaml"))


def read_raw(path: Path) -> Any:
    with path.open(encoding="utf-8") as fh:
        return yaml.safe_load(fh)


@cache
def load_parameter(name: str) -> Parameter:
    """Load `parameters/<name>.yaml`, e.g. load_parameter('spreidingswet/amv_aandeel')."""
    path = PARAMETER_ROOT / f"{name}.yaml"
    if not path.is_file():
        raise ParameterError(f"Parameterbestand ontbreekt: {path}")
    return parse_parameter(name, read_raw(path))
