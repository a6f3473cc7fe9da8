# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Every publisher whose figures, maps or texts the pages show, for /over.

The imported open data lists its own sources (models.Source); the asylum series, the
published taakstellingen, the MPP bands and the cost figures come from elsewhere and
are listed here, so that /over names every publisher a page cites.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True, slots=True)
class Publisher:
    name: Any  # str or lazy Dutch text
    used_for: Any  # lazy Dutch text
    licence: Any
    url: str


PUBLISHERS: tuple[Publisher, ...] = (
    Publisher(
        "CBS (Centraal Bureau voor de Statistiek)",
        _(
            "Kerncijfers wijken en buurten, bevolking per gemeente, asielverzoeken en "
            "nareizigers (tabellen 83102NED en 80059NED), verblijfsvergunningen, "
            "statistiek Wet inburgering"
        ),
        _("CC BY 4.0"),
        "https://www.cbs.nl/",
    ),
    Publisher(
        "PDOK / Kadaster",
        _("Kaartvormen: wijk- en buurtkaart en bestuurlijke gebieden"),
        _("open data (CC BY 4.0)"),
        "https://www.pdok.nl/",
    ),
    Publisher(
        "IND (Immigratie- en Naturalisatiedienst)",
        _("Asielverzoeken, nareizigers en beslissingen (via CBS)"),
        _("via CBS, CC BY 4.0"),
        "https://ind.nl/nl/over-ons/cijfers-en-publicaties",
    ),
    Publisher(
        "UNHCR",
        _("Refugee Data Finder: asielaanvragen en -beslissingen per jaar"),
        _("CC BY 4.0"),
        "https://www.unhcr.org/refugee-statistics/",
    ),
    Publisher(
        "COA (Centraal Orgaan opvang asielzoekers)",
        _("Bezetting van de opvang, kosten per bewonerjaar (jaarverslagen)"),
        _("openbaar gepubliceerd; geen licentie vermeld"),
        "https://www.coa.nl/",
    ),
    Publisher(
        "Ministerie van Asiel en Migratie (Rijksoverheid)",
        _(
            "Meerjaren Productie Prognose (MPP), landelijke taakstelling "
            "vergunninghouders, Spreidingswet"
        ),
        _("openbare overheidsinformatie"),
        "https://www.rijksoverheid.nl/ministeries/ministerie-van-asiel-en-migratie",
    ),
    Publisher(
        "Staatscourant (officiële bekendmakingen)",
        _("Vastgestelde taakstellingen per halfjaar"),
        _("openbare overheidsinformatie"),
        "https://www.officielebekendmakingen.nl/",
    ),
    Publisher(
        "wetten.overheid.nl",
        _("Wetteksten: Huisvestingswet 2014, Spreidingswet, Wet inburgering 2021"),
        _("openbare overheidsinformatie"),
        "https://wetten.overheid.nl/",
    ),
    Publisher(
        "WODC / Regioplan",
        _("Evaluaties van de LVV-pilot"),
        _("openbaar gepubliceerd"),
        "https://www.wodc.nl/",
    ),
    Publisher(
        "SNF (Stichting Normering Flexwonen)",
        _("Register van huisvesting van arbeidsmigranten (totalen)"),
        _("openbaar gepubliceerd"),
        "https://www.normeringflexwonen.nl/",
    ),
    Publisher(
        _("Nieuwsmedia (NOS, BNNVARA, De Telegraaf, gemeente.nu en andere)"),
        _(
            "Alleen waar geen primaire bron openbaar is; bij elk cijfer staat welk "
            "artikel, met datum en link"
        ),
        _("citaat met bronvermelding"),
        "",
    ),
)
