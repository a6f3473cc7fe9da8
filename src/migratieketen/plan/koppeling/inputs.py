# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Read the koppeling files (H.csv, S.csv, C.csv): all rows valid, or nothing.

Every problem is reported with its row and column, in Dutch; personal data is refused
before anything else is looked at (privacy.py).
"""

from __future__ import annotations

import csv
import functools
import io
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from migratieketen.plan.koppeling.model import (
    GROUP_ATTRIBUTES,
    Household,
    KoppelingError,
)
from migratieketen.plan.koppeling.privacy import check_cells, check_header

HOUSEHOLD_REQUIRED = ("huishouden_id", "aankomst", "personen", "volwassenen")
HOUSEHOLD_OPTIONAL = (
    "gemeente_verplicht",
    "regio_verplicht",
    "coa_regio",
    *GROUP_ATTRIBUTES,
)
SCORE_COLUMNS = ("huishouden_id", "gemeentecode", "score")
CAPACITY_COLUMNS = ("gemeentecode", "capaciteit")
GM = re.compile(r"^GM\d{4}$")
PV = re.compile(r"^PV\d{2}$")
MAX_ERRORS = 20
# The row numbers pandas writes in front (to_csv without index=False): a column without a
# name, or "Unnamed: 0" once read and written again. Dropped after the privacy check.
INDEX_COLUMN = re.compile(r"(unnamed: \d+)?")


class InputError(KoppelingError):
    """One or more rows are invalid; `problems` lists them (row, column, message)."""

    def __init__(self, name: str, problems: Sequence[str]) -> None:
        shown = list(problems[:MAX_ERRORS])
        more = len(problems) - len(shown)
        tail = f"\n  ... en nog {more} fout(en)" if more > 0 else ""
        super().__init__(
            f"{name} bevat fouten; er is niets verwerkt:\n  "
            + "\n  ".join(shown)
            + tail
        )
        self.problems = list(problems)


@dataclass(frozen=True, slots=True)
class Table:
    name: str
    header: list[str]
    rows: list[list[str]]


def read_table(
    path: Path, required: Sequence[str], optional: Sequence[str] = ()
) -> Table:
    name = path.name
    text = _text(path)
    records = list(csv.reader(io.StringIO(text), delimiter=_delimiter(text)))
    if not records or not any(cell.strip() for cell in records[0]):
        raise KoppelingError(
            f"{name} is leeg; verwacht kolommen {', '.join(required)}."
        )
    header = [h.strip().lower() for h in records[0]]
    rows = [r for r in records[1:] if any(cell.strip() for cell in r)]
    check_header(name, header)
    check_cells(name, header, rows)
    problems = [
        f"rij {i}: {len(r)} velden, verwacht {len(header)}"
        for i, r in enumerate(rows, start=2)
        if len(r) != len(header)
    ]
    if problems:
        raise InputError(name, problems)
    keep = [k for k, h in enumerate(header) if not INDEX_COLUMN.fullmatch(h)]
    header = [header[k] for k in keep]
    _check_columns(name, header, required, optional)
    return Table(name, header, [[r[k].strip() for k in keep] for r in rows])


def _text(path: Path) -> str:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise KoppelingError(f"{path.name} kan niet gelezen worden: {exc}") from exc
    text = decode_text(raw)
    if text is None:
        raise KoppelingError(
            f"{path.name} is geen tekstbestand in UTF-8 of Windows-1252; "
            "sla het op als CSV (UTF-8)."
        )
    return text


def decode_text(raw: bytes) -> str | None:
    """UTF-8 (with or without BOM), else Windows-1252: what Excel saves as CSV."""
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    return None


def _delimiter(text: str) -> str:
    """The separator used most in the header line: comma, semicolon or tab."""
    first = text[: text.find("\n")] if "\n" in text else text  # no copy of the rest
    return max((",", ";", "\t"), key=first.count)


def _check_columns(
    name: str, header: list[str], required: Sequence[str], optional: Sequence[str]
) -> None:
    missing = [c for c in required if c not in header]
    unknown = [c for c in header if c not in (*required, *optional)]
    if missing or unknown:
        parts = []
        if missing:
            parts.append(f"ontbrekende kolom(men): {', '.join(missing)}")
        if unknown:
            parts.append(
                f"onbekende kolom(men): {', '.join(unknown)} (toegestaan: "
                f"{', '.join((*required, *optional))})"
            )
        raise InputError(name, ["rij 1: " + "; ".join(parts)])


def _int(value: str, column: str, row: int, problems: list[str], low: int) -> int:
    """A whole number; "12.0" or "12,0" (a spreadsheet's float column) counts as 12."""
    whole = re.fullmatch(r"(\d+)(?:[.,]0+)?", value)
    if not whole or int(whole[1]) < low:
        problems.append(
            f"rij {row}, kolom {column}: '{value}' is geen geheel getal >= {low}"
        )
        return low
    return int(whole[1])


@functools.lru_cache(maxsize=4096)  # a score file repeats ~342 codes a million times
def gemeentecode(value: str) -> str:
    """GMxxxx as written, in capitals; a bare CBS number ("363", "0363") gets the
    prefix, as CBS tables often give the code as a number."""
    code = value.strip().upper()
    return f"GM{int(code):04d}" if re.fullmatch(r"\d{1,4}", code) else code


def arrival_date(value: str) -> date | None:
    """JJJJ-MM-DD, also with a time after it (a date-time column), or DD-MM-JJJJ (how
    a Dutch spreadsheet writes a date); None when it is neither."""
    iso = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})(?:[ T][\d:.+-]*)?", value)
    dutch = re.fullmatch(r"(\d{1,2})-(\d{1,2})-(\d{4})", value)
    try:
        if iso:
            return date(int(iso[1]), int(iso[2]), int(iso[3]))
        if dutch:
            return date(int(dutch[3]), int(dutch[2]), int(dutch[1]))
    except ValueError:
        return None
    return None


