# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""The opvang form: scenario set, area, horizon, norms and candidates.

The uploaded candidate file is checked by the core (row and column, all or nothing);
its error is shown at the file field and nothing is saved.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from migratieketen_web.opvang import services

MAX_UPLOAD_BYTES = 500_000
PROVINCES = [
    ("PV20", "Groningen"), ("PV21", "Fryslân"), ("PV22", "Drenthe"), ("PV23", "Overijssel"),
    ("PV24", "Flevoland"), ("PV25", "Gelderland"), ("PV26", "Utrecht"),
    ("PV27", "Noord-Holland"), ("PV28", "Zuid-Holland"), ("PV29", "Zeeland"),
    ("PV30", "Noord-Brabant"), ("PV31", "Limburg"),
]  # fmt: skip
SCENARIO_LABELS = {
    "piek2015": _("Piek zoals in 2015 (ketenmodel)"),
    "basis": _("Constante instroom op het niveau van 2024 (ketenmodel)"),
    "dal2020": _("Dal zoals in 2020 (ketenmodel)"),
}


class OpvangForm(forms.Form):
    scenario = forms.ChoiceField(
        label=_("Scenario's van de instroom"),
        choices=[(k, SCENARIO_LABELS[k]) for k in services.SCENARIOS],
        initial="piek2015",
        widget=forms.RadioSelect,
    )
    provincie = forms.ChoiceField(
        label=_("Gebied"), choices=[("", _("Heel Nederland")), *PROVINCES], required=False,
        initial="PV21",
        help_text=_("Een provincie rekent snel; heel Nederland duurt minuten."),
    )  # fmt: skip
    maanden = forms.IntegerField(
        label=_("Horizon (maanden)"), min_value=6, max_value=36, initial=24
    )
    paden = forms.IntegerField(
        label=_("Aantal vraagpaden"), min_value=5, max_value=200, initial=40,
        help_text=_("Runs van het ketenmodel waarover het plan robuust moet zijn."),
    )  # fmt: skip
    wijk_aandeel = forms.FloatField(
        label=_("Evenredigheid: hoogstens dit aandeel van de inwoners van een wijk"),
        min_value=0.005, max_value=0.2, initial=0.05,
        help_text=_("Standaard 0,05 (5 %), een aanname; geen landelijke norm gevonden."),
    )  # fmt: skip
    max_kleinschalig = forms.IntegerField(
        label=_("Kleinschalig: hoogstens zoveel plaatsen per locatie"), min_value=10,
        max_value=400, initial=100,
    )  # fmt: skip
    risicogewicht = forms.FloatField(
        label=_("Gewicht op het risico (crisisplaatsmaanden in de slechtste paden)"),
        min_value=0, max_value=10, initial=0,
    )  # fmt: skip
    kandidaten = forms.FileField(
        label=_("Kandidaatlocaties (CSV, optioneel)"), required=False,
        help_text=_("Zonder bestand: generieke kandidaten per wijk en type "
                    "(generiek — geen echte locatie)."),
    )  # fmt: skip
    naam = forms.CharField(label=_("Naam (optioneel)"), max_length=200, required=False)

    def clean_kandidaten(self) -> str:
        upload = self.cleaned_data.get("kandidaten")
        if not upload:
            return ""
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(_("Het bestand is groter dan 500 kB."))
        try:
            text = upload.read().decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise forms.ValidationError(_("Het bestand is geen UTF-8-tekst.")) from exc
        try:
            services.check_candidates(text)
        except services.OpvangError as exc:
            raise forms.ValidationError(str(exc)) from exc
        return text

    def options(self) -> dict[str, Any]:
        data = dict(self.cleaned_data)
        data.pop("kandidaten", None)
        return data
