# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Dutch forms of the inburgering register; the rules are checked in services.py."""

from __future__ import annotations

from typing import Any, cast

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from migratieketen_web.inburgering.models import (
    GROUND_CHOICES,
    MODULE_CHOICES,
    ROUTE_CHOICES,
    STEP_DATES,
)

TEXTBOX = "utrecht-textbox utrecht-textbox--html-input"
SELECT = "utrecht-select utrecht-select--html-select"
MAX_UPLOAD_BYTES = 5 * 1024 * 1024
DATE_ERRORS = {"invalid": _("Vul een geldige datum in, bv. 2024-03-14.")}


def _date_field(label: Any, required: bool = False) -> forms.DateField:
    return forms.DateField(
        label=label,
        required=required,
        widget=forms.DateInput(attrs={"type": "date", "class": TEXTBOX}),
        error_messages={**DATE_ERRORS, "required": _("Vul deze datum in.")},
    )


class RegisterForm(forms.Form):
    """Shared: map the services' RegisterError onto the fields."""

    def add_register_errors(self, errors: dict[str, list[str]]) -> None:
        for name, messages in errors.items():
            field = name if name in self.fields else None
            for message in messages:
                self.add_error(field, message)


class GemeenteRecordForm(RegisterForm):
    """A register's main record: the gemeente chosen from those the user may write."""

    gemeente = forms.ChoiceField(
        label=_("Gemeente"),
        widget=forms.Select(attrs={"class": SELECT}),
        error_messages={"required": _("Kies een gemeente.")},
    )

    def __init__(self, gemeenten: list[tuple[str, str]], *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["gemeente"]).choices = gemeenten
        if len(gemeenten) == 1:
            self.fields["gemeente"].initial = gemeenten[0][0]


class PersonForm(GemeenteRecordForm):
    bsn = forms.CharField(
        label=_("BSN"),
        max_length=20,
        help_text=_(
            "Negen cijfers; wordt gecontroleerd met de elfproef en niet getoond."
        ),
        widget=forms.TextInput(
            attrs={"class": TEXTBOX, "inputmode": "numeric", "autocomplete": "off"}
        ),
        error_messages={"required": _("Vul het BSN in.")},
    )
    name = forms.CharField(
        label=_("Naam"),
        max_length=200,
        widget=forms.TextInput(attrs={"class": TEXTBOX, "autocomplete": "off"}),
        error_messages={"required": _("Vul de naam in.")},
    )
    birth_date = _date_field(_("Geboortedatum"), required=True)
    nationality = forms.CharField(
        label=_("Nationaliteit"),
        max_length=2,
        help_text=_("Landcode van twee letters (ISO 3166), bv. SY, ER, TR, UA."),
        widget=forms.TextInput(attrs={"class": TEXTBOX}),
        error_messages={"required": _("Vul de nationaliteit in.")},
    )
    ground = forms.ChoiceField(
        label=_("Grond van de inburgeringsplicht"),
        choices=GROUND_CHOICES,
        widget=forms.Select(attrs={"class": SELECT}),
        error_messages={"required": _("Kies de grond.")},
    )
    duty_start = _date_field(_("Start inburgeringsplicht"), required=True)
    route = forms.ChoiceField(
        label=_("Leerroute"),
        required=False,
        choices=[("", _("nog niet bekend")), *ROUTE_CHOICES],
        widget=forms.Select(attrs={"class": SELECT}),
    )


class StepsForm(RegisterForm):
    route = forms.ChoiceField(
        label=_("Leerroute"),
        required=False,
        choices=[("", _("nog niet bekend")), *ROUTE_CHOICES],
        widget=forms.Select(attrs={"class": SELECT}),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name, label in STEP_DATES:
            self.fields[name] = _date_field(label)


class CostForm(RegisterForm):
    module = forms.ChoiceField(
        label=_("Module"),
        choices=MODULE_CHOICES,
        widget=forms.Select(attrs={"class": SELECT}),
        error_messages={"required": _("Kies een module.")},
    )
    amount = forms.DecimalField(
        label=_("Bedrag (euro)"),
        min_value=0,
        max_digits=10,
        decimal_places=2,
        widget=forms.NumberInput(attrs={"class": TEXTBOX, "step": "0.01"}),
        error_messages={
            "required": _("Vul het bedrag in."),
            "invalid": _("Vul een bedrag in, bv. 1250.00."),
            "min_value": _("Een bedrag kan niet negatief zijn."),
        },
    )
    booked_on = _date_field(_("Datum"), required=True)


class UploadForm(forms.Form):
    gemeente = forms.ChoiceField(
        label=_("Gemeente"),
        widget=forms.Select(attrs={"class": SELECT}),
        error_messages={"required": _("Kies een gemeente.")},
    )
    bestand = forms.FileField(
        label=_("CSV-bestand"),
        help_text=_("Komma- of puntkommagescheiden, UTF-8, met een kopregel."),
        error_messages={
            "required": _("Kies een bestand."),
            "empty": _("Het bestand is leeg."),
        },
    )

    def __init__(self, gemeenten: list[tuple[str, str]], *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["gemeente"]).choices = gemeenten

    def clean_bestand(self) -> Any:
        upload = self.cleaned_data["bestand"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(gettext("Het bestand is groter dan 5 MB."))
        if not upload.name.lower().endswith((".csv", ".txt")):
            raise forms.ValidationError(gettext("Kies een .csv-bestand."))
        return upload
