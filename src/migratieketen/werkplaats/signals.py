# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Cross-domain signals: what no single domain's page shows on its own.

Each signal is a pure function of a `Snapshot`: it fires (returns a `Signal`) only when
every fact it needs is present and the rule holds, and stays silent (None) when a
domain is missing, so a gemeente never gets a warning built on a guess. Each signal
names the rule behind it and the sources of the facts it combines.

Thresholds that are no law are marked AANNAME and can be passed in (`Thresholds`).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from migratieketen.rules.explain import LegalReference
from migratieketen.rules.huisvestingswet import ART_28
from migratieketen.rules.spreidingswet import BESLUIT
from migratieketen.rules.wet_inburgering import ART_14, ART_15
from migratieketen.werkplaats.snapshot import Snapshot


@dataclass(frozen=True, slots=True)
class Thresholds:
    """Norms the signals test against; none of them is in a law (AANNAME)."""

    # Reception places a wijk can take: this share of its inhabitants.
    wijk_reception_share: float = 0.02
    # A wijk holds 'a concentration' of labour-migrant beds from this share on.
    labour_concentration_share: float = 0.25


DEFAULT_THRESHOLDS = Thresholds()
WIJK_NORM_NOTE = (
    "AANNAME: er is geen wettelijke norm voor opvang per wijk. Migratieketen toetst "
    "aan ten hoogste {share} van de inwoners van een wijk (evenredigheid per wijk); "
    "de waarde is instelbaar."
)
CONCENTRATION_NOTE = (
    "AANNAME: een wijk met ten minste {share} van de bedden voor arbeidsmigranten in "
    "de gemeente geldt als concentratie."
)


@dataclass(frozen=True, slots=True)
class Signal:
    key: str
    title: str
    message: str  # plain Dutch (B1), with the figures
    rule: str  # the rule in one sentence
    references: tuple[LegalReference, ...]
    sources: tuple[str, ...]
    facts: dict[str, float | int | str] = field(default_factory=dict)
    assumptions: tuple[str, ...] = ()


def _pct(share: float) -> str:
    return f"{share * 100:.0f} %".replace(".", ",")


def backlog_while_waiting_in_coa(s: Snapshot) -> Signal | None:
    """Achterstand in housing while statushouders linked to the gemeente wait in COA.

    Fires when the register shows persons still to house in the half-year and COA
    linked more statushouders to the gemeente than it housed: those people wait in an
    azc, where the gemeente's inburgering (brede intake, PIP) cannot start.
    """
    h = s.housing
    if h is None or not h.registered or h.remaining <= 0:
        return None
    waiting = h.waiting_in_coa
    if waiting is None or waiting <= 0:
        return None
    extra = ""
    sources = h.sources
    if s.inburgering is not None and s.inburgering.without_route:
        extra = (
            f" In het inburgeringsregister hebben nu {s.inburgering.without_route} "
            "inburgeraars nog geen leerroute."
        )
        sources = sources + s.inburgering.sources
    return Signal(
        key="achterstand_wacht_in_azc",
        title="Achterstand terwijl gekoppelde statushouders in het azc wachten",
        message=(
            f"{s.name} moet in {h.half_year} nog {h.remaining} statushouders "
            f"huisvesten. COA koppelde {h.linked_by_peildatum} statushouders aan de "
            f"gemeente; {waiting} van hen wonen nog in een azc. Zolang zij daar wonen, "
            "kunnen zij in de gemeente niet met inburgering beginnen: de brede intake "
            "en het plan (PIP) komen pas na de verhuizing." + extra
        ),
        rule=(
            "Nog te huisvesten (opgave min gehuisvest) > 0 en gekoppeld door COA min "
            "gehuisvest > 0: wachten in het azc vertraagt de start van de inburgering."
        ),
        references=(ART_28, ART_14, ART_15),
        sources=sources,
        facts={"nog_te_huisvesten": h.remaining, "wacht_in_azc": waiting},
    )


def _wijk_caps(s: Snapshot, share: float) -> dict[str, int]:
    return {
        w.code: math.floor(share * w.inhabitants)
        for w in s.wijken
        if w.inhabitants is not None
    }


def reception_beyond_wijk_norm(
    s: Snapshot, t: Thresholds = DEFAULT_THRESHOLDS
) -> Signal | None:
    """The Spreidingswet target (or a planned location) cannot hold the wijk norm.

    Fires when the target exceeds what all known wijken can take together under the
    norm, or when planned places in one wijk exceed that wijk's own cap.
    """
    r = s.reception
    if r is None or not s.wijken:
        return None
    caps = _wijk_caps(s, t.wijk_reception_share)
    if not caps:
        return None
    total = sum(caps.values())
    over = {
        code: (places, caps[code])
        for code, places in (r.planned_per_wijk or {}).items()
        if code in caps and places > caps[code]
    }
    if r.places <= total and not over:
        return None
    names = {w.code: w.name for w in s.wijken}
    parts = []
    if r.places > total:
        parts.append(
            f"De opgave van {r.places} opvangplaatsen is groter dan wat alle wijken "
            f"samen kunnen opnemen ({total}) als elke wijk ten hoogste "
            f"{_pct(t.wijk_reception_share)} van zijn inwoners opvangt."
        )
    for code, (places, cap) in sorted(over.items()):
        parts.append(
            f"In {names.get(code, code)} zijn {places} plaatsen gepland; de wijk kan "
            f"er volgens de norm {cap} opnemen."
        )
    return Signal(
        key="opvang_boven_wijknorm",
        title="Opvangopgave past niet binnen de norm per wijk",
        message=" ".join(parts),
        rule=(
            "Opgave Spreidingswet > som over de wijken van (norm x inwoners), of "
            "geplande plaatsen in een wijk > norm x inwoners van die wijk."
        ),
        references=(BESLUIT,),
        sources=r.sources,
        facts={
            "opgave": r.places,
            "ruimte_wijken": total,
            "wijken_boven_norm": len(over),
        },
        assumptions=(WIJK_NORM_NOTE.format(share=_pct(t.wijk_reception_share)),),
    )


