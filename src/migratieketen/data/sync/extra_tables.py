# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Sync of the optional tables: CBS SES-WOA per gemeente, population 1-1-2025, origin.

- SES-WOA: the gemeente rows of the CBS table "Sociaal-economische status; scores per
  wijk en buurt" (sources.SES_WOA_TABLE_ID), the latest period with scores. Its
  DataProperties hold four topics with the stem GemiddeldeScore (total, welvaart,
  opleiding, arbeidsverleden), each under a TopicGroup; the group title says which is
  which, and without groups the CBS order (total first) decides.
- Population on 1 January of the year after the KWB edition: CBS 70072NED (Regionale
  kerncijfers Nederland), dimension RegioS, topic TotaleBevolking.
- Origin counts: from the KWB rows already fetched (Nederland, EuropaExclusiefNederland,
  BuitenEuropa).

CBS publishes the SES-WOA per postcode only as a maatwerk spreadsheet without gemeente
codes; that file is not synced (a folder keeps the one it has).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from migratieketen.data import schema
from migratieketen.data.sources import REGIONAL_TABLE_ID, SES_WOA_TABLE_ID
from migratieketen.data.sync.cbs_odata import CbsODataClient
from migratieketen.data.sync.http import SyncError
from migratieketen.data.sync.install import write_csv
from migratieketen.data.sync.kwb_fields import (
    ORIGIN_STEMS,
    FieldResolver,
    number,
    stem,
)

Report = Callable[[str, int, int | None], None]
SES_PARTS = ("totaal", "welvaart", "opleiding", "arbeidsverleden")
_GROUP_WORDS = {
    "totaal": "totaal",
    "welvaart": "welvaart",
    "opleiding": "opleiding",
    "arbeidsverleden": "arbeid",
}
_GM = re.compile(r"^GM\d{4}$")


@dataclass(slots=True)
class ExtraFetched:
    ses_properties: list[dict[str, Any]]
    ses_rows: list[dict[str, Any]]
    population_properties: list[dict[str, Any]]
    population_rows: list[dict[str, Any]]
    population_year: int


def fetch_extra(client: CbsODataClient, kwb_year: int, report: Report) -> ExtraFetched:
    step = f"CBS {SES_WOA_TABLE_ID} (SES-WOA)"
    report(step, 0, None)
    ses_properties = client.data_properties(SES_WOA_TABLE_ID)
    ses_rows = client.typed_dataset(
        SES_WOA_TABLE_ID, ("GM",), progress=lambda n: report(step, n, None)
    )
    year = kwb_year + 1
    step = f"CBS {REGIONAL_TABLE_ID} (bevolking 1-1-{year})"
    report(step, 0, None)
    pop_properties = client.data_properties(REGIONAL_TABLE_ID)
    pop_rows = client.rows(
        REGIONAL_TABLE_ID,
        f"startswith(RegioS,'GM') and Perioden eq '{year}JJ00'",
        progress=lambda n: report(step, n, None),
    )
    return ExtraFetched(ses_properties, ses_rows, pop_properties, pop_rows, year)


def ses_keys(properties: list[dict[str, Any]]) -> dict[str, str | None]:
    """Which GemiddeldeScore_N key is the total, welvaart, opleiding, arbeidsverleden."""
    groups = {
        p.get("ID"): str(p.get("Title") or "").lower()
        for p in properties
        if p.get("Type") == "TopicGroup"
    }
    topics = [
        p
        for p in properties
        if p.get("Type") in (None, "Topic")
        and stem(str(p.get("Key") or "")) == "GemiddeldeScore"
    ]
    topics.sort(key=lambda p: int(str(p["Key"]).rsplit("_", 1)[-1]))
    found: dict[str, str | None] = dict.fromkeys(SES_PARTS)
    for topic in topics:
        title = groups.get(topic.get("ParentID"), "")
        for part, word in _GROUP_WORDS.items():
            if word in title and found[part] is None:
                found[part] = str(topic["Key"])
    if all(v is None for v in found.values()):  # no groups: CBS order, total first
        for part, topic in zip(SES_PARTS, topics, strict=False):
            found[part] = str(topic["Key"])
    if found["totaal"] is None:
        raise SyncError(
            f"CBS-tabel {SES_WOA_TABLE_ID} heeft geen SES-WOA-totaalscore "
            "(GemiddeldeScore in de groep Totaalscore)."
        )
    return found


def _code(row: dict[str, Any], dimension: str) -> str:
    return str(row.get(dimension) or "").strip()


