# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""API serializers for forecasts and inflow scenarios: Dutch camelCase, field by field.

Follows the API app's convention (style anchor A12): each API attribute names its
English source with ``source=``; nothing is exposed wholesale. Nested parts are
plain dicts (English keys) prepared by the functions below.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from migratieketen_web.api.serializers import absolute_url
from migratieketen_web.prognoses import presentation, services
from migratieketen_web.prognoses.models import Forecast, InflowScenario


def vintage(forecast: Forecast) -> dict[str, Any]:
    data = forecast.data_vintage
    return {
        "key": forecast.vintage_key,
        "cutoff": data.get("cutoff", forecast.cutoff),
        "files": [
            {"name": name, "sha256": sha}
            for name, sha in sorted(data.get("files", {}).items())
        ],
        "series_end": [
            {"series": name, "last_period": end}
            for name, end in data.get("series_end", {}).items()
        ],
        "sources": list(data.get("sources", [])),
    }


def _period(p: presentation.FanPeriod) -> dict[str, Any]:
    return {
        "period": p.period,
        "kind": "schatting" if p.nowcast else "prognose",
        "quantiles": [
            {"level": level, "value": round(value, 1)}
            for level, value in sorted(p.quantiles.items())
        ],
    }


def series_payload(forecast: Forecast, only: str | None = None) -> list[dict[str, Any]]:
    """Quarterly (incl. nowcast) and yearly quantiles of each (or one) series."""
    result = forecast.result
    names = [only] if only else list(presentation.SERIES)
    out = []
    for name in names:
        fan = presentation.fan(result, name)
        yearly = result.get("yearly", {}).get(name)
        out.append(
            {
                "series": name,
                "label": presentation.SERIES[name],
                "chosen_model": presentation.CHOSEN_MODEL[name],
                "last_observed": fan.last_observed,
                "history": [{"period": p, "value": v} for p, v in fan.history],
                "quarters": [_period(p) for p in fan.periods],
                "years": [_period(p) for p in presentation.yearly_rows(yearly)]
                if yearly
                else [],
            }
        )
    return out


def mpp_rows(forecast: Forecast) -> list[dict[str, Any]]:
    return [
        {
            "year": row["year"],
            "published": row["mpp"]["published"],
            "low": row["mpp"]["low"],
            "high": row["mpp"]["high"],
            "source": services.mpp_source(
                row["year"], row["mpp"]["published"], row["mpp"]["source"]
            ),
            "forecast_p05": row["forecast_p05"],
            "forecast_p50": row["forecast_p50"],
            "forecast_p95": row["forecast_p95"],
            "note": row["note"],
        }
        for row in forecast.result.get("mpp_comparison", [])
    ]


def forecast_url(context: Mapping[str, Any], forecast: Forecast) -> str:
    return absolute_url(context, "api:prognose-detail", uuid=str(forecast.uuid))


class PrognoseBestandSerializer(serializers.Serializer):
    """An input file and its checksum."""

    naam = serializers.CharField(source="name", help_text="Bestandsnaam.")
    sha256 = serializers.CharField(help_text="SHA-256 van de inhoud.")


class PrognoseReekseindeSerializer(serializers.Serializer):
    """The last period of one input series at this vintage."""

    reeks = serializers.CharField(source="series", help_text="Naam van de invoerreeks.")
    laatstePeriode = serializers.CharField(
        source="last_period",
        help_text="Laatste periode met een cijfer (JJJJ-Qn, JJJJ-MM of JJJJ).",
    )


class PrognoseDatavintageSerializer(serializers.Serializer):
    """Exactly which data the forecast used."""

    controlesom = serializers.CharField(
        source="key",
        help_text="SHA-256 over de controlesommen van alle invoerbestanden.",
    )
    dataTotEnMet = serializers.CharField(
        source="cutoff", help_text="Laatste kwartaal dat de prognose mocht zien."
    )
    bestanden = PrognoseBestandSerializer(
        source="files", many=True, help_text="Invoerbestanden met hun SHA-256."
    )
    reekseinden = PrognoseReekseindeSerializer(
        source="series_end", many=True, help_text="Laatste periode per invoerreeks."
    )
    bronnen = serializers.ListField(
        source="sources",
        child=serializers.CharField(),
        help_text="Bronvermeldingen (uitgever, tabel, peildatum, licentie).",
    )


