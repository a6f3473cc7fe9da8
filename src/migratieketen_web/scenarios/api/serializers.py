# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""API shapes of /scenarioruns (Dutch camelCase), built from stored runs.

The stored result is the core's `SimulationResult.to_dict()`; `run_record` renames
it explicitly, attribute by attribute, so the API contract does not move when the
core adds a field. Series stay keyed by the core's series name (`sleutel`).
"""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from rest_framework import serializers

from migratieketen_web.api.serializers import StrictCharField
from migratieketen_web.scenarios.models import RunStatus, ScenarioRun
from migratieketen_web.scenarios.results import PERCENTILE_KEYS
from migratieketen_web.scenarios.services import GEMEENTE_SERIES

GEMEENTE_NAMES = {
    "housed_total": "gehuisvestTotaal",
    "waiting_end": "wachtendEind",
    "waiting_mean": "wachtendGemiddeld",
    "crisis_places_peak": "crisisplaatsenPiek",
    "crisis_cost_total": "crisiskostenTotaal",
}
SUMMARY_NAMES = {
    "months_with_crisis_need_p_high": "maandenMetCrisisbehoefteP95",
    "peak_crisis_places_median": "piekCrisisplaatsenMediaan",
    "peak_crisis_places_high": "piekCrisisplaatsenP95",
    "peak_coa_total_median": "piekCoaBezettingMediaan",
    "reception_cost_total_median": "opvangkostenTotaalMediaan",
    "reception_cost_total_mean": "opvangkostenTotaalGemiddeld",
    "crisis_cost_total_median": "crisiskostenTotaalMediaan",
    "statushouders_waiting_end_median": "wachtendeStatushoudersEindMediaan",
    "inburgering_cost_minus_budget_mean": "inburgeringKostenMinBudgetGemiddeld",
    "max_imbalance_persons": "maxBalansafwijkingPersonen",
}


class ScenarioRunStartSerializer(serializers.Serializer):
    """Body of POST /scenarioruns."""

    scenario = serializers.DictField(
        help_text="Het scenario in het formaat van het ketenmodel (zoals het "
        "YAML-bestand van 'migratieketen simuleer'): name, start, months, inflow, "
        "capacity, levers, parameters, runs, seed.",
    )
    naam = StrictCharField(
        required=False, max_length=200, help_text="Naam van de berekening."
    )


def _numbers(help_text: str) -> serializers.ListField:
    return serializers.ListField(child=serializers.FloatField(), help_text=help_text)


class ReeksSerializer(serializers.Serializer):
    sleutel = serializers.CharField(help_text="Naam van de reeks in het model.")
    # The API field "label" shadows Field.label (a str); the name is part of the API.
    label = serializers.CharField(help_text="Omschrijving in het Nederlands.")  # type: ignore[assignment]
    p5 = _numbers("5e percentiel per maand.")
    p25 = _numbers("25e percentiel per maand.")
    p50 = _numbers("Mediaan per maand.")
    p75 = _numbers("75e percentiel per maand.")
    p95 = _numbers("95e percentiel per maand.")
    gemiddelde = _numbers("Gemiddelde van de runs per maand.")


class PercentielenSerializer(serializers.Serializer):
    p5 = serializers.FloatField()
    p25 = serializers.FloatField()
    p50 = serializers.FloatField(help_text="Mediaan.")
    p75 = serializers.FloatField()
    p95 = serializers.FloatField()


class ScenarioGemeenteSerializer(serializers.Serializer):
    gemeentecode = serializers.CharField()
    gemeentenaam = serializers.CharField()
    gehuisvestTotaal = PercentielenSerializer(
        help_text="Gehuisveste statushouders over de hele periode."
    )
    wachtendEind = PercentielenSerializer(
        help_text="Wachtende statushouders aan het eind (achterstand)."
    )
    wachtendGemiddeld = PercentielenSerializer(
        help_text="Gemiddeld aantal wachtende statushouders."
    )
    crisisplaatsenPiek = PercentielenSerializer(
        help_text="Crisisnoodopvang op de piek, indicatief naar inwoneraandeel."
    )
    crisiskostenTotaal = PercentielenSerializer(
        help_text="Kosten crisisnoodopvang (euro), indicatief naar inwoneraandeel."
    )


class SamenvattingSerializer(serializers.Serializer):
    maandenMetCrisisbehoefteP95 = serializers.ListField(
        child=serializers.CharField(),
        help_text="Maanden (JJJJ-MM) waarin het 95e percentiel crisisnoodopvang vraagt.",
    )
    piekCrisisplaatsenMediaan = serializers.FloatField()
    piekCrisisplaatsenP95 = serializers.FloatField()
    piekCoaBezettingMediaan = serializers.FloatField()
    opvangkostenTotaalMediaan = serializers.FloatField(help_text="Euro.")
    opvangkostenTotaalGemiddeld = serializers.FloatField(help_text="Euro.")
    crisiskostenTotaalMediaan = serializers.FloatField(help_text="Euro.")
    wachtendeStatushoudersEindMediaan = serializers.FloatField()
    inburgeringKostenMinBudgetGemiddeld = serializers.FloatField(help_text="Euro.")
    maxBalansafwijkingPersonen = serializers.FloatField(
        help_text="Controle: grootste afwijking in de personenbalans (hoort ~0)."
    )


class ResultaatSerializer(serializers.Serializer):
    runs = serializers.IntegerField()
    seed = serializers.IntegerField()
    maanden = serializers.ListField(child=serializers.CharField())
    samenvatting = SamenvattingSerializer()
    reeksen = ReeksSerializer(many=True)
    gemeenten = ScenarioGemeenteSerializer(many=True)


class ScenarioRunSerializer(serializers.Serializer):
    """A run in the list (without its result)."""

    uuid = serializers.UUIDField()
    url = serializers.CharField(help_text="Adres van deze run in de API.")
    webpagina = serializers.CharField(help_text="Adres van de resultaatpagina.")
    naam = serializers.CharField()
    omschrijving = serializers.CharField(allow_blank=True)
    instroom = serializers.CharField(help_text="Gekozen instroom, bv. piek2015.")
    status = serializers.ChoiceField(choices=RunStatus.values)
    voortgang = serializers.IntegerField(help_text="Procent (0-100).")
    runs = serializers.IntegerField()
    seed = serializers.IntegerField()
    aangemaakt = serializers.DateTimeField()
    klaarOp = serializers.DateTimeField(allow_null=True)
    rekentijdSeconden = serializers.FloatField(allow_null=True)
    foutmelding = serializers.CharField(allow_blank=True)
    gepubliceerdOp = serializers.DateTimeField(
        allow_null=True,
        help_text="Wanneer een beheerder de run publiceerde (dan staat hij op de "
        "gemeentepagina's); leeg: niet gepubliceerd.",
    )


class ScenarioRunDetailSerializer(ScenarioRunSerializer):
    scenario = serializers.DictField(help_text="Het scenario (formaat ketenmodel).")
    resultaat = ResultaatSerializer(
        allow_null=True, help_text="Pas gevuld als status 'klaar' is."
    )


def _result_record(result: dict[str, Any]) -> dict[str, Any]:
    summary = result["summary"]
    return {
        "runs": result["runs"],
        "seed": result["seed"],
        "maanden": result["months"],
        "samenvatting": {SUMMARY_NAMES[k]: summary[k] for k in SUMMARY_NAMES},
        "reeksen": [
            {
                "sleutel": key,
                "label": s["label_nl"],
                **{k: s[k] for k in PERCENTILE_KEYS},
                "gemiddelde": s["mean"],
            }
            for key, s in result["series"].items()
        ],
        "gemeenten": [
            {
                "gemeentecode": g["code"],
                "gemeentenaam": g["name"],
                **{GEMEENTE_NAMES[name]: g[name] for name in GEMEENTE_SERIES},
            }
            for g in result["gemeenten"]
        ],
    }


def run_record(run: ScenarioRun, request: Any, detail: bool) -> dict[str, Any]:
    api_path = reverse("api:scenariorun-detail", kwargs={"uuid": str(run.uuid)})
    record: dict[str, Any] = {
        "uuid": run.uuid,
        "url": request.build_absolute_uri(api_path),
        "webpagina": request.build_absolute_uri(
            reverse("scenarios:detail", kwargs={"uuid": run.uuid})
        ),
        "naam": run.name,
        "omschrijving": run.description,
        "instroom": run.inflow_choice,
        "status": run.status,
        "voortgang": run.progress,
        "runs": run.runs,
        "seed": run.seed,
        "aangemaakt": run.created_at,
        "klaarOp": run.finished_at,
        "rekentijdSeconden": run.runtime_seconds,
        "foutmelding": run.error,
        "gepubliceerdOp": run.published_at,
    }
    if detail:
        record["scenario"] = run.definition
        record["resultaat"] = _result_record(run.result or {}) if run.is_done else None
    return record