def _household(rec: dict[str, str], row: int, problems: list[str]) -> Household:
    hid = rec["huishouden_id"]
    if not hid:
        problems.append(f"rij {row}, kolom huishouden_id: leeg")
    arrival = arrival_date(rec["aankomst"])
    if arrival is None:
        problems.append(
            f"rij {row}, kolom aankomst: '{rec['aankomst']}' is geen datum JJJJ-MM-DD "
            "(of DD-MM-JJJJ)"
        )
        arrival = date(2000, 1, 1)
    persons = _int(rec["personen"], "personen", row, problems, 1)
    adults = _int(rec["volwassenen"], "volwassenen", row, problems, 1)
    if adults > persons:
        problems.append(
            f"rij {row}, kolom volwassenen: {adults} is meer dan personen ({persons})"
        )
    gm = gemeentecode(rec.get("gemeente_verplicht", ""))
    pv = rec.get("regio_verplicht", "").upper()
    if gm and not GM.match(gm):
        problems.append(
            f"rij {row}, kolom gemeente_verplicht: '{gm}' is geen CBS-code GMxxxx"
        )
    if pv and not PV.match(pv):
        problems.append(
            f"rij {row}, kolom regio_verplicht: '{pv}' is geen provinciecode PVxx"
        )
    coa = rec.get("coa_regio", "")
    if coa and coa not in ("1", "2", "3", "4", "5"):
        problems.append(f"rij {row}, kolom coa_regio: '{coa}' is geen COA-regio 1-5")
    groups = {a: rec[a] for a in GROUP_ATTRIBUTES if rec.get(a)}
    return Household(hid, arrival, persons, adults, gm, pv, coa, groups)


def read_households(path: Path) -> tuple[Household, ...]:
    """H.csv in arrival order (ties by id)."""
    table = read_table(path, HOUSEHOLD_REQUIRED, HOUSEHOLD_OPTIONAL)
    problems: list[str] = []
    seen: dict[str, int] = {}
    out = []
    for row, values in enumerate(table.rows, start=2):
        rec = dict(zip(table.header, values, strict=True))
        hid = rec["huishouden_id"]
        if hid in seen:
            problems.append(
                f"rij {row}, kolom huishouden_id: '{hid}' staat ook in rij {seen[hid]}"
            )
        seen[hid] = row
        out.append(_household(rec, row, problems))
    if not out:
        problems.append("geen huishoudens")
    if problems:
        raise InputError(table.name, problems)
    return tuple(sorted(out, key=lambda h: (h.arrival, h.id)))


def read_scores(path: Path, household_ids: set[str]) -> dict[tuple[str, str], float]:
    table = read_table(path, SCORE_COLUMNS, ("gemeentenaam",))
    problems: list[str] = []
    out: dict[tuple[str, str], float] = {}
    columns = [table.header.index(c) for c in SCORE_COLUMNS]
    for row, values in enumerate(table.rows, start=2):
        hid, code, raw = (values[k] for k in columns)
        code = gemeentecode(code)
        if hid not in household_ids:
            problems.append(
                f"rij {row}, kolom huishouden_id: '{hid}' staat niet in de huishoudens"
            )
        if not GM.match(code):
            problems.append(
                f"rij {row}, kolom gemeentecode: '{code}' is geen CBS-code GMxxxx"
            )
        try:
            score = float(raw.replace(",", "."))
        except ValueError:
            score = math.nan
        if not math.isfinite(score) or score < 0:
            problems.append(f"rij {row}, kolom score: '{raw}' is geen getal >= 0")
        if (hid, code) in out:
            problems.append(f"rij {row}: score voor {hid} x {code} staat er dubbel in")
        out[(hid, code)] = score
    missing = household_ids - {hid for hid, _ in out}
    if missing:
        problems.append(
            f"geen enkele score voor huishouden(s): {', '.join(sorted(missing)[:5])}"
        )
    if problems:
        raise InputError(table.name, problems)
    return out


def read_capacity(path: Path) -> dict[str, int]:
    table = read_table(path, CAPACITY_COLUMNS, ("gemeentenaam",))
    problems: list[str] = []
    out: dict[str, int] = {}
    for row, values in enumerate(table.rows, start=2):
        rec = dict(zip(table.header, values, strict=True))
        code = gemeentecode(rec["gemeentecode"])
        if not GM.match(code):
            problems.append(
                f"rij {row}, kolom gemeentecode: '{code}' is geen CBS-code GMxxxx"
            )
        if code in out:
            problems.append(f"rij {row}, kolom gemeentecode: {code} staat er dubbel in")
        out[code] = _int(rec["capaciteit"], "capaciteit", row, problems, 0)
    if not out:
        problems.append("geen gemeenten")
    if problems:
        raise InputError(table.name, problems)
    return out
