# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Read the koppeling files (H.csv, S.csv, C.csv): all rows valid, or nothing.

Every problem is reported with its row and column, in Dutch; personal data is refused
before anything else is looked at (privacy.py).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from migratieketen.plan.koppeling.csvfile import Rows, read_rows
from migratieketen.plan.koppeling.model import (
    GROUP_ATTRIBUTES,
    Household,
    KoppelingError,
)
from migratieketen.plan.koppeling.privacy import check_header, check_row

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

    def __init__(
        self, name: str, problems: Sequence[str], total: int | None = None
    ) -> None:
        """`total`: how many problems there are, where only the first were kept."""
        shown = list(problems[:MAX_ERRORS])
        count = len(problems) if total is None else max(total, len(problems))
        more = count - len(shown)
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
    path: Path,
    required: Sequence[str],
    optional: Sequence[str] = (),
    notes: list[str] | None = None,
) -> Table:
    """All rows of a small file (H.csv, C.csv), checked for personal data and shape.

    Without `notes` an unknown column refuses the file (the web keeps uploads as sent,
    so it takes only what it needs); with `notes` it is dropped and named there.
    """
    return read_rows(
        path,
        lambda header, rows: _table(
            path.name, header, rows, (required, optional), notes
        ),
    )


def _table(
    name: str,
    header: list[str],
    rows: Rows,
    columns: tuple[Sequence[str], Sequence[str]],
    notes: list[str] | None,
) -> Table:
    required, optional = columns
    check_header(name, header)
    kept: list[list[str]] = []
    problems = []
    for number, row in rows:
        check_row(name, header, number, row)
        if len(row) != len(header):
            problems.append(f"rij {number}: {len(row)} velden, verwacht {len(header)}")
        kept.append(row)
    if not any(header):
        raise KoppelingError(
            f"{name} is leeg; verwacht kolommen {', '.join(required)}."
        )
    if problems:
        raise InputError(name, problems)
    keep = data_columns(header)
    ignored = check_columns(name, [header[k] for k in keep], required, optional, notes)
    keep = [k for k in keep if header[k] not in ignored]
    header = [header[k] for k in keep]
    return Table(name, header, [[r[k].strip() for k in keep] for r in kept])


def data_columns(header: Sequence[str]) -> list[int]:
    """Positions of the named columns: pandas' nameless row-number column is dropped."""
    return [k for k, h in enumerate(header) if not INDEX_COLUMN.fullmatch(h)]


def check_columns(
    name: str,
    header: list[str],
    required: Sequence[str],
    optional: Sequence[str],
    notes: list[str] | None = None,
) -> list[str]:
    """The unknown columns, when `notes` is given (named there); else they refuse."""
    missing = [c for c in required if c not in header]
    unknown = [c for c in header if c not in (*required, *optional)]
    if unknown and not missing and notes is not None:
        notes.append(
            f"{name}: kolom(men) {', '.join(unknown)} genegeerd: onbekend, niet "
            f"gebruikt (wel gebruikt: {', '.join(c for c in header if c not in unknown)})"
        )
        return unknown
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
    return []


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
    """JJJJ-MM-DD (also JJJJ/MM/DD or without leading zeros, the year first is never
    ambiguous), also with a time after it (a date-time column), or DD-MM-JJJJ (how a
    Dutch spreadsheet writes a date); None when it is neither."""
    iso = re.fullmatch(r"(\d{4})([-/])(\d{1,2})\2(\d{1,2})(?:[ T][\d:.+-]*)?", value)
    dutch = re.fullmatch(r"(\d{1,2})-(\d{1,2})-(\d{4})", value)
    try:
        if iso:
            return date(int(iso[1]), int(iso[3]), int(iso[4]))
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


def read_households(
    path: Path, notes: list[str] | None = None
) -> tuple[Household, ...]:
    """H.csv in arrival order (ties by id)."""
    table = read_table(path, HOUSEHOLD_REQUIRED, HOUSEHOLD_OPTIONAL, notes)
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


def read_capacity(path: Path, notes: list[str] | None = None) -> dict[str, int]:
    table = read_table(path, CAPACITY_COLUMNS, ("gemeentenaam",), notes)
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
