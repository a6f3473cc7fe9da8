# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""The processing activities (verwerkingsactiviteiten) this software performs.

Each audit line names one, so the log answers 'why' and 'on which legal ground'. The
gemeente's own register of processing activities (AVG art. 30) should list the same
keys; the texts here are defaults a deployment can keep or replace.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class ProcessingActivity:
    key: str
    purpose: str  # doel
    legal_ground: str  # grondslag


INBURGERING = ProcessingActivity(
    "inburgering.uitvoering",
    "Uitvoering Wet inburgering 2021: brede intake, PIP, leerroute en begeleiding "
    "van inburgeringsplichtigen door het college",
    "art. 6 lid 1 onder e AVG (taak van algemeen belang) jo. art. 13-16 Wet "
    "inburgering 2021; gebruik BSN: art. 10 Wet algemene bepalingen "
    "burgerservicenummer",
)

KOPPELING = ProcessingActivity(
    "koppeling.advies",
    "Advies over de koppeling van statushouderhuishoudens aan gemeenten binnen de "
    "taakstelling, op gepseudonimiseerde gegevens; een mens beslist",
    "art. 6 lid 1 onder e AVG (taak van algemeen belang) jo. art. 28-30 "
    "Huisvestingswet 2014",
)

ARBEIDSMIGRANTEN = ProcessingActivity(
    "arbeidsmigranten.huisvesting",
    "Toezicht op de huisvesting van arbeidsmigranten (bouwregels, overbewoning, "
    "lokale normen) en op de juiste inschrijving van bewoners in de BRP",
    "art. 6 lid 1 onder e AVG (taak van algemeen belang) jo. art. 2.50 Wet "
    "basisregistratie personen en het toezicht op het Besluit bouwwerken "
    "leefomgeving (Omgevingswet); gebruik BSN: art. 10 Wet algemene bepalingen "
    "burgerservicenummer",
)

LVV = ProcessingActivity(
    "lvv.trajecten",
    "Opvang en begeleiding van vreemdelingen zonder recht op verblijf of rijksopvang in "
    "een Landelijke Vreemdelingenvoorziening naar een bestendige oplossing",
    "art. 6 lid 1 onder e AVG (taak van algemeen belang) jo. de bestuurlijke afspraken "
    "Rijk-VNG over de LVV (2018); bijzondere persoonsgegevens alleen voor zover nodig "
    "voor het medische traject (art. 9 lid 2 onder g AVG)",
)

ACTIVITIES: dict[str, ProcessingActivity] = {
    a.key: a for a in (INBURGERING, KOPPELING, ARBEIDSMIGRANTEN, LVV)
}
