# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Names people use for a gemeente or province that differ from the CBS name.

One implementation for the web search and the command line: "Den Haag" is
's-Gravenhage (GM0518), "Den Bosch" is 's-Hertogenbosch (GM0796), "Friesland" is the
province Fryslân (PV21), and a former gemeente (Weesp, Haaren, Hellevoetsluis) points
to where it went (from `reorganisations.REORGANISATIONS`, the CBS merger table).

Sources. The official name is the CBS one, "Gemeentelijke indeling op 1 januari 2024"
(CBS, classificaties:
https://www.cbs.nl/nl-nl/onze-diensten/methoden/classificaties/overig/gemeentelijke-indelingen-per-jaar/indeling-per-jaar/gemeentelijke-indeling-op-1-januari-2024).
The shared data folder has no alias table, so the common names below are a short,
hand-kept list of names in general use (the gemeenten Den Haag and Den Bosch present
themselves by them; Tietjerksteradeel is the Dutch name used before the Frisian one
became official; "Friesland" and "Brabant" are the everyday names of the provinces
Fryslân and Noord-Brabant). Former gemeenten come from the CBS merger table in
`reorganisations.py`, which cites the CBS page per year.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Literal

from migratieketen.data.reorganisations import REORGANISATIONS

AliasKind = Literal["gewone naam", "voormalige gemeente"]


@dataclass(frozen=True, slots=True)
class Alias:
    """`name` as people type it, for the current code(s) `codes`."""

    name: str
    codes: tuple[str, ...]  # GM.... or PV..; more than one after a split
    kind: AliasKind
    note: str  # in Dutch: "officieel 's-Gravenhage", "opgegaan in Amsterdam per ..."


# (common name, code, official CBS name)
COMMON_NAMES: tuple[tuple[str, str, str], ...] = (
    ("Den Haag", "GM0518", "'s-Gravenhage"),
    ("Den Bosch", "GM0796", "'s-Hertogenbosch"),
    ("Nuenen", "GM0820", "Nuenen, Gerwen en Nederwetten"),
    ("Tietjerksteradeel", "GM0737", "Tytsjerksteradiel"),
    ("Friesland", "PV21", "Fryslân"),
    ("Brabant", "PV30", "Noord-Brabant"),
)


def normalise_name(name: str) -> str:
    """Lower case, no accents, no CBS suffix like ' (O.)', only letters and digits."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = re.sub(r"\s*\((gemeente|[a-z]+\.)\)\s*$", "", text)
    return re.sub(r"[^a-z0-9]+", " ", text).strip()


def aliases(as_of: date = date(2024, 1, 1)) -> tuple[Alias, ...]:
    """Every alias: the common names, then the gemeenten dissolved on or before as_of."""
    out = [
        Alias(name, (code,), "gewone naam", f"officieel {official}")
        for name, code, official in COMMON_NAMES
    ]
    for r in REORGANISATIONS:
        if r.effective > as_of:
            continue
        targets = r.split_successors if r.kind == "split" else (r.successor,)
        where = (
            f"verdeeld over {len(targets)} gemeenten"
            if r.kind == "split"
            else f"opgegaan in {r.successor_name}"
        )
        for _code, old in r.parts:
            note = f"{where} per {r.effective:%d-%m-%Y}"
            out.append(Alias(old, tuple(targets), "voormalige gemeente", note))
    return tuple(out)


def find_aliases(query: str, as_of: date = date(2024, 1, 1)) -> tuple[Alias, ...]:
    """The aliases whose name is the query (case, accents and punctuation ignored)."""
    wanted = normalise_name(query)
    if not wanted:
        return ()
    return tuple(a for a in aliases(as_of) if normalise_name(a.name) == wanted)


def suggest(
    query: str, names: Iterable[str], count: int = 5, cutoff: float = 0.6
) -> list[str]:
    """Names (official ones and aliases) that look like the query, best first.

    For "Geen ... gevonden. Bedoelt u: ...?": difflib's ratio on the normalised
    names, plus names that start with the query's first word.
    """
    wanted = normalise_name(query)
    if not wanted:
        return []
    by_norm: dict[str, str] = {}
    for name in [*names, *(a.name for a in aliases())]:
        by_norm.setdefault(normalise_name(name), name)
    close = difflib.get_close_matches(wanted, list(by_norm), n=count, cutoff=cutoff)
    first = wanted.split()[0]
    starts = sorted(n for n in by_norm if n.startswith(first) and n not in close)
    return [by_norm[n] for n in [*close, *starts][:count]]
