# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""The optional files of the data folder: read when present, validated with the rest.

SES-WOA (CBS gemeente rows and/or the postcode file), the population on 1 January 2025
(70072NED) and the KWB 2024 origin counts. A folder without them is valid; a folder with
a broken one is not, so a bad postcode row stops `data check` and `data import` with its
file, row and column, and nothing is imported.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from migratieketen.data import schema
from migratieketen.data.csvtable import CsvTable, read_csv
from migratieketen.data.issues import IssueList
from migratieketen.data.origin import OriginTable, check_origin, origin_table
from migratieketen.data.ses_woa import (
    SOURCE_POSTCODE,
    SesWoaScores,
    scores_from_synced_table,
)
from migratieketen.data.ses_woa_pc4 import aggregate, check_postcodes
from migratieketen.data.validation import check_national_total, check_same_codes


@dataclass(slots=True)
class ExtraTables:
    ses_woa: dict[str, SesWoaScores] = field(default_factory=dict)  # by source
    population_2025: dict[str, int] = field(default_factory=dict)
    origin: OriginTable | None = None
    files: tuple[str, ...] = ()  # the optional files that were read


def _read_present(path: Path, issues: IssueList) -> dict[str, CsvTable]:
    tables = {}
    for spec in schema.OPTIONAL_CSV_FILES:
        if (path / spec.filename).exists():
            table = read_csv(path / spec.filename, spec, issues)
            if table is not None:
                tables[spec.filename] = table
    return tables


def _check_known_codes(table: CsvTable, codes: set[str], issues: IssueList) -> None:
    for code, line in table.line_of().items():
        if code not in codes:
            issues.add(
                table.spec.filename, line, table.spec.key,
                f"onbekende gemeentecode {code} (niet in gemeenten_2024.csv)",
            )  # fmt: skip


def parse_extra_tables(
    path: Path, gemeenten: CsvTable, issues: IssueList
) -> ExtraTables:
    """Read and check the optional files; problems go to `issues`."""
    before = len(issues)
    tables = _read_present(path, issues)
    codes = set(gemeenten.by_key())
    pc4 = tables.get(schema.SES_WOA_PC4.filename)
    cbs = tables.get(schema.SES_WOA_GEMEENTEN.filename)
    pop = tables.get(schema.POPULATION_2025.filename)
    origin = tables.get(schema.KWB2024_HERKOMST.filename)
    if pc4 is not None:
        check_postcodes(pc4, codes, issues)
    if cbs is not None:
        _check_known_codes(cbs, codes, issues)
    if pop is not None:
        check_same_codes(gemeenten, pop, issues)
        check_national_total(pop, "totale_bevolking_1jan2025", 2025, issues)
    if origin is not None:
        check_same_codes(gemeenten, origin, issues)
        inhabitants = {
            str(r["gemeentecode"]): int(r["inwoners_2024"])  # type: ignore[arg-type]
            for r in gemeenten.rows
        }
        check_origin(origin, inhabitants, issues)
    if len(issues) > before:
        return ExtraTables()
    extra = ExtraTables(files=tuple(sorted(tables)))
    if pc4 is not None:
        names = {c: str(r["gemeentenaam"]) for c, r in gemeenten.by_key().items()}
        extra.ses_woa[SOURCE_POSTCODE] = aggregate(pc4, names)
    if cbs is not None:
        synced = scores_from_synced_table(cbs, issues)
        if synced is not None:
            extra.ses_woa[synced.source] = synced
    if pop is not None:
        extra.population_2025 = {
            str(r["gemeente_code"]): int(r["totale_bevolking_1jan2025"])  # type: ignore[arg-type]
            for r in pop.rows
        }
    if origin is not None:
        extra.origin = origin_table(origin)
    return extra
