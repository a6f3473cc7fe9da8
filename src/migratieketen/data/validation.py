# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Cross-file checks of the open-data folder, run on every load.

Per-cell checks (types, ranges, duplicate codes, missing columns) happen while reading
(csvtable, geojson). The checks here compare files with each other and with the CBS
national totals, so a folder that is internally inconsistent is refused as a whole.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from migratieketen.data.csvtable import CsvTable
from migratieketen.data.geojson import GeoLayer
from migratieketen.data.issues import DataIssue, DataValidationError, IssueList
from migratieketen.data.reorganisations import dissolved_codes
from migratieketen.data.sources import (
    NATIONAL_TOTALS,
    WIJK_ROUNDING_TOLERANCE_PER_GEMEENTE,
    NationalTotal,
)

__all__ = [
    "DataIssue",
    "DataValidationError",
    "IssueList",
    "check_national_total",
    "check_sex_sum",
    "check_same_codes",
    "check_previous_year",
    "check_kwb2022_codes",
    "check_wijken",
    "check_layer_codes",
    "check_provinces",
]


def _fmt(n: float) -> str:
    return f"{n:,.0f}".replace(",", ".")


def check_national_total(
    table: CsvTable,
    column: str,
    year: int,
    issues: IssueList,
    totals: Mapping[int, NationalTotal] = NATIONAL_TOTALS,
) -> None:
    """Σ gemeenten = the CBS national population on 1 January (within tolerance)."""
    expected = totals.get(year)
    if expected is None:
        return
    values = [r.get(column) for r in table.rows]
    if any(not isinstance(v, int) for v in values):
        return  # the per-cell error is already reported
    total = sum(v for v in values if isinstance(v, int))
    diff = total - expected.population
    if abs(diff) > expected.tolerance:
        issues.add(
            table.spec.filename,
            None,
            column,
            f"som is {_fmt(total)}, maar het landelijk totaal op 1 januari {year} is "
            f"{_fmt(expected.population)} (verschil {diff:+d}; bron: {expected.source})",
        )


def check_sex_sum(
    table: CsvTable, population_column: str, issues: IssueList, tolerance: int = 0
) -> None:
    """mannen + vrouwen = inwoners per row (exact for gemeenten in KWB)."""
    for row, line in zip(table.rows, table.lines, strict=True):
        men, women, pop = (
            row.get("mannen"),
            row.get("vrouwen"),
            row.get(population_column),
        )
        if (
            isinstance(men, int)
            and isinstance(women, int)
            and isinstance(pop, int)
            and abs(men + women - pop) > tolerance
        ):
            issues.add(
                table.spec.filename,
                line,
                population_column,
                f"mannen + vrouwen = {_fmt(men + women)}, maar inwoners = {_fmt(pop)}",
            )


def check_same_codes(a: CsvTable, b: CsvTable, issues: IssueList) -> None:
    """Two files of the same division must list exactly the same gemeenten."""
    codes_a, codes_b = set(a.by_key()), set(b.by_key())
    for code in sorted(codes_a - codes_b):
        issues.add(
            b.spec.filename,
            None,
            b.spec.key,
            f"gemeente {code} uit {a.spec.filename} ontbreekt",
        )
    lines_b = b.line_of()
    for code in sorted(codes_b - codes_a):
        issues.add(
            b.spec.filename,
            lines_b[code],
            b.spec.key,
            f"gemeente {code} staat niet in {a.spec.filename}",
        )


def check_previous_year(
    current: CsvTable, previous: CsvTable, issues: IssueList
) -> None:
    """inwoners_2023 in gemeenten_2024.csv equals the figure in gemeenten_2023.csv."""
    prev = previous.by_key()
    for row, line in zip(current.rows, current.lines, strict=True):
        other = prev.get(str(row["gemeentecode"]))
        if other is None:
            continue
        a, b = row.get("inwoners_2023"), other.get("inwoners_2023")
        if isinstance(a, int) and isinstance(b, int) and a != b:
            issues.add(
                current.spec.filename,
                line,
                "inwoners_2023",
                f"{_fmt(a)} wijkt af van {previous.spec.filename} ({_fmt(b)})",
            )