def ses_records(fetched: ExtraFetched) -> tuple[str, list[dict[str, Any]]]:
    """(period, one record per gemeente) for the latest period with total scores."""
    keys = ses_keys(fetched.ses_properties)
    total = str(keys["totaal"])
    gm_rows = [r for r in fetched.ses_rows if _GM.match(_code(r, "WijkenEnBuurten"))]
    scored = {
        str(r.get("Perioden") or "").strip()
        for r in gm_rows
        if number(r.get(total)) is not None
    }
    if not scored:
        raise SyncError(
            f"CBS-tabel {SES_WOA_TABLE_ID} gaf geen SES-WOA-scores per gemeente"
        )
    period = max(scored)
    records = []
    for row in gm_rows:
        if str(row.get("Perioden") or "").strip() != period:
            continue
        record: dict[str, Any] = {
            "gemeentecode": _code(row, "WijkenEnBuurten"),
            "periode": period,
            "cbs_tabel": SES_WOA_TABLE_ID,
        }
        for part in SES_PARTS:
            key = keys[part]
            record[f"ses_woa_{part}"] = None if key is None else number(row.get(key))
        records.append(record)
    return period, sorted(records, key=lambda r: r["gemeentecode"])


def population_records(
    fetched: ExtraFetched, names: Mapping[str, str]
) -> list[dict[str, Any]]:
    resolver = FieldResolver(fetched.population_properties)
    records = []
    for row in fetched.population_rows:
        code = _code(row, "RegioS")
        population = resolver.raw(row, ("TotaleBevolking",))
        if not _GM.match(code) or population is None:
            continue  # gemeenten that no longer exist have no figure for the year
        records.append(
            {
                "gemeente_code": code,
                "gemeente_naam": names.get(code, code),
                "totale_bevolking_1jan2025": population,
                "particuliere_huishoudens_2025": resolver.raw(
                    row, ("ParticuliereHuishoudens", "HuishoudensTotaal")
                ),
            }
        )
    if not records:
        raise SyncError(
            f"CBS-tabel {REGIONAL_TABLE_ID} gaf geen bevolking per gemeente op 1 januari "
            f"{fetched.population_year}"
        )
    return sorted(records, key=lambda r: r["gemeente_code"])


def origin_records(
    resolver: FieldResolver,
    gemeente_rows: Mapping[str, dict[str, Any]],
    names: Mapping[str, str],
) -> list[dict[str, Any]]:
    records = []
    for code in sorted(gemeente_rows):
        row = gemeente_rows[code]
        inhabitants = resolver.value(row, "inwoners")
        record: dict[str, Any] = {
            "gemeente_code": code,
            "gemeente_naam": names.get(code, code),
            "inwoners_2024": inhabitants,
        }
        for column, stems in ORIGIN_STEMS.items():
            record[column] = resolver.raw(row, stems)
        europe = record["herkomst_europa_excl_nl"]
        record["aandeel_europa_excl_nl_pct"] = (
            round(100 * europe / inhabitants, 2)
            if europe is not None and inhabitants
            else None
        )
        records.append(record)
    return records


@dataclass(frozen=True, slots=True)
class ExtraWritten:
    files: tuple[str, ...]
    counts: dict[str, int]
    warnings: tuple[str, ...]
    ses_period: str


def write_extra(
    fetched: ExtraFetched,
    kwb: tuple[FieldResolver, Mapping[str, dict[str, Any]]],
    names: Mapping[str, str],
    out: Path,
) -> ExtraWritten:
    """Write the three optional files into `out`."""
    warnings: list[str] = []
    period, ses = ses_records(fetched)
    population = population_records(fetched, names)
    if all(r["particuliere_huishoudens_2025"] is None for r in population):
        warnings.append(
            f"CBS {REGIONAL_TABLE_ID}: geen veld voor particuliere huishoudens gevonden"
        )
    origin = origin_records(kwb[0], kwb[1], names)
    specs = (
        (schema.SES_WOA_GEMEENTEN, ses),
        (schema.POPULATION_2025, population),
        (schema.KWB2024_HERKOMST, origin),
    )
    for spec, rows in specs:
        write_csv(out / spec.filename, spec.column_names(), rows)
    counts = {
        "gemeenten_ses_woa": sum(r["ses_woa_totaal"] is not None for r in ses),
        "gemeenten_bevolking_2025": len(population),
    }
    files = tuple(spec.filename for spec, _ in specs)
    return ExtraWritten(files, counts, tuple(warnings), period)
