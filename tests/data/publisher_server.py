# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""A local stand-in for opendata.cbs.nl and service.pdok.nl, for the sync tests.

It serves the publishers' JSON formats (CBS OData v3 DataProperties/TypedDataSet with
`odata.nextLink` paging; PDOK WFS 2.0 GeoJSON with startIndex/count paging), with
content generated at test time from the real ../shared/data files. The keys follow the
real CBS tables as far as public clients of those tables show them; each list says which
suffixes were seen in such a client and which are inferred from the neighbouring ones,
so the sync's key matching is tested against names it did not generate itself:

- KWB 2024 (85984NED): inhabitants and age groups _5.._12, origin Nederland_17,
  EuropaExclusiefNederland_18, BuitenEuropa_19 (counts; _21.._24 repeat the stems for
  the born-in/born-outside split), HuishoudensTotaal_29 and the household composition
  _30.._32 as counts, GemiddeldeHuishoudensgrootte_33, Bevolkingsdichtheid_34,
  PersonenautoSTotaal_104, AfstandTotHuisartsenpraktijk_110, OppervlakteLand_116,
  MateVanStedelijkheid_120, Omgevingsadressendichtheid_121 seen; OppervlakteWater_117
  inferred.
- KWB 2023 (85618NED): _5.._12 (counts), HuishoudensTotaal_29, _30.._32 counts, _33,
  Woningvoorraad_35, GemiddeldeWOZWaardeVanWoningen_36, PercentageEengezinswoning_37,
  Koopwoningen_41, AfstandTotHuisartsenpraktijk_115, AfstandTotGroteSupermarkt_116 seen;
  the others inferred.
- KWB 2022 (85318NED): the same layout as KWB 2021 (85039NED, seen in full): e.g.
  OpleidingsniveauLaag_64, Nettoarbeidsparticipatie_67, GemGestandaardiseerdInkomenVanHuish_75,
  MediaanVermogenVanParticuliereHuish_82, PersonenautoSTotaal_100, afstanden
  _106/_107/_109, ScholenBinnen3Km_110, OppervlakteTotaal_111, OppervlakteLand_112,
  MateVanStedelijkheid_116. KWB 2022 has no distance to a railway station or hospital.
- SES-WOA (86092NED): WijkenEnBuurten, Perioden "2022JJ00", GemiddeldeScore_29 (total),
  _31, _33, _35 (welvaart, opleiding, arbeidsverleden) seen; the TopicGroup titles are
  inferred. The real CBS gemeente scores could not be obtained here, so the imitation
  serves the household-weighted postcode means of the shared folder as the 2022
  scores, plus an empty later period and wijk rows the sync must skip.
- Regionale kerncijfers (70072NED): RegioS, Perioden, TotaleBevolking_1 seen; the
  household key is not verified.

