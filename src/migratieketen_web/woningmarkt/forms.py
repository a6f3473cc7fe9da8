# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""The lever form of /woningmarkt: every input checked here, with Dutch messages."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from migratieketen_web.woningmarkt import services

MAX_PLACES = 100_000


def _whole(label: Any, help_text: Any, maximum: int) -> forms.IntegerField:
    return forms.IntegerField(
        label=label,
        required=False,
        min_value=0,
        max_value=maximum,
        help_text=help_text,
        error_messages={
            "invalid": _("Geef een geheel getal."),
            "min_value": _("Dit aantal kan niet negatief zijn."),
            "max_value": _("Hooguit %(limit_value)s."),
        },
    )


class LeverForm(forms.Form):
    """Gemeente and levers; `levers()` gives the validated setting."""

    gemeente = forms.ChoiceField(
        label=_("Gemeente"),
        error_messages={
            "required": _("Kies een gemeente."),
            "invalid_choice": _("Onbekende gemeente; kies er een uit de lijst."),
        },
    )
    voorrang = forms.IntegerField(
        label=_("Voorrang voor statushouders (% van de verhuringen)"),
        min_value=0,
        max_value=100,
        help_text=_("Aandeel van alle vrijkomende corporatiewoningen, 0 tot 100 %."),
        error_messages={
            "required": _("Geef een voorrangsaandeel van 0 tot 100 %."),
            "invalid": _("Geef een heel percentage van 0 tot 100."),
            "min_value": _("Voorrang kan niet onder 0 %% liggen."),
            "max_value": _("Voorrang kan niet boven 100 %% liggen."),
        },
    )
    urgentie = forms.BooleanField(
        label=_("Statushouders ook urgentiecategorie"),
        required=False,
        help_text=_("Dan concurreren zij ook om het urgentiequotum."),
    )
    tussenvoorziening = _whole(
        _("Plaatsen in een tussenvoorziening"),
        _("Tijdelijke woonplekken voor statushouders, vanaf het begin."),
        MAX_PLACES,
    )
    personen_per_woning = forms.FloatField(
        label=_("Personen per woning (woningdelen)"),
        required=False,
        min_value=0.5,
        max_value=8,
        help_text=_("Leeg: de modelwaarde (1,85, met spreiding)."),
        error_messages={
            "invalid": _("Geef een getal, bijvoorbeeld 2,5."),
            "min_value": _("Minstens 0,5 persoon per woning."),
            "max_value": _("Hooguit 8 personen per woning."),
        },
    )
    nieuwbouw = _whole(
        _("Extra nieuwbouw (corporatiewoningen per jaar)"),
        _("Bovenop de huidige voorraad."),
        MAX_PLACES,
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choice = self.fields["gemeente"]
        assert isinstance(choice, forms.ChoiceField)
        choice.choices = [
            (code, f"{name} ({code})") for code, name in services.gemeente_choices()
        ]

    def clean_gemeente(self) -> str:
        return str(self.cleaned_data["gemeente"]).upper()

    def levers(self) -> services.Levers:
        d = self.cleaned_data
        return services.Levers(
            gemeente=d["gemeente"],
            voorrang=d["voorrang"] / 100,
            urgentie=bool(d.get("urgentie")),
            tussenvoorziening=d.get("tussenvoorziening") or 0,
            personen_per_woning=d.get("personen_per_woning"),
            nieuwbouw=d.get("nieuwbouw") or 0,
        )
