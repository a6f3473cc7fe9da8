# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Shared serializers: URLs, sources and references that every domain embeds.

Attribute names are the API names (camelCase, Dutch); ``source=`` names the
English model attribute.

NL API Design Rules ``/core/interface-language`` (Dutch attributes) and
style anchor A12: each API attribute names its English model attribute with
``source=``; no serializer exposes a model wholesale (no ``fields="__all__"``).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, cast
from urllib.parse import quote, urlencode

from django.urls import reverse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from migratieketen_web.gemeenten.models import (
    Gemeente,
    Province,
    Source,
)


def absolute_url(
    context: Mapping[str, Any],
    view_name: str,
    query: dict[str, str] | None = None,
    **kw: str,
) -> str:
    """Absolute URL of an API resource (relative when there is no request)."""
    url = reverse(view_name, kwargs=kw)
    if query:
        url = f"{url}?{urlencode(query)}"
    request = context.get("request")
    return request.build_absolute_uri(url) if request is not None else url


def detail_url(context: Mapping[str, Any], basename: str, code: str) -> str:
    """URL of ``{collection}/{code}``, the router's detail pattern.

    Reversing per object dominated a 1000-row page (two thirds of its time), so
    the collection's absolute URL is resolved once per response and cached in
    the serializer context, which nested serializers share.
    """
    # The context is the dict the serializers share; DRF's stubs type it read-only.
    cache: dict[str, str] = cast(dict[str, Any], context).setdefault(
        "_collection_urls", {}
    )
    prefix = cache.get(basename)
    if prefix is None:
        prefix = cache[basename] = absolute_url(context, f"api:{basename}-list")
    return f"{prefix}/{quote(code, safe='')}"


class StrictCharField(serializers.CharField):
    """Text only: DRF's CharField turns 0 or true into "0" and "True", which the
    OpenAPI document (type: string) says is refused (found by the contract test)."""

    default_error_messages = {"not_text": "Geef tekst op, geen getal of lijst."}

    def to_internal_value(self, data: Any) -> str:
        if not isinstance(data, str):
            self.fail("not_text")
        return str(super().to_internal_value(data))


class StrictFloatField(serializers.FloatField):
    """A JSON number only: DRF's FloatField takes false as 0.0 and "0.5" as 0.5."""

    default_error_messages = {"not_number": "Geef een getal op, geen tekst of ja/nee."}

    def to_internal_value(self, data: Any) -> float:
        if isinstance(data, bool) or not isinstance(data, (int, float)):
            self.fail("not_number")
        return float(super().to_internal_value(data))


class StrictIntegerField(serializers.IntegerField):
    """A JSON whole number only: DRF's IntegerField takes "24" and 24.0 as 24."""

    default_error_messages = {"not_integer": "Geef een geheel getal op."}

    def to_internal_value(self, data: Any) -> int:
        if isinstance(data, bool) or not isinstance(data, int):
            self.fail("not_integer")
        return int(super().to_internal_value(data))


class BronSerializer(serializers.ModelSerializer):
    """Provenance of a figure; ``vermelding`` is the attribution line to show."""

    uitgever = serializers.CharField(source="publisher", help_text="Uitgever, bv. CBS.")
    titel = serializers.CharField(source="title", help_text="Titel van de publicatie.")
    tabel = serializers.CharField(
        source="table_id", help_text="Tabelnummer bij de uitgever; leeg als er geen is."
    )
    peildatum = serializers.DateField(
        source="reference_date", help_text="Datum die het cijfer beschrijft."
    )
    licentie = serializers.CharField(
        source="licence", help_text="Licentie, bv. CC BY 4.0."
    )
    url = serializers.CharField(help_text="Adres van de bron; leeg als onbekend.")
    vermelding = serializers.CharField(
        source="attribution",
        help_text="Bronvermelding om naast het cijfer te tonen.",
    )

    class Meta:
        model = Source
        fields = [
            "uitgever",
            "titel",
            "tabel",
            "peildatum",
            "licentie",
            "url",
            "vermelding",
        ]
        read_only_fields = fields


class ProvincieVerwijzingSerializer(serializers.ModelSerializer):
    """Short reference to a province, embedded in other resources."""

    code = serializers.CharField(help_text="CBS-provinciecode, bv. PV27.")
    naam = serializers.CharField(source="name", help_text="Naam van de provincie.")
    url = serializers.SerializerMethodField(help_text="Adres van de provincie.")

    class Meta:
        model = Province
        fields = ["code", "naam", "url"]
        read_only_fields = fields

    @extend_schema_field(OpenApiTypes.URI)
    def get_url(self, obj: Province) -> str:
        return detail_url(self.context, "provincie", obj.code)


class GemeenteVerwijzingSerializer(serializers.ModelSerializer):
    """Short reference to a gemeente, embedded in other resources."""

    code = serializers.CharField(help_text="CBS-gemeentecode, bv. GM0363.")
    naam = serializers.CharField(source="name", help_text="Naam van de gemeente.")
    url = serializers.SerializerMethodField(help_text="Adres van de gemeente.")

    class Meta:
        model = Gemeente
        fields = ["code", "naam", "url"]
        read_only_fields = fields

    @extend_schema_field(OpenApiTypes.URI)
    def get_url(self, obj: Gemeente) -> str:
        return detail_url(self.context, "gemeente", obj.code)
