# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
""" "How was this computed": every rule result carries its article, inputs and arithmetic.

The web pages, the API and the CLI render these objects; they never re-derive a number
or its justification themselves, so the explanation cannot drift from the computation.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any


@dataclass(frozen=True, slots=True)
class LegalReference:
    """A pinned citation: BWB id, article, lid, wetten.overheid.nl link and Juriconnect."""

    law: str  # "Huisvestingswet 2014"
    bwb_id: str  # "BWBR0035303"
    article: str  # "29"
    lid: str = ""  # "1"
    url: str = (
        ""  # https://wetten.overheid.nl/BWBR0035303/2024-01-01#Hoofdstuk5_Artikel29
    )
    note: str = ""

    @property
    def juriconnect(self) -> str:
        """The Juriconnect BWB 1.3 citation (jci1.3:c:BWBR...&artikel=..&lid=..)."""
        if not self.bwb_id:
            return ""
        ref = f"jci1.3:c:{self.bwb_id}&artikel={self.article}"
        return f"{ref}&lid={self.lid}" if self.lid else ref

    def label(self) -> str:
        if self.article in ("", "-"):
            return self.law
        lid = f" lid {self.lid}" if self.lid else ""
        return f"art. {self.article}{lid} {self.law}"

    def to_dict(self) -> dict[str, str]:
        return {
            "law": self.law,
            "bwb_id": self.bwb_id,
            "article": self.article,
            "lid": self.lid,
            "url": self.url,
            "juriconnect": self.juriconnect,
            "label": self.label(),
            "note": self.note,
        }


def _plain(value: Any) -> Any:
    """JSON-friendly form; a Fraction keeps its exact value as 'p/q'."""
    if isinstance(value, Fraction):
        return str(value) if value.denominator != 1 else value.numerator
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


@dataclass(frozen=True, slots=True)
class Explanation:
    """One computed number with the legal basis, the inputs and the arithmetic as data."""

    subject: str  # "taakstelling GM0363 2025-1"
    value: int | float | str
    references: tuple[LegalReference, ...]
    inputs: dict[str, Any]
    arithmetic: str  # human-readable, e.g. "17700 x 931298 / 17942942 = 918.69 -> 919"
    notes: tuple[str, ...] = field(default_factory=tuple)

    def to_dict(self) -> dict[str, Any]:
        return {
            "subject": self.subject,
            "value": _plain(self.value),
            "references": [r.to_dict() for r in self.references],
            "inputs": _plain(self.inputs),
            "arithmetic": self.arithmetic,
            "notes": list(self.notes),
        }

    def text(self) -> str:
        """A short Dutch/legal one-paragraph rendering for terminals and tooltips."""
        refs = "; ".join(r.label() for r in self.references)
        lines = [f"{self.subject} = {self.value}", f"  grondslag: {refs}"]
        lines.append(f"  berekening: {self.arithmetic}")
        lines.extend(f"  let op: {n}" for n in self.notes)
        return "\n".join(lines)


def fraction_text(x: Fraction, places: int = 4) -> str:
    """Decimal rendering of an exact fraction, for the arithmetic line only."""
    sign = "-" if x < 0 else ""
    x = abs(x)
    scaled = round(x * 10**places)
    whole, frac = divmod(scaled, 10**places)
    return f"{sign}{whole}.{frac:0{places}d}"
