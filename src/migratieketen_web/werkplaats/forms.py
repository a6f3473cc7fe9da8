# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Forms for lokale ruimte and praktijkvoorbeelden (Dutch, field-specific errors)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from migratieketen_web.gemeenten.models import Gemeente
from migratieketen_web.werkplaats.models import Praktijkvoorbeeld
from migratieketen_web.werkplaats.services import SIGNAL_KEYS
from migratieketen_web.werkplaats.services import lokale_ruimte as lr

MAX_UPLOAD_BYTES = 2 * 1024 * 1024


class LocalChoiceForm(forms.Form):
    key = forms.ChoiceField(
        label=_("Keuze"), choices=[(c.key, c.question) for c in lr.CATALOGUE]
    )
    option = forms.CharField(label=_("Optie"), max_length=40)
    source_url = forms.URLField(
        label=_("Brondocument (URL)"),
        max_length=500,
        assume_scheme="https",
        help_text=_("Bijvoorbeeld de verordening op lokaleregelgeving.overheid.nl."),
    )
    source_date = forms.DateField(
        label=_("Datum brondocument"), help_text=_("JJJJ-MM-DD")
    )
    note = forms.CharField(label=_("Toelichting"), max_length=500, required=False)

    def clean_source_date(self) -> Any:
        day = self.cleaned_data["source_date"]
        if day > timezone.localdate():
            raise forms.ValidationError(_("De datum ligt in de toekomst."))
        return day

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        key, option = data.get("key"), data.get("option")
        if key and option:
            try:
                lr.check(key, option)
            except lr.LokaleRuimteError as exc:
                self.add_error("option", str(exc))
        return data


class PraktijkForm(forms.ModelForm):
    gemeente_codes = forms.CharField(
        label=_("Gemeenten (CBS-codes)"),
        help_text=_("Gescheiden door komma's, bv. GM0984, GM0983."),
    )

    class Meta:
        model = Praktijkvoorbeeld
        fields = [
            "title",
            "theme",
            "what",
            "result",
            "result_source",
            "period",
            "contact_role",
            "signals",
        ]
        widgets = {
            "what": forms.Textarea(attrs={"rows": 5}),
            "result": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["gemeente_codes"].initial = ", ".join(
                g.code for g in self.instance.gemeenten.all()
            )

    def clean_gemeente_codes(self) -> list[Gemeente]:
        raw = self.cleaned_data["gemeente_codes"]
        codes = sorted({c.strip().upper() for c in raw.split(",") if c.strip()})
        found = {g.code: g for g in Gemeente.objects.filter(code__in=codes)}
        unknown = [c for c in codes if c not in found]
        if unknown or not codes:
            raise forms.ValidationError(
                _("Onbekende gemeentecode(s): %(c)s.") % {"c": ", ".join(unknown)}
                if unknown
                else _("Noem ten minste één gemeente.")
            )
        return [found[c] for c in codes]

    def clean_signals(self) -> str:
        keys = [k.strip() for k in self.cleaned_data["signals"].split(",") if k.strip()]
        unknown = [k for k in keys if k not in SIGNAL_KEYS]
        if unknown:
            raise forms.ValidationError(
                _("Onbekend signaal: %(k)s. Kies uit %(all)s.")
                % {"k": ", ".join(unknown), "all": ", ".join(sorted(SIGNAL_KEYS))}
            )
        return ", ".join(keys)

    def save_for(self, user: Any) -> Praktijkvoorbeeld:
        example = self.save(commit=False)
        if example.author_id is None:
            example.author = user
        example.save()
        example.gemeenten.set(self.cleaned_data["gemeente_codes"])
        return example


class ImportForm(forms.Form):
    file = forms.FileField(label=_("CSV-bestand (puntkomma, UTF-8)"))

    def clean_file(self) -> str:
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(_("Het bestand is groter dan 2 MB."))
        try:
            return str(upload.read().decode("utf-8"))
        except UnicodeDecodeError as exc:
            raise forms.ValidationError(_("Het bestand is geen UTF-8-tekst.")) from exc
