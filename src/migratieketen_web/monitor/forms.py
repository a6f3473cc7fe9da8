# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Forms for entering realisations by hand and uploading a CSV, in Dutch."""

from __future__ import annotations

from datetime import date
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from migratieketen.rules.realisations_csv import MAX_PERSONS_PER_ROW
from migratieketen_web.gemeenten.models import Gemeente
from migratieketen_web.monitor import models
from migratieketen_web.monitor.register import KeyConflict, record_realisation

FIRST_DATE = date(2015, 1, 1)  # the taakstelling of the Huisvestingswet 2014
MAX_UPLOAD_BYTES = 5 * 1024 * 1024


class GemeenteChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Gemeente) -> str:
        return f"{obj.name} ({obj.code})"


class RealisationForm(forms.Form):
    gemeente = GemeenteChoiceField(
        queryset=Gemeente.objects.order_by("name"),
        to_field_name="code",
        label=_("Gemeente"),
        empty_label=_("Kies een gemeente"),
        error_messages={
            "required": _("Kies een gemeente."),
            "invalid_choice": _("Deze gemeente bestaat niet."),
        },
    )
    housed_on = forms.DateField(
        label=_("Datum huisvesting"),
        help_text=_("De datum waarop de huurovereenkomst ingaat (JJJJ-MM-DD)."),
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={
            "required": _("Vul de datum van huisvesting in."),
            "invalid": _("Vul een geldige datum in, bv. 2025-03-14."),
        },
    )
    persons = forms.IntegerField(
        label=_("Aantal personen"),
        min_value=1,
        max_value=MAX_PERSONS_PER_ROW,
        error_messages={
            "required": _("Vul het aantal personen in."),
            "invalid": _("Vul een geheel getal in."),
            "min_value": _("Minimaal 1 persoon."),
            "max_value": format_lazy(
                _("Maximaal {n} personen per regel."), n=MAX_PERSONS_PER_ROW
            ),
        },
    )
    households = forms.IntegerField(
        label=_("Aantal huishoudens"),
        required=False,
        min_value=1,
        help_text=_("Optioneel."),
        error_messages={
            "invalid": _("Vul een geheel getal in."),
            "min_value": _("Minimaal 1 huishouden, of laat het veld leeg."),
        },
    )
    kind = forms.ChoiceField(
        label=_("Soort"),
        choices=models.KIND_CHOICES,
        initial="regulier",
        error_messages={
            "invalid_choice": _("Kies regulier, nareiziger of zelf gevonden.")
        },
    )
    reference = forms.CharField(
        label=pgettext_lazy("realisatie", "Kenmerk"),
        required=False,
        max_length=100,
        help_text=_(
            "Optioneel eigen kenmerk; voorkomt dubbel tellen bij later importeren."
        ),
        error_messages={
            "max_length": _("Het kenmerk is te lang (maximaal 100 tekens).")
        },
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            if field.help_text:
                field.widget.attrs["aria-describedby"] = f"id_{name}-uitleg"
            if isinstance(field.widget, forms.Select):
                field.widget.attrs["class"] = (
                    "utrecht-select utrecht-select--html-select"
                )
            else:
                field.widget.attrs["class"] = (
                    "utrecht-textbox utrecht-textbox--html-input"
                )

    def full_clean(self) -> None:
        """Link each field to its help text and error list for screen readers."""
        super().full_clean()
        for name, field in self.fields.items():
            ids = []
            if name in self.errors:
                field.widget.attrs["aria-invalid"] = "true"
                ids.append(f"id_{name}-fout")
            if field.help_text:
                ids.append(f"id_{name}-uitleg")
            if ids:
                field.widget.attrs["aria-describedby"] = " ".join(ids)

    def clean_housed_on(self) -> date:
        value: date = self.cleaned_data["housed_on"]
        if value > timezone.localdate():
            raise forms.ValidationError(gettext("De datum ligt in de toekomst."))
        if value < FIRST_DATE:
            raise forms.ValidationError(
                gettext(
                    "De taakstelling geldt vanaf 1 januari 2015; kies een latere datum."
                )
            )
        return value

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        persons, households = data.get("persons"), data.get("households")
        if persons and households and households > persons:
            self.add_error(
                "households",
                gettext("Er kunnen niet meer huishoudens dan personen zijn."),
            )
        gemeente, reference = data.get("gemeente"), data.get("reference", "").strip()
        data["reference"] = reference
        if gemeente and reference:
            taken = models.Realisation.objects.filter(
                gemeente=gemeente, reference=reference
            ).first()
            if taken is not None:
                self.add_error(
                    "reference",
                    gettext(
                        "Dit kenmerk is al gebruikt voor {name} "
                        "(huisvesting op {date})."
                    ).format(name=gemeente.name, date=f"{taken.housed_on:%d-%m-%Y}"),
                )
        return data

    def save(self, user: Any) -> models.Realisation:
        d = self.cleaned_data
        try:
            row, _ = record_realisation(
                gemeente=d["gemeente"],
                housed_on=d["housed_on"],
                persons=d["persons"],
                households=d.get("households"),
                kind=d["kind"],
                reference=d["reference"],
                source=models.RealisationSource.WEB,
                user=user,
            )
        except KeyConflict as exc:  # entered by someone else meanwhile
            raise forms.ValidationError(str(exc)) from exc
        return row


class RealisationUploadForm(forms.Form):
    bestand = forms.FileField(
        label=_("CSV-bestand"),
        help_text=_("Komma- of puntkommagescheiden, UTF-8, met een kopregel."),
        error_messages={
            "required": _("Kies een bestand."),
            "empty": _("Het bestand is leeg."),
        },
    )

    def clean_bestand(self) -> Any:
        upload = self.cleaned_data["bestand"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(gettext("Het bestand is groter dan 5 MB."))
        if not upload.name.lower().endswith((".csv", ".txt")):
            raise forms.ValidationError(gettext("Kies een .csv-bestand."))
        return upload
