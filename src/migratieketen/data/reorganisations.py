# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Municipal reorganisations (gemeentelijke herindelingen) 2017-2023, and how figures
published for an older municipal division are carried over to the current one.

Every figure in Migratieketen is keyed by a *current* (2024) gemeentecode. Older tables
(KWB 2022, population files at 2016 or 2019 boundaries) use codes that no longer exist;
`to_current_division` maps them: counts are summed, shares and averages are weighted
means (weights chosen per figure, population by default), classes take the value of the
largest part.

Sources. Each entry cites the CBS page "Gemeentelijke indeling op 1 januari {jaar}"
(CBS, classificaties) for the year the change took effect. The code pairs were checked
against two independent public code tables (a road-equipment register's data-owner
migration script with the 2017-2019 code changes, and a COVID-19 data-cleaning module with
the 2021-2023 changes), and against the 2016/2019/2022 files in ../shared/data, whose
dissolved gemeenten are exactly the `parts` listed below.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Literal

CBS_INDELING_URL = (
    "https://www.cbs.nl/nl-nl/onze-diensten/methoden/classificaties/overig/"
    "gemeentelijke-indelingen-per-jaar/indeling-per-jaar/"
    "gemeentelijke-indeling-op-1-januari-{year}"
)


class ReorganisationError(ValueError):
    """A figure cannot be carried over to the current division (message in Dutch)."""


@dataclass(frozen=True, slots=True)
class Reorganisation:
    """One change: `parts` (old code, old name) go wholly into `successor`.

    For a split (`kind == "split"`) the single part is divided over `split_successors`;
    there is no public allocation key here, so callers must pass shares.
    """

    effective: date
    successor: str  # the receiving or newly formed gemeente (current code)
    successor_name: str
    parts: tuple[tuple[str, str], ...]
    source: str
    kind: Literal["merger", "split"] = "merger"
    split_successors: tuple[str, ...] = ()
    note: str = ""


def _cbs(year: int) -> str:
    return CBS_INDELING_URL.format(year=year)


def _m(
    eff: date, new: str, name: str, *parts: tuple[str, str], note: str = ""
) -> Reorganisation:
    return Reorganisation(eff, new, name, parts, _first_division(eff), note=note)


def _first_division(eff: date) -> str:
    """The CBS indeling page of the first 1 January on or after the change."""
    return _cbs(eff.year if (eff.month, eff.day) == (1, 1) else eff.year + 1)


_2017 = date(2017, 1, 1)
_2018 = date(2018, 1, 1)
_2019 = date(2019, 1, 1)
_2021 = date(2021, 1, 1)
_2022 = date(2022, 1, 1)

