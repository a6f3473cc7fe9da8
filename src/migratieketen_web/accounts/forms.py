# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Login, second factor and token forms, in Dutch."""

from __future__ import annotations

from typing import Any, cast

from django import forms
from django.contrib.auth import authenticate
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from migratieketen_web.accounts.models import Organisation
from migratieketen_web.accounts.roles import SCOPE_RIGHTS

TEXTBOX = "utrecht-textbox utrecht-textbox--html-input"


class LoginForm(forms.Form):
    username = forms.CharField(
        label=_("Gebruikersnaam"),
        max_length=150,
        widget=forms.TextInput(attrs={"autocomplete": "username", "class": TEXTBOX}),
        error_messages={"required": _("Vul uw gebruikersnaam in.")},
    )
    password = forms.CharField(
        label=_("Wachtwoord"),
        strip=False,
        widget=forms.PasswordInput(
            attrs={"autocomplete": "current-password", "class": TEXTBOX}
        ),
        error_messages={"required": _("Vul uw wachtwoord in.")},
    )

    def __init__(self, request: Any, *args: Any, **kwargs: Any) -> None:
        self.request = request
        self.user: Any = None
        super().__init__(*args, **kwargs)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if self.errors:
            return data
        user = authenticate(
            self.request, username=data["username"], password=data["password"]
        )
        if user is None or not user.is_active:
            raise forms.ValidationError(
                gettext("Gebruikersnaam of wachtwoord klopt niet.")
            )
        self.user = user
        return data


class CodeForm(forms.Form):
    code = forms.RegexField(
        regex=r"^\s*[0-9]{6}\s*$",
        label=_("Code uit uw authenticator-app"),
        widget=forms.TextInput(
            attrs={
                "autocomplete": "one-time-code",
                "inputmode": "numeric",
                "class": TEXTBOX,
            }
        ),
        error_messages={
            "required": _("Vul de code van zes cijfers in."),
            "invalid": _("De code bestaat uit zes cijfers."),
        },
    )


class TokenForm(forms.Form):
    name = forms.CharField(
        label=_("Naam van het token"),
        max_length=100,
        widget=forms.TextInput(attrs={"class": TEXTBOX}),
        error_messages={"required": _("Geef het token een naam.")},
    )
    days = forms.IntegerField(
        label=_("Geldig (dagen)"),
        min_value=1,
        initial=90,
        widget=forms.NumberInput(attrs={"class": TEXTBOX}),
        error_messages={
            "required": _("Vul het aantal dagen in."),
            "min_value": _("Minimaal 1 dag."),
        },
    )
    grants = forms.MultipleChoiceField(
        label=_("Scopes per organisatie"),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Kies ten minste één scope.")},
    )

    def __init__(
        self, organisations: list[Organisation], *args: Any, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.organisations = {o.code: o for o in organisations}
        cast(forms.ChoiceField, self.fields["grants"]).choices = [
            (f"{o.code}|{scope}", f"{scope} — {o.name} ({o.code})")
            for o in organisations
            for scope in sorted(SCOPE_RIGHTS)
        ]

    def chosen(self) -> list[tuple[Organisation, str]]:
        result = []
        for value in self.cleaned_data["grants"]:
            code, _, scope = value.partition("|")
            result.append((self.organisations[code], scope))
        return result


class MemberTokenForm(TokenForm):
    """A beheerder makes a token for a member of the own organisation."""

    member = forms.ChoiceField(
        label=_("Voor gebruiker"),
        widget=forms.Select(
            attrs={"class": "utrecht-select utrecht-select--html-select"}
        ),
        error_messages={"required": _("Kies een gebruiker.")},
    )
    field_order = ["member", "name", "days", "grants"]

    def __init__(
        self,
        members: list[tuple[str, str]],
        organisations: list[Organisation],
        *args: Any,
        **kwargs: Any,
    ) -> None:
        super().__init__(organisations, *args, **kwargs)
        cast(forms.ChoiceField, self.fields["member"]).choices = members
        self.order_fields(self.field_order)
