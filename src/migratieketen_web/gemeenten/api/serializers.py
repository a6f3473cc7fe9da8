# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Open-data serializers: gemeenten, provincies, wijken and indicatoren.

Attribute names are the API names (camelCase, Dutch); ``source=`` names the English
model attribute (NL API Design Rules ``/core/interface-language``; style anchor A12).
"""

from __future__ import annotations

from typing import Any

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from migratieketen_web.api.serializers import (
    BronSerializer,
    GemeenteVerwijzingSerializer,
    ProvincieVerwijzingSerializer,
    absolute_url,
    detail_url,
)
from migratieketen_web.gemeenten.models import (
    Gemeente,
    Indicator,
    IndicatorValue,
    PopulationFigure,
    Province,
    Wijk,
)

HIGHER_IS_NL = {"more": "meer", "less": "minder", "neutral": "neutraal"}


class GemeenteSerializer(GemeenteVerwijzingSerializer):
    """A gemeente in the collection: code, name and its province."""

    provincie = ProvincieVerwijzingSerializer(
        source="province", help_text="Provincie waar de gemeente in ligt."
    )

    class Meta(GemeenteVerwijzingSerializer.Meta):
        fields = ["code", "naam", "provincie", "url"]
        read_only_fields = fields


class InwonersSerializer(serializers.ModelSerializer):
    """Inhabitants on 1 January of a year, with its source."""

    jaar = serializers.IntegerField(
        source="year", help_text="Jaar (peildatum 1 januari)."
    )
    aantal = serializers.IntegerField(
        source="inhabitants", help_text="Aantal inwoners."
    )
    bron = BronSerializer(source="source", help_text="Bron van het cijfer.")

    class Meta:
        model = PopulationFigure
        fields = ["jaar", "aantal", "bron"]
        read_only_fields = fields


class IndicatorwaardeSerializer(serializers.ModelSerializer):
    """One indicator value of a gemeente, with the indicator's source."""

    sleutel = serializers.CharField(source="indicator.key", help_text="Sleutel.")
    naam = serializers.CharField(source="indicator.label_nl", help_text="Naam.")
    eenheid = serializers.CharField(source="indicator.unit", help_text="Eenheid.")
    waarde = serializers.FloatField(
        source="value",
        allow_null=True,
        help_text="Waarde; null als de bron het cijfer niet publiceert.",
    )
    bron = BronSerializer(source="indicator.source", help_text="Bron van het cijfer.")

    class Meta:
        model = IndicatorValue
        fields = ["sleutel", "naam", "eenheid", "waarde", "bron"]
        read_only_fields = fields


class GemeenteLinksSerializer(serializers.Serializer):
    """Links from a gemeente to related resources."""

    self = serializers.SerializerMethodField(help_text="Deze gemeente.")
    provincie = serializers.SerializerMethodField(help_text="De provincie.")
    wijken = serializers.SerializerMethodField(help_text="De wijken van deze gemeente.")

    @extend_schema_field(OpenApiTypes.URI)
    def get_self(self, obj: Gemeente) -> str:
        return detail_url(self.context, "gemeente", obj.code)

    @extend_schema_field(OpenApiTypes.URI)
    def get_provincie(self, obj: Gemeente) -> str:
        return detail_url(self.context, "provincie", obj.province.code)

    @extend_schema_field(OpenApiTypes.URI)
    def get_wijken(self, obj: Gemeente) -> str:
        return absolute_url(self.context, "api:wijk-list", {"gemeente": obj.code})


class GemeenteDetailSerializer(GemeenteSerializer):
    """One gemeente with inhabitants per year, indicator values and links."""

    inwoners = InwonersSerializer(
        source="population_figures",
        many=True,
        help_text="Inwoners op 1 januari per jaar (huidige gemeentelijke indeling).",
    )
    indicatorwaarden = IndicatorwaardeSerializer(
        source="indicator_values", many=True, help_text="Waarden van de indicatoren."
    )
    aantalWijken = serializers.IntegerField(
        source="wijk_count", help_text="Aantal wijken in de gemeente."
    )
    links = GemeenteLinksSerializer(source="*", help_text="Verwijzingen.")

    class Meta(GemeenteSerializer.Meta):
        fields = [
            "code",
            "naam",
            "provincie",
            "inwoners",
            "indicatorwaarden",
            "aantalWijken",
            "links",
        ]
        read_only_fields = fields


class ProvincieSerializer(ProvincieVerwijzingSerializer):
    """A province in the collection."""

    aantalGemeenten = serializers.IntegerField(
        source="gemeente_count", help_text="Aantal gemeenten in de provincie."
    )

    class Meta(ProvincieVerwijzingSerializer.Meta):
        fields = ["code", "naam", "aantalGemeenten", "url"]
        read_only_fields = fields