class PrognoseSerializer(serializers.Serializer):
    """A saved forecast: model, horizon and data vintage (without the figures)."""

    uuid = serializers.UUIDField(help_text="Vaste sleutel van deze prognose.")
    url = serializers.SerializerMethodField(help_text="Adres van deze prognose.")
    aangemaakt = serializers.DateTimeField(
        source="created_at", help_text="Moment van berekenen."
    )
    model = serializers.CharField(help_text="Gekozen model, bv. ensemble.")
    dataTotEnMet = serializers.CharField(
        source="cutoff", help_text="Laatste kwartaal met data (JJJJ-Qn)."
    )
    prognoseTotEnMet = serializers.CharField(
        source="until", help_text="Laatste kwartaal van de prognose (JJJJ-Qn)."
    )
    horizonKwartalen = serializers.IntegerField(
        source="horizon", help_text="Aantal kwartalen na het laatste datakwartaal."
    )
    kwantielniveaus = serializers.ListField(
        source="quantile_levels",
        child=serializers.FloatField(),
        help_text="Kwantielniveaus van elke periode, bv. 0.05 tot 0.95.",
    )
    seed = serializers.IntegerField(help_text="Startwaarde van de toevalsgenerator.")
    aantalPaden = serializers.IntegerField(
        source="n_paths", help_text="Aantal gesimuleerde steekproefpaden."
    )
    datavintage = serializers.SerializerMethodField(
        help_text="Welke data de prognose gebruikte."
    )

    @extend_schema_field(OpenApiTypes.URI)
    def get_url(self, obj: Forecast) -> str:
        return forecast_url(self.context, obj)

    @extend_schema_field(PrognoseDatavintageSerializer)
    def get_datavintage(self, obj: Forecast) -> dict[str, Any]:
        return dict(PrognoseDatavintageSerializer(vintage(obj)).data)


class PrognoseKwantielSerializer(serializers.Serializer):
    niveau = serializers.FloatField(
        source="level", help_text="Kwantielniveau, bv. 0.95."
    )
    waarde = serializers.FloatField(
        source="value", help_text="Aantal personen op dit niveau."
    )


class PrognosePeriodeSerializer(serializers.Serializer):
    """Quantiles of one period."""

    periode = serializers.CharField(source="period", help_text="JJJJ-Qn of JJJJ.")
    soort = serializers.ChoiceField(
        source="kind",
        choices=["prognose", "schatting"],
        help_text="prognose, of schatting: al voorbij maar nog niet gepubliceerd.",
    )
    kwantielen = PrognoseKwantielSerializer(
        source="quantiles", many=True, help_text="Kwantielen, oplopend."
    )


class PrognoseGemetenSerializer(serializers.Serializer):
    periode = serializers.CharField(source="period", help_text="Kwartaal (JJJJ-Qn).")
    waarde = serializers.FloatField(
        source="value", help_text="Gemeten aantal personen (CBS, IND)."
    )


class PrognoseReeksSerializer(serializers.Serializer):
    """One forecast series: quarterly and calendar-year quantiles."""

    reeks = serializers.CharField(
        source="series",
        help_text="eerste_asielverzoeken, nareizigers of totale_instroom.",
    )
    naam = serializers.CharField(source="label", help_text="Naam in het Nederlands.")
    gekozenModel = serializers.CharField(
        source="chosen_model", help_text="Model dat deze reeks voorspelt."
    )
    laatstGemeten = serializers.CharField(
        source="last_observed", help_text="Laatste kwartaal met een gemeten cijfer."
    )
    gemeten = PrognoseGemetenSerializer(
        source="history",
        many=True,
        help_text="Gemeten kwartalen waarop de prognose rust (de waaier begint erna).",
    )
    kwartalen = PrognosePeriodeSerializer(
        source="quarters", many=True, help_text="Kwantielen per kwartaal."
    )
    jaren = PrognosePeriodeSerializer(
        source="years",
        many=True,
        help_text="Kwantielen per kalenderjaar (gemeten kwartalen plus prognose).",
    )