REORGANISATIONS: tuple[Reorganisation, ...] = (
    _m(
        _2017,
        "GM1948",
        "Meierijstad",
        ("GM0844", "Schijndel"),
        ("GM0846", "Sint-Oedenrode"),
        ("GM0860", "Veghel"),
    ),
    _m(
        _2018,
        "GM1950",
        "Westerwolde",
        ("GM0007", "Bellingwedde"),
        ("GM0048", "Vlagtwedde"),
    ),
    _m(
        _2018,
        "GM1952",
        "Midden-Groningen",
        ("GM0018", "Hoogezand-Sappemeer"),
        ("GM0040", "Slochteren"),
        ("GM1987", "Menterwolde"),
    ),
    _m(
        _2018,
        "GM0080",
        "Leeuwarden",
        ("GM0081", "Leeuwarderadeel"),
        note="Leeuwarden kreeg ook een deel van Littenseradiel (zie splitsing).",
    ),
    _m(
        _2018,
        "GM1949",
        "Waadhoeke",
        ("GM0063", "het Bildt"),
        ("GM0070", "Franekeradeel"),
        ("GM1908", "Menameradiel"),
        note="Waadhoeke kreeg ook een deel van Littenseradiel (zie splitsing).",
    ),
    Reorganisation(
        _2018,
        "GM1900",
        "Súdwest-Fryslân",
        (("GM0140", "Littenseradiel"),),
        _cbs(2018),
        kind="split",
        split_successors=("GM0080", "GM1900", "GM1949"),
        note="Littenseradiel is verdeeld over Leeuwarden, Súdwest-Fryslân en "
        "Waadhoeke.",
    ),
    _m(_2018, "GM0299", "Zevenaar", ("GM0196", "Rijnwaarden")),
    _m(_2019, "GM0014", "Groningen", ("GM0009", "Ten Boer"), ("GM0017", "Haren")),
    _m(
        _2019,
        "GM1966",
        "Het Hogeland",
        ("GM0005", "Bedum"),
        ("GM1663", "De Marne"),
        ("GM1651", "Eemsmond"),
        ("GM0053", "Winsum"),
        note="Een klein deel van Winsum (rond Ezinge) ging naar Westerkwartier; "
        "hier is Winsum geheel aan Het Hogeland toegerekend.",
    ),
    _m(
        _2019,
        "GM1969",
        "Westerkwartier",
        ("GM0015", "Grootegast"),
        ("GM0022", "Leek"),
        ("GM0025", "Marum"),
        ("GM0056", "Zuidhorn"),
    ),
    _m(
        _2019,
        "GM1970",
        "Noardeast-Fryslân",
        ("GM0058", "Dongeradeel"),
        ("GM1722", "Ferwerderadiel"),
        ("GM0079", "Kollumerland en Nieuwkruisland"),
    ),
    _m(
        _2019,
        "GM1954",
        "Beekdaelen",
        ("GM0951", "Nuth"),
        ("GM0881", "Onderbanken"),
        ("GM0962", "Schinnen"),
    ),
    _m(
        _2019,
        "GM1959",
        "Altena",
        ("GM0738", "Aalburg"),
        ("GM0870", "Werkendam"),
        ("GM0874", "Woudrichem"),
    ),
    _m(
        _2019,
        "GM1960",
        "West Betuwe",
        ("GM0236", "Geldermalsen"),
        ("GM0304", "Neerijnen"),
        ("GM0733", "Lingewaal"),
    ),
    _m(
        _2019,
        "GM1961",
        "Vijfheerenlanden",
        ("GM0545", "Leerdam"),
        ("GM0707", "Zederik"),
        ("GM0620", "Vianen"),
    ),
    _m(
        _2019,
        "GM1978",
        "Molenlanden",
        ("GM1927", "Molenwaard"),
        ("GM0689", "Giessenlanden"),
    ),
    _m(
        _2019,
        "GM1963",
        "Hoeksche Waard",
        ("GM0585", "Binnenmaas"),
        ("GM0611", "Cromstrijen"),
        ("GM0588", "Korendijk"),
        ("GM0584", "Oud-Beijerland"),
        ("GM0617", "Strijen"),
    ),
    _m(_2019, "GM0394", "Haarlemmermeer", ("GM0393", "Haarlemmerliede en Spaarnwoude")),
    _m(_2019, "GM0575", "Noordwijk", ("GM0576", "Noordwijkerhout")),
    _m(
        _2021,
        "GM1979",
        "Eemsdelta",
        ("GM0003", "Appingedam"),
        ("GM0010", "Delfzijl"),
        ("GM0024", "Loppersum"),
    ),
    Reorganisation(
        _2021,
        "GM0855",
        "Tilburg",
        (("GM0788", "Haaren"),),
        _cbs(2021),
        kind="split",
        split_successors=("GM0824", "GM0865", "GM0855", "GM0757"),
        note="Haaren is verdeeld over Oisterwijk, Vught, Tilburg en Boxtel.",
    ),
    _m(
        _2022,
        "GM1982",
        "Land van Cuijk",
        ("GM0756", "Boxmeer"),
        ("GM1684", "Cuijk"),
        ("GM0786", "Grave"),
        ("GM0815", "Mill en Sint Hubert"),
        ("GM1702", "Sint Anthonis"),
    ),
    _m(_2022, "GM1991", "Maashorst", ("GM1685", "Landerd"), ("GM0856", "Uden")),
    _m(
        _2022,
        "GM1980",
        "Dijk en Waard",
        ("GM0398", "Heerhugowaard"),
        ("GM0416", "Langedijk"),
    ),
    _m(_2022, "GM0439", "Purmerend", ("GM0370", "Beemster")),
    _m(
        date(2022, 3, 24),
        "GM0363",
        "Amsterdam",
        ("GM0457", "Weesp"),
        note="Weesp ging op 24 maart 2022 op in Amsterdam.",
    ),
    _m(
        date(2023, 1, 1),
        "GM1992",
        "Voorne aan Zee",
        ("GM0501", "Brielle"),
        ("GM0530", "Hellevoetsluis"),
        ("GM0614", "Westvoorne"),
    ),
)


def dissolved_codes(as_of: date = date(2024, 1, 1)) -> dict[str, Reorganisation]:
    """Old code -> the reorganisation that dissolved it (effective on or before as_of)."""
    out: dict[str, Reorganisation] = {}
    for r in REORGANISATIONS:
        if r.effective <= as_of:
            for code, _name in r.parts:
                out[code] = r
    return out


def old_names(as_of: date = date(2024, 1, 1)) -> dict[str, str]:
    """Old gemeente name -> old code, for tables keyed by name (e.g. historic files)."""
    return {
        name: code
        for r in REORGANISATIONS
        if r.effective <= as_of
        for code, name in r.parts
    }