def labour_beds_near_planned_reception(
    s: Snapshot, t: Thresholds = DEFAULT_THRESHOLDS
) -> Signal | None:
    """Labour-migrant beds concentrated in the wijken where reception is planned.

    Fires only when both a labour-migrant register and a reception plan exist.
    """
    if s.labour is None or s.reception is None or not s.reception.planned_per_wijk:
        return None
    beds = s.labour.beds
    if beds <= 0:
        return None
    hits = [
        (code, s.labour.beds_per_wijk.get(code, 0), planned)
        for code, planned in sorted(s.reception.planned_per_wijk.items())
        if planned > 0
        and s.labour.beds_per_wijk.get(code, 0) / beds >= t.labour_concentration_share
    ]
    if not hits:
        return None
    names = {w.code: w.name for w in s.wijken}
    lines = [
        f"{names.get(code, code)}: {b} van de {beds} bedden voor arbeidsmigranten "
        f"en {p} geplande opvangplaatsen"
        for code, b, p in hits
    ]
    return Signal(
        key="arbeidsmigranten_en_opvang_zelfde_wijk",
        title="Arbeidsmigranten en geplande opvang in dezelfde wijk",
        message=(
            "Huisvesting van arbeidsmigranten en nieuwe opvang komen in dezelfde wijk "
            "terecht: " + "; ".join(lines) + "."
        ),
        rule=(
            "Wijk met geplande opvang én ten minste "
            f"{_pct(t.labour_concentration_share)} van de bedden voor arbeidsmigranten."
        ),
        references=(BESLUIT,),
        sources=s.labour.sources + s.reception.sources,
        facts={"wijken": len(hits), "bedden": beds},
        assumptions=(
            CONCENTRATION_NOTE.format(share=_pct(t.labour_concentration_share)),
        ),
    )


def inburgering_over_budget_with_backlog(s: Snapshot) -> Signal | None:
    """Inburgering costs above the Rijk's budget while housing lags behind.

    Fires when the register's spending exceeds the budget for the same persons and the
    taakstelling is not met: catching up on housing brings more inburgeraars, whose
    cost the gemeente then also pays beyond the budget.
    """
    i, h = s.inburgering, s.housing
    if i is None or h is None or i.cost is None or i.budget is None:
        return None
    if i.cost <= i.budget or not h.registered or h.remaining <= 0:
        return None
    over = i.cost - i.budget
    return Signal(
        key="inburgering_boven_budget",
        title="Inburgering kost meer dan het budget terwijl huisvesting achterloopt",
        message=(
            f"De inburgering kost EUR {i.cost:,.0f}, EUR {over:,.0f} meer dan het "
            f"budget van het Rijk voor dezelfde mensen. Er moeten in {h.half_year} nog "
            f"{h.remaining} statushouders gehuisvest worden; die komen er als "
            "inburgeraars bij."
        ).replace(",", "."),
        rule="Kosten inburgering > budget én nog te huisvesten > 0.",
        references=(ART_28,),
        sources=i.sources + h.sources,
        facts={"tekort": round(over), "nog_te_huisvesten": h.remaining},
    )


SIGNALS: tuple[Callable[[Snapshot], Signal | None], ...] = (
    backlog_while_waiting_in_coa,
    reception_beyond_wijk_norm,
    labour_beds_near_planned_reception,
    inburgering_over_budget_with_backlog,
)


def signals(
    s: Snapshot, checks: Sequence[Callable[[Snapshot], Signal | None]] = SIGNALS
) -> list[Signal]:
    """Every signal that fires for the snapshot, in the catalogue's order."""
    return [sig for check in checks if (sig := check(s)) is not None]


# Key, Dutch title and Dutch rule of every signal, in the order of SIGNALS: what the
# page and the report list under "Welke signalen Migratieketen zoekt".
CATALOGUE: tuple[tuple[str, str, str], ...] = (
    (
        "achterstand_wacht_in_azc",
        "Achterstand terwijl gekoppelde statushouders in het azc wachten",
        "Er moeten nog statushouders gehuisvest worden én COA koppelde meer "
        "statushouders aan de gemeente dan er gehuisvest zijn.",
    ),
    (
        "opvang_boven_wijknorm",
        "Opvangopgave past niet binnen de norm per wijk",
        "De opgave van de Spreidingswet is groter dan wat de wijken samen kunnen "
        "opnemen, of een geplande locatie is groter dan haar wijk aankan.",
    ),
    (
        "arbeidsmigranten_en_opvang_zelfde_wijk",
        "Arbeidsmigranten en geplande opvang in dezelfde wijk",
        "Een wijk met geplande opvang heeft ook een groot deel van de bedden voor "
        "arbeidsmigranten (alleen als beide gegevens er zijn).",
    ),
    (
        "inburgering_boven_budget",
        "Inburgering kost meer dan het budget terwijl huisvesting achterloopt",
        "De geboekte kosten van inburgering zijn hoger dan het budget én er moeten nog "
        "statushouders gehuisvest worden.",
    ),
)
SIGNAL_KEYS = frozenset(key for key, _title, _rule in CATALOGUE)


def catalogue() -> list[tuple[str, str]]:
    """(title, rule) of every signal in Dutch, for the page and the report."""
    return [(title, rule) for _key, title, rule in CATALOGUE]