Like CBS, the odata.nextLink carries the $filter unescaped (with spaces). PDOK's BRK
Bestuurlijke Gebieden is served at its new path (kadaster/brk-bestuurlijke-gebieden);
the old path answers 404.
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
# computed from the percentage, so the sync must convert it back. Column "" = a real
# field the sync does not read (served empty).
KWB_2024 = [
    ("AantalInwoners_5", "inwoners_2024", "aantal"),
    ("Mannen_6", "mannen", "aantal"),
    ("Vrouwen_7", "vrouwen", "aantal"),
    ("k_0Tot15Jaar_8", "pct_0_15", "aantal"),
    ("k_15Tot25Jaar_9", "pct_15_25", "aantal"),
    ("k_25Tot45Jaar_10", "pct_25_45", "aantal"),
    ("k_45Tot65Jaar_11", "pct_45_65", "aantal"),
    ("k_65JaarOfOuder_12", "pct_65plus", "aantal"),
    ("Nederland_17", "herkomst_nederland", "aantal"),
    ("EuropaExclusiefNederland_18", "herkomst_europa_excl_nl", "aantal"),
    ("BuitenEuropa_19", "herkomst_buiten_europa", "aantal"),
    ("EuropaExclusiefNederland_21", "", "aantal"),
    ("BuitenEuropa_22", "", "aantal"),
    ("HuishoudensTotaal_29", "huishoudens", "aantal"),
    ("Eenpersoonshuishoudens_30", "pct_eenpersoonshuishoudens", "aantal"),
    ("HuishoudensZonderKinderen_31", "pct_huishoudens_zonder_kinderen", "aantal"),
    ("HuishoudensMetKinderen_32", "pct_huishoudens_met_kinderen", "aantal"),
    ("GemiddeldeHuishoudensgrootte_33", "gem_huishoudensgrootte", "aantal"),
    ("Bevolkingsdichtheid_34", "bevolkingsdichtheid_per_km2", "aantal per km2"),
    ("GemiddeldeWOZWaardeVanWoningen_39", "", "x 1 000 euro"),
    ("PersonenautoSTotaal_104", "personenautos", "aantal"),
    ("AfstandTotHuisartsenpraktijk_110", "", "km"),
    ("ScholenBinnen3Km_114", "", "aantal"),
    ("OppervlakteLand_116", "oppervlakte_land_ha", "ha"),
    ("OppervlakteWater_117", "oppervlakte_water_ha", "ha"),
    ("MateVanStedelijkheid_120", "stedelijkheid_1_5", "code"),
    ("Omgevingsadressendichtheid_121", "omgevingsadressendichtheid", "per km2"),
]
KWB_2023 = [
    ("AantalInwoners_5", "inwoners_2023", "aantal"),
    ("Mannen_6", "mannen", "aantal"),
    ("Vrouwen_7", "vrouwen", "aantal"),
    ("k_0Tot15Jaar_8", "pct_0_15", "aantal"),
    ("k_15Tot25Jaar_9", "pct_15_25", "aantal"),
    ("k_25Tot45Jaar_10", "pct_25_45", "aantal"),
    ("k_45Tot65Jaar_11", "pct_45_65", "aantal"),
    ("k_65JaarOfOuder_12", "pct_65plus", "aantal"),
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
    ("k_40PersonenMetLaagsteInkomen_73", "", "%"),
    ("k_20PersonenMetHoogsteInkomen_74", "", "%"),
    ("GemGestandaardiseerdInkomenVanHuish_75",
     "gem_gestandaardiseerd_hh_inkomen_x1000_eur", "x 1 000 euro"),
    ("k_40HuishoudensMetLaagsteInkomen_76", "pct_huishoudens_laagste_40pct_inkomen",
     "%"),
    ("k_20HuishoudensMetHoogsteInkomen_77", "pct_huishoudens_hoogste_20pct_inkomen",
     "%"),
    ("HuishOnderOfRondSociaalMinimum_79", "pct_huishoudens_rond_sociaal_minimum", "%"),
    ("MediaanVermogenVanParticuliereHuish_82", "mediaan_vermogen_x1000_eur",
     "x 1 000 euro"),
    ("PercentageJongerenMetJeugdzorg_88", "pct_jongeren_met_jeugdzorg", "%"),
    ("WmoClientenRelatief_90", "wmo_clienten_per_1000", "per 1 000 inwoners"),
    ("BedrijfsvestigingenTotaal_91", "bedrijfsvestigingen", "aantal"),
    ("PersonenautoSTotaal_100", "", "aantal"),
    ("AfstandTotHuisartsenpraktijk_106", "afstand_huisarts_km", "km"),
    ("AfstandTotGroteSupermarkt_107", "afstand_grote_supermarkt_km", "km"),
    ("AfstandTotKinderdagverblijf_108", "", "km"),
    ("AfstandTotSchool_109", "afstand_basisonderwijs_km", "km"),
    ("ScholenBinnen3Km_110", "", "aantal"),
    ("OppervlakteTotaal_111", "", "ha"),
    ("OppervlakteLand_112", "oppervlakte_land_ha", "ha"),
    ("OppervlakteWater_113", "", "ha"),
    ("MateVanStedelijkheid_116", "stedelijkheid_1_5", "code"),
    ("Omgevingsadressendichtheid_117", "", "per km2"),
]  # fmt: skip
# SES-WOA: (key, group title, column of the derived per-gemeente file)
SES_TOPICS = [
    ("GemiddeldeScore_29", "Totaalscore", "ses_woa_total_hh_weighted"),
    ("GemiddeldeScore_31", "Financiële welvaart", "ses_woa_welvaart_hh_weighted"),
    ("GemiddeldeScore_33", "Opleidingsniveau", ""),
    ("GemiddeldeScore_35", "Recent arbeidsverleden", "ses_woa_arbeidsverleden_hh_weighted"),
]  # fmt: skip
SES_TABLE = "86092NED"
REGIONAL_TABLE = "70072NED"
POPULATION_KEYS = [
    ("TotaleBevolking_1", "aantal"),
    ("ParticuliereHuishoudens_86", "aantal"),
]
PROVINCE_PATH = "/kadaster/brk-bestuurlijke-gebieden/wfs/v1_0"


