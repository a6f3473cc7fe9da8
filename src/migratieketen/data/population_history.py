# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""CBS population per gemeente on the reference dates the taakstelling needs.

Art. 29 lid 1 Huisvestingswet 2014 uses the CBS population on 1 January of the year
before the half-year, in the municipal division of that time. Two historic files in the
shared data folder cover 1-1-2016 (390 gemeenten, for 2017) and 1-1-2018 (355, 2019
boundaries, for 2019); the main data layer provides 2022-2024 in the 2024 division.
The historic files carry no CBS codes, so their keys are the gemeente names.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from migratieketen.data.loader import default_data_dir, load_dataset
from migratieketen.data.model import DataSet
from migratieketen.data.provenance import Provenance


class PopulationError(ValueError):
    """A population file is missing or invalid (message in Dutch for users)."""


@dataclass(frozen=True, slots=True)
class HistoricFile:
    filename: str
    reference_date: date
    division: str
    national_total: int  # CBS national population on the reference date
    tolerance: int  # allowed |sum - national_total| (source rounding)
    expected_rows: int
    provenance_note: str


HISTORIC_FILES: dict[date, HistoricFile] = {
    date(2016, 1, 1): HistoricFile(
        "cbs_population_2016-01-01_gemeenten.csv",
        date(2016, 1, 1),
        "2016",
        16_979_120,
        0,
        390,
        "Overgenomen uit GitHub ShaunVanBeurden/PosterHouse (units.php, commit "
        "d046f1e); niet rechtstreeks van CBS StatLine.",
    ),
    date(2018, 1, 1): HistoricFile(
        "cbs_population_2018-01-01_gemeenten_2019boundaries.csv",
        date(2018, 1, 1),
        "2019",
        17_181_084,
        1,
        355,
        "Overgenomen uit GitHub SjorsWijsman/frontend-data (gestolen.js, commit "
        "6458cb7^), in de gemeentelijke indeling van 1-1-2019; som wijkt 1 af van "
        "het CBS-totaal.",
    ),
}


@dataclass(frozen=True, slots=True)
class PopulationTable:
    """Inhabitants per gemeente on one reference date, with the national total iN."""

    reference_date: date
    division: str  # municipal division the keys belong to
    populations: dict[str, int]  # key (CBS code, or name for historic files) -> persons
    names: dict[str, str]
    province_codes: dict[str, str]  # key -> "PV27"; empty for historic files
    national_total: int
    provenance: Provenance
    keyed_by_code: bool
    notes: tuple[str, ...] = field(default_factory=tuple)


def load_historic_population(path: Path, spec: HistoricFile) -> PopulationTable:
    """Read a historic 'gemeente,inwoners' CSV with leading '#' comment lines."""
    if not path.is_file():
        raise PopulationError(f"Bevolkingsbestand ontbreekt: {path}")
    with path.open(encoding="utf-8", newline="") as fh:
        lines = [ln for ln in fh if not ln.startswith("#") and ln.strip()]
    reader = csv.reader(lines)
    header = next(reader, None)
    if header != ["gemeente", "inwoners"]:
        raise PopulationError(
            f"{path.name}: kopregel moet 'gemeente,inwoners' zijn, niet {header}."
        )
    pops: dict[str, int] = {}
    for lineno, row in enumerate(reader, start=2):
        if len(row) != 2:
            raise PopulationError(f"{path.name} rij {lineno}: verwacht 2 kolommen.")
        name, raw = row[0].strip(), row[1].strip()
        if not name:
            raise PopulationError(f"{path.name} rij {lineno}: gemeentenaam ontbreekt.")
        if not raw.isdigit() or int(raw) <= 0:
            raise PopulationError(
                f"{path.name} rij {lineno} ({name}): inwoners '{raw}' is geen positief "
                "geheel getal."
            )
        if name in pops:
            raise PopulationError(f"{path.name} rij {lineno}: {name} komt dubbel voor.")
        pops[name] = int(raw)
    if len(pops) != spec.expected_rows:
        raise PopulationError(
            f"{path.name}: {len(pops)} gemeenten, verwacht {spec.expected_rows}."
        )
    total = sum(pops.values())
    if abs(total - spec.national_total) > spec.tolerance:
        raise PopulationError(
            f"{path.name}: som {total} wijkt af van CBS-totaal {spec.national_total}."
        )
    notes = [spec.provenance_note]
    if total != spec.national_total:
        notes.append(
            f"Som van de gemeenten ({total}) wijkt {spec.national_total - total} af van "
            f"het CBS-totaal {spec.national_total}; iN = CBS-totaal."
        )
    notes.append("Bron bevat geen CBS-gemeentecodes; gemeenten op naam.")
    return PopulationTable(
        reference_date=spec.reference_date,
        division=spec.division,
        populations=pops,
        names={k: k.replace(" (gemeente)", "") for k in pops},
        province_codes={},
        national_total=spec.national_total,
        provenance=Provenance(
            publisher="CBS",
            title=f"Bevolking per gemeente op {spec.reference_date.isoformat()}",
            table_id="",
            reference_date=spec.reference_date,
            licence="CC BY 4.0",
            url="https://opendata.cbs.nl/statline/",
            note=spec.provenance_note,
        ),
        keyed_by_code=False,
        notes=tuple(notes),
    )


def population_from_dataset(dataset: DataSet, year: int) -> PopulationTable:
    """Population on 1 January `year` from the main data layer's DataSet."""
    pops = {
        g.code: g.population[year] for g in dataset.gemeenten if year in g.population
    }
    if not pops:
        raise PopulationError(f"De dataset bevat geen inwonertallen voor 1-1-{year}.")
    prov = dataset.population_provenance.get(year)
    if prov is None:
        raise PopulationError(f"Geen herkomst (provenance) voor bevolking 1-1-{year}.")
    return PopulationTable(
        reference_date=date(year, 1, 1),
        division=str(dataset.division_year),
        populations=pops,
        names={g.code: g.name for g in dataset.gemeenten},
        province_codes={g.code: g.province_code for g in dataset.gemeenten},
        national_total=sum(pops.values()),
        provenance=prov,
        keyed_by_code=True,
        notes=(),
    )


def population_on(
    reference_date: date, data_dir: Path | None = None
) -> PopulationTable:
    """The population table for a reference date (1 January), from whichever source has it."""
    directory = data_dir if data_dir is not None else default_data_dir()
    spec = HISTORIC_FILES.get(reference_date)
    if spec is not None:
        return load_historic_population(directory / spec.filename, spec)
    if reference_date.month != 1 or reference_date.day != 1:
        raise PopulationError("Bevolkingspeildatum moet 1 januari zijn.")
    dataset = load_dataset(directory)
    year = reference_date.year
    if not any(year in g.population for g in dataset.gemeenten):
        known = sorted(
            {y for g in dataset.gemeenten for y in g.population}
            | {d.year for d in HISTORIC_FILES}
        )
        raise PopulationError(
            f"Geen CBS-bevolking per gemeente op 1-1-{year} beschikbaar; "
            f"wel voor: {', '.join(str(y) for y in known)}."
        )
    return population_from_dataset(dataset, year)
