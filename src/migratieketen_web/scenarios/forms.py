# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""The scenario form: an inflow choice (or own YAML) plus the levers of the core.

The form only edits the core's scenario dict (`ChainScenario.to_dict()`) and lets the core
validate it (`ChainScenario.from_dict`), so every error is the core's Dutch message and a
bad scenario creates nothing.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from migratieketen_web.scenarios import limits
from migratieketen_web.scenarios.presets import PRESETS, preset_scenario
from migratieketen_web.scenarios.services import (
    ChainConfigError,
    ChainScenario,
    check_limits,
    default_parameters,
    scenario_from_yaml,
)

MAX_UPLOAD_BYTES = 100_000
YAML_CHOICE = "yaml"

INFLOW_CHOICES = [(p.key, p.label) for p in PRESETS] + [
    (YAML_CHOICE, _("Eigen scenario (YAML-bestand)"))
]
CAPACITY_FIELDS = (
    ("capaciteit_regulier", "regular", "capacity_regular"),
    ("capaciteit_kleinschalig", "small_scale", "capacity_small_scale"),
    ("capaciteit_noodopvang", "noodopvang", "capacity_noodopvang"),
)


def _places(label: Any, help_text: Any) -> forms.IntegerField:
    return forms.IntegerField(
        label=label,
        required=False,
        min_value=0,
        max_value=1_000_000,
        help_text=help_text,
    )


# The NL Design System classes the rest of the site uses, per kind of widget.
WIDGET_CLASSES: tuple[tuple[type[forms.Widget], str], ...] = (
    (forms.RadioSelect, "utrecht-radio-button utrecht-radio-button--html-input"),
    (
        forms.CheckboxInput,
        "utrecht-checkbox utrecht-checkbox--custom utrecht-checkbox--html-input",
    ),
    (forms.Select, "utrecht-select utrecht-select--html-select"),
    (forms.FileInput, "utrecht-textbox utrecht-textbox--html-input mk-file"),
    (forms.widgets.Input, "utrecht-textbox utrecht-textbox--html-input"),
)


def _widget_class(widget: forms.Widget) -> str:
    for kind, css in WIDGET_CLASSES:
        if isinstance(widget, kind):
            return css
    return ""


