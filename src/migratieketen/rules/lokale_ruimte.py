# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Lokale ruimte: the choices national law leaves to the gemeente, as a catalogue.

Why a catalogue in the core: the law-versus-practice question ("what does the law leave
open, and what do gemeenten do with it?") needs one list of open norms, each with its
article, its options and the default that applies when the gemeente made no choice
(CONTRIBUTING: open norms are modelled explicitly, with their default). A gemeente's
entered choices feed the models where they have an effect (`woningmarkt_policy`).

Citations: each open norm cites its law by BWB id and article in the Basiswettenbestand
(Overheid.nl, wetten.overheid.nl, consulted 2026, https://wetten.overheid.nl); where an
article number was not verified, the reference says so in its note.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from migratieketen.rules.explain import LegalReference
from migratieketen.rules.huisvestingswet import ART_29_2
from migratieketen.rules.spreidingswet import BESLUIT
from migratieketen.rules.wet_inburgering import ART_13_1, PW_56A

_HW = "https://wetten.overheid.nl/jci1.3:c:BWBR0035303"
_BRP = "https://wetten.overheid.nl/jci1.3:c:BWBR0033715"
HW_12 = LegalReference(
    "Huisvestingswet 2014",
    "BWBR0035303",
    "12",
    "",
    f"{_HW}&artikel=12",
    note="Urgentieregeling in de huisvestingsverordening; statushouders zijn sinds "
    "2017 geen verplichte urgentiecategorie meer (oorspronkelijk art. 12 lid 3).",
)
HW_21 = LegalReference(
    "Huisvestingswet 2014", "BWBR0035303", "21", "", f"{_HW}&artikel=21"
)
WI_VERORDENING = LegalReference(
    "Wet inburgering 2021",
    "BWBR0044770",
    "-",
    "",
    "https://wetten.overheid.nl/BWBR0044770",
    note="De gemeenteraad stelt een verordening vast; artikelnummer niet geverifieerd.",
)
BRP_EXPERIMENT = LegalReference(
    "Wet basisregistratie personen",
    "BWBR0033715",
    "4.16a",
    "",
    f"{_BRP}&artikel=4.16a",
    note="Experiment tijdelijk verblijfsadres (Stb. 2023, 309), aangewezen gemeenten.",
)
BRP_ACTIEF = LegalReference(
    "Wet basisregistratie personen", "BWBR0033715", "2.50", "", f"{_BRP}&artikel=2.50"
)
LVV_AKKOORD = LegalReference(
    "Bestuurlijk akkoord LVV (Rijk en VNG, 2018)",
    "",
    "-",
    "",
    "https://www.rijksoverheid.nl/onderwerpen/terugkeer-en-vertrek/"
    "landelijke-vreemdelingenvoorzieningen",
    note="Geen wet: deelname is een bestuurlijke keuze van de gemeente.",
)


@dataclass(frozen=True, slots=True)
class Choice:
    """One open norm: what the law leaves to the gemeente, its options and default."""

    key: str
    law: str
    question: str
    reference: LegalReference
    options: Mapping[str, str]  # option key -> Dutch label
    default: str  # the option that applies when the gemeente made no choice
    effect: str = ""  # which model it feeds, or "" (shown, not modelled)

    def label(self, option: str) -> str:
        return self.options[option]


def _choice(
    key: str,
    law: str,
    question: str,
    reference: LegalReference,
    options: dict[str, str],
    default: str,
    effect: str = "",
) -> Choice:
    if default not in options:
        raise ValueError(f"default {default!r} is no option of {key}")
    return Choice(
        key, law, question, reference, MappingProxyType(options), default, effect
    )


YES_NO = {"ja": "ja", "nee": "nee"}
CATALOGUE: tuple[Choice, ...] = (
    _choice("hw_urgentie_statushouders", "Huisvestingswet 2014",
            "Zijn statushouders een urgentiecategorie in de huisvestingsverordening?",
            HW_12, dict(YES_NO), "nee",
            "woningmarktmodel: urgentiecategorie; 'nee' ingevoerd betekent geen "
            "voorrang (voorrangsaandeel 0)"),
    _choice("hw_regionale_uitruil", "Huisvestingswet 2014",
            "Ruilt de gemeente taakstelling uit met gemeenten in de regio?",
            ART_29_2, dict(YES_NO), "nee"),
    _choice("sw_regionale_afspraken", "Spreidingswet",
            "Maakt de gemeente regionale afspraken over de opvangopgave?",
            BESLUIT, dict(YES_NO), "nee"),
    _choice("sw_locatiekeuze", "Spreidingswet",
            "Hoe kiest de gemeente opvanglocaties?", BESLUIT,
            {"grootschalig": "vooral grootschalig (azc)",
             "kleinschalig": "vooral kleinschalig (tot ongeveer 300 plaatsen)",
             "gemengd": "gemengd"}, "gemengd"),
    _choice("wi_verordening", "Wet inburgering 2021",
            "Heeft de gemeenteraad een verordening inburgering vastgesteld?",
            WI_VERORDENING, dict(YES_NO), "nee"),
    _choice("wi_ontzorgen", "Participatiewet / Wet inburgering 2021",
            "Hoe ver gaat het ontzorgen (vaste lasten betalen uit de bijstand)?",
            PW_56A, {"wettelijk": "de wettelijke zes maanden",
                     "verlengd": "langer dan zes maanden"}, "wettelijk"),
    _choice("wi_aanbod_boven_budget", "Wet inburgering 2021",
            "Biedt de gemeente meer aan dan het budget van het Rijk dekt?",
            ART_13_1, dict(YES_NO), "nee"),
    _choice("brp_tijdelijk_verblijfsadres", "Wet BRP",
            "Doet de gemeente mee aan het experiment tijdelijk verblijfsadres?",
            BRP_EXPERIMENT, dict(YES_NO), "nee"),
    _choice("brp_actieve_registratie", "Wet BRP",
            "Verplicht de gemeente huisvesters van arbeidsmigranten tot melding "
            "van bewoners (actieve registratie)?",
            BRP_ACTIEF, dict(YES_NO), "nee"),
    _choice("arbeidsmigranten_lokale_norm", "Huisvestingswet 2014 / lokaal beleid",
            "Heeft de gemeente een eigen maximum voor arbeidsmigranten per woning?",
            HW_21, {"geen": "geen eigen maximum (landelijke normen)",
                    "4": "ten hoogste 4 per woning", "6": "ten hoogste 6 per woning",
                    "8": "ten hoogste 8 per woning"}, "geen"),
    _choice("lvv_deelname", "LVV (bestuurlijk akkoord)",
            "Doet de gemeente mee aan een LVV-locatie?",
            LVV_AKKOORD, dict(YES_NO), "nee"),
)  # fmt: skip
BY_KEY: Mapping[str, Choice] = MappingProxyType({c.key: c for c in CATALOGUE})


class LokaleRuimteError(ValueError):
    """An unknown choice or option; message in Dutch."""


def check(key: str, option: str) -> Choice:
    """The choice of `key` when `option` is one of its options (Dutch error if not)."""
    choice = BY_KEY.get(key)
    if choice is None:
        raise LokaleRuimteError(f"Onbekende keuze '{key}'.")
    if option not in choice.options:
        raise LokaleRuimteError(
            f"'{option}' is geen optie van '{choice.question}'; kies uit "
            f"{', '.join(choice.options)}."
        )
    return choice


def in_force(made: Mapping[str, str]) -> dict[str, tuple[str, bool]]:
    """Per choice: (option, entered?) — the gemeente's own option, else the default."""
    return {
        c.key: (made[c.key], True) if c.key in made else (c.default, False)
        for c in CATALOGUE
    }


@dataclass(frozen=True, slots=True)
class MarketLevers:
    """Woningmarkt levers set by local choices (None: the model's own default).

    Plain values, so this module does not import the woningmarkt package (rules sit
    below it); the caller applies them to its `Policy`.
    """

    priority_share: float | None = None
    urgency_category: bool | None = None
    reason: str = ""

    @property
    def changed(self) -> bool:
        return self.priority_share is not None or self.urgency_category is not None


def market_levers(made: Mapping[str, str]) -> MarketLevers:
    """The woningmarkt levers after the gemeente's entered choices, and why.

    Only a choice the gemeente entered changes the model: without one the model keeps
    its base policy (the national current priority share, an AANNAME). 'ja' makes
    statushouders an urgency category (they also compete in the urgent quota); 'nee'
    means the verordening gives them no priority at all: priority share 0.
    """
    option = made.get("hw_urgentie_statushouders")
    ref = HW_12.label()
    if option == "ja":
        return MarketLevers(
            None,
            True,
            f"Lokale keuze: statushouders zijn urgentiecategorie ({ref}).",
        )
    if option == "nee":
        return MarketLevers(
            0.0,
            False,
            f"Lokale keuze: statushouders zijn geen urgentiecategorie ({ref}); "
            "voorrangsaandeel 0.",
        )
    return MarketLevers()
