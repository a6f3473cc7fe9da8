# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Dutch forms of the housing register; the rules are checked in services.py."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from migratieketen_web.arbeidsmigranten.models import (
    OUTCOME_CHOICES,
    REGIME_CHOICES,
    REGISTRATION_CHOICES,
    TYPE_CHOICES,
)
from migratieketen_web.inburgering.forms import (
    SELECT,
    TEXTBOX,
    GemeenteRecordForm,
    RegisterForm,
    UploadForm,
    _date_field,
)


def _text(label: Any, required: bool = False, **attrs: Any) -> forms.CharField:
    return forms.CharField(
        label=label,
        required=required,
        max_length=200,
        widget=forms.TextInput(attrs={"class": TEXTBOX, **attrs}),
        error_messages={"required": _("Vul dit veld in.")},
    )


def _int(label: Any, required: bool = True) -> forms.IntegerField:
    return forms.IntegerField(
        label=label,
        required=required,
        widget=forms.NumberInput(attrs={"class": TEXTBOX}),
        error_messages={
            "required": _("Vul een aantal in."),
            "invalid": _("Vul een geheel getal in."),
        },
    )


class LocationForm(GemeenteRecordForm):
    name = _text(_("Naam van de locatie"))
    postcode = _text(_("Postcode"), required=True, autocomplete="off")
    huisnummer = _int(_("Huisnummer"))
    huisletter = _text(_("Huisletter"))
    toevoeging = _text(_("Toevoeging"))
    wijk = _text(_("Wijkcode (als de BAG niet bereikbaar is)"), placeholder="WK036300")
    type = forms.ChoiceField(
        label=_("Soort"),
        choices=TYPE_CHOICES,
        widget=forms.Select(attrs={"class": SELECT}),
    )
    beds = _int(_("Bedden"))
    floor_area = forms.DecimalField(
        label=_("Gebruiksoppervlakte (m²)"),
        max_digits=8,
        decimal_places=1,
        widget=forms.NumberInput(attrs={"class": TEXTBOX, "step": "0.1"}),
        error_messages={
            "required": _("Vul de gebruiksoppervlakte in."),
            "invalid": _("Vul een getal in, bv. 60 of 72,5."),
        },
    )
    bedrooms = _text(
        _("Slaapkamers (m² per slaapkamer, gescheiden door |)"), placeholder="7|7,5"
    )
    snf_regime = forms.ChoiceField(
        label=_("SNF-norm die de gemeente toepast"),
        choices=REGIME_CHOICES,
        widget=forms.Select(attrs={"class": SELECT}),
    )
    new_location = forms.BooleanField(
        label=_("Nieuwe locatie (omgevingsvergunning aangevraagd na 1 juli 2025)"),
        required=False,
    )
    sharing_consent = forms.BooleanField(
        label=_("Bewoners stemden schriftelijk in met een gedeelde slaapkamer"),
        required=False,
    )
    operator = _text(_("Exploitant"))
    employer = _text(_("Werkgever"))
    employer_tied = forms.BooleanField(
        label=_("Huur hangt af van het arbeidscontract"), required=False
    )
    snf_number = _text(_("SNF-registratienummer"))
    snf_expiry = _date_field(_("SNF-keurmerk geldig tot"))
    permits = forms.CharField(
        label=_("Vergunningen"),
        required=False,
        widget=forms.Textarea(attrs={"class": "utrecht-textarea", "rows": 3}),
    )
    brp_registrations = _int(_("Ingeschrevenen in de BRP op dit adres"), required=False)

    def clean_bedrooms(self) -> tuple[Decimal, ...]:
        text = self.cleaned_data.get("bedrooms") or ""
        try:
            return tuple(
                Decimal(p.replace(",", "."))
                for p in text.replace(" ", "").split("|")
                if p
            )
        except InvalidOperation as exc:
            raise forms.ValidationError(
                gettext("Gebruik m² per slaapkamer gescheiden door |, bv. 7|7,5.")
            ) from exc

    def clean_wijk(self) -> str:
        return (self.cleaned_data.get("wijk") or "").strip().upper()


class OccupantForm(RegisterForm):
    bsn = _text(
        _("BSN (ook van een RNI-inschrijving)"), autocomplete="off", inputmode="numeric"
    )
    registration = forms.ChoiceField(
        label=_("Inschrijving"),
        choices=REGISTRATION_CHOICES,
        widget=forms.Select(attrs={"class": SELECT}),
    )
    employer = _text(_("Werkgever"))
    contract_end = _date_field(_("Einde arbeidscontract"))
    stay_start = _date_field(_("Verblijf vanaf"), required=True)
    stay_end = _date_field(_("Verblijf tot en met"))


class InspectionForm(RegisterForm):
    date = _date_field(_("Datum"), required=True)
    outcome = forms.ChoiceField(
        label=_("Uitkomst"),
        choices=OUTCOME_CHOICES,
        widget=forms.Select(attrs={"class": SELECT}),
    )
    findings = forms.CharField(
        label=_("Bevindingen"),
        required=False,
        widget=forms.Textarea(attrs={"class": "utrecht-textarea", "rows": 4}),
    )


class ImportForm(UploadForm):
    soort = forms.ChoiceField(
        label=_("Bestand met"),
        choices=[("locaties", _("locaties")), ("bewoners", _("bewoners"))],
        widget=forms.Select(attrs={"class": SELECT}),
    )