def successors(
    code: str,
    as_of: date = date(2024, 1, 1),
    split_shares: Mapping[str, Mapping[str, float]] | None = None,
) -> dict[str, float]:
    """Current code(s) a code's figures go to, with the share that goes to each.

    A code that was never dissolved maps to itself with share 1. Chains (A into B, B
    later into C) are followed. A split needs `split_shares[code]`, otherwise
    ReorganisationError.
    """
    dissolved = dissolved_codes(as_of)
    result: dict[str, float] = {}
    stack: list[tuple[str, float, int]] = [(code, 1.0, 0)]
    while stack:
        current, share, depth = stack.pop()
        if depth > len(REORGANISATIONS):
            raise ReorganisationError(f"kringverwijzing in herindelingen bij {code}")
        r = dissolved.get(current)
        if r is None:
            result[current] = result.get(current, 0.0) + share
        elif r.kind == "merger":
            stack.append((r.successor, share, depth + 1))
        else:
            shares = (split_shares or {}).get(current)
            if shares is None:
                raise ReorganisationError(
                    f"{current} is bij een herindeling op {r.effective.isoformat()} "
                    f"gesplitst over {', '.join(r.split_successors)}; geef de "
                    "verdeling op (split_shares) om de cijfers toe te rekenen."
                )
            unknown = set(shares) - set(r.split_successors)
            if unknown or abs(sum(shares.values()) - 1.0) > 1e-9:
                raise ReorganisationError(
                    f"verdeling voor {current} moet over "
                    f"{', '.join(r.split_successors)} gaan en optellen tot 1"
                )
            for target, s in shares.items():
                stack.append((target, share * s, depth + 1))
    return result


@dataclass(frozen=True, slots=True)
class Aggregation:
    """How one figure is combined when gemeenten merge.

    kind "sum": counts (inwoners, woningen) are added.
    kind "mean": shares/averages become the mean weighted by column `weight`.
    kind "dominant": classes (stedelijkheid) take the value of the part with the
    largest `weight`.
    """

    kind: Literal["sum", "mean", "dominant"]
    weight: str = ""


Value = float | int | None


def to_current_division(
    rows: Mapping[str, Mapping[str, Value]],
    rules: Mapping[str, Aggregation],
    *,
    as_of: date = date(2024, 1, 1),
    current_codes: Collection[str] | None = None,
    split_shares: Mapping[str, Mapping[str, float]] | None = None,
    min_coverage: float = 1.0,
) -> dict[str, dict[str, Value]]:
    """Carry figures keyed by older gemeentecodes over to the division of `as_of`.

    rows: code -> {column: value}; rules: column -> Aggregation (only these columns
    are returned; weight columns must be present in `rows`). A missing value (None) in
    any part makes a combined *sum* None: a count over part of a gemeente is wrong, not
    just less precise. A mean or dominant class is computed over the parts that have a
    value when those parts carry at least `min_coverage` of the total weight (default
    1.0: all parts needed); e.g. 0.95 keeps Amsterdam's 2022 Wmo rate although Weesp
    (2% of the weight) has none. Codes that did not change keep their values unchanged
    (same object, no float conversion).

    current_codes: if given, every resulting code must be in it (ReorganisationError
    otherwise), which catches codes the reorganisation table does not know.
    """
    groups: dict[str, list[tuple[str, float]]] = {}
    for code in rows:
        for target, share in successors(code, as_of, split_shares).items():
            groups.setdefault(target, []).append((code, share))
    if current_codes is not None:
        unknown = sorted(set(groups) - set(current_codes))
        if unknown:
            raise ReorganisationError(
                "onbekende gemeentecode(s), niet in de huidige indeling en niet in de "
                f"herindelingstabel: {', '.join(unknown)}"
            )
    out: dict[str, dict[str, Value]] = {}
    for target, contributions in groups.items():
        if len(contributions) == 1 and contributions[0][1] == 1.0:
            source = rows[contributions[0][0]]
            out[target] = {col: source.get(col) for col in rules}
            continue
        out[target] = {
            col: _combine(rows, contributions, rule, col, min_coverage)
            for col, rule in rules.items()
        }
    return out


def _combine(
    rows: Mapping[str, Mapping[str, Value]],
    contributions: Sequence[tuple[str, float]],
    rule: Aggregation,
    column: str,
    min_coverage: float,
) -> Value:
    values = [rows[code].get(column) for code, _ in contributions]
    if rule.kind == "sum":
        if any(v is None for v in values):
            return None
        total: float = 0.0
        exact = True
        for (_code, share), v in zip(contributions, values, strict=True):
            assert v is not None
            if share != 1.0:
                exact = False
            total += v * share
        if exact and all(isinstance(v, int) for v in values):
            return int(round(total))
        return total
    weights: list[float] = []
    for code, share in contributions:
        w = rows[code].get(rule.weight)
        if w is None:
            return None
        weights.append(float(w) * share)
    weight_sum = sum(weights)
    if weight_sum <= 0:
        return None
    present = [i for i, v in enumerate(values) if v is not None]
    covered = sum(weights[i] for i in present)
    if not present or covered < min_coverage * weight_sum:
        return None
    if rule.kind == "dominant":
        best = max(range(len(values)), key=lambda i: weights[i])
        return values[best]
    weighted = 0.0
    for i in present:
        value = values[i]
        assert value is not None
        weighted += weights[i] * float(value)
    return weighted / covered