class PrognoseMppBandSerializer(serializers.Serializer):
    jaar = serializers.IntegerField(source="year", help_text="Kalenderjaar.")
    editie = serializers.CharField(source="published", help_text="Welke MPP-editie.")
    minimum = serializers.FloatField(source="low", help_text="Onderkant van de band.")
    maximum = serializers.FloatField(source="high", help_text="Bovenkant van de band.")
    bron = serializers.CharField(
        source="source", help_text="Waar de band vandaan komt."
    )
    prognose5 = serializers.FloatField(
        source="forecast_p05", help_text="Deze prognose, 5 %-kwantiel."
    )
    prognoseMediaan = serializers.FloatField(
        source="forecast_p50", help_text="Deze prognose, mediaan."
    )
    prognose95 = serializers.FloatField(
        source="forecast_p95", help_text="Deze prognose, 95 %-kwantiel."
    )
    toelichting = serializers.CharField(source="note", help_text="Wat is vergeleken.")


class PrognoseDetailSerializer(PrognoseSerializer):
    """A saved forecast with its quantiles per series and period."""

    modelbeschrijving = serializers.CharField(
        source="model_description", help_text="Het model in gewone taal."
    )
    kanttekening = serializers.SerializerMethodField(
        help_text="Wat de prognose niet kan weten."
    )
    reeksen = serializers.SerializerMethodField(help_text="Kwantielen per reeks.")
    mppVergelijking = serializers.SerializerMethodField(
        help_text="Jaartotaal tegenover de band van de MPP van het Rijk."
    )

    @extend_schema_field(OpenApiTypes.STR)
    def get_kanttekening(self, obj: Forecast) -> str:
        return str(obj.result.get("caveat", ""))

    @extend_schema_field(PrognoseReeksSerializer(many=True))
    def get_reeksen(self, obj: Forecast) -> list[Any]:
        chosen = self.context.get("series")
        return list(
            PrognoseReeksSerializer(series_payload(obj, chosen), many=True).data
        )

    @extend_schema_field(PrognoseMppBandSerializer(many=True))
    def get_mppVergelijking(self, obj: Forecast) -> list[Any]:  # noqa: N802
        return list(PrognoseMppBandSerializer(mpp_rows(obj), many=True).data)


class InstroomscenarioSerializer(serializers.Serializer):
    """A stored inflow scenario (without its paths)."""

    uuid = serializers.UUIDField(help_text="Vaste sleutel van dit scenario.")
    url = serializers.SerializerMethodField(help_text="Adres van dit scenario.")
    naam = serializers.CharField(source="name", help_text="Naam, bv. herhaling-2015.")
    beschrijving = serializers.CharField(
        source="description", help_text="Wat het scenario aanneemt."
    )
    soort = serializers.CharField(
        source="kind", help_text="prognose, historische herhaling, piek, dal, ..."
    )
    seed = serializers.IntegerField(
        allow_null=True, help_text="Seed die het scenario herhaalt; null als vast."
    )
    aantalPaden = serializers.IntegerField(source="n_paths", help_text="Aantal paden.")
    perioden = serializers.ListField(
        source="periods", child=serializers.CharField(), help_text="Kwartalen."
    )
    parameters = serializers.DictField(help_text="Instellingen van de generator.")
    prognose = serializers.SerializerMethodField(
        help_text="De prognose waarmee het scenario is gemaakt."
    )

    @extend_schema_field(OpenApiTypes.URI)
    def get_url(self, obj: InflowScenario) -> str:
        return absolute_url(
            self.context, "api:instroomscenario-detail", uuid=str(obj.uuid)
        )

    @extend_schema_field(OpenApiTypes.URI)
    def get_prognose(self, obj: InflowScenario) -> str:
        return forecast_url(self.context, obj.forecast)


class InstroomscenarioPadenSerializer(serializers.Serializer):
    eersteAsielverzoeken = serializers.ListField(
        source="eerste_asielverzoeken",
        child=serializers.ListField(child=serializers.FloatField()),
        help_text="Per pad de eerste asielverzoeken per kwartaal.",
    )
    nareizigers = serializers.ListField(
        child=serializers.ListField(child=serializers.FloatField()),
        help_text="Per pad de nareizigers per kwartaal.",
    )
    totaleInstroom = serializers.ListField(
        source="totale_instroom",
        child=serializers.ListField(child=serializers.FloatField()),
        help_text="Per pad de totale instroom per kwartaal.",
    )


class InstroomscenarioDetailSerializer(InstroomscenarioSerializer):
    """A stored inflow scenario with all its paths."""

    paden = InstroomscenarioPadenSerializer(
        source="paths", help_text="Paden (pad × kwartaal) per reeks."
    )
