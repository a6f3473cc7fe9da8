# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Refuse files that look like they carry personal data: the koppeling works on
pseudonymous households only (AVG data minimisation). A column is refused when its name
suggests a BSN, a foreigner number or a name, or when a cell is a valid BSN
(nine digits that pass the elfproef) or reads like a person's name.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from migratieketen.plan.koppeling.model import KoppelingError

_ID_WORDS = (
    "bsn",
    "burgerservicenummer",
    "sofinummer",
    "vnummer",
    "v_nummer",
    "vreemdelingennummer",
    "anummer",
    "a_nummer",
)
_NAME_WORDS = ("naam", "name", "voorletters", "tussenvoegsel", "surname")
# "Unnamed: 0" is the row-number column pandas writes (inputs.INDEX_COLUMN), not a name.
_ALLOWED = ("gemeentenaam", "unnamed_")
_PERSON_NAME = re.compile(
    r"^[A-Z][a-z]+(?: (?:van|de|der|den|el|al|bin|ter|ten))* [A-Z][a-z]+$"
)
REFUSAL = (
    "Lever alleen gepseudonimiseerde gegevens aan; er is niets verwerkt of opgeslagen."
)


class PersonalDataError(KoppelingError):
    """The file looks like it holds a BSN or a name (message in Dutch)."""


def _compact(header: str) -> str:
    return re.sub(
        r"[^a-z_]", "", header.strip().lower().replace(" ", "_").replace("-", "_")
    )


def is_bsn(value: str) -> bool:
    """Nine digits (eight with a leading zero dropped) that pass the elfproef."""
    digits = value.strip()
    if not digits.isdigit() or len(digits) not in (8, 9):
        return False
    digits = digits.zfill(9)
    total = sum(int(d) * w for d, w in zip(digits[:8], range(9, 1, -1), strict=True))
    return int(digits) != 0 and (total - int(digits[8])) % 11 == 0


def check_header(name: str, header: Sequence[str]) -> None:
    for column in header:
        key = _compact(column)
        if key in _ALLOWED:
            continue
        if any(word in key for word in _ID_WORDS):
            raise PersonalDataError(
                f"{name}: kolom '{column}' lijkt een BSN of vreemdelingennummer te "
                f"bevatten. {REFUSAL}"
            )
        if any(word in key for word in _NAME_WORDS):
            raise PersonalDataError(
                f"{name}: kolom '{column}' lijkt namen te bevatten. {REFUSAL}"
            )


def check_row(
    name: str, header: Sequence[str], number: int, row: Sequence[str]
) -> None:
    """Refuse the file when a cell of row `number` is a BSN or reads like a name."""
    for column, cell in zip(header, row, strict=False):
        if is_bsn(cell):
            raise PersonalDataError(
                f"{name}, rij {number}, kolom '{column}': de waarde is een geldig "
                f"BSN-formaat (negen cijfers, elfproef). {REFUSAL}"
            )
        # A gemeente is called "De Bilt" or "Den Helder"; the column is only read as a
        # check and never kept. A name has a space: most cells are passed without regex.
        if (
            " " in cell
            and _PERSON_NAME.match(cell.strip())
            and _compact(column) not in _ALLOWED
        ):
            raise PersonalDataError(
                f"{name}, rij {number}, kolom '{column}': de waarde lijkt een "
                f"persoonsnaam. {REFUSAL}"
            )