class ScenarioForm(forms.Form):
    instroom = forms.ChoiceField(
        label=_("Instroom"),
        choices=INFLOW_CHOICES,
        initial="piek2015",
        widget=forms.RadioSelect,
    )
    scenario_bestand = forms.FileField(
        label=_("Scenariobestand (YAML)"),
        required=False,
        help_text=_(
            "Alleen bij 'Eigen scenario'. Hetzelfde formaat als "
            "'migratieketen simuleer'; begin bij een voorbeeld hierboven (als YAML)."
        ),
    )
    naam = forms.CharField(label=_("Naam (optioneel)"), required=False, max_length=200)
    capaciteit_regulier = _places(
        _("Capaciteit reguliere azc (plaatsen)"), _("Leeg: zoals in het scenario.")
    )
    capaciteit_kleinschalig = _places(
        _("Capaciteit kleinschalige opvang (plaatsen)"),
        _("Leeg: zoals in het scenario."),
    )
    capaciteit_noodopvang = _places(
        _("Capaciteit noodopvang (plaatsen)"), _("Leeg: zoals in het scenario.")
    )
    noodopvang_opschalen = forms.BooleanField(
        label=_("Noodopvang automatisch opschalen (met aanlooptijd)"), required=False
    )
    extra_ind = _places(
        _("Extra IND-beslissingen per maand"), _("Bovenop de besliscapaciteit.")
    )
    tussenvoorziening = _places(
        _("Plaatsen in tussenvoorzieningen"),
        _(
            "Gedeelde tijdelijke woonplekken voor statushouders en andere woningzoekenden."
        ),
    )
    urgentie = forms.BooleanField(
        label=_("Urgentieregeling voor statushouders"),
        required=False,
        help_text=_(
            "Een groter deel van de sociale huurwoningen; andere urgenten wachten langer."
        ),
    )
    extra_woningen_pct = forms.FloatField(
        label=_("Extra woningaanbod voor statushouders (%)"),
        required=False,
        min_value=-100,
        max_value=500,
    )
    runs = forms.IntegerField(
        label=_("Aantal runs"),
        min_value=1,
        max_value=limits.MAX_RUNS,
        initial=limits.DEFAULT_RUNS,
        help_text=_("Meer runs geven gladdere banden maar rekenen langer."),
    )
    seed = forms.IntegerField(
        label=_("Startwaarde toevalsgenerator"),
        required=False,
        min_value=0,
        max_value=limits.MAX_SEED,
        help_text=_(
            "Leeg: die van het scenario. Zelfde startwaarde = zelfde uitkomst."
        ),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.widget.attrs.setdefault("class", _widget_class(field.widget))

    def clean(self) -> dict[str, Any]:
        data: dict[str, Any] = super().clean() or {}
        if self.errors:
            return data
        try:
            base = self._base_scenario(data)
        except ChainConfigError as exc:
            self.add_error("scenario_bestand", str(exc))
            return data
        if base is None:
            return data
        try:
            scenario = ChainScenario.from_dict(self._with_levers(base, data))
            check_limits(scenario)
        except ChainConfigError as exc:
            raise forms.ValidationError(str(exc)) from exc
        data["scenario"] = scenario
        return data

    def _base_scenario(self, data: dict[str, Any]) -> ChainScenario | None:
        choice = data["instroom"]
        upload = data.get("scenario_bestand")
        if choice != YAML_CHOICE:
            return preset_scenario(choice)
        if upload is None:
            self.add_error(
                "scenario_bestand", _("Kies een YAML-bestand voor een eigen scenario.")
            )
            return None
        if upload.size > MAX_UPLOAD_BYTES:
            raise ChainConfigError(_("Scenariobestand is te groot (hooguit 100 kB)."))
        try:
            text = upload.read().decode("utf-8")
        except UnicodeDecodeError as exc:
            raise ChainConfigError(
                _("Scenariobestand is geen tekst in UTF-8.")
            ) from exc
        return scenario_from_yaml(text)

    @staticmethod
    def _with_levers(base: ChainScenario, data: dict[str, Any]) -> dict[str, Any]:
        d = base.to_dict()
        if data.get("naam"):
            d["name"] = data["naam"]
        if any(data.get(field) is not None for field, _k, _p in CAPACITY_FIELDS):
            current = _capacity_at_start(d)
            step = {"start": d["start"]}
            for field, key, _p in CAPACITY_FIELDS:
                value = data.get(field)
                step[key] = float(value) if value is not None else current[key]
            d["capacity"] = [step] + [
                s for s in d["capacity"] if s["start"] > d["start"]
            ]
        levers = d["levers"]
        if data.get("noodopvang_opschalen"):
            levers["noodopvang_auto_scale"] = True
        if data.get("urgentie"):
            levers["urgency_scheme"] = True
            levers["urgency_until"] = ""
        if data.get("extra_ind"):
            levers["extra_ind_decisions_per_month"] = float(data["extra_ind"])
        if data.get("tussenvoorziening"):
            levers["tussenvoorziening_places"] = float(data["tussenvoorziening"])
        if data.get("extra_woningen_pct"):
            levers["extra_housing_pct"] = float(data["extra_woningen_pct"])
        d["runs"] = data["runs"]
        if data.get("seed") is not None:
            d["seed"] = data["seed"]
        return d


def _capacity_at_start(d: dict[str, Any]) -> dict[str, float]:
    """Capacity per type in force at the scenario's start (step or default)."""
    params = default_parameters()
    overrides = d.get("parameters") or {}
    current = {
        key: float(overrides.get(name, params[name].value))
        for _f, key, name in CAPACITY_FIELDS
    }
    for step in d["capacity"]:
        if step["start"] <= d["start"]:
            current = {key: float(step[key]) for _f, key, _n in CAPACITY_FIELDS}
    return current
