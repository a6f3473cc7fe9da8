# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""API shapes of /koppelingen (Dutch camelCase).

The request carries the CLI's three files, as JSON lists (`upload_from_body` turns them
into the same CSV texts, so the core checks them exactly as it checks a file: a key such
as 'bsn' or 'naam' becomes a column and is refused) or as the CSV files themselves in
multipart/form-data (`upload_from_files`, through the web page's own form and limits).
A region's score table runs to tens of MB: as a file it is read row by row, as JSON it
is held whole in memory first. The stored result is renamed to camelCase on the way out.
"""

from __future__ import annotations

import csv
import io
import re
from typing import Any

from django.http import QueryDict
from django.urls import reverse
from django.utils.datastructures import MultiValueDict
from rest_framework import serializers

from migratieketen_web.jobs.models import JobStatus
from migratieketen_web.koppeling.forms import (
    MAX_SCORE_UPLOAD_BYTES,
    MAX_UPLOAD_BYTES,
    MB,
    UploadForm,
)
from migratieketen_web.koppeling.models import KoppelingRun
from migratieketen_web.koppeling.services import (
    DEFAULT_WAIT_WEEKS,
    MAX_WAIT_WEEKS,
    MODES,
    Upload,
    status,
)

HOUSEHOLD_KEYS = {
    "huishoudenId": "huishouden_id",
    "gemeenteVerplicht": "gemeente_verplicht",
    "regioVerplicht": "regio_verplicht",
    "coaRegio": "coa_regio",
    "geslachtHoofd": "geslacht_hoofd",
}
SCORE_KEYS = {"huishoudenId": "huishouden_id"}


class HuishoudenSerializer(serializers.Serializer):
    huishoudenId = serializers.CharField(help_text="Pseudoniem; nooit een BSN of naam.")
    aankomst = serializers.DateField(help_text="Datum van aankomst (JJJJ-MM-DD).")
    personen = serializers.IntegerField(min_value=1)
    volwassenen = serializers.IntegerField(min_value=0)
    gemeenteVerplicht = serializers.CharField(
        required=False, help_text="GMxxxx: eerstegraads familie, zorg."
    )
    regioVerplicht = serializers.CharField(
        required=False, help_text="PVxx: baan, studie."
    )
    coaRegio = serializers.CharField(required=False, help_text="COA-regio 1-5.")
    geslachtHoofd = serializers.CharField(
        required=False, help_text="Alleen rapportage."
    )
    leeftijdsklasse = serializers.CharField(
        required=False, help_text="Alleen rapportage."
    )
    huishoudtype = serializers.CharField(required=False, help_text="Alleen rapportage.")
    nationaliteitsgroep = serializers.CharField(
        required=False, help_text="Alleen rapportage en het illustratieve model."
    )


class ScoreSerializer(serializers.Serializer):
    huishoudenId = serializers.CharField()
    gemeentecode = serializers.CharField(help_text="CBS-code GMxxxx.")
    score = serializers.FloatField(min_value=0)


class CapaciteitSerializer(serializers.Serializer):
    gemeentecode = serializers.CharField(help_text="CBS-code GMxxxx.")
    capaciteit = serializers.IntegerField(min_value=0, help_text="Personen.")


class KoppelingStartSerializer(serializers.Serializer):
    """Body of POST /koppelingen."""

    huishoudens = HuishoudenSerializer(many=True)
    scores = ScoreSerializer(
        many=True, required=False, help_text="Zonder: het illustratieve model."
    )
    capaciteit = CapaciteitSerializer(
        many=True, required=False, help_text="Zonder: de taakstelling."
    )
    modus = serializers.ChoiceField(choices=MODES, required=False)
    seed = serializers.IntegerField(required=False, min_value=0)
    beslistermijn = serializers.IntegerField(
        required=False,
        allow_null=True,
        min_value=0,
        max_value=MAX_WAIT_WEEKS,
        help_text="Weken dat een huishouden waarover de toekomstscenario's het oneens "
        "zijn mag wachten (dynamisch; 0: beslissen in de week van aankomst; zonder: "
        f"{DEFAULT_WAIT_WEEKS}).",
    )


class KoppelingBestandenSerializer(serializers.Serializer):
    """Body of POST /koppelingen as multipart/form-data: the CLI's CSV files."""

    huishoudens = serializers.FileField(
        help_text="H.csv: huishouden_id, aankomst, personen, volwassenen (optioneel "
        f"gemeente_verplicht, regio_verplicht). Hooguit {MAX_UPLOAD_BYTES // MB} MB."
    )
    scores = serializers.FileField(
        required=False,
        help_text="S.csv: huishouden_id, gemeentecode, score. Hooguit "
        f"{MAX_SCORE_UPLOAD_BYTES // MB} MB. Zonder: het illustratieve model.",
    )
    capaciteit = serializers.FileField(
        required=False,
        help_text="C.csv: gemeentecode, capaciteit (personen). Hooguit "
        f"{MAX_UPLOAD_BYTES // MB} MB. Zonder: de taakstelling.",
    )
    modus = serializers.ChoiceField(choices=MODES, required=False)
    seed = serializers.IntegerField(required=False, min_value=0)
    beslistermijn = serializers.IntegerField(
        required=False, min_value=0, max_value=MAX_WAIT_WEEKS
    )


class KoppelingSerializer(serializers.Serializer):
    uuid = serializers.UUIDField()
    url = serializers.CharField(help_text="Adres van deze koppeling in de API.")
    webpagina = serializers.CharField()
    status = serializers.ChoiceField(choices=JobStatus.values)
    voortgang = serializers.IntegerField(help_text="Procent (0-100).")
    foutmelding = serializers.CharField(allow_blank=True)
    modus = serializers.CharField()
    seed = serializers.IntegerField()
    beslistermijn = serializers.IntegerField(
        allow_null=True, help_text="Zoals gevraagd; null: de standaard."
    )
    huishoudens = serializers.IntegerField()
    aangemaakt = serializers.DateTimeField()
    invoerVerwijderd = serializers.DateTimeField(
        allow_null=True,
        help_text="Wanneer de aangeleverde huishoudens, scores en capaciteit zijn "
        "verwijderd (bewaartermijn); het advies en de besluiten blijven. Null: nog "
        "bewaard.",
    )
    samenvatting = serializers.DictField(
        allow_null=True,
        help_text="Pas gevuld als status 'klaar' is: totale score, aandeel van het "
        "hindsight-optimum, capaciteit per gemeente, eerlijkheid per groep.",
    )
    koppelingen = serializers.ListField(
        child=serializers.DictField(),
        allow_null=True,
        help_text="Per huishouden de gemeente (of null met reden) en de uitleg: "
        "top-3 gemeenten, bindende beperkingen.",
    )


def _table(rows: list[Any], names: dict[str, str], field: str) -> str:
    if not isinstance(rows, list) or not all(isinstance(r, dict) for r in rows):
        raise serializers.ValidationError({field: ["Verwacht een lijst van objecten."]})
    if not rows:
        return ""
    header: list[str] = []
    for row in rows:
        for key in row:
            column = names.get(key, key)
            if column not in header:
                header.append(column)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    back = {names.get(k, k): k for row in rows for k in row}
    for row in rows:
        writer.writerow(
            ["" if row.get(back[c]) is None else row.get(back[c]) for c in header]
        )
    return out.getvalue()


FIELDS = ("huishoudens", "scores", "capaciteit", "modus", "seed", "beslistermijn")


def _whole_number(value: Any, field: str, low: int, high: int | None) -> int:
    """`value` if it is a whole number in [low, high]; else 400 on `field`."""
    if (
        not isinstance(value, int)
        or isinstance(value, bool)
        or value < low
        or (high is not None and value > high)
    ):
        bound = f">= {low}" if high is None else f"van {low} tot en met {high}"
        raise serializers.ValidationError({field: [f"Een geheel getal {bound}."]})
    return value


def upload_from_body(data: Any) -> tuple[Upload, str, int, int | None]:
    """The three CSV texts, the mode, the seed and the beslistermijn; 400 on a wrong
    shape."""
    if not isinstance(data, dict):
        raise serializers.ValidationError(
            {"nonFieldErrors": ["Verwacht een JSON-object met 'huishoudens'."]}
        )
    unknown = sorted(set(data) - set(FIELDS))
    if unknown:
        raise serializers.ValidationError(
            {k: [f"Onbekend veld; toegestaan: {', '.join(FIELDS)}."] for k in unknown}
        )
    if "huishoudens" not in data:
        raise serializers.ValidationError({"huishoudens": ["Dit veld is verplicht."]})
    mode = data.get("modus", "dynamisch")
    if mode not in MODES:
        raise serializers.ValidationError({"modus": [f"Kies uit {', '.join(MODES)}."]})
    seed = _whole_number(data.get("seed", 0), "seed", 0, None)
    wait_weeks = data.get("beslistermijn")
    if wait_weeks is not None:
        wait_weeks = _whole_number(wait_weeks, "beslistermijn", 0, MAX_WAIT_WEEKS)
    upload = Upload(
        households=_table(data["huishoudens"], HOUSEHOLD_KEYS, "huishoudens"),
        scores=_table(data.get("scores", []), SCORE_KEYS, "scores"),
        capacity=_table(data.get("capaciteit", []), {}, "capaciteit"),
    )
    return upload, mode, seed, wait_weeks


def upload_from_files(
    fields: QueryDict, files: MultiValueDict
) -> tuple[Upload, str, int, int | None]:
    """The same four as `upload_from_body`, from multipart/form-data: the files are
    checked by the web page's form (size, UTF-8 or Windows-1252); 400 on a wrong shape."""
    unknown = sorted((set(fields) | set(files)) - set(FIELDS))
    if unknown:
        raise serializers.ValidationError(
            {k: [f"Onbekend veld; toegestaan: {', '.join(FIELDS)}."] for k in unknown}
        )
    texts = [k for k in ("huishoudens", "scores", "capaciteit") if k in fields]
    if texts:
        raise serializers.ValidationError(
            {k: ["Verwacht een bestand (CSV), geen tekstveld."] for k in texts}
        )
    options = {k: fields[k] for k in ("modus", "beslistermijn") if k in fields}
    data = {"modus": "dynamisch"} | options
    form = UploadForm(data=data, files=files)
    if not form.is_valid():
        raise serializers.ValidationError(
            {k: [str(m) for m in messages] for k, messages in form.errors.items()}
        )
    seed = fields.get("seed", "0")
    if not seed.isdecimal():
        raise serializers.ValidationError({"seed": ["Een geheel getal >= 0."]})
    upload = Upload(
        households=form.cleaned_data["huishoudens"],
        scores=form.cleaned_data["scores"],
        capacity=form.cleaned_data["capaciteit"],
    )
    return (
        upload,
        form.cleaned_data["modus"],
        int(seed),
        form.cleaned_data["beslistermijn"],
    )


def camel(value: Any) -> Any:
    """snake_case keys of the core's result to camelCase, recursively."""
    if isinstance(value, dict):
        return {
            re.sub(r"_([a-z0-9])", lambda m: m.group(1).upper(), k): camel(v)
            for k, v in value.items()
        }
    if isinstance(value, list):
        return [camel(v) for v in value]
    return value


def run_record(run: KoppelingRun, request: Any) -> dict[str, Any]:
    path = reverse("api:koppeling-detail", kwargs={"uuid": str(run.uuid)})
    result = run.result or {}
    return {
        "uuid": run.uuid,
        "url": request.build_absolute_uri(path),
        "webpagina": request.build_absolute_uri(
            reverse("koppeling:detail", kwargs={"run_uuid": run.uuid})
        ),
        "status": status(run),
        "voortgang": run.job.progress if run.job else 0,
        "foutmelding": run.job.error if run.job else "",
        "modus": run.mode,
        "seed": run.seed,
        "beslistermijn": run.wait_weeks,
        "huishoudens": run.households,
        "aangemaakt": run.created_at,
        "invoerVerwijderd": run.inputs_removed_at,
        "samenvatting": camel(result["samenvatting"]) if result else None,
        "koppelingen": camel(result["huishoudens"]) if result else None,
    }
