# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Every CSV importer refuses a field beyond the csv module's limit in Dutch.

Before, `csv.Error` (no ValueError) escaped each importer's checks: a server error on
the upload pages of opvang, monitor, arbeidsmigranten, inburgering and werkplaats.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from migratieketen.plan.opvang.candidates import COLUMNS, parse_candidates
from migratieketen.plan.opvang.norms import OpvangError, norms_at
from migratieketen.rules.realisations_csv import (
    REQUIRED,
    RealisationImportError,
    parse_realisations,
)
from migratieketen_web.accounts.isolation import Actor
from migratieketen_web.arbeidsmigranten import csv_io
from migratieketen_web.inburgering import csv_import
from migratieketen_web.werkplaats import praktijk

LONG = "9" * 200_000  # csv.field_size_limit() is 131,072 characters


def _file(columns: tuple[str, ...] | list[str], separator: str = ",") -> str:
    """A header of the importer's own columns and one row whose first field is LONG."""
    return separator.join(columns) + "\n" + LONG + separator * (len(columns) - 1) + "\n"


CASES: dict[str, tuple[Callable[[], object], type[Exception]]] = {
    "opvang kandidaten": (
        lambda: parse_candidates(_file(COLUMNS), {}, norms_at(date(2026, 1, 1))),
        OpvangError,
    ),
    "monitor realisaties": (
        lambda: parse_realisations(_file(REQUIRED), {"GM0716"}, date(2026, 1, 1)),
        RealisationImportError,
    ),
    "arbeidsmigranten locaties": (
        lambda: csv_io.parse_locations(
            _file(csv_io.LOCATION_REQUIRED).encode(), "GM0363"
        ),
        csv_import.ImportRejected,
    ),
    "arbeidsmigranten bewoners": (
        lambda: csv_io.parse_occupants(
            Actor(7, "km", "web"), _file(csv_io.OCCUPANT_REQUIRED).encode(), "GM0363"
        ),
        csv_import.ImportRejected,
    ),
    "inburgering": (
        lambda: csv_import.parse(_file(csv_import.REQUIRED).encode(), "GM0363"),
        csv_import.ImportRejected,
    ),
    "werkplaats praktijk": (
        lambda: praktijk.parse_csv(_file(praktijk.REQUIRED, ";")),
        praktijk.ImportRejected,
    ),
}


@pytest.mark.django_db
@pytest.mark.parametrize("importer", list(CASES))
def test_a_field_beyond_the_csv_limit_is_refused_in_dutch(importer: str) -> None:
    parse, refusal = CASES[importer]
    with pytest.raises(refusal) as err:
        parse()
    said = [str(err.value), *getattr(err.value, "errors", ())]
    assert any("geen leesbaar CSV-bestand" in text for text in said)