class ProvincieInwonersSerializer(serializers.Serializer):
    """Sum of the inhabitants of the province's gemeenten in one year."""

    jaar = serializers.IntegerField(help_text="Jaar (peildatum 1 januari).")
    aantal = serializers.IntegerField(help_text="Som van de inwoners van de gemeenten.")
    aantalGemeenten = serializers.IntegerField(
        help_text="Aantal gemeenten met een cijfer in dit jaar (volledigheid)."
    )
    bron = BronSerializer(help_text="Bron van de cijfers.")


class ProvincieDetailSerializer(ProvincieSerializer):
    """One province with its gemeenten and the summed inhabitants per year."""

    gemeenten = GemeenteVerwijzingSerializer(
        many=True, help_text="Gemeenten in de provincie."
    )
    inwoners = serializers.SerializerMethodField(
        help_text="Inwoners per jaar: som over de gemeenten, per bron."
    )

    class Meta(ProvincieSerializer.Meta):
        fields = ["code", "naam", "aantalGemeenten", "gemeenten", "inwoners", "url"]
        read_only_fields = fields

    @extend_schema_field(ProvincieInwonersSerializer(many=True))
    def get_inwoners(self, obj: Province) -> list[dict[str, Any]]:
        rows = self.context["province_population"]
        # many=True gives a ListSerializer whose .data is a list; the stubs cannot see it.
        return ProvincieInwonersSerializer(rows, many=True, context=self.context).data  # type: ignore[return-value]


class WijkSerializer(serializers.ModelSerializer):
    """A wijk (CBS district) with its inhabitants and source."""

    code = serializers.CharField(help_text="CBS-wijkcode, bv. WK036300 of WK0363AA.")
    naam = serializers.CharField(source="name", help_text="Naam van de wijk.")
    gemeente = GemeenteVerwijzingSerializer(help_text="Gemeente van de wijk.")
    inwoners = serializers.IntegerField(
        source="inhabitants",
        allow_null=True,
        help_text="Aantal inwoners; null als CBS het cijfer niet publiceert.",
    )
    bron = BronSerializer(source="source", help_text="Bron van het cijfer.")
    url = serializers.SerializerMethodField(help_text="Adres van de wijk.")

    class Meta:
        model = Wijk
        fields = ["code", "naam", "gemeente", "inwoners", "bron", "url"]
        read_only_fields = fields

    @extend_schema_field(OpenApiTypes.URI)
    def get_url(self, obj: Wijk) -> str:
        return detail_url(self.context, "wijk", obj.code)


class IndicatorSerializer(serializers.ModelSerializer):
    """An indicator (a figure known for every gemeente), with its source."""

    sleutel = serializers.CharField(source="key", help_text="Sleutel in de URL.")
    naam = serializers.CharField(source="label_nl", help_text="Naam in het Nederlands.")
    naamEngels = serializers.CharField(
        source="label_en", help_text="Naam in het Engels."
    )
    eenheid = serializers.CharField(
        source="unit", help_text="Eenheid, bv. % of personen."
    )
    hogerIs = serializers.SerializerMethodField(
        method_name="get_hoger_is",
        help_text="Richting voor kleurschalen: meer, minder of neutraal.",
    )
    bron = BronSerializer(source="source", help_text="Bron van de cijfers.")
    url = serializers.SerializerMethodField(help_text="Adres van de indicator.")
    waardenUrl = serializers.SerializerMethodField(
        method_name="get_waarden_url", help_text="Adres van de waarden per gemeente."
    )

    class Meta:
        model = Indicator
        fields = [
            "sleutel",
            "naam",
            "naamEngels",
            "eenheid",
            "hogerIs",
            "bron",
            "url",
            "waardenUrl",
        ]
        read_only_fields = fields

    @extend_schema_field({"type": "string", "enum": ["meer", "minder", "neutraal"]})
    def get_hoger_is(self, obj: Indicator) -> str:
        return HIGHER_IS_NL.get(obj.higher_is, "neutraal")

    @extend_schema_field(OpenApiTypes.URI)
    def get_url(self, obj: Indicator) -> str:
        return detail_url(self.context, "indicator", obj.key)

    @extend_schema_field(OpenApiTypes.URI)
    def get_waarden_url(self, obj: Indicator) -> str:
        return absolute_url(self.context, "api:indicator-waarden", sleutel=obj.key)


class GemeenteWaardeSerializer(serializers.ModelSerializer):
    """The value of one indicator in one gemeente: one row of the map."""

    gemeente = GemeenteVerwijzingSerializer(help_text="De gemeente.")
    waarde = serializers.FloatField(
        source="value",
        allow_null=True,
        help_text="Waarde; null als de bron het cijfer niet publiceert.",
    )

    class Meta:
        model = IndicatorValue
        fields = ["gemeente", "waarde"]
        read_only_fields = fields
