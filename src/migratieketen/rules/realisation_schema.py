# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""The one schema of a realisation, shared by the web form, the CSV import and the API.

Each edge turns its own input into typed values (a form field, a JSON value, a CSV
cell) and then asks `check_realisation` whether the values are acceptable; every edge
therefore refuses the same things with the same Dutch reason, and the database never
sees a value it cannot store (PostgreSQL refuses a kenmerk over its column length or
with a NUL character, where SQLite would store it).

What is accepted:
* the date of housing lies between 1 January 2015, when the half-yearly taakstelling of
  art. 28 Huisvestingswet 2014 began, and today (the caller gives today: no clock here);
* 1 to MAX_PERSONS_PER_ROW persons, a whole number written with the digits 0-9;
* households optional, at least 1 and at most the number of persons;
* a kind from KINDS; a kenmerk of at most MAX_REFERENCE_LENGTH characters without
  control characters.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date

FIRST_DATE = date(2015, 1, 1)
MAX_PERSONS_PER_ROW = 50
MAX_REFERENCE_LENGTH = 100
KINDS = ("regulier", "nareiziger", "zelf_gevonden")
# The Dutch reasons; the web form shows them through its translation catalogue.
FUTURE_TEXT = "De datum ligt in de toekomst."
BEFORE_FIRST_DATE_TEXT = (
    "De taakstelling geldt vanaf 1 januari 2015 (art. 28 Huisvestingswet 2014); "
    "kies een latere datum."
)
PERSONS_MIN_TEXT = "Minimaal 1 persoon."
PERSONS_MAX_TEXT = f"Maximaal {MAX_PERSONS_PER_ROW} personen per regel."
HOUSEHOLDS_MIN_TEXT = "Minimaal 1 huishouden, of laat het veld leeg."
HOUSEHOLDS_ABOVE_PERSONS_TEXT = "Er kunnen niet meer huishoudens dan personen zijn."
KIND_CHOICE_TEXT = "Kies regulier, nareiziger of zelf_gevonden."
REFERENCE_TOO_LONG_TEXT = (
    f"Het kenmerk is te lang (maximaal {MAX_REFERENCE_LENGTH} tekens)."
)
REFERENCE_CONTROL_TEXT = "Het kenmerk bevat een stuurteken of onzichtbaar teken."
_WHOLE_NUMBER = re.compile(r"[0-9]+")


@dataclass(frozen=True, slots=True)
class FieldIssue:
    """A refused value: the field (schema name, see FIELDS) and why, in Dutch."""

    field: str
    message: str


# Schema field names; each edge maps them to its own (form field, CSV column, JSON key).
FIELDS = ("gemeente", "housed_on", "persons", "households", "kind", "reference")


def parse_whole_number(text: str) -> int | None:
    """'12' -> 12; None for anything but the ASCII digits 0-9 (also '²', '١', '-1')."""
    cleaned = text.strip()
    return int(cleaned) if _WHOLE_NUMBER.fullmatch(cleaned) else None


def check_housed_on(housed_on: date, today: date) -> str | None:
    if housed_on > today:
        return FUTURE_TEXT
    if housed_on < FIRST_DATE:
        return BEFORE_FIRST_DATE_TEXT
    return None


def check_persons(persons: int) -> str | None:
    if persons < 1:
        return PERSONS_MIN_TEXT
    if persons > MAX_PERSONS_PER_ROW:
        return PERSONS_MAX_TEXT
    return None


def check_households(households: int, persons: int | None) -> str | None:
    if households < 1:
        return HOUSEHOLDS_MIN_TEXT
    if persons is not None and households > persons:
        return HOUSEHOLDS_ABOVE_PERSONS_TEXT
    return None


def check_kind(kind: str) -> str | None:
    return None if kind in KINDS else KIND_CHOICE_TEXT


def check_reference(reference: str) -> str | None:
    if len(reference) > MAX_REFERENCE_LENGTH:
        return REFERENCE_TOO_LONG_TEXT
    if any(unicodedata.category(ch).startswith("C") for ch in reference):
        return REFERENCE_CONTROL_TEXT
    return None


def check_realisation(
    *,
    housed_on: date | None,
    persons: int | None,
    households: int | None,
    kind: str,
    reference: str,
    today: date,
) -> list[FieldIssue]:
    """Every problem with these values (empty: acceptable). None = refused earlier."""
    checks = [
        ("housed_on", None if housed_on is None else check_housed_on(housed_on, today)),
        ("persons", None if persons is None else check_persons(persons)),
        (
            "households",
            None if households is None else check_households(households, persons),
        ),
        ("kind", check_kind(kind)),
        ("reference", check_reference(reference)),
    ]
    return [FieldIssue(name, message) for name, message in checks if message]