def check_kwb2022_codes(
    kwb: CsvTable, current_codes: Iterable[str], issues: IssueList
) -> None:
    """Every 2022 code exists now or is in the reorganisation table, and vice versa."""
    current = set(current_codes)
    dissolved = dissolved_codes()
    reached: set[str] = set()
    for row, line in zip(kwb.rows, kwb.lines, strict=True):
        code = str(row[kwb.spec.key])
        exists = row.get("bestaat_in_2024")
        if code in current:
            reached.add(code)
            if exists is False:
                issues.add(
                    kwb.spec.filename,
                    line,
                    "bestaat_in_2024",
                    f"{code} bestaat wel in 2024, maar staat op 'nee'",
                )
            continue
        if exists is True:
            issues.add(
                kwb.spec.filename,
                line,
                "bestaat_in_2024",
                f"{code} staat op 'ja', maar komt niet voor in de indeling van 2024",
            )
        reorganisation = dissolved.get(code)
        if reorganisation is None:
            issues.add(
                kwb.spec.filename,
                line,
                kwb.spec.key,
                f"{code} bestaat niet in 2024 en staat niet in de herindelingstabel",
            )
        else:
            reached.add(reorganisation.successor)
            reached.update(reorganisation.split_successors)
    for code in sorted(current - reached):
        issues.add(
            kwb.spec.filename,
            None,
            kwb.spec.key,
            f"geen cijfers voor gemeente {code} (niet aanwezig en geen herindeling)",
        )


def check_wijken(wijken: CsvTable, gemeenten: CsvTable, issues: IssueList) -> None:
    """Wijken belong to known gemeenten; their population adds up within rounding."""
    gem = gemeenten.by_key()
    name = wijken.spec.filename
    sums: dict[str, int] = {}
    for row, line in zip(wijken.rows, wijken.lines, strict=True):
        wijk, code = str(row["wijkcode"]), row.get("gemeentecode")
        if not isinstance(code, str):
            continue
        g = gem.get(code)
        if g is None:
            issues.add(name, line, "gemeentecode", f"onbekende gemeente {code}")
            continue
        if wijk[2:6] != code[2:6]:
            issues.add(
                name,
                line,
                "wijkcode",
                f"wijkcode {wijk} hoort niet bij gemeente {code}",
            )
        if row.get("provinciecode") != g.get("provinciecode"):
            issues.add(
                name,
                line,
                "provinciecode",
                f"{row.get('provinciecode')} wijkt af van de provincie van {code} "
                f"({g.get('provinciecode')})",
            )
        pop = row.get("inwoners_2024")
        if isinstance(pop, int):
            sums[code] = sums.get(code, 0) + pop
    for code, g in gem.items():
        if code not in sums:
            issues.add(name, None, "gemeentecode", f"geen wijken voor gemeente {code}")
            continue
        pop = g.get("inwoners_2024")
        if isinstance(pop, int):
            diff = sums[code] - pop
            if abs(diff) > WIJK_ROUNDING_TOLERANCE_PER_GEMEENTE:
                issues.add(
                    name,
                    None,
                    "inwoners_2024",
                    f"wijken van {code} tellen op tot {_fmt(sums[code])}, gemeente "
                    f"heeft {_fmt(pop)} (verschil {diff:+d}, meer dan afronding)",
                )


def check_layer_codes(
    layer: GeoLayer, table_codes: Iterable[str], table_file: str, issues: IssueList
) -> None:
    """GeoJSON features and CSV rows describe the same areas."""
    codes = set(table_codes)
    name = layer.spec.filename
    for code in sorted(codes - set(layer.geometry)):
        issues.add(
            name,
            None,
            layer.spec.code_property,
            f"geen geometrie voor {code} uit {table_file}",
        )
    for code in sorted(set(layer.geometry) - codes):
        issues.add(
            name,
            layer.feature_no[code],
            layer.spec.code_property,
            f"{code} staat niet in {table_file}",
        )


def check_provinces(
    gemeenten: CsvTable, layer: GeoLayer, issues: IssueList
) -> dict[str, str]:
    """Province codes/names in the gemeenten file match the province layer.

    Returns province code -> name.
    """
    names: dict[str, str] = {}
    lines: dict[str, int] = {}
    for row, line in zip(gemeenten.rows, gemeenten.lines, strict=True):
        code, pname = row.get("provinciecode"), row.get("provincienaam")
        if not isinstance(code, str) or not isinstance(pname, str):
            continue
        if code in names and names[code] != pname:
            issues.add(
                gemeenten.spec.filename,
                line,
                "provincienaam",
                f"{code} heet hier '{pname}', eerder '{names[code]}' (rij {lines[code]})",
            )
        names.setdefault(code, pname)
        lines.setdefault(code, line)
    for code, pname in names.items():
        props = layer.properties.get(code)
        if props is None:
            issues.add(
                gemeenten.spec.filename,
                lines[code],
                "provinciecode",
                f"provincie {code} ontbreekt in {layer.spec.filename}",
            )
            continue
        geo_name = props.get(layer.spec.name_property)
        if geo_name != pname:
            issues.add(
                layer.spec.filename,
                layer.feature_no[code],
                layer.spec.name_property,
                f"{code} heet '{geo_name}', in {gemeenten.spec.filename} '{pname}'",
            )
    for code in sorted(set(layer.geometry) - set(names)):
        issues.add(
            layer.spec.filename,
            layer.feature_no[code],
            layer.spec.code_property,
            f"provincie {code} heeft geen gemeenten",
        )
    return names
