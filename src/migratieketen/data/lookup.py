# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Find a gemeente by code or (part of) its name, as users type it.

"amsterdam", "GM0363", "0363", "Hengelo" (CBS: "Hengelo (O.)"), "sudwest fryslan"
all work; an ambiguous or unknown query gives the candidates, in Dutch.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Sequence

from migratieketen.data.model import DataSet, Gemeente
from migratieketen.data.reorganisations import dissolved_codes, old_names


class GemeenteLookupError(LookupError):
    """No or more than one gemeente matches; `candidates` lists near matches."""

    def __init__(self, message: str, candidates: Sequence[Gemeente] = ()) -> None:
        super().__init__(message)
        self.candidates = tuple(candidates)


def normalise_name(name: str) -> str:
    """Lower case, no accents, no CBS suffix like ' (O.)', only letters and digits."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = re.sub(r"\s*\((gemeente|[a-z]+\.)\)\s*$", "", text)
    return re.sub(r"[^a-z0-9]+", " ", text).strip()


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
    partial = [g for n, g in by_norm if wanted in n]
    if len(partial) == 1:
        return partial[0]
    if len(partial) > 1:
        raise _ambiguous(query, partial)
    old = {normalise_name(n): c for n, c in old_names().items()}
    if wanted in old:
        _raise_if_dissolved(dataset, old[wanted])
    names = [n for n, _ in by_norm]
    close = difflib.get_close_matches(wanted, names, n=5, cutoff=0.75)
    candidates = [g for n, g in by_norm if n in close]
    if len(close) == 1:
        return candidates[0]
    hint = (
        " Bedoelt u: " + ", ".join(f"{g.name} ({g.code})" for g in candidates) + "?"
        if candidates
        else ""
    )
    raise GemeenteLookupError(
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
