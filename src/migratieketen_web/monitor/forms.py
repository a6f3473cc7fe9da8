# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Forms for entering realisations by hand and uploading a CSV, in Dutch.

The form checks its values with the realisation schema of the core
(`migratieketen.rules.realisation_schema`, through `services.realisation_issues`), the
same schema the CSV import and the API use; its own fields only turn text into a date
or a number. The schema's Dutch reasons are shown through the translation catalogue
(`SCHEMA_MESSAGES`).
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.text import format_lazy
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from migratieketen_web.gemeenten.models import Gemeente
from migratieketen_web.monitor import models
from migratieketen_web.monitor.register import KeyConflict, record_realisation
from migratieketen_web.monitor.services import (
    BEFORE_FIRST_DATE_TEXT,
    FUTURE_TEXT,
    HOUSEHOLDS_ABOVE_PERSONS_TEXT,
    HOUSEHOLDS_MIN_TEXT,
    MAX_PERSONS_PER_ROW,
    MAX_REFERENCE_LENGTH,
    PERSONS_MAX_TEXT,
    PERSONS_MIN_TEXT,
    REFERENCE_CONTROL_TEXT,
    REFERENCE_TOO_LONG_TEXT,
    realisation_issues,
)

MAX_UPLOAD_BYTES = 5 * 1024 * 1024
# The schema's Dutch reasons as translatable texts (a test checks they are equal).
SCHEMA_MESSAGES = {
    FUTURE_TEXT: _("De datum ligt in de toekomst."),
    BEFORE_FIRST_DATE_TEXT: _(
        "De taakstelling geldt vanaf 1 januari 2015 (art. 28 Huisvestingswet 2014); "
        "kies een latere datum."
    ),
    PERSONS_MIN_TEXT: _("Minimaal 1 persoon."),
    PERSONS_MAX_TEXT: format_lazy(
        _("Maximaal {n} personen per regel."), n=MAX_PERSONS_PER_ROW
    ),
    HOUSEHOLDS_MIN_TEXT: _("Minimaal 1 huishouden, of laat het veld leeg."),
    HOUSEHOLDS_ABOVE_PERSONS_TEXT: _(
        "Er kunnen niet meer huishoudens dan personen zijn."
    ),
    REFERENCE_TOO_LONG_TEXT: format_lazy(
        _("Het kenmerk is te lang (maximaal {n} tekens)."),
        n=MAX_REFERENCE_LENGTH,
    ),
    REFERENCE_CONTROL_TEXT: _("Het kenmerk bevat een stuurteken of onzichtbaar teken."),
}


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
        widget=forms.NumberInput(attrs={"min": 1, "max": MAX_PERSONS_PER_ROW}),
        error_messages={
            "required": _("Vul het aantal personen in."),
            "invalid": _("Vul een geheel getal in."),
        },
    )
    households = forms.IntegerField(
        label=_("Aantal huishoudens"),
        required=False,
        widget=forms.NumberInput(attrs={"min": 1}),
        help_text=_("Optioneel."),
        error_messages={"invalid": _("Vul een geheel getal in.")},
    )
    kind = forms.ChoiceField(
        label=_("Soort"),
        choices=models.KIND_CHOICES,
        initial="regulier",
        # The choice field refuses an unknown kind before the schema sees it; the
        # form names the kinds by their labels.
        error_messages={
            "invalid_choice": _("Kies regulier, nareiziger of zelf gevonden.")
        },
    )
    reference = forms.CharField(
        label=pgettext_lazy("realisatie", "Kenmerk"),
        required=False,
        widget=forms.TextInput(attrs={"maxlength": MAX_REFERENCE_LENGTH}),
        help_text=_(
            "Optioneel eigen kenmerk; voorkomt dubbel tellen bij later importeren."
        ),
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

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        reference = data["reference"] = data.get("reference", "").strip()
        for issue in realisation_issues(
            housed_on=data.get("housed_on"),
            persons=data.get("persons"),
            households=data.get("households"),
            kind=data.get("kind", "regulier"),
            reference=reference,
        ):
            if issue.field not in self.errors:
                self.add_error(
                    issue.field, SCHEMA_MESSAGES.get(issue.message, issue.message)
                )
        gemeente = data.get("gemeente")
        if gemeente and reference and "reference" not in self.errors:
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
