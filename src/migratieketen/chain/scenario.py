# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Scenarios and levers as plain data: a dataclass that round-trips through YAML.

A scenario says what happens (inflow, reception capacity, parameter overrides) and what
the planner does (levers). Keeping it plain data means scenarios can be saved, shared,
compared and fed to the web page without code.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import yaml

from migratieketen.chain.params import ChainConfigError, resolve_values

_MONTH = re.compile(r"^(\d{4})-(0[1-9]|1[0-2])$")
INFLOW_KINDS = ("constant", "monthly", "peak", "historie", "per_run")
# Largest size of any number in a scenario (persons, places, percentages, parameter
# values). Far above any real figure, far below where float arithmetic overflows
# (1e308 per month made the result Infinity/NaN, which no JSON can store).
MAX_NUMBER = 1e9


def month_index(label: str) -> int:
    """'2026-03' -> an integer that increases by one per month."""
    match = _MONTH.match(str(label).strip())
    if match is None:
        raise ChainConfigError(f"'{label}' is geen maand in de vorm JJJJ-MM.")
    return int(match.group(1)) * 12 + int(match.group(2)) - 1


def month_label(index: int) -> str:
    year, month = divmod(index, 12)
    return f"{year}-{month + 1:02d}"


@dataclass(slots=True)
class Inflow:
    """First asylum applications per month.

    kind = constant (per_month), monthly (explicit list from the start month), peak
    (a stylised wave: base + (peak - base) * a bell of `width_months` around
    `peak_month`), historie (the observed CBS series, see `history.py`) or per_run
    (`per_run`: one monthly path per row; run r follows row r mod the number of rows,
    e.g. the forecast engine's sample paths, `chain/forecast_inflow.py`; no extra
    inflow noise on top, the rows carry the uncertainty).
    Nareizigers are endogenous (ratio x permits, delayed) unless observed.
    """

    kind: str = "constant"
    per_month: float = 3000.0
    monthly: list[float] = field(default_factory=list)
    peak_per_month: float = 0.0
    peak_month: str = ""
    width_months: float = 4.0
    per_run: list[list[float]] = field(default_factory=list)

    def validate(self) -> None:
        if self.kind not in INFLOW_KINDS:
            raise ChainConfigError(
                f"Instroom: soort '{self.kind}' onbekend; kies uit "
                f"{', '.join(INFLOW_KINDS)}."
            )
        if self.per_month < 0 or self.peak_per_month < 0:
            raise ChainConfigError("Instroom: aantallen per maand mogen niet negatief.")
        if any(v < 0 for v in self.monthly):
            raise ChainConfigError("Instroom: maandcijfers mogen niet negatief zijn.")
        if self.kind == "monthly" and not self.monthly:
            raise ChainConfigError(
                "Instroom: soort 'monthly' vraagt een lijst 'monthly'."
            )
        if self.kind == "per_run":
            _check_rows(self.per_run)
        if self.kind == "peak":
            month_index(self.peak_month)
            if self.width_months <= 0:
                raise ChainConfigError("Instroom: 'width_months' moet positief zijn.")


def _check_rows(rows: Any) -> None:
    """A non-empty list of equally long, non-empty lists of non-negative numbers."""
    if not isinstance(rows, list) or not rows:
        raise ChainConfigError(
            "Instroom: soort 'per_run' vraagt een lijst 'per_run' met één rij "
            "maandcijfers per pad."
        )
    for i, row in enumerate(rows):
        if (
            not isinstance(row, list)
            or not row
            or not all(
                isinstance(v, int | float) and not isinstance(v, bool) for v in row
            )
        ):
            raise ChainConfigError(
                f"Instroom: per_run[{i}] moet een niet-lege lijst getallen zijn."
            )
        if any(not v >= 0 for v in row):  # also NaN
            raise ChainConfigError(
                f"Instroom: per_run[{i}] bevat een negatief of ongeldig maandcijfer."
            )
        if len(row) != len(rows[0]):
            raise ChainConfigError(
                f"Instroom: per_run[{i}] heeft {len(row)} maanden, rij 0 heeft "
                f"{len(rows[0])}; alle paden moeten even lang zijn."
            )


@dataclass(slots=True)
class CapacityStep:
    """COA capacity per type from `start` on (crisisnoodopvang has no cap)."""

    start: str
    regular: float
    small_scale: float
    noodopvang: float

    def validate(self) -> None:
        month_index(self.start)
        if min(self.regular, self.small_scale, self.noodopvang) < 0:
            raise ChainConfigError(
                f"Capaciteit vanaf {self.start}: aantallen mogen niet negatief zijn."
            )


