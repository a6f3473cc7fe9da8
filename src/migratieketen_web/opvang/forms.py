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

from migratieketen_web.opvang import scenario_input, services

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
    services.PROGNOSE: _(
        "Prognose: steekproefpaden van het prognosemodel op de laatste data, door het "
        "ketenmodel"
    ),
    services.SCENARIO_FILE: _("Eigen scenario: een bewaard scenariobestand (YAML)"),
}

BUILTIN_CHOICES = [
    (k, SCENARIO_LABELS[k]) for k in (*services.SCENARIOS, services.SCENARIO_FILE)
]


class OpvangForm(forms.Form):
    scenario = forms.ChoiceField(
        label=_("Scenario's van de instroom"),
        choices=BUILTIN_CHOICES,
        initial="piek2015",
        widget=forms.RadioSelect,
    )
    scenario_bestand = forms.FileField(
        label=_("Scenariobestand (YAML)"), required=False,
        help_text=_("Alleen bij 'Eigen scenario': een scenario zoals de scenariopagina "
                    "het als YAML laat downloaden (hooguit 100 kB)."),
    )  # fmt: skip
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
    batches = forms.IntegerField(
        label=_("Scenariobatches"), min_value=1, max_value=services.MAX_BATCHES, initial=1,
        required=False,
        help_text=_("1: één model over alle paden. Meer: de paden worden in batches "
                    "verdeeld en elke batch apart opgelost; het plan dat op alle paden "
                    "het goedkoopst is telt, met een geschatte gap (een schatting)."),
    )  # fmt: skip
    kandidaten = forms.FileField(
        label=_("Kandidaatlocaties (CSV, optioneel)"), required=False,
        help_text=_("Zonder bestand: generieke kandidaten per wijk en type "
                    "(generiek — geen echte locatie)."),
    )  # fmt: skip
    naam = forms.CharField(label=_("Naam (optioneel)"), max_length=200, required=False)

    def __init__(self, *args: Any, request: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.saved_runs = scenario_input.saved_runs(request)
        field = self.fields["scenario"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = [
            *BUILTIN_CHOICES,
            *scenario_input.saved_choices(self.saved_runs),
        ]

    def clean_batches(self) -> int:
        return self.cleaned_data.get("batches") or 1  # empty: one model over all paths

    def clean_scenario_bestand(self) -> dict[str, Any] | None:
        upload = self.cleaned_data.get("scenario_bestand")
        return scenario_input.read_scenario_file(upload) if upload else None

    def clean(self) -> dict[str, Any]:
        data: dict[str, Any] = super().clean() or {}
        choice = data.get("scenario")
        if choice == services.SCENARIO_FILE and not data.get("scenario_bestand"):
            if "scenario_bestand" not in self.errors:
                self.add_error("scenario_bestand",
                               _("Kies een scenariobestand (YAML) voor een eigen scenario."))  # fmt: skip
        elif (
            choice and choice != services.SCENARIO_FILE and data.get("scenario_bestand")
        ):
            self.add_error("scenario_bestand", _("Een scenariobestand telt alleen bij "
                                                 "'Eigen scenario'; kies dat of laat het bestand weg."))  # fmt: skip
        elif choice and choice.startswith(scenario_input.SAVED_PREFIX):
            try:
                data["opgeslagen"] = scenario_input.saved_definition(
                    self.saved_runs, choice
                )
            except forms.ValidationError as exc:
                self.add_error("scenario", exc)
        horizon = services.prognose_horizon_error(choice, data.get("maanden"))
        if horizon:
            self.add_error("maanden", horizon)
        batches, paths = data.get("batches"), data.get("paden")
        if batches and paths and batches > paths:
            self.add_error("batches", _("Hooguit zoveel batches als vraagpaden."))
        return data

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
        definition = data.pop("scenario_bestand", None)
        saved = data.pop("opgeslagen", None)
        if saved is not None:
            definition, run = saved
            data.update(scenario="opgeslagen", scenario_run=str(run.uuid))
        if definition is not None:
            data.update(scenario_definitie=definition, scenario_naam=definition["name"])
        return data
