# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""How far a Spreidingswet distribution is from the published figures, per variant.

The published numbers (Stcrt. 2024, 3320, as quoted by the press) are read from two CSV
tables: per gemeente `gemeente,...,indicative_places` and per province
`province,opgave_total_incl_amv,...,status` ('#' lines are comments; rows whose places
are not a whole number, and amv sub-rows, are skipped; province rows with status
'derived' are shown but not counted in the error). The error of a figure is
|computed - published| / published; a variant's score is the mean over its figures
(mean absolute percentage error). Nothing here fits anything: each variant is a fixed
rule run through `service.run_spreiding`.
"""

from __future__ import annotations

import csv
import math
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from fractions import Fraction
from pathlib import Path

from migratieketen.rules import service
from migratieketen.rules import spreidingswet as sw

GEMEENTEN_FILE = "spreidingswet_gemeenten_indicative_2024.csv"
PROVINCES_FILE = "spreidingswet_provinces_2024_96000.csv"
FIRST_CYCLE = date(2024, 2, 1)

# The variants of the validation table: (choice for run_spreiding, Dutch label).
VARIANTS: tuple[tuple[str, str], ...] = (
    (service.SES_CHOICE_NONE, "alleen inwoners"),
    (service.SES_CHOICE_PROXY, "KWB-benadering (SCHATTING)"),
    (service.SES_CHOICE_POSTCODE, "SES-WOA uit CBS-postcodecijfers"),
    (service.SES_CHOICE_CBS, "SES-WOA CBS-gemeentetabel"),
)


@dataclass(frozen=True, slots=True)
class Published:
    gemeenten: dict[str, int]  # gemeente name as published -> places
    provinces: dict[str, int]  # province name -> places (incl. amv)
    derived_provinces: frozenset[str]  # rows not seen in a source (not scored)


@dataclass(frozen=True, slots=True)
class FigureError:
    name: str
    published: int
    computed: int

    @property
    def pct(self) -> float:
        return 100.0 * (self.computed - self.published) / self.published


@dataclass(frozen=True, slots=True)
class VariantReport:
    variant: str
    label: str
    available: bool
    gemeenten: tuple[FigureError, ...] = ()
    provinces: tuple[FigureError, ...] = ()
    scored_provinces: tuple[FigureError, ...] = ()
    ses_source: str = ""

    @property
    def mape_gemeenten(self) -> float:
        return mape(self.gemeenten)

    @property
    def mape_provinces(self) -> float:
        return mape(self.scored_provinces)


def mape(errors: Iterable[FigureError]) -> float:
    values = [abs(e.pct) for e in errors]
    return sum(values) / len(values) if values else float("nan")


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8") as fh:
        return list(csv.DictReader(ln for ln in fh if not ln.startswith("#")))


def read_published(tables_dir: Path) -> Published:
    gemeenten = {
        r["gemeente"].strip(): int(r["indicative_places"])
        for r in _rows(tables_dir / GEMEENTEN_FILE)
        if r["indicative_places"].strip().isdigit() and "(" not in r["gemeente"]
    }
    provinces: dict[str, int] = {}
    derived: set[str] = set()
    for r in _rows(tables_dir / PROVINCES_FILE):
        name = r["province"].strip()
        if name.upper() == "TOTAL" or not r["opgave_total_incl_amv"].isdigit():
            continue
        provinces[name] = int(r["opgave_total_incl_amv"])
        if r.get("status", "").strip() == "derived":
            derived.add(name)
    return Published(gemeenten, provinces, frozenset(derived))


def _plain(name: str) -> str:
    """Fold accents and case, so 'Fryslan' matches 'Fryslân'."""
    text = unicodedata.normalize("NFKD", name)
    return "".join(c for c in text if not unicodedata.combining(c)).lower().strip()


def compare(
    run: service.SpreidingRun,
    published: Published,
    province_names: Mapping[str, str],
) -> tuple[tuple[FigureError, ...], tuple[FigureError, ...]]:
    """Errors per published gemeente and province (names matched without accents)."""
    by_name = {_plain(n): k for k, n in run.population.names.items()}
    gemeenten = tuple(
        FigureError(name, pub, run.result.per_gemeente[by_name[_plain(name)]].places)
        for name, pub in published.gemeenten.items()
        if _plain(name) in by_name
    )
    code_of = {_plain(n): c for c, n in province_names.items()}
    provinces = tuple(
        FigureError(name, pub, run.provinces[code_of[_plain(name)]].places)
        for name, pub in published.provinces.items()
        if _plain(name) in code_of
    )
    return gemeenten, provinces


def validate(
    data_dir: Path,
    published: Published,
    province_names: Mapping[str, str],
    raming: int | None = None,
) -> list[VariantReport]:
    """One report per variant; a variant whose data is not in the folder is marked."""
    reports = []
    for choice, label in VARIANTS:
        try:
            run = service.run_spreiding(FIRST_CYCLE, data_dir, raming, ses=choice)
        except sw.SpreidingError:
            reports.append(VariantReport(choice, label, available=False))
            continue
        gemeenten, provinces = compare(run, published, province_names)
        scored = tuple(
            p for p in provinces if p.name not in published.derived_provinces
        )
        reports.append(
            VariantReport(
                choice,
                label,
                True,
                gemeenten,
                provinces,
                scored,
                run.result.ses_label or "geen",
            )
        )
    return reports


# --- candidate forms of the SES weighting, tested against the same figures -------------

# Forms without a fitted parameter, plus the scaled family 1 + k x score around k = 1 to
# show that the published figures do not ask for another scale. None is fitted: each is
# evaluated as written.
FORM_SCALES: tuple[str, ...] = ("0.8", "0.9", "1", "1.1", "1.2")


@dataclass(frozen=True, slots=True)
class FormReport:
    form: str  # e.g. "inwoners 1-1-2023 x (1 + 1 x SES)"
    mape_gemeenten: float
    mape_provinces: float


def _form_places(
    populations: Mapping[str, int], weights_factor: Mapping[str, float | Fraction]
) -> dict[str, int]:
    scores = {c: Fraction(str(f)) - 1 for c, f in weights_factor.items()}
    return sw.distribute(96000, populations, scores).places()


def candidate_forms(
    data_dir: Path, published: Published, province_names: Mapping[str, str]
) -> list[FormReport]:
    """Mean errors of alternative weightings with the postcode SES-WOA (first cycle)."""
    from migratieketen.data.loader import load_dataset
    from migratieketen.data.population_history import population_on
    from migratieketen.data.ses_woa import SOURCE_POSTCODE

    ses = load_dataset(data_dir).ses_woa[SOURCE_POSTCODE].scores
    base = service.run_spreiding(FIRST_CYCLE, data_dir, ses=service.SES_CHOICE_NONE)
    out = []
    for year in (2023, 2024, 2025):
        pops = population_on(date(year, 1, 1), data_dir).populations
        forms: dict[str, Mapping[str, float | Fraction]] = {
            "1 + SES" if k == "1" else f"1 + {k} x SES": {
                c: 1 + Fraction(k) * ses[c] for c in pops
            }
            for k in FORM_SCALES
        }
        forms["exp(SES)"] = {c: math.exp(float(ses[c])) for c in pops}
        for form, factors in forms.items():
            places = _form_places(pops, factors)
            out.append(
                _form_report(
                    f"inwoners 1-1-{year} x ({form})",
                    places,
                    base,
                    published,
                    province_names,
                )
            )
    return out


def _form_report(
    form: str,
    places: Mapping[str, int],
    base: service.SpreidingRun,
    published: Published,
    province_names: Mapping[str, str],
) -> FormReport:
    by_name = {_plain(n): k for k, n in base.population.names.items()}
    gem = [
        FigureError(n, p, places[by_name[_plain(n)]])
        for n, p in published.gemeenten.items()
        if _plain(n) in by_name
    ]
    per_province: dict[str, int] = {}
    for code, n in places.items():
        pv = base.population.province_codes[code]
        per_province[pv] = per_province.get(pv, 0) + n
    code_of = {_plain(n): c for c, n in province_names.items()}
    prov = [
        FigureError(n, p, per_province[code_of[_plain(n)]])
        for n, p in published.provinces.items()
        if _plain(n) in code_of and n not in published.derived_provinces
    ]
    return FormReport(form, mape(gem), mape(prov))