@dataclass(slots=True)
class Levers:
    """What planners can pull. Each lever acts from its `*_from` month (or the start)."""

    urgency_scheme: bool = False
    urgency_from: str = ""
    urgency_until: str = ""
    tussenvoorziening_places: float = 0.0
    tussenvoorziening_from: str = ""
    extra_ind_decisions_per_month: float = 0.0
    extra_ind_from: str = ""
    extra_housing_pct: float = 0.0
    extra_housing_from: str = ""
    noodopvang_auto_scale: bool = False
    # gemeenten raise their priority lettings towards the taakstelling (woningmarkt
    # module); history has it from 2024-01, when the taakstelling rose
    taakstelling_response: bool = True
    taakstelling_response_from: str = ""

    def validate(self) -> None:
        for name in (
            "taakstelling_response_from",
            "urgency_from",
            "urgency_until",
            "tussenvoorziening_from",
            "extra_ind_from",
            "extra_housing_from",
        ):
            value = getattr(self, name)
            if value:
                month_index(value)
        if self.tussenvoorziening_places < 0 or self.extra_ind_decisions_per_month < 0:
            raise ChainConfigError("Hefbomen: aantallen mogen niet negatief zijn.")
        if self.extra_housing_pct < -100:
            raise ChainConfigError("Hefbomen: extra_housing_pct kan niet onder -100.")


# Names used before the code said `statushouder` for a person with an asylum permit;
# scenario files written with them still load.
RENAMED_KEYS: dict[str, str] = {"initial_permit_holders": "initial_statushouders"}
RENAMED_PARAMETERS: dict[str, str] = {
    "initial_permit_holders_2013": "initial_statushouders_2013"
}


def _renamed(data: Mapping[str, Any], renames: Mapping[str, str]) -> dict[str, Any]:
    """`data` with old key names replaced by the current ones (a key given under
    both names keeps the current one)."""
    out = {str(k): v for k, v in data.items() if k not in renames}
    for old, new in renames.items():
        if old in data and new not in data:
            out[new] = data[old]
    return out


