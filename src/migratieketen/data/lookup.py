# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Find a gemeente by code or (part of) its name, as users type it.

"amsterdam", "GM0363", "0363", "Hengelo" (CBS: "Hengelo (O.)"), "sudwest fryslan" and
"den haag" (an alias, `aliases.py`) all work; an ambiguous or unknown query gives the
candidates, an unknown one suggestions, in Dutch.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence

from migratieketen.data.aliases import aliases, find_aliases, normalise_name, suggest
from migratieketen.data.model import DataSet, Gemeente
from migratieketen.data.reorganisations import dissolved_codes, old_names


class GemeenteLookupError(LookupError):
    """No or more than one gemeente matches; `candidates` lists near matches."""

    def __init__(self, message: str, candidates: Sequence[Gemeente] = ()) -> None:
        super().__init__(message)
        self.candidates = tuple(candidates)


def find_gemeente(dataset: DataSet, query: str) -> Gemeente:
    q = query.strip()
    if not q:
        raise GemeenteLookupError("Geef een gemeentecode of -naam op.")
    code_match = re.fullmatch(r"(?i)(gm)?\s*(\d{1,4})", q)
    if code_match:
        code = f"GM{int(code_match.group(2)):04d}"
        for g in dataset.gemeenten:
            if g.code == code:
                return g
        _raise_if_dissolved(dataset, code)
        raise GemeenteLookupError(f"Geen gemeente met code {code}.")
    literal = [g for g in dataset.gemeenten if g.name.casefold() == q.casefold()]
    if len(literal) == 1:  # "Bergen (NH.)" as CBS writes it
        return literal[0]
    wanted = normalise_name(q)
    by_norm = [(normalise_name(g.name), g) for g in dataset.gemeenten]
    exact = [g for n, g in by_norm if n == wanted]
    if len(exact) == 1:
        return exact[0]
    if len(exact) > 1:
        raise _ambiguous(query, exact)
    common = _common_alias(dataset, q)
    if common is not None:
        return common
    partial = [g for n, g in by_norm if wanted in n]
    if len(partial) == 1:
        return partial[0]
    if len(partial) > 1:
        raise _ambiguous(query, partial)
    for alias in find_aliases(q):  # a former gemeente: say where it went
        if alias.kind == "voormalige gemeente":
            old = {normalise_name(n): c for n, c in old_names().items()}
            _raise_if_dissolved(dataset, old[wanted])
    names = [n for n, _ in by_norm]
    close = difflib.get_close_matches(wanted, names, n=5, cutoff=0.75)
    if len(close) == 1:  # one clear typo: "Amsterdm"
        return next(g for n, g in by_norm if n == close[0])
    raise _not_found(dataset, query)


def _common_alias(dataset: DataSet, query: str) -> Gemeente | None:
    """ "Den Haag" -> 's-Gravenhage; a province name ("Friesland") is refused."""
    current = {g.code: g for g in dataset.gemeenten}
    for alias in find_aliases(query):
        if alias.kind != "gewone naam":
            continue
        code = alias.codes[0]
        if code in current:
            return current[code]
        if code.startswith("PV"):
            raise GemeenteLookupError(
                f"'{query}' is een provincie ({alias.note}, {code}), geen gemeente. "
                "Geef een gemeentecode of -naam op."
            )
    return None


def _not_found(dataset: DataSet, query: str) -> GemeenteLookupError:
    """No match: suggest official names and aliases that look like the query."""
    by_name = {g.name: g for g in dataset.gemeenten}
    alias_of = {a.name: a for a in aliases() if a.codes[0].startswith("GM")}
    current = {g.code: g for g in dataset.gemeenten}
    shown: list[str] = []
    candidates: list[Gemeente] = []
    for name in suggest(query, by_name):
        if name in by_name:
            g = by_name[name]
            shown.append(f"{g.name} ({g.code})")
        elif name in alias_of and alias_of[name].codes[0] in current:
            g = current[alias_of[name].codes[0]]
            shown.append(f"{name} ({g.name}, {g.code})")
        else:
            continue
        if g not in candidates:
            candidates.append(g)
    hint = f" Bedoelt u: {', '.join(shown)}?" if shown else ""
    return GemeenteLookupError(
        f"Geen gemeente gevonden voor '{query}'.{hint}", candidates
    )


def _raise_if_dissolved(dataset: DataSet, code: str) -> None:
    """A gemeente that no longer exists: say where it went."""
    reorganisation = dissolved_codes().get(code)
    if reorganisation is None:
        return
    old_name = dict(reorganisation.parts).get(code, code)
    current = {g.code: g for g in dataset.gemeenten}
    targets = (
        reorganisation.split_successors
        if reorganisation.kind == "split"
        else (reorganisation.successor,)
    )
    listed = ", ".join(
        f"{current[t].name} ({t})" if t in current else t for t in targets
    )
    verb = "is verdeeld over" if reorganisation.kind == "split" else "is opgegaan in"
    raise GemeenteLookupError(
        f"{old_name} ({code}) bestaat niet meer: {verb} {listed} "
        f"(herindeling {reorganisation.effective.isoformat()}).",
        [current[t] for t in targets if t in current],
    )


def _ambiguous(query: str, matches: Sequence[Gemeente]) -> GemeenteLookupError:
    listed = ", ".join(f"{g.name} ({g.code})" for g in matches[:10])
    more = f" en nog {len(matches) - 10}" if len(matches) > 10 else ""
    return GemeenteLookupError(
        f"'{query}' past bij meer gemeenten: {listed}{more}. Geef de code of de "
        "volledige naam op.",
        matches,
    )


__all__ = ["GemeenteLookupError", "find_gemeente", "normalise_name"]
