# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Candidate locations: a CSV from a province or gemeente, or generic ones per wijk.

The CSV is checked row by row and refused as a whole on any error, with every error
named by row and column in Dutch, so a half-read file never reaches the planner.
Generic candidates exist so that a plan works without a file; they are labelled
GENERIC_LABEL everywhere they appear.
"""

from __future__ import annotations

import csv
import io
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from migratieketen.chain.scenario import month_index
from migratieketen.data.csv_guard import refuse_unreadable_csv
from migratieketen.plan.opvang.norms import TYPES, Norms, OpvangError

GENERIC_LABEL = "generiek — geen echte locatie"
COLUMNS: tuple[str, ...] = (
    "naam",
    "wijkcode",
    "type",
    "min_plaatsen",
    "max_plaatsen",
    "doorlooptijd_maanden",
    "openingskosten",
    "kosten_bezet_per_maand",
    "kosten_leeg_per_maand",
    "vroegste_opening",
    "max_duur_maanden",
    "sluitingskosten",
)
MAX_ERRORS_SHOWN = 20


@dataclass(frozen=True, slots=True)
class WijkInfo:
    code: str
    name: str
    gemeente: str
    gemeente_name: str
    province: str
    population: int


@dataclass(frozen=True, slots=True)
class Candidate:
    name: str
    wijk: str
    gemeente: str
    province: str
    kind: str  # one of TYPES
    min_places: int
    max_places: int
    lead_months: int
    open_cost: float
    occupied_cost: float  # per place-month
    empty_cost: float  # per place-month
    earliest: int | None  # month index (year * 12 + month - 1), None = no limit
    max_months: int
    close_cost: float
    generic: bool = False
    latest_start: int | None = None  # months after the plan start; None = any time

    @property
    def label(self) -> str:
        return GENERIC_LABEL if self.generic else "kandidaat uit bestand"


def load_wijken(data_dir: Path | str) -> dict[str, WijkInfo]:
    """Wijken with a published population (CBS Kerncijfers wijken en buurten 2024)."""
    from migratieketen.data import load_dataset

    dataset = load_dataset(data_dir)
    gemeenten = {g.code: g for g in dataset.gemeenten}
    return {
        w.code: WijkInfo(
            w.code,
            w.name,
            w.gemeente_code,
            gemeenten[w.gemeente_code].name,
            gemeenten[w.gemeente_code].province_code,
            int(w.population or 0),
        )
        for w in dataset.wijken
        if w.gemeente_code in gemeenten
    }


class _Row:
    """One CSV row with its line number; collects errors instead of raising."""

    def __init__(self, line: int, raw: Mapping[str, str | None], errors: list[str]):
        self.line, self.raw, self.errors = line, raw, errors

    def error(self, column: str, text: str) -> None:
        self.errors.append(f"Rij {self.line}, kolom {column}: {text}")

    def text(self, column: str) -> str:
        return (self.raw.get(column) or "").strip()

    def number(
        self, column: str, integer: bool = False, default: float | None = None
    ) -> float:
        text = self.text(column).replace(",", ".")
        if not text and default is not None:
            return default
        try:
            value = float(text)
        except ValueError:
            self.error(column, f"'{text}' is geen getal.")
            return 0.0
        if not math.isfinite(value) or value < 0:
            self.error(column, f"{text} mag niet negatief zijn.")
            return 0.0
        if integer and value != int(value):
            self.error(column, f"{text} moet een geheel getal zijn.")
        return value


def _month(row: _Row) -> int | None:
    text = row.text("vroegste_opening")
    if not text:
        return None
    try:
        return month_index(text[:7])
    except (ValueError, IndexError, Exception):  # the chain raises its own error type
        row.error("vroegste_opening", f"'{text}' is geen maand (JJJJ-MM).")
        return None


def _candidate(
    row: _Row, wijken: Mapping[str, WijkInfo], norms: Norms
) -> Candidate | None:
    code = row.text("wijkcode").upper()
    wijk = wijken.get(code)
    if wijk is None:
        row.error("wijkcode", f"onbekende wijkcode '{code}' (CBS-wijkindeling 2024).")
    kind = row.text("type").lower()
    if kind not in TYPES:
        row.error("type", f"onbekend type '{kind}'; kies uit {', '.join(TYPES)}.")
    low = row.number("min_plaatsen", integer=True)
    high = row.number("max_plaatsen", integer=True)
    if high < low:
        row.error(
            "max_plaatsen", f"maximum ({high:.0f}) is kleiner dan minimum ({low:.0f})."
        )
    if high == 0:
        row.error("max_plaatsen", "maximum moet minstens 1 zijn.")
    values = {
        c: row.number(c, integer=c.endswith("maanden"))
        for c in ("doorlooptijd_maanden", "openingskosten", "kosten_bezet_per_maand",
                  "kosten_leeg_per_maand", "sluitingskosten")
    }  # fmt: skip
    duration = row.number("max_duur_maanden", integer=True, default=10_000)
    earliest = _month(row)
    if wijk is None or kind not in TYPES:
        return None
    return Candidate(
        name=row.text("naam"),
        wijk=wijk.code,
        gemeente=wijk.gemeente,
        province=wijk.province,
        kind=kind,
        min_places=int(low),
        max_places=int(high),
        lead_months=int(values["doorlooptijd_maanden"]),
        open_cost=values["openingskosten"],
        occupied_cost=values["kosten_bezet_per_maand"],
        empty_cost=values["kosten_leeg_per_maand"],
        earliest=earliest,
        max_months=max(1, int(duration)),
        close_cost=values["sluitingskosten"],
    )


def _check_header(fields: Sequence[str] | None) -> None:
    present = [f.strip() for f in fields or ()]
    missing = [
        c
        for c in COLUMNS
        if c not in present and c not in ("vroegste_opening", "max_duur_maanden")
    ]
    if missing:
        raise OpvangError(
            f"Rij 1: kolom(men) ontbreken: {', '.join(missing)}. Verwacht: {', '.join(COLUMNS)}."
        )


@refuse_unreadable_csv(OpvangError)
def parse_candidates(
    text: str, wijken: Mapping[str, WijkInfo], norms: Norms
) -> list[Candidate]:
    """All rows, or OpvangError listing every error by row and column (nothing kept)."""
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    _check_header(reader.fieldnames)
    reader.fieldnames = [f.strip() for f in reader.fieldnames or ()]
    errors: list[str] = []
    out: list[Candidate] = []
    seen: dict[str, int] = {}
    for line, raw in enumerate(reader, start=2):
        row = _Row(line, raw, errors)
        name = row.text("naam")
        if not name:
            row.error("naam", "naam ontbreekt.")
        elif name.casefold() in seen:
            row.error(
                "naam", f"dubbele naam '{name}' (ook in rij {seen[name.casefold()]})."
            )
        else:
            seen[name.casefold()] = line
        cand = _candidate(row, wijken, norms)
        if cand is not None:
            out.append(cand)
    if not errors and not out:
        errors.append("Rij 2: het bestand bevat geen kandidaatlocaties.")
    if errors:
        shown = errors[:MAX_ERRORS_SHOWN]
        more = len(errors) - len(shown)
        tail = f" (en nog {more} fout(en))" if more else ""
        raise OpvangError(
            "Kandidatenbestand geweigerd, er is niets opgeslagen: "
            + " ".join(shown)
            + tail
        )
    return out


def generic_candidates(
    wijken: Mapping[str, WijkInfo],
    norms: Norms,
    province: str | None = None,
    limit: int = 400,
) -> list[Candidate]:
    """Generic candidates per wijk and type, the largest wijk of each gemeente first.

    A type is offered in a wijk only when its minimum fits the proportionality norm.
    """
    share = float(norms["wijk_aandeel"])
    scope = [w for w in wijken.values() if province in (None, w.province)]
    by_gemeente: dict[str, list[WijkInfo]] = {}
    for w in sorted(scope, key=lambda w: (-w.population, w.code)):
        by_gemeente.setdefault(w.gemeente, []).append(w)
    ordered = sorted(
        (rank, -w.population, w.code, w)
        for group in by_gemeente.values()
        for rank, w in enumerate(group)
    )
    out: list[Candidate] = []
    for *_, w in ordered:
        room = math.floor(share * w.population)
        for kind in TYPES:
            low = int(norms.per_type("min_plaatsen", kind))
            high = min(int(norms.per_type("max_plaatsen", kind)), room)
            if high < low or len(out) >= limit:
                continue
            out.append(_generic(w, kind, low, high, norms))
        if len(out) >= limit:
            break
    return out


def _generic(w: WijkInfo, kind: str, low: int, high: int, norms: Norms) -> Candidate:
    return Candidate(
        name=f"{kind} {w.name} ({w.gemeente_name}) [{w.code}]",
        wijk=w.code,
        gemeente=w.gemeente,
        province=w.province,
        kind=kind,
        min_places=low,
        max_places=high,
        lead_months=int(norms.per_type("doorlooptijd_maanden", kind)),
        open_cost=norms.per_type("openingskosten", kind),
        occupied_cost=norms.month_cost(kind),
        empty_cost=norms.empty_cost(kind),
        earliest=None,
        max_months=int(norms.per_type("max_duur_maanden", kind)),
        close_cost=norms.per_type("sluitingskosten", kind),
        generic=True,
    )