def _read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def _num(text: str) -> int | float | None:
    if text == "":
        return None
    value = float(text)
    return int(value) if value.is_integer() and "." not in text else value


def _topic(
    i: int, key: str, title: str, unit: str, parent: int | None = None
) -> dict[str, Any]:
    return {"odata.type": "Cbs.OData.Topic", "ID": i, "Position": i,
            "ParentID": parent, "Type": "Topic", "Key": key, "Title": title,
            "Datatype": "Double", "Unit": unit, "Decimals": 0, "Default": "Impossible"}  # fmt: skip


def _dimension(i: int, key: str, kind: str, title: str) -> dict[str, Any]:
    return {"odata.type": f"Cbs.OData.{kind}", "ID": i, "Position": i,
            "ParentID": None, "Type": kind, "Key": key, "Title": title}  # fmt: skip


def _properties(keys: list[tuple[str, str, str]]) -> list[dict[str, Any]]:
    dims = [
        _dimension(0, "WijkenEnBuurten", "GeoDimension", "Wijken en buurten"),
        _dimension(1, "Gemeentenaam_1", "GeoDetail", "Gemeentenaam"),
    ]
    topics = [
        _topic(i + 10, key, column or key, unit)
        for i, (key, column, unit) in enumerate(keys)
    ]
    return dims + topics


def _ses_properties() -> list[dict[str, Any]]:
    """Dimensions, then per part a TopicGroup with its GemiddeldeScore topic."""
    out = [
        _dimension(0, "WijkenEnBuurten", "GeoDimension", "Wijken en buurten"),
        _dimension(1, "Perioden", "TimeDimension", "Perioden"),
        {"odata.type": "Cbs.OData.TopicGroup", "ID": 2, "Position": 2, "ParentID": None,
         "Type": "TopicGroup", "Key": "", "Title": "SES-WOA"},
    ]  # fmt: skip
    for i, (key, title, _column) in enumerate(SES_TOPICS):
        group = 10 + 2 * i
        out.append({"odata.type": "Cbs.OData.TopicGroup", "ID": group,
                    "Position": group, "ParentID": 2, "Type": "TopicGroup",
                    "Key": "", "Title": title})  # fmt: skip
        out.append(_topic(group + 1, key, "Gemiddelde score", "getal", group))
    return out


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
    households = _num(src.get("huishoudens", ""))
    for key, column, unit in keys:
        value = _num(src.get(column, "")) if column else None
        if value is not None and column.startswith("pct_") and unit == "aantal":
            base = households if "huishoudens" in column else population
            value = None if base is None else round(value * base / 100)
        row[key] = value
    return row


