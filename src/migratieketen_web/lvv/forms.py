# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Dutch forms of the LVV register; the rules are checked in services.py."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from migratieketen_web.inburgering.forms import (
    SELECT,
    TEXTBOX,
    GemeenteRecordForm,
    RegisterForm,
    _date_field,
)
from migratieketen_web.lvv.models import CONTACT_CHOICES, OUTCOME_CHOICES, TRACK_CHOICES


class CaseForm(GemeenteRecordForm):
    name = forms.CharField(
        label=_("Naam"),
        max_length=200,
        widget=forms.TextInput(attrs={"class": TEXTBOX, "autocomplete": "off"}),
        error_messages={"required": _("Vul de naam in.")},
    )
    birth_year = forms.IntegerField(
        label=_("Geboortejaar"),
        required=False,
        widget=forms.NumberInput(attrs={"class": TEXTBOX}),
        error_messages={"invalid": _("Vul een jaartal in, bv. 1990.")},
    )
    nationality = forms.CharField(
        label=_("Nationaliteit (landcode)"),
        max_length=2,
        required=False,
        widget=forms.TextInput(attrs={"class": TEXTBOX}),
    )
    v_number = forms.CharField(
        label=_("Vreemdelingennummer"),
        max_length=10,
        required=False,
        widget=forms.TextInput(attrs={"class": TEXTBOX, "autocomplete": "off"}),
    )
    intake = _date_field(_("Intake"), required=True)
    location = forms.CharField(
        label=_("LVV-locatie"),
        max_length=200,
        required=False,
        widget=forms.TextInput(attrs={"class": TEXTBOX}),
    )
    track = forms.ChoiceField(
        label=_("Traject"),
        choices=TRACK_CHOICES,
        widget=forms.Select(attrs={"class": SELECT}),
    )
    outcome = forms.ChoiceField(
        label=_("Uitkomst"),
        required=False,
        choices=[("", _("nog in de LVV")), *OUTCOME_CHOICES],
        widget=forms.Select(attrs={"class": SELECT}),
    )
    exit = _date_field(_("Uitstroom"))


class ContactForm(RegisterForm):
    date = _date_field(_("Datum"), required=True)
    party = forms.ChoiceField(
        label=_("Met"),
        choices=CONTACT_CHOICES,
        widget=forms.Select(attrs={"class": SELECT}),
    )
    note = forms.CharField(
        label=_("Notitie"),
        required=False,
        widget=forms.Textarea(attrs={"class": "utrecht-textarea", "rows": 3}),
    )
