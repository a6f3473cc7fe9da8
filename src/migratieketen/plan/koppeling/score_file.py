# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Read S.csv (huishouden_id, gemeentecode, score) row by row into arrays.

A researcher's file for a year has 6.8 million rows (20,000 households x 342 gemeenten).
Held as a dict of pairs it took gigabytes; here each valid row costs 26 bytes, and the
checks of inputs.py (personal data first, every problem with its row and column, nothing
used when anything is wrong) are kept.
"""

from __future__ import annotations

import math
from array import array
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from migratieketen.plan.koppeling.csvfile import Rows, read_rows
from migratieketen.plan.koppeling.inputs import (
    GM,
    MAX_ERRORS,
    SCORE_COLUMNS,
    InputError,
    check_columns,
    data_columns,
    gemeentecode,
)
from migratieketen.plan.koppeling.model import FloatArray, IntArray, KoppelingError
from migratieketen.plan.koppeling.privacy import check_header, check_row

SCORE_OPTIONAL = ("gemeentenaam",)
# An empty score, or how pandas ("", "NaN") and R ("NA") write a missing value: no score
# for that pair, so it is not allowed, as when its row is left out (a score matrix with
# gaps, melted to rows). The household and gemeente are still checked.
NO_SCORE = frozenset({"", "nan", "na"})
GM_NUMBERS = 10_000  # a gemeente is kept as the CBS number of its code, GM0000-GM9999


def gm_number(code: str) -> int:
    return int(code[2:])


def gm_code(number: int) -> str:
    return f"GM{number:04d}"


@dataclass(frozen=True, slots=True)
class ScoreTable:
    """One entry per valid row: household (index into household_ids), the gemeente's
    CBS number (GM0363 -> 363) and the score."""

    household_ids: tuple[str, ...]
    household: IntArray
    gemeente: IntArray
    score: FloatArray
    # Households without a single row: kept, and reported as not linkable (no allowed
    # gemeente) rather than refusing the whole file for them.
    without_scores: tuple[str, ...] = ()

    def as_dict(self) -> dict[tuple[str, str], float]:
        return {
            (self.household_ids[h], gm_code(int(g))): float(s)
            for h, g, s in zip(self.household, self.gemeente, self.score, strict=True)
        }


def read_scores(
    path: Path, household_ids: Iterable[str], notes: list[str] | None = None
) -> ScoreTable:
    """With `notes`, unknown columns are ignored and named there; without, refused."""
    ids = tuple(household_ids)
    return read_rows(
        path, lambda header, rows: _scores(path.name, header, rows, ids, notes)
    )


def _scores(
    name: str,
    header: list[str],
    rows: Rows,
    ids: tuple[str, ...],
    notes: list[str] | None,
) -> ScoreTable:
    check_header(name, header)
    # Notes are handed on only once the file is read: read_rows may start again in
    # Windows-1252 after a byte that is no UTF-8, and would note a column twice.
    found: list[str] | None = None if notes is None else []
    refusal = _header_refusal(name, header, found)
    if refusal is not None:
        for number, row in rows:  # personal data is refused before anything else
            check_row(name, header, number, row)
        raise refusal
    reader = _Reader(name, header, ids)
    for number, row in rows:
        check_row(name, header, number, row)
        reader.add(number, row)
    table = reader.table()
    if notes is not None and found:
        notes.extend(found)
    return table


def _header_refusal(
    name: str, header: list[str], notes: list[str] | None
) -> KoppelingError | None:
    if not any(header):
        return KoppelingError(
            f"{name} is leeg; verwacht kolommen {', '.join(SCORE_COLUMNS)}."
        )
    try:
        check_columns(
            name,
            [header[k] for k in data_columns(header)],
            SCORE_COLUMNS,
            SCORE_OPTIONAL,
            notes,
        )
    except InputError as exc:
        return exc
    return None


class _Reader:
    """Valid rows into compact arrays; problems kept up to MAX_ERRORS, all counted."""

    def __init__(self, name: str, header: list[str], ids: tuple[str, ...]) -> None:
        self.name = name
        self.width = len(header)
        self.columns = [header.index(c) for c in SCORE_COLUMNS]
        self.ids = ids
        self.index = {h: i for i, h in enumerate(ids)}
        self.rows = array("q")  # "q": 8 bytes everywhere ("l" is 4 on Windows)
        self.household = array("q")
        self.gemeente = array("h")
        self.score = array("d")
        self.shape: list[str] = []
        self.shape_count = 0
        self.problems: list[tuple[int, str]] = []
        self.problem_count = 0

    def add(self, number: int, row: list[str]) -> None:
        if len(row) != self.width:
            self.shape_count += 1
            if len(self.shape) < MAX_ERRORS:
                self.shape.append(
                    f"rij {number}: {len(row)} velden, verwacht {self.width}"
                )
            return
        if self.shape_count:
            return  # the file's shape is wrong: its values are not looked at
        at_id, at_code, at_score = self.columns
        hid, raw = row[at_id].strip(), row[at_score].strip()
        code = gemeentecode(row[at_code])
        ok = True
        if hid not in self.index:
            ok = self._problem(
                number, f"kolom huishouden_id: '{hid}' staat niet in de huishoudens"
            )
        if not GM.match(code):
            ok = self._problem(
                number, f"kolom gemeentecode: '{code}' is geen CBS-code GMxxxx"
            )
        if raw.lower() in NO_SCORE:
            return  # the pair is not allowed, as if the row were absent
        try:
            score = float(raw.replace(",", "."))
        except ValueError:
            score = math.nan
        if not math.isfinite(score) or score < 0:
            ok = self._problem(number, f"kolom score: '{raw}' is geen getal >= 0")
        if ok:
            self.rows.append(number)
            self.household.append(self.index[hid])
            self.gemeente.append(gm_number(code))
            self.score.append(score)

    def _problem(self, number: int, text: str) -> bool:
        self.problem_count += 1
        if len(self.problems) < MAX_ERRORS:
            self.problems.append((number, f"rij {number}, {text}"))
        return False

    def table(self) -> ScoreTable:
        if self.shape_count:
            raise InputError(self.name, self.shape, self.shape_count)
        household = np.frombuffer(self.household, dtype=np.int64)
        gemeente = np.frombuffer(self.gemeente, dtype=np.int16).astype(np.int64)
        problems, count = self._duplicates(household * GM_NUMBERS + gemeente)
        if problems:
            raise InputError(self.name, problems, count)
        scored = np.zeros(len(self.ids), dtype=bool)
        scored[household] = True
        return ScoreTable(
            self.ids,
            household,
            gemeente,
            np.frombuffer(self.score, dtype=np.float64),
            tuple(sorted(self.ids[i] for i in np.nonzero(~scored)[0])),
        )

    def _duplicates(self, keys: IntArray) -> tuple[list[str], int]:
        """The row problems and each later row of a pair given twice, by row number."""
        order = np.argsort(keys, kind="stable")
        repeated = order[1:][keys[order][1:] == keys[order][:-1]]
        repeated.sort()
        found = [
            (
                int(self.rows[k]),
                f"rij {self.rows[k]}: score voor {self.ids[int(keys[k]) // GM_NUMBERS]} "
                f"x {gm_code(int(keys[k]) % GM_NUMBERS)} staat er dubbel in",
            )
            for k in repeated[:MAX_ERRORS]
        ]
        merged = sorted(self.problems + found)[:MAX_ERRORS]
        return [text for _, text in merged], self.problem_count + len(repeated)