def _kwb_2024(data_dir: Path) -> list[dict[str, Any]]:
    g24 = _read_csv(data_dir / "gemeenten_2024.csv")
    origin = {
        r["gemeente_code"]: r
        for r in _read_csv(data_dir / "cbs_kwb2024_herkomst_gemeenten.csv")
    }
    wijken = _read_csv(data_dir / "wijken_2024.csv")
    nl = {"inwoners_2024": "17942942"}
    rows = [_row(0, "NL00", "Nederland", "Land", nl, KWB_2024, "inwoners_2024")]
    rows += [
        _row(i, r["gemeentecode"], r["gemeentenaam"], "Gemeente",
             r | origin.get(r["gemeentecode"], {}), KWB_2024, "inwoners_2024")
        for i, r in enumerate(g24, start=1)
    ]  # fmt: skip
    rows += [
        _row(i, r["wijkcode"], r["gemeentenaam"], "Wijk", r, KWB_2024, "inwoners_2024")
        for i, r in enumerate(wijken, start=len(rows))
    ]  # fmt: skip
    return rows


def _ses_rows(data_dir: Path) -> list[dict[str, Any]]:
    derived = _read_csv(data_dir / "ses_woa_gemeenten_2022_afgeleid_uit_pc4.csv")
    rows: list[dict[str, Any]] = []
    for period in ("2022JJ00", "2023JJ00"):  # 2023: not filled yet in this imitation
        for r in derived:
            row: dict[str, Any] = {"ID": len(rows), "WijkenEnBuurten": r["gemeente_code"].ljust(10), "Perioden": period}  # fmt: skip
            for key, _title, column in SES_TOPICS:
                row[key] = _num(r[column]) if column and period == "2022JJ00" else None
            rows.append(row)
    rows.append({"ID": len(rows), "WijkenEnBuurten": "WK036300  ", "Perioden": "2022JJ00",
                 "GemiddeldeScore_29": 0.5})  # fmt: skip
    return rows


def _population_rows(data_dir: Path) -> list[dict[str, Any]]:
    def row(code: str, period: str, population: str, households: str) -> dict[str, Any]:
        return {"RegioS": code.ljust(8), "Perioden": period,
                "TotaleBevolking_1": _num(population),
                "ParticuliereHuishoudens_86": _num(households)}  # fmt: skip

    rows = [row("NL01", "2025JJ00", "18044027", "")]
    rows += [
        row(r["gemeentecode"], "2024JJ00", r["inwoners_2024"], r["huishoudens"])
        for r in _read_csv(data_dir / "gemeenten_2024.csv")
    ]
    rows += [
        row(r["gemeente_code"], "2025JJ00", r["totale_bevolking_1jan2025"],
            r["particuliere_huishoudens_2025"])
        for r in _read_csv(data_dir / "cbs_bevolking_2025-01-01_gemeenten.csv")
    ]  # fmt: skip
    rows.append(row("GM0457", "2025JJ00", "", ""))  # Weesp: merged, no figure any more
    for i, r in enumerate(rows):
        r["ID"] = i
    return rows


@dataclass
class PublisherData:
    """The responses, built once per test session from the real files."""

    properties: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    rows: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    layers: dict[str, list[dict[str, Any]]] = field(default_factory=dict)

    @classmethod
    def from_shared(cls, data_dir: Path) -> PublisherData:
        data = cls()
        g23 = _read_csv(data_dir / "gemeenten_2023.csv")
        g22 = _read_csv(data_dir / "gemeenten_kwb2022_indicatoren.csv")
        data.rows["85984NED"] = _kwb_2024(data_dir)
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
        data.rows[SES_TABLE] = _ses_rows(data_dir)
        data.rows[REGIONAL_TABLE] = _population_rows(data_dir)
        data.properties = {
            "85984NED": _properties(KWB_2024),
            "85618NED": _properties(KWB_2023),
            "85318NED": _properties(KWB_2022),
            SES_TABLE: _ses_properties(),
            REGIONAL_TABLE: [
                _dimension(0, "RegioS", "GeoDimension", "Regio's"),
                _dimension(1, "Perioden", "TimeDimension", "Perioden"),
            ]
            + [_topic(i + 2, k, k, u) for i, (k, u) in enumerate(POPULATION_KEYS)],
        }
        data.layers = _layers(data_dir)
        return data


