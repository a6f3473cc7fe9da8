# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""What users read about each chain-model parameter: a Dutch label and a public source.

The parameter YAML files document each value in English for developers, with
internal references (reference notes, data file names). Users of the CLI and the
web pages see this instead: a Dutch label and either a public citation
(publisher, title, date, web address) or the reasoning, marked 'Aanname:',
'Afgeleid:' or 'Gekalibreerd:'. The web translates both texts through gettext.
"""

from __future__ import annotations

from dataclasses import dataclass

from migratieketen.forecast.mpp import RIJKSOVERHEID_MPP_2025


def gettext_noop(text: str) -> str:
    """Mark a string for the web's translation catalogue; the core stays Dutch."""
    return text


@dataclass(frozen=True, slots=True)
class PublicNote:
    label: str
    source: str
    url: str = ""

    def text(self) -> str:
        return f"{self.source} {self.url}".strip()


UNHCR = "https://www.unhcr.org/refugee-statistics/"
CBS_ASIEL = "https://opendata.cbs.nl/statline/#/CBS/nl/dataset/83102NED"
COA_BEZETTING = "https://www.coa.nl/nl/over-coa/bezetting"
WI2021 = "https://wetten.overheid.nl/BWBR0044770"
VW2000 = "https://wetten.overheid.nl/BWBR0011823"
HW2014 = "https://wetten.overheid.nl/BWBR0035303"
DIVOSA = "https://www.divosa.nl/onderwerpen/inburgering"
REGIOPLAN_LVV = (
    "https://www.regioplan.nl/actueel/landelijke-vreemdelingenvoorzieningen-oplossing-"
    "voor-18-procent-van-deelnemende-migranten/"
)
NOS_COA = (
    "https://nos.nl/artikel/2530030-coa-kosten-asielopvang-gestegen-van-1-6-naar-2-7-"
    "miljard-euro"
)
NOS_COA_TEXT = gettext_noop(
    "COA, Jaarverslag 2023, zoals gemeld door NOS: ‘COA: kosten asielopvang "
    "gestegen van 1,6 naar 2,7 miljard euro’, juli 2024"
)
CALIBRATED_COA = gettext_noop(
    "Gekalibreerd: zo gekozen dat het model de COA-cijfers over statushouders in de "
    "opvang van 2018 tot en met 2023 het best naspeelt; geen gepubliceerd cijfer."
)
N = PublicNote
PUBLIC_NOTES: dict[str, PublicNote] = {
    # housing
    "social_rent_turnover_per_year": N(
        gettext_noop("Verhuringen per jaar als deel van de sociale huurvoorraad"),
        gettext_noop(
            "Aanname: ongeveer 7 %, naar ABF Research en Aedes, ‘Staat van de "
            "Volkshuisvesting’; niet nagerekend."
        ),
    ),
    "statushouder_share_of_lettings": N(
        gettext_noop("Deel van de verhuringen dat naar statushouders gaat"),
        CALIBRATED_COA,
    ),
    "persons_per_dwelling": N(
        gettext_noop("Personen per woning (statushouders)"),
        gettext_noop("Aanname: geen landelijk cijfer gevonden."),
    ),
    "housing_rate": N(
        gettext_noop(
            "Deel van de gekoppelde statushouders dat per maand een woning krijgt"
        ),
        gettext_noop(
            "Gekalibreerd; als uitgangspunt: de gemeente biedt binnen 10 weken na de "
            "koppeling een woning aan en de statushouder verhuist binnen 2 weken (COA, "
            "‘Huisvesting van statushouders’), ongeveer een derde per maand."
        ),
        "https://www.coa.nl/nl/huisvesting-van-statushouders",
    ),
    "urgency_extra_share": N(
        gettext_noop("Extra deel van de verhuringen bij een urgentieregeling"),
        gettext_noop(
            "Gekalibreerd op 2013-2023; tot 2017 waren statushouders een "
            "urgentiecategorie (Huisvestingswet 2014, art. 12 lid 3, oorspronkelijke "
            "tekst)."
        ),
        HW2014,
    ),
    "urgent_quota_share": N(
        gettext_noop("Deel van de verhuringen voor urgent woningzoekenden"),
        gettext_noop("Aanname: verschilt per regionale huisvestingsverordening."),
    ),
    "other_urgent_demand_share": N(
        gettext_noop(
            "Vraag van andere urgent woningzoekenden (deel van de verhuringen)"
        ),
        gettext_noop(
            "Aanname: 85 % van het urgentiequotum, zodat de wachttijd zonder "
            "urgentieregeling voor statushouders enkele maanden is."
        ),
    ),
    "tussenvoorziening_stay_months": N(
        gettext_noop("Verblijfsduur in een tussenvoorziening (maanden)"),
        gettext_noop("Aanname: flexwooncontracten duren vaak 6 tot 24 maanden."),
    ),
    "tussenvoorziening_statushouder_share": N(
        gettext_noop("Deel van een tussenvoorziening voor statushouders"),
        gettext_noop(
            "Aanname: gemengde woonconcepten zoals ‘Startblok’ gebruiken ongeveer de "
            "helft."
        ),
    ),
    "taakstelling_response": N(
        gettext_noop("Reactie van gemeenten op een hogere taakstelling"),
        gettext_noop(
            "Gekalibreerd op één cijfer: gemeenten huisvestten in 2024 ongeveer 30.000 "
            "statushouders toen de taakstelling steeg; het model speelt dat na vanaf "
            "januari 2024."
        ),
    ),
    "max_statushouder_share": N(
        gettext_noop("Hoogste deel van de verhuringen voor statushouders"),
        gettext_noop(
            "Aanname: ongeveer twee keer de landelijke piek (CBS: bijna 8 % van de "
            "verhuringen in 2023 ging naar huishoudens van statushouders)."
        ),
    ),
    # inflow
    "inflow_level_multiplier": N(
        gettext_noop("Factor op het niveau van de asielinstroom"),
        gettext_noop(
            "Afgeleid: de bandbreedte van de Migratieprognose 2025 (40.000 tot 55.300) "
            "is het midden plus of min ongeveer 15 %. Bron: Ministerie van Asiel en Migratie "
            "(Rijksoverheid), ‘Nieuwe prognose: lagere asielinstroom verwacht in 2025 "
            "en 2026’, 26 september 2025."
        ),
        RIJKSOVERHEID_MPP_2025.url,
    ),
    "inflow_monthly_sigma": N(
        gettext_noop("Spreiding van de instroom van maand tot maand"),
        gettext_noop(
            "Afgeleid uit de eerste asielverzoeken per maand 2018-2020 (CBS StatLine, "
            "‘Asielverzoeken en nareizigers’)."
        ),
        CBS_ASIEL,
    ),
    "repeat_requests_per_month": N(
        gettext_noop("Herhaalde asielverzoeken per maand"),
        gettext_noop(
            "UNHCR, Refugee Data Finder, Nederland 2024: 1.576 herhaalde aanvragen, "
            "gedeeld door 12."
        ),
        UNHCR,
    ),
    "nareizigers_ratio": N(
        gettext_noop("Nareizigers per inwilliging"),
        gettext_noop(
            "Afgeleid: nareizigers 2014-2024 (CBS StatLine, 96.135) gedeeld door de "
            "inwilligingen in eerste aanleg 2013-2023 (UNHCR Refugee Data Finder, "
            "ongeveer 150.000)."
        ),
        CBS_ASIEL,
    ),
    "nareizigers_delay_months": N(
        gettext_noop("Tijd tussen inwilliging en aankomst van nareizigers (maanden)"),
        gettext_noop(
            "Aanname: de mvv-procedure (beslistermijn 90 dagen, Vreemdelingenwet 2000) "
            "plus reis en documenten; geen cijfer gevonden."
        ),
        VW2000,
    ),
    "nareizigers_share_to_coa": N(
        gettext_noop("Deel van de nareizigers dat in de COA-opvang komt"),
        CALIBRATED_COA,
    ),
    # integration
    "inburgering_obliged_share": N(
        gettext_noop(
            "Deel van de gehuisveste statushouders dat inburgeringsplichtig is"
        ),
        gettext_noop(
            "Afgeleid: CBS, Statistiek Wet inburgering, cohort 2022 asiel (18.900), "
            "gedeeld door de ongeveer 29.000 statushouders die in 2022 een woning "
            "kregen."
        ),
    ),
    "route_share_b1": N(
        gettext_noop("Deel in de B1-route"),
        gettext_noop(
            "Aanname: geen gepubliceerde verdeling over de leerroutes gevonden."
        ),
    ),
    "route_share_onderwijs": N(
        gettext_noop("Deel in de onderwijsroute"),
        gettext_noop(
            "Aanname: geen gepubliceerde verdeling over de leerroutes gevonden."
        ),
    ),
    "duration_b1_months": N(
        gettext_noop("Duur van de B1-route (maanden)"),
        gettext_noop(
            "Aanname: binnen de termijn van drie jaar (Wet inburgering 2021, art. 11 "
            "lid 1)."
        ),
        WI2021,
    ),
    "duration_onderwijs_months": N(
        gettext_noop("Duur van de onderwijsroute (maanden)"),
        gettext_noop("Aanname: geen gepubliceerd cijfer gevonden."),
    ),
    "duration_z_months": N(
        gettext_noop("Duur van de Z-route (maanden)"),
        gettext_noop("Aanname: geen gepubliceerd cijfer gevonden."),
    ),
    "cost_b1_per_trajectory": N(
        gettext_noop("Kosten per traject, B1-route"),
        gettext_noop(
            "Aanname: het gemiddelde van € 10.000 per leerroute dat SZW aannam "
            "(Divosa, ‘Vragen en antwoorden financiering Wet inburgering 2021’, "
            "bijgewerkt 1 april 2025)."
        ),
        DIVOSA,
    ),
    "cost_onderwijs_per_trajectory": N(
        gettext_noop("Kosten per traject, onderwijsroute"),
        gettext_noop(
            "Gemiddelde trajectprijs ten minste € 17.000 (2026-2029); Divosa, ‘Vragen "
            "en antwoorden financiering Wet inburgering 2021’, bijgewerkt 1 april 2025."
        ),
        DIVOSA,
    ),
    "cost_z_per_trajectory": N(
        gettext_noop("Kosten per traject, Z-route"),
        gettext_noop("Aanname: korter dan de andere routes en zonder examen."),
    ),
    "budget_per_trajectory": N(
        gettext_noop("Budget per leerroute-traject"),
        gettext_noop(
            "€ 10.000 per traject, na indexatie ongeveer € 11.600 in 2025; Divosa, "
            "‘Vragen en antwoorden financiering Wet inburgering 2021’, bijgewerkt 1 "
            "april 2025."
        ),
        DIVOSA,
    ),
    "term_months": N(
        gettext_noop("Inburgeringstermijn (maanden)"),
        gettext_noop("Wet inburgering 2021, art. 11 lid 1: drie jaar."),
        WI2021,
    ),
    # procedure
    "ind_decisions_per_month": N(
        gettext_noop("Beslissingen van de IND per maand (personen)"),
        gettext_noop(
            "UNHCR, Refugee Data Finder, Nederland 2024, eerste aanleg: 28.890 "
            "beslissingen maal 1,199 personen per beslissing (gekalibreerd), gedeeld "
            "door 12."
        ),
        UNHCR,
    ),
    "recognition_rate_first": N(
        gettext_noop("Inwilligingspercentage, eerste aanvraag"),
        gettext_noop(
            "UNHCR, Refugee Data Finder, Nederland 2024, eerste aanleg: 15.630 "
            "inwilligingen van 19.816 inhoudelijke beslissingen."
        ),
        UNHCR,
    ),
    "recognition_rate_repeat": N(
        gettext_noop("Inwilligingspercentage, herhaalde aanvraag"),
        gettext_noop(
            "UNHCR, Refugee Data Finder, Nederland 2024, herhaalde aanvragen: 353 "
            "inwilligingen van 1.338 inhoudelijke beslissingen."
        ),
        UNHCR,
    ),
    "closed_share": N(
        gettext_noop("Deel van de zaken dat zonder inhoudelijke beslissing sluit"),
        gettext_noop(
            "UNHCR, Refugee Data Finder, Nederland 2024: 9.074 gesloten zaken van "
            "28.890 beslissingen."
        ),
        UNHCR,
    ),
    "rejected_months_in_coa": N(
        gettext_noop("Verblijf van afgewezen asielzoekers in de opvang (maanden)"),
        gettext_noop(
            "Gekalibreerd; de vertrektermijn van 28 dagen (Vreemdelingenwet 2000, "
            "art. 62) is een ondergrens."
        ),
        VW2000,
    ),
    "rejected_share_departure": N(
        gettext_noop("Deel van de afgewezen asielzoekers dat vertrekt"),
        gettext_noop(
            "Aanname: naar de vertrekcijfers van de Dienst Terugkeer en Vertrek "
            "(ongeveer de helft vertrekt ‘zelfstandig zonder toezicht’); niet "
            "nagerekend."
        ),
    ),
    "rejected_share_lvv": N(
        gettext_noop("Deel van de afgewezen asielzoekers dat in de LVV komt"),
        gettext_noop(
            "Afgeleid: 2.065 deelnemers aan de LVV-pilot over 2019-2022 (Regioplan, "
            "eindevaluatie LVV voor het WODC, november 2022) tegen ongeveer 10.000 "
            "afwijzingen per jaar."
        ),
        REGIOPLAN_LVV,
    ),
    "initial_statushouders_2013": N(
        gettext_noop("Statushouders in de opvang begin 2013"),
        gettext_noop("Gekalibreerd: geen gepubliceerd cijfer voor eind 2012 gevonden."),
    ),
    "history_persons_per_decision": N(
        gettext_noop("Personen per beslissing (naspeling van de geschiedenis)"),
        gettext_noop(
            "Gekalibreerd, vanaf een schatting uit CBS-asielverzoeken en "
            "UNHCR-cijfers over herhaalde aanvragen, openstaande zaken en "
            "beslissingen sinds 2013."
        ),
    ),
    # reception
    "capacity_regular": N(
        gettext_noop("Capaciteit reguliere azc (plaatsen)"),
        gettext_noop(
            "Aanname: naar de COA-locaties op 25 september 2023 (81 regulier en 6 "
            "gemengd van 219) en de behoefte van 75.500 tot 77.100 plaatsen op 1 "
            "januari 2024."
        ),
        COA_BEZETTING,
    ),
    "capacity_small_scale": N(
        gettext_noop("Capaciteit kleinschalige opvang (plaatsen)"),
        gettext_noop("Aanname: geen COA-cijfer per soort opvang gevonden."),
    ),
    "capacity_noodopvang": N(
        gettext_noop("Capaciteit (COA-)noodopvang (plaatsen)"),
        gettext_noop(
            "Aanname: naar de COA-locaties op 25 september 2023 (132 noodopvanglocaties "
            "van 219)."
        ),
        COA_BEZETTING,
    ),
    "cost_regular_per_year": N(
        gettext_noop("Kosten per bewonerjaar, regulier azc"), NOS_COA_TEXT, NOS_COA
    ),
    "cost_small_scale_per_year": N(
        gettext_noop("Kosten per bewonerjaar, kleinschalige opvang"),
        gettext_noop(
            "Aanname: de kosten van reguliere opvang plus 10 % (kleinere locaties, "
            "vaste kosten per locatie); geen gepubliceerd cijfer gevonden."
        ),
    ),
    "cost_noodopvang_per_year": N(
        gettext_noop("Kosten per bewonerjaar, (COA-)noodopvang"), NOS_COA_TEXT, NOS_COA
    ),
    "cost_crisisnoodopvang_per_year": N(
        gettext_noop(
            "Kosten per bewonerjaar, crisisnoodopvang (hotels, schepen, gemeentelijke "
            "crisislocaties)"
        ),
        gettext_noop(
            "Nieuwsuur, zoals geciteerd door BNNVARA (Joop): ‘Door rechts "
            "veroorzaakte opvangcrisis kost belastingbetaler handenvol geld’, juni "
            "2024 (een hotelplek kost gemiddeld € 91.000 per jaar; secundaire bron)"
        ),
        "https://www.bnnvara.nl/joop/artikelen/door-rechts-veroorzaakte-opvangcrisis-"
        "kost-belastingbetaler-handenvol-geld",
    ),
    "idle_cost_fraction": N(
        gettext_noop("Kosten van een lege plaats als deel van een bezette plaats"),
        gettext_noop(
            "Aanname: geen cijfer van het COA gevonden. Met 0 telt lege capaciteit "
            "niet mee."
        ),
    ),
    "noodopvang_lead_time_months": N(
        gettext_noop("Aanlooptijd voor nieuwe noodopvang (maanden)"),
        gettext_noop("Aanname: geen gepubliceerd cijfer gevonden; een scenariokeuze."),
    ),
}
del N


def public_note(name: str) -> PublicNote:
    """The note for a parameter; a parameter without one is a bug the tests catch."""
    return PUBLIC_NOTES[name]
