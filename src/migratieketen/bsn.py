# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""The burgerservicenummer: nine digits that pass the elfproef, with Dutch errors.

The check itself is python-stdnum's (`stdnum.nl.bsn`: 9*d1 + 8*d2 + ... + 2*d8 - d9
divisible by 11). Decided here: exactly nine digits (no left-padding of old eight-digit
numbers, which stdnum would do silently), and 000000000 is refused.
"""

from __future__ import annotations

from stdnum.exceptions import ValidationError
from stdnum.nl import bsn as _bsn


class BsnError(ValueError):
    """Not a valid BSN; the message is Dutch and never repeats the number."""


def normalise_bsn(value: str) -> str:
    """Strip spaces, dots and hyphens; raise BsnError unless nine digits pass the elfproef."""
    digits = "".join(ch for ch in str(value) if ch not in " .-\t")
    if not digits:
        raise BsnError("Vul een BSN in.")
    if not digits.isdigit():
        raise BsnError("Een BSN bestaat alleen uit cijfers.")
    if len(digits) != 9:
        raise BsnError(f"Een BSN heeft 9 cijfers, niet {len(digits)}.")
    if int(digits) == 0:
        raise BsnError("Een BSN van alleen nullen is geen BSN.")
    try:
        return str(_bsn.validate(digits))
    except ValidationError as exc:
        raise BsnError("Ongeldig BSN: het voldoet niet aan de elfproef.") from exc


def is_valid_bsn(value: str) -> bool:
    try:
        normalise_bsn(value)
    except BsnError:
        return False
    return True