def _layers(data_dir: Path) -> dict[str, list[dict[str, Any]]]:
    layers = {}
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
    for props in (
        {"gemeentecode": "GM0363", "gemeentenaam": "Amsterdam", "water": "JA"},
        {"gemeentecode": "GM0998", "gemeentenaam": "Buitenland", "water": "NEE"},
    ):
        features.append(_wfs_feature("gemeenten", len(features), square, props))
    layers["wijkenbuurten:gemeenten"] = features
    wk = json.loads((data_dir / "wijken_2024.geojson").read_text("utf-8"))
    layers["wijkenbuurten:wijken"] = [
        _wfs_feature("wijken", i, f["geometry"], {
            "wijkcode": f["properties"]["wijkcode"],
            "wijknaam": f["properties"]["wijknaam"],
            "gemeentecode": f["properties"]["gemeentecode"],
            # one water-only wijk: it must be kept (no land part to prefer)
            "water": "JA" if i == 0 else "NEE"})
        for i, f in enumerate(wk["features"])
    ]  # fmt: skip
    pv = json.loads((data_dir / "provincies.geojson").read_text("utf-8"))
    layers["bestuurlijkegebieden:Provinciegebied"] = [
        _wfs_feature("Provinciegebied", i, f["geometry"], {
            "code": f["properties"]["provinciecode"][2:],
            "naam": f["properties"]["provincienaam"]})
        for i, f in enumerate(pv["features"])
    ]  # fmt: skip
    return layers


def _wfs_feature(
    layer: str, i: int, geometry: dict[str, Any], props: dict[str, Any]
) -> dict[str, Any]:
    return {"type": "Feature", "id": f"{layer}.{i + 1}", "geometry": geometry,
            "properties": props}  # fmt: skip


_STARTSWITH = re.compile(r"startswith\((\w+),'([A-Z0-9]+)'\)")
_EQ = re.compile(r"(\w+) eq '([^']*)'")


def matches(row: dict[str, Any], flt: str) -> bool:
    """The subset of OData $filter the sync uses: startswith clauses joined by 'or',
    and 'eq' clauses joined by 'and' (each must hold)."""
    prefixes: dict[str, list[str]] = {}
    for fld, prefix in _STARTSWITH.findall(flt):
        prefixes.setdefault(fld, []).append(prefix)
    for fld, options in prefixes.items():
        if not str(row.get(fld, "")).startswith(tuple(options)):
            return False
    return all(str(row.get(f, "")).strip() == v for f, v in _EQ.findall(flt))


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
        if path in ("/wijkenbuurten/2024/wfs/v1_0", PROVINCE_PATH):
            return self._wfs(query)
        return 404, {"error": f"onbekend pad {raw_path}"}

    def _typed(self, table: str, query: dict[str, str]) -> dict[str, Any]:
        rows = [
            r for r in self.data.rows[table] if matches(r, query.get("$filter", ""))
        ]
        skip = int(query.get("$skip", "0"))
        page = rows[skip : skip + self.odata_page_size]
        body: dict[str, Any] = {
            "odata.metadata": f"{self.base_url}/ODataFeed/odata/{table}/$metadata"
            "#Cbs.OData.WebAPI.TypedDataSet",
            "value": page,
        }
        if skip + self.odata_page_size < len(rows):
            next_query = dict(query, **{"$skip": str(skip + self.odata_page_size)})
            # like CBS: the query is not escaped, so the $filter keeps its spaces
            body["odata.nextLink"] = (
                f"{self.base_url}/ODataFeed/odata/{table}/TypedDataSet?"
                + "&".join(f"{k}={v}" for k, v in next_query.items())
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