@dataclass(slots=True)
class ChainScenario:
    """A ketenmodel scenario (not to be confused with the forecast's
    `InflowScenario`, a set of inflow paths)."""

    name: str
    start: str = "2026-01"
    months: int = 60
    description: str = ""
    inflow: Inflow = field(default_factory=Inflow)
    capacity: list[CapacityStep] = field(default_factory=list)
    levers: Levers = field(default_factory=Levers)
    parameters: dict[str, float] = field(default_factory=dict)
    runs: int = 1000
    seed: int = 0
    # 'historie': start from the end state of the history replay in the month before
    # `start` (chain/opening.py); '' = the opening stocks below or the steady guess.
    opening: str = ""
    # Opening stocks (persons in COA at the start); None = the model's steady guess.
    initial_asylum_seekers: float | None = None
    initial_statushouders: float | None = None
    # Inburgering trajectories running at the start, route -> persons by months since
    # the route started (e.g. the register's caseload, inburgering.services.caseload).
    initial_inburgering: dict[str, list[float]] | None = None

    def validate(self) -> None:
        if not self.name:
            raise ChainConfigError("Scenario: 'name' ontbreekt.")
        month_index(self.start)
        if not 1 <= self.months <= 600:
            raise ChainConfigError("Scenario: 'months' moet tussen 1 en 600 liggen.")
        if not 1 <= self.runs <= 1_000_000:
            raise ChainConfigError(
                "Scenario: 'runs' moet tussen 1 en 1.000.000 liggen."
            )
        if self.seed < 0:
            raise ChainConfigError("Scenario: 'seed' mag niet negatief zijn.")
        for stock in (self.initial_asylum_seekers, self.initial_statushouders):
            if stock is not None and stock < 0:
                raise ChainConfigError("Scenario: beginvoorraden mogen niet negatief.")
        _check_caseload(self.initial_inburgering)
        self.inflow.validate()
        for step in self.capacity:
            step.validate()
        starts = [month_index(s.start) for s in self.capacity]
        if starts != sorted(starts):
            raise ChainConfigError("Capaciteit: stappen moeten op datum oplopen.")
        self.levers.validate()
        _check_numbers({k: v for k, v in asdict(self).items() if k in _NUMBERS}, "")
        self._check_opening()
        resolve_values(self.parameters)

    def _check_opening(self) -> None:
        if self.opening not in ("", "historie"):
            raise ChainConfigError(
                f"Scenario: beginstand (opening) '{self.opening}' onbekend; kies "
                "'historie' of laat hem leeg."
            )
        if self.opening and self.inflow.kind == "historie":
            raise ChainConfigError(
                "Scenario: de naspeling van de historie heeft geen beginstand "
                "'historie'."
            )
        if self.opening and (
            self.initial_asylum_seekers is not None
            or self.initial_statushouders is not None
        ):
            raise ChainConfigError(
                "Scenario: geef een beginstand 'historie' óf eigen beginvoorraden "
                "(initial_asylum_seekers, initial_statushouders), niet allebei."
            )

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> ChainScenario:
        if not isinstance(data, Mapping):
            raise ChainConfigError("Scenario: verwacht een mapping (sleutel: waarde).")
        data = _renamed(data, RENAMED_KEYS)
        known = set(cls.__dataclass_fields__)
        unknown = sorted(set(data) - known)
        if unknown:
            raise ChainConfigError(
                f"Scenario: onbekende sleutel(s) {', '.join(unknown)}; "
                f"toegestaan: {', '.join(sorted(known))}."
            )
        raw = dict(data)
        for key in ("name", "description", "opening"):
            if not isinstance(raw.get(key, ""), str):
                raise ChainConfigError(f"Scenario: '{key}' moet tekst zijn.")
        if not isinstance(raw.get("parameters") or {}, Mapping):
            raise ChainConfigError(
                "Scenario: 'parameters' moet een mapping zijn (naam: waarde)."
            )
        try:
            raw["inflow"] = _build(Inflow, raw.get("inflow") or {}, "inflow")
            raw["levers"] = _build(Levers, raw.get("levers") or {}, "levers")
            raw["capacity"] = [
                _build(CapacityStep, step, "capacity")
                for step in raw.get("capacity") or []
            ]
            raw["parameters"] = _renamed(
                raw.get("parameters") or {}, RENAMED_PARAMETERS
            )
            if "start" in raw:
                raw["start"] = _month_text(raw["start"])
            for key in ("months", "runs", "seed"):
                if key in raw:
                    raw[key] = _integer(raw[key], key)
            for key in ("initial_asylum_seekers", "initial_statushouders"):
                if raw.get(key) is not None:
                    raw[key] = _number(raw[key], key)
            scenario = cls(**raw)
        except TypeError as exc:
            raise ChainConfigError(f"Scenario: ongeldige waarde ({exc}).") from exc
        scenario.validate()
        return scenario

    def to_yaml(self) -> str:
        return yaml.safe_dump(self.to_dict(), sort_keys=False, allow_unicode=True)

    @classmethod
    def from_yaml(cls, text: str) -> ChainScenario:
        try:
            data = yaml.safe_load(text)
        except yaml.YAMLError as exc:
            raise ChainConfigError(f"Scenario: geen geldige YAML ({exc}).") from exc
        return cls.from_dict(data)


# The scenario's fields with numbers in them (runs, seed and months are checked
# as integers in their own ranges).
_NUMBERS = (
    "inflow",
    "capacity",
    "levers",
    "parameters",
    "initial_asylum_seekers",
    "initial_statushouders",
)


def _check_numbers(data: Any, path: str) -> None:
    """Every number is finite and at most MAX_NUMBER in size (Dutch message)."""
    if isinstance(data, Mapping):
        for key, value in data.items():
            _check_numbers(value, f"{path}.{key}" if path else str(key))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            _check_numbers(value, f"{path}[{i}]")
    elif (
        isinstance(data, int | float)
        and not isinstance(data, bool)
        and not abs(data) <= MAX_NUMBER  # also false for NaN; exact for big ints
    ):
        raise ChainConfigError(
            f"Scenario: '{path}' moet een eindig getal zijn van hooguit "
            f"1.000.000.000 (nu {str(data)[:24]})."
        )


CASELOAD_ROUTES = ("b1", "onderwijs", "z")


