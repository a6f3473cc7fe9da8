# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""API shapes of /opvangplannen (Dutch camelCase), built from stored plans.

`plan_record` renames the stored result explicitly, field by field, so the contract
does not move when the core adds a field.
"""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from rest_framework import serializers

from migratieketen_web.api.serializers import (
    StrictCharField,
    StrictFloatField,
    StrictIntegerField,
)
from migratieketen_web.opvang import services
from migratieketen_web.opvang.forms import PROVINCES
from migratieketen_web.opvang.models import OpvangPlan, PlanStatus
from migratieketen_web.opvang.services import MAX_BATCHES, SCENARIOS


class OpvangPlanStartSerializer(serializers.Serializer):
    """Body of POST /opvangplannen."""

    scenario = serializers.ChoiceField(choices=list(SCENARIOS), default="piek2015",
                                       help_text="Ingebouwd scenario van het ketenmodel.")  # fmt: skip
    provincie = serializers.ChoiceField(
        choices=[p for p, _ in PROVINCES], required=False, allow_blank=True, default="",
        help_text="Provinciecode (PV20-PV31); leeg is heel Nederland.",
    )  # fmt: skip
    maanden = StrictIntegerField(min_value=6, max_value=36, default=24)
    paden = StrictIntegerField(min_value=5, max_value=200, default=40)
    wijkAandeel = StrictFloatField(min_value=0.005, max_value=0.2, default=0.05,
                                         help_text="Hoogstens dit aandeel van de inwoners van een wijk.")  # fmt: skip
    maxKleinschalig = StrictIntegerField(min_value=10, max_value=400, default=100)
    risicogewicht = StrictFloatField(min_value=0, max_value=10, default=0)
    kandidatenCsv = StrictCharField(required=False, allow_blank=True, default="",
                                          max_length=500_000, help_text="Kandidatenbestand als CSV-tekst.")  # fmt: skip
    naam = StrictCharField(required=False, allow_blank=True, max_length=200, default="")
    scenarioYaml = StrictCharField(
        required=False, allow_blank=True, default="", max_length=100_000, trim_whitespace=False,
        help_text="Een bewaard scenario van het ketenmodel als YAML-tekst (zoals de "
        "scenariopagina het laat downloaden); vervangt 'scenario'.",
    )  # fmt: skip
    batches = StrictIntegerField(
        min_value=1, max_value=MAX_BATCHES, default=1,
        help_text="Scenariobatches: 1 is één model over alle paden; meer verdeelt de paden "
        "in batches en geeft een geschatte gap (samenvatting.decompositie).",
    )  # fmt: skip

    def validate_scenarioYaml(self, value: str) -> dict[str, Any] | None:  # noqa: N802
        if not value:
            return None
        if "scenario" in self.initial_data:
            raise serializers.ValidationError(
                "Geef 'scenario' of 'scenarioYaml', niet allebei."
            )
        try:
            return services.scenario_definition(value)
        except services.ChainConfigError as exc:
            raise serializers.ValidationError(str(exc)) from exc

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        horizon = services.prognose_horizon_error(attrs["scenario"], attrs["maanden"])
        if horizon:
            raise serializers.ValidationError({"maanden": [horizon]})
        if attrs["batches"] > attrs["paden"]:
            raise serializers.ValidationError(
                {"batches": ["Hooguit zoveel batches als paden."]}
            )
        return attrs

    def options(self) -> dict[str, Any]:
        d = self.validated_data
        out = {"scenario": d["scenario"], "provincie": d["provincie"], "maanden": d["maanden"],
               "paden": d["paden"], "wijk_aandeel": d["wijkAandeel"],
               "max_kleinschalig": d["maxKleinschalig"], "risicogewicht": d["risicogewicht"],
               "naam": d["naam"], "batches": d["batches"]}  # fmt: skip
        definition = d["scenarioYaml"]
        if definition:
            out.update(scenario=services.SCENARIO_FILE, scenario_definitie=definition,
                       scenario_naam=definition["name"])  # fmt: skip
        return out


class OpvangLocatieSerializer(serializers.Serializer):
    naam = serializers.CharField()
    # The API field "label" shadows Field.label (a str); the name is part of the API.
    label = serializers.CharField(  # type: ignore[assignment]
        help_text="'generiek — geen echte locatie' of 'kandidaat uit bestand'."
    )
    wijkcode = serializers.CharField()
    gemeentecode = serializers.CharField()
    provinciecode = serializers.CharField()
    type = serializers.CharField()
    opening = serializers.CharField(help_text="Eerste maand open (JJJJ-MM).")
    sluiting = serializers.CharField(allow_null=True)
    plaatsenPerMaand = serializers.ListField(child=serializers.IntegerField())


class OpvangSamenvattingSerializer(serializers.Serializer):
    maanden = serializers.ListField(child=serializers.CharField())
    verwachteKosten = serializers.FloatField()
    crisisplaatsmaandenVerwacht = serializers.FloatField()
    crisisplaatsmaandenP95 = serializers.FloatField()
    besparingTovCrisisopvang = serializers.FloatField()
    besparingTovReactief = serializers.FloatField()
    beleid = serializers.DictField(help_text="Per beleid de kerncijfers.")
    decompositie = serializers.DictField(
        allow_null=True,
        help_text="Alleen bij batches > 1: de scenariobatches met de geschatte gap "
        "(gap_schatting, een schatting, geen bewezen grens).",
    )
    normen = serializers.ListField(child=serializers.DictField())
    bron = serializers.CharField()


class OpvangPlanSerializer(serializers.Serializer):
    uuid = serializers.UUIDField()
    url = serializers.URLField()
    naam = serializers.CharField()
    status = serializers.CharField()
    scenario = serializers.CharField(help_text="Naam van het gebruikte scenario.")
    scenarioHerkomst = serializers.ChoiceField(
        choices=["ingebouwd", "bestand", "opgeslagen"],
        help_text="Ingebouwd scenario, een meegestuurd scenariobestand of een opgeslagen "
        "scenario van de scenariopagina.",
    )
    voortgang = serializers.IntegerField()
    fout = serializers.CharField(allow_blank=True)
    samenvatting = OpvangSamenvattingSerializer(allow_null=True)
    locaties = OpvangLocatieSerializer(many=True, allow_null=True)


def _summary(s: dict[str, Any]) -> dict[str, Any]:
    return {"maanden": s["maanden"], "verwachteKosten": s["verwachte_kosten"],
            "crisisplaatsmaandenVerwacht": s["crisisplaatsmaanden_verwacht"],
            "crisisplaatsmaandenP95": s["crisisplaatsmaanden_p95"],
            "besparingTovCrisisopvang": s["besparing_tov_crisisopvang"],
            "besparingTovReactief": s["besparing_tov_reactief"], "beleid": s["beleid"],
            "decompositie": s.get("decompositie"),
            "normen": s["normen"], "bron": s["bron"]}  # fmt: skip


def _scenario(options: dict[str, Any]) -> dict[str, str]:
    origin = {services.SCENARIO_FILE: "bestand", "opgeslagen": "opgeslagen"}
    kind = origin.get(options.get("scenario", ""), "ingebouwd")
    name = (
        options.get("scenario_naam") if kind != "ingebouwd" else options.get("scenario")
    )
    return {"scenario": str(name or ""), "scenarioHerkomst": kind}


def plan_record(plan: OpvangPlan, request: Any) -> dict[str, Any]:
    done = plan.status == PlanStatus.DONE and plan.result
    result = plan.result or {}
    url = request.build_absolute_uri(
        reverse("api:opvangplan-detail", kwargs={"uuid": plan.uuid})
    )
    return {
        "uuid": plan.uuid, "url": url, "naam": plan.name, "status": plan.status,
        **_scenario(plan.options),
        "voortgang": plan.job.progress, "fout": plan.job.error,
        "samenvatting": _summary(result["samenvatting"]) if done else None,
        "locaties": [
            {"naam": r["naam"], "label": r["label"], "wijkcode": r["wijkcode"],
             "gemeentecode": r["gemeentecode"], "provinciecode": r["provinciecode"],
             "type": r["type"], "opening": r["opening"], "sluiting": r["sluiting"],
             "plaatsenPerMaand": r["plaatsen_per_maand"]}
            for r in result.get("locaties", [])
        ] if done else None,
    }  # fmt: skip
