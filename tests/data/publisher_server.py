# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""A local stand-in for opendata.cbs.nl and service.pdok.nl, for the sync tests.

It serves the publishers' JSON formats (CBS OData v3 DataProperties/TypedDataSet with
`odata.nextLink` paging; PDOK WFS 2.0 GeoJSON with startIndex/count paging), with
content generated at test time from the real ../shared/data files. The KWB keys are
written here by hand in CBS style (`AantalInwoners_5`, numbered differently per table)
so the sync's key matching is tested against names it did not generate itself.
"""

from __future__ import annotations

import csv
import json
import re
import threading
import urllib.parse
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

# (CBS key, our column, unit). "aantal" for a percentage column means: serve a count
# computed from the percentage, so the sync must convert it back.
KWB_2024 = [
    ("AantalInwoners_5", "inwoners_2024", "aantal"),
    ("Mannen_6", "mannen", "aantal"),
    ("Vrouwen_7", "vrouwen", "aantal"),
    ("k_0Tot15Jaar_8", "pct_0_15", "aantal"),
    ("k_15Tot25Jaar_9", "pct_15_25", "aantal"),
    ("k_25Tot45Jaar_10", "pct_25_45", "aantal"),
    ("k_45Tot65Jaar_11", "pct_45_65", "aantal"),
    ("k_65JaarOfOuder_12", "pct_65plus", "aantal"),
    ("Nederland_17", "pct_herkomst_nederland", "aantal"),
    ("EuropaExclusiefNederland_18", "pct_herkomst_europa_excl_nl", "aantal"),
    ("BuitenEuropa_19", "pct_herkomst_buiten_europa", "aantal"),
    ("HuishoudensTotaal_29", "huishoudens", "aantal"),
    ("Eenpersoonshuishoudens_30", "pct_eenpersoonshuishoudens", "%"),
    ("HuishoudensZonderKinderen_31", "pct_huishoudens_zonder_kinderen", "%"),
    ("HuishoudensMetKinderen_32", "pct_huishoudens_met_kinderen", "%"),
    ("GemiddeldeHuishoudensgrootte_33", "gem_huishoudensgrootte", "aantal"),
    ("Bevolkingsdichtheid_34", "bevolkingsdichtheid_per_km2", "aantal per km2"),
    ("PersonenautoSTotaal_109", "personenautos", "aantal"),
    ("OppervlakteLand_121", "oppervlakte_land_ha", "ha"),
    ("OppervlakteWater_122", "oppervlakte_water_ha", "ha"),
    ("MateVanStedelijkheid_125", "stedelijkheid_1_5", "code"),
    ("Omgevingsadressendichtheid_126", "omgevingsadressendichtheid", "per km2"),
]
KWB_2023 = [
    ("AantalInwoners_5", "inwoners_2023", "aantal"),
    ("Mannen_6", "mannen", "aantal"),
    ("Vrouwen_7", "vrouwen", "aantal"),
    ("k_0Tot15Jaar_8", "pct_0_15", "%"),
    ("k_15Tot25Jaar_9", "pct_15_25", "%"),
    ("k_25Tot45Jaar_10", "pct_25_45", "%"),
    ("k_45Tot65Jaar_11", "pct_45_65", "%"),
    ("k_65JaarOfOuder_12", "pct_65plus", "%"),
    ("HuishoudensTotaal_29", "huishoudens", "aantal"),
    ("GemiddeldeHuishoudensgrootte_33", "gem_huishoudensgrootte", "aantal"),
    ("Bevolkingsdichtheid_34", "bevolkingsdichtheid_per_km2", "aantal per km2"),
    ("Woningvoorraad_35", "woningvoorraad", "aantal"),
    ("GemiddeldeWOZWaardeVanWoningen_36", "gem_woz_waarde_x1000_eur", "x 1 000 euro"),
    ("PercentageEengezinswoning_37", "pct_eengezinswoningen", "%"),
    ("Koopwoningen_41", "pct_koopwoningen", "%"),
    ("HuurwoningenTotaal_42", "pct_huurwoningen", "%"),
    ("BedrijfsvestigingenTotaal_100", "bedrijfsvestigingen", "aantal"),
    ("PersonenautoSTotaal_109", "personenautos", "aantal"),
    ("AfstandTotHuisartsenpraktijk_115", "afstand_huisarts_km", "km"),
    ("AfstandTotGroteSupermarkt_116", "afstand_grote_supermarkt_km", "km"),
]
KWB_2022 = [
    ("AantalInwoners_5", "inwoners_2022", "aantal"),
    ("HuishoudensTotaal_28", "huishoudens", "aantal"),
    ("Bevolkingsdichtheid_33", "bevolkingsdichtheid_per_km2", "aantal per km2"),
    ("Woningvoorraad_34", "woningvoorraad", "aantal"),
    ("GemiddeldeWOZWaardeVanWoningen_35", "gem_woz_waarde_x1000_eur", "x 1 000 euro"),
    ("PercentageEengezinswoning_36", "pct_eengezinswoningen", "%"),
    ("PercentageMeergezinswoning_37", "pct_meergezinswoningen", "%"),
    ("PercentageOnbewoond_39", "pct_leegstaande_woningen", "%"),
    ("Koopwoningen_40", "pct_koopwoningen", "%"),
    ("HuurwoningenTotaal_41", "pct_huurwoningen", "%"),
    ("InBezitWoningcorporatie_42", "pct_huurwoningen_corporatie", "%"),
    ("BouwjaarVanaf2000_46", "pct_bouwjaar_vanaf_2000", "%"),
    ("OpleidingsniveauLaag_64", "personen_opleidingsniveau_laag", "aantal"),
    ("OpleidingsniveauMiddelbaar_65", "personen_opleidingsniveau_middelbaar", "aantal"),
    ("OpleidingsniveauHoog_66", "personen_opleidingsniveau_hoog", "aantal"),
    ("Nettoarbeidsparticipatie_67", "pct_netto_arbeidsparticipatie", "%"),
    ("PercentageWerknemers_68", "pct_werknemers", "%"),
    ("PercentageZelfstandigen_69", "pct_zelfstandigen", "%"),
    ("GemiddeldInkomenPerInkomensontvanger_71", "gem_inkomen_per_ontvanger_x1000_eur",
     "x 1 000 euro"),
    ("GemiddeldInkomenPerInwoner_72", "gem_inkomen_per_inwoner_x1000_eur",
     "x 1 000 euro"),
    ("k_40HuishoudensMetLaagsteInkomen_73", "pct_huishoudens_laagste_40pct_inkomen",
     "%"),
    ("k_20HuishoudensMetHoogsteInkomen_74", "pct_huishoudens_hoogste_20pct_inkomen",
     "%"),
    ("GemGestandaardiseerdInkomenVanHuish_75",
     "gem_gestandaardiseerd_hh_inkomen_x1000_eur", "x 1 000 euro"),
    ("HuishOnderOfRondSociaalMinimum_79", "pct_huishoudens_rond_sociaal_minimum", "%"),
    ("MediaanVermogenVanParticuliereHuish_81", "mediaan_vermogen_x1000_eur",
     "x 1 000 euro"),
    ("PercentageJongerenMetJeugdzorg_87", "pct_jongeren_met_jeugdzorg", "%"),
    ("WmoClientenRelatief_89", "wmo_clienten_per_1000", "per 1 000 inwoners"),
    ("BedrijfsvestigingenTotaal_90", "bedrijfsvestigingen", "aantal"),
    ("AfstandTotHuisartsenpraktijk_104", "afstand_huisarts_km", "km"),
    ("AfstandTotGroteSupermarkt_105", "afstand_grote_supermarkt_km", "km"),
    ("AfstandTotSchool_107", "afstand_basisonderwijs_km", "km"),
    ("AfstandTotTreinstation_110", "afstand_treinstation_km", "km"),
    ("AfstandTotZiekenhuis_111", "afstand_ziekenhuis_km", "km"),
    ("OppervlakteLand_113", "oppervlakte_land_ha", "ha"),
    ("MateVanStedelijkheid_116", "stedelijkheid_1_5", "code"),
]  # fmt: skip


def _read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def _num(text: str) -> int | float | None:
    if text == "":
        return None
    value = float(text)
    return int(value) if value.is_integer() and "." not in text else value


def _properties(keys: list[tuple[str, str, str]]) -> list[dict[str, Any]]:
    dims = [
        {"odata.type": "Cbs.OData.GeoDimension", "ID": 0, "Position": 0,
         "ParentID": None, "Type": "GeoDimension", "Key": "WijkenEnBuurten",
         "Title": "Wijken en buurten"},
        {"odata.type": "Cbs.OData.GeoDetail", "ID": 1, "Position": 1,
         "ParentID": None, "Type": "GeoDetail", "Key": "Gemeentenaam_1",
         "Title": "Gemeentenaam"},
    ]  # fmt: skip
    topics = [
        {"odata.type": "Cbs.OData.Topic", "ID": i + 10, "Position": i + 2,
         "ParentID": None, "Type": "Topic", "Key": key, "Title": column,
         "Datatype": "Double", "Unit": unit, "Decimals": 0, "Default": "Impossible"}
        for i, (key, column, unit) in enumerate(keys)
    ]  # fmt: skip
    return dims + topics


def _row(
    i: int,
    code: str,
    gemeente_name: str,
    kind: str,
    src: dict[str, str],
    keys: list[tuple[str, str, str]],
    population_column: str,
) -> dict[str, Any]:
    row: dict[str, Any] = {
        "ID": i,
        "WijkenEnBuurten": code.ljust(10),
        "Gemeentenaam_1": gemeente_name.ljust(40),
        "SoortRegio_2": kind.ljust(10),
        "Codering_3": code.ljust(10),
    }
    population = _num(src.get(population_column, ""))
    for key, column, unit in keys:
        value = _num(src.get(column, ""))
        if value is not None and column.startswith("pct_") and unit == "aantal":
            value = None if population is None else round(value * population / 100)
        row[key] = value
    return row


@dataclass
class PublisherData:
    """The responses, built once per test session from the real files."""

    properties: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    rows: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    layers: dict[str, list[dict[str, Any]]] = field(default_factory=dict)

    @classmethod
    def from_shared(cls, data_dir: Path) -> PublisherData:
        data = cls()
        g24 = _read_csv(data_dir / "gemeenten_2024.csv")
        g23 = _read_csv(data_dir / "gemeenten_2023.csv")
        g22 = _read_csv(data_dir / "gemeenten_kwb2022_indicatoren.csv")
        wijken = _read_csv(data_dir / "wijken_2024.csv")
        nl = {"inwoners_2024": "17942942"}
        rows24 = [_row(0, "NL00", "Nederland", "Land", nl, KWB_2024, "inwoners_2024")]
        rows24 += [
            _row(i, r["gemeentecode"], r["gemeentenaam"], "Gemeente", r, KWB_2024,
                 "inwoners_2024")
            for i, r in enumerate(g24, start=1)
        ]  # fmt: skip
        rows24 += [
            _row(i, r["wijkcode"], r["gemeentenaam"], "Wijk", r, KWB_2024,
                 "inwoners_2024")
            for i, r in enumerate(wijken, start=len(rows24))
        ]  # fmt: skip
        data.rows["85984NED"] = rows24
        data.rows["85618NED"] = [
            _row(i, r["gemeentecode"], r["gemeentenaam"], "Gemeente", r, KWB_2023,
                 "inwoners_2023")
            for i, r in enumerate(g23)
        ]  # fmt: skip
        data.rows["85318NED"] = [
            _row(i, r["gemeentecode_2022"], r["gemeentenaam_2022"], "Gemeente", r,
                 KWB_2022, "inwoners_2022")
            for i, r in enumerate(g22)
        ]  # fmt: skip
        data.properties = {
            "85984NED": _properties(KWB_2024),
            "85618NED": _properties(KWB_2023),
            "85318NED": _properties(KWB_2022),
        }
        gem = json.loads((data_dir / "gemeenten_2024.geojson").read_text("utf-8"))
        features = []
        for f in gem["features"]:
            p = f["properties"]
            features.append(_wfs_feature("gemeenten", len(features), f["geometry"], {
                "gemeentecode": p["gemeentecode"], "gemeentenaam": p["gemeentenaam"],
                "water": "NEE", "aantalInwoners": p["inwoners_2024"],
            }))  # fmt: skip
        square = {
            "type": "Polygon",
            "coordinates": [
                [[4.9, 52.38], [4.91, 52.38], [4.91, 52.39], [4.9, 52.39], [4.9, 52.38]]
            ],
        }
        features.append(
            _wfs_feature(
                "gemeenten",
                len(features),
                square,
                {"gemeentecode": "GM0363", "gemeentenaam": "Amsterdam", "water": "JA"},
            )
        )
        features.append(
            _wfs_feature(
                "gemeenten",
                len(features),
                square,
                {
                    "gemeentecode": "GM0998",
                    "gemeentenaam": "Buitenland",
                    "water": "NEE",
                },
            )
        )
        data.layers["wijkenbuurten:gemeenten"] = features  # fmt: skip
        wk = json.loads((data_dir / "wijken_2024.geojson").read_text("utf-8"))
        data.layers["wijkenbuurten:wijken"] = [
            _wfs_feature("wijken", i, f["geometry"], {
                "wijkcode": f["properties"]["wijkcode"],
                "wijknaam": f["properties"]["wijknaam"],
                "gemeentecode": f["properties"]["gemeentecode"],
                # one water-only wijk: it must be kept (no land part to prefer)
                "water": "JA" if i == 0 else "NEE"})
            for i, f in enumerate(wk["features"])
        ]  # fmt: skip
        pv = json.loads((data_dir / "provincies.geojson").read_text("utf-8"))
        data.layers["bestuurlijkegebieden:Provinciegebied"] = [
            _wfs_feature("Provinciegebied", i, f["geometry"], {
                "code": f["properties"]["provinciecode"][2:],
                "naam": f["properties"]["provincienaam"]})
            for i, f in enumerate(pv["features"])
        ]  # fmt: skip
        return data


def _wfs_feature(
    layer: str, i: int, geometry: dict[str, Any], props: dict[str, Any]
) -> dict[str, Any]:
    return {"type": "Feature", "id": f"{layer}.{i + 1}", "geometry": geometry,
            "properties": props}  # fmt: skip


_STARTSWITH = re.compile(r"startswith\(WijkenEnBuurten,'([A-Z]+)'\)")


class PublisherServer:
    """ThreadingHTTPServer on 127.0.0.1 serving `PublisherData`; logs every request."""

    def __init__(self, data: PublisherData, odata_page_size: int = 500) -> None:
        self.data = data
        self.odata_page_size = odata_page_size
        self.requests: list[str] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, format: str, *args: Any) -> None:
                return None

            def do_GET(self) -> None:
                server.requests.append(self.path)
                status, body = server.respond(self.path)
                payload = json.dumps(body).encode("utf-8")
                self.send_response(status)
                self.send_header("Content-Type", "application/json; charset=utf-8")
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.base_url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self) -> PublisherServer:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    def respond(self, raw_path: str) -> tuple[int, Any]:
        parts = urllib.parse.urlsplit(raw_path)
        query = dict(urllib.parse.parse_qsl(parts.query))
        path = parts.path.rstrip("/")
        m = re.fullmatch(r"/ODataApi/odata/(\w+)/DataProperties", path)
        if m and m.group(1) in self.data.properties:
            return 200, {"odata.metadata": f"{self.base_url}/ODataApi/odata/"
                         f"{m.group(1)}/$metadata#Cbs.OData.WebAPI.DataProperties",
                         "value": self.data.properties[m.group(1)]}  # fmt: skip
        m = re.fullmatch(r"/ODataFeed/odata/(\w+)/TypedDataSet", path)
        if m and m.group(1) in self.data.rows:
            return 200, self._typed(m.group(1), query)
        if path in ("/wijkenbuurten/2024/wfs/v1_0", "/bestuurlijkegebieden/wfs/v1_0"):
            return self._wfs(query)
        return 404, {"error": f"onbekend pad {raw_path}"}

    def _typed(self, table: str, query: dict[str, str]) -> dict[str, Any]:
        rows = self.data.rows[table]
        prefixes = tuple(_STARTSWITH.findall(query.get("$filter", "")))
        if prefixes:
            rows = [r for r in rows if r["WijkenEnBuurten"].startswith(prefixes)]
        skip = int(query.get("$skip", "0"))
        page = rows[skip : skip + self.odata_page_size]
        body: dict[str, Any] = {
            "odata.metadata": f"{self.base_url}/ODataFeed/odata/{table}/$metadata"
            "#Cbs.OData.WebAPI.TypedDataSet",
            "value": page,
        }
        if skip + self.odata_page_size < len(rows):
            next_query = dict(query, **{"$skip": str(skip + self.odata_page_size)})
            body["odata.nextLink"] = (
                f"{self.base_url}/ODataFeed/odata/{table}/TypedDataSet?"
                + urllib.parse.urlencode(next_query)
            )
        return body

    def _wfs(self, query: dict[str, str]) -> tuple[int, Any]:
        if query.get("request") != "GetFeature" or query.get("service") != "WFS":
            return 400, {"error": "alleen WFS GetFeature"}
        features = self.data.layers.get(query.get("typeName", ""))
        if features is None:
            return 400, {"error": f"onbekende laag {query.get('typeName')}"}
        start = int(query.get("startIndex", "0"))
        count = int(query.get("count", "1000"))
        page = features[start : start + count]
        return 200, {
            "type": "FeatureCollection",
            "numberMatched": len(features),
            "numberReturned": len(page),
            "timeStamp": "2026-11-27T12:00:00Z",
            "crs": {
                "type": "name",
                "properties": {"name": "urn:ogc:def:crs:EPSG::4326"},
            },
            "features": page,
        }