def _check_caseload(caseload: Mapping[str, Any] | None) -> None:
    """Route keys b1/onderwijs/z, each a list of non-negative finite counts."""
    if caseload is None:
        return
    if not isinstance(caseload, Mapping):
        raise ChainConfigError("Scenario: 'initial_inburgering' moet een mapping zijn.")
    unknown = sorted(set(caseload) - set(CASELOAD_ROUTES))
    if unknown:
        raise ChainConfigError(
            f"Scenario: onbekende leerroute(s) in initial_inburgering: "
            f"{', '.join(map(str, unknown))}; kies uit b1, onderwijs, z."
        )
    for route, counts in caseload.items():
        if not isinstance(counts, list) or not all(
            isinstance(c, int | float)
            and not isinstance(c, bool)
            and math.isfinite(c)
            and c >= 0
            for c in counts
        ):
            raise ChainConfigError(
                f"Scenario: initial_inburgering.{route} moet een lijst van "
                "niet-negatieve aantallen zijn."
            )


def _integer(value: Any, key: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ChainConfigError(f"Scenario: '{key}' moet een geheel getal zijn.")
    return value


def _number(value: Any, key: str) -> float:
    if isinstance(value, bool):
        raise ChainConfigError(f"Scenario: '{key}' moet een getal zijn.")
    try:
        return float(value)
    except (TypeError, ValueError, OverflowError) as exc:
        raise ChainConfigError(f"Scenario: '{key}' moet een getal zijn.") from exc


def _month_text(value: Any) -> str:
    """YAML reads 2026-01 as text but a bare date as a date object; accept both."""
    if hasattr(value, "year") and hasattr(value, "month"):
        return f"{value.year}-{value.month:02d}"
    return str(value)


def _build(kind: type, raw: Any, section: str) -> Any:
    if not isinstance(raw, Mapping):
        raise ChainConfigError(f"Scenario: '{section}' moet een mapping zijn.")
    fields: dict[str, Any] = getattr(kind, "__dataclass_fields__")  # noqa: B009
    unknown = sorted(set(raw) - set(fields))
    if unknown:
        raise ChainConfigError(
            f"Scenario, '{section}': onbekende sleutel(s) {', '.join(unknown)}; "
            f"toegestaan: {', '.join(sorted(fields))}."
        )
    clean: dict[str, Any] = {}
    for key, value in raw.items():
        typ = str(fields[key].type)
        if typ == "str":
            clean[key] = _month_text(value) if value is not None else ""
        elif typ == "float":
            try:
                clean[key] = float(value)
            except (TypeError, ValueError, OverflowError) as exc:
                raise ChainConfigError(
                    f"Scenario, '{section}.{key}': '{value}' is geen getal."
                ) from exc
        elif typ == "bool":
            if not isinstance(value, bool):
                raise ChainConfigError(
                    f"Scenario, '{section}.{key}': verwacht true of false."
                )
            clean[key] = value
        elif typ == "list[list[float]]":
            clean[key] = _rows(value, f"{section}.{key}")
        elif typ == "list[float]":
            if not isinstance(value, list):
                raise ChainConfigError(
                    f"Scenario, '{section}.{key}': verwacht een lijst getallen."
                )
            try:
                clean[key] = [float(v) for v in value]
            except (TypeError, ValueError, OverflowError) as exc:
                raise ChainConfigError(
                    f"Scenario, '{section}.{key}': verwacht een lijst getallen."
                ) from exc
        else:
            clean[key] = value
    return kind(**clean)


def _rows(value: Any, where: str) -> list[list[float]]:
    """A list of lists of numbers as floats (YAML ints included, booleans not)."""
    message = f"Scenario, '{where}': verwacht een lijst van lijsten getallen."
    if not isinstance(value, list) or not all(isinstance(r, list) for r in value):
        raise ChainConfigError(message)
    if any(isinstance(v, bool) for row in value for v in row):
        raise ChainConfigError(message)
    try:
        return [[float(v) for v in row] for row in value]
    except (TypeError, ValueError, OverflowError) as exc:
        raise ChainConfigError(message) from exc


def load_scenario(path: Path | str) -> ChainScenario:
    """Read a scenario YAML file; every problem is a ChainConfigError in Dutch."""
    p = Path(path)
    if not p.exists():
        raise ChainConfigError(f"Scenariobestand {p} bestaat niet.")
    try:
        return ChainScenario.from_yaml(p.read_text(encoding="utf-8"))
    except ChainConfigError as exc:
        raise ChainConfigError(f"{p.name}: {exc}") from exc


def save_scenario(scenario: ChainScenario, path: Path | str) -> None:
    """Write atomically (temp file + rename), so a failed save leaves no partial file."""
    scenario.validate()
    p = Path(path)
    tmp = p.with_name(p.name + ".tmp")
    tmp.write_text(scenario.to_yaml(), encoding="utf-8")
    tmp.replace(p)
