# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Forms of the koppeling pages: the week's upload and a decision per household."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.text import format_lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from migratieketen_web.koppeling.services import (
    DEFAULT_WAIT_WEEKS,
    MAX_WAIT_WEEKS,
    MODES,
    decode_text,
)

MB = 1024 * 1024
MAX_UPLOAD_BYTES = 5 * MB  # households and capacity: 5,000 rows fit many times
# A score file has a row per household x gemeente: MAX_HOUSEHOLDS x 342 gemeenten is 1.7
# million rows, about 40 MB with a 10-character id and 4 decimals (read row by row).
MAX_SCORE_UPLOAD_BYTES = 64 * MB
SELECT = "utrecht-select utrecht-select--html-select"
INPUT = "utrecht-textbox utrecht-textbox--html-input"


def _csv(label: Any, required: bool, help_text: Any) -> forms.FileField:
    """A CSV upload field; label and help text are (lazy) Dutch text."""
    return forms.FileField(
        label=label,
        required=required,
        help_text=help_text,
        error_messages={
            "required": _("Kies een bestand met huishoudens."),
            "empty": _("Het bestand is leeg."),
        },
    )


class UploadForm(forms.Form):
    huishoudens = _csv(
        _("Huishoudens (CSV)"),
        True,
        _(
            "huishouden_id (pseudoniem), aankomst (JJJJ-MM-DD), personen, volwassenen; "
            "optioneel gemeente_verplicht, regio_verplicht. Geen BSN of namen."
        ),
    )
    scores = _csv(
        _("Scores (CSV, optioneel)"),
        False,
        _("huishouden_id, gemeentecode, score. Zonder: het illustratieve model."),
    )
    capaciteit = _csv(
        _("Capaciteit (CSV, optioneel)"),
        False,
        _("gemeentecode, capaciteit (personen). Zonder: de taakstelling."),
    )
    modus = forms.ChoiceField(
        label=_("Beleidsregel"),
        choices=[(m, m) for m in MODES],
        initial="dynamisch",
        widget=forms.Select(attrs={"class": SELECT}),
    )
    beslistermijn = forms.IntegerField(
        label=_("Beslistermijn (weken, dynamisch)"),
        required=False,
        min_value=0,
        max_value=MAX_WAIT_WEEKS,
        widget=forms.NumberInput(
            attrs={"class": INPUT, "min": 0, "max": MAX_WAIT_WEEKS}
        ),
        help_text=format_lazy(
            _(
                "Hoeveel weken een huishouden waarover de toekomstscenario's het "
                "oneens zijn mag wachten op meer aankomsten. 0: beslissen in de week "
                "van aankomst. Leeg: {} weken."
            ),
            DEFAULT_WAIT_WEEKS,
        ),
        error_messages={
            "invalid": _("Vul een geheel aantal weken in."),
            "min_value": _("De beslistermijn is minstens 0 weken."),
            "max_value": _("De beslistermijn is hooguit %(limit_value)s weken."),
        },
    )

    def _text(self, name: str, limit: int = MAX_UPLOAD_BYTES) -> str:
        upload = self.cleaned_data.get(name)
        if not upload:
            return ""
        if upload.size > limit:
            raise forms.ValidationError(
                gettext("Het bestand is groter dan %(mb)s MB.") % {"mb": limit // MB}
            )
        text = decode_text(upload.read())
        if text is None:
            raise forms.ValidationError(
                gettext("Het bestand is geen tekst in UTF-8 of Windows-1252.")
            )
        return text

    def clean_huishoudens(self) -> str:
        return self._text("huishoudens")

    def clean_scores(self) -> str:
        return self._text("scores", MAX_SCORE_UPLOAD_BYTES)

    def clean_capaciteit(self) -> str:
        return self._text("capaciteit")


class DecisionForm(forms.Form):
    huishouden = forms.CharField(max_length=64, widget=forms.HiddenInput)
    besluit = forms.ChoiceField(
        label=_("Besluit"),
        choices=[("volgen", _("advies volgen")), ("afwijken", _("afwijken"))],
        widget=forms.RadioSelect,
    )
    gemeente = forms.CharField(
        label=_("Andere gemeente (GMxxxx)"),
        required=False,
        max_length=6,
        widget=forms.TextInput(attrs={"class": INPUT}),
    )
    reden = forms.CharField(
        label=_("Reden bij afwijken"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2, "class": "utrecht-textarea"}),
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("besluit") == "afwijken":
            if not data.get("gemeente"):
                self.add_error(
                    "gemeente", gettext("Kies de gemeente waarheen u afwijkt.")
                )
            if not (data.get("reden") or "").strip():
                self.add_error(
                    "reden", gettext("Geef een reden als u van het advies afwijkt.")
                )
        return data
