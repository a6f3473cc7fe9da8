# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""The scenario pages end to end: form -> core ensemble -> result, comparison, errors."""

from __future__ import annotations

import re
from pathlib import Path

from django.contrib.auth.models import Permission, User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

import pytest
import yaml
from tests.scenarios.conftest import SMALL_RUNS
from tests.scenarios.scenario_support import make_run

from migratieketen.chain import ChainScenario, builtin_scenario, run_ensemble
from migratieketen_web.scenarios import limits
from migratieketen_web.scenarios.models import RunStatus, ScenarioRun

pytestmark = pytest.mark.django_db


def _start(client: Client, **fields: object) -> ScenarioRun:
    data = {"instroom": "piek2015", "runs": str(SMALL_RUNS), "seed": "7", **fields}
    response = client.post("/scenarios", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    run = ScenarioRun.objects.get(uuid=response["Location"].rsplit("/", 1)[1])
    assert run.status == RunStatus.DONE, run.error
    return run


def test_index_offers_one_click_presets_and_the_form(client: Client) -> None:
    html = client.get("/scenarios").content.decode()
    assert "Reken door: Piek zoals 2015" in html
    assert "Reken door: Dal zoals 2020" in html
    for name in (
        "instroom",
        "scenario_bestand",
        "capaciteit_noodopvang",
        "urgentie",
        "tussenvoorziening",
        "extra_ind",
        "runs",
        "seed",
    ):
        assert f'name="{name}"' in html
    assert "Nog geen berekeningen" in html


def test_one_click_peak_shows_where_and_when_crisis_shelter_is_needed(
    client: Client,
) -> None:
    response = client.post("/scenarios", {"preset": "piek2015"}, follow=True)
    assert response.status_code == 200
    run = ScenarioRun.objects.get()
    assert run.runs == SMALL_RUNS and run.inflow_choice == "piek2015"
    assert run.definition == {
        **builtin_scenario("piek2015").to_dict(),
        "runs": SMALL_RUNS,
    }
    html = response.content.decode()
    assert "Waar en wanneer crisisopvang nodig is en wat het kost" in html
    # A 2015-style peak on today's capacity needs crisis places in named months.
    assert re.search(r"crisisnoodopvang nodig in \d+ maanden: \w+ 20\d\d", html)
    assert "crisisplaatsen op de piek (mediaan)" in html
    assert re.search(r"€\s[\d,.]+\s(mld|mln) extra", html)
    # The cost parameters and their sources, with the COA 2023 figures.
    assert "€\u00a030.400" in html and "€\u00a069.400" in html
    assert "COA, Jaarverslag 2023" in html
    assert html.count("Bron:") >= 4
    # Fan charts with a text alternative and a table each.
    assert html.count('class="mk-fan__svg"') == 8
    assert html.count('class="mk-fan__band90"') >= 7
    assert '<title id="svg-occ_crisis-titel">' in html
    assert "Tabel: Crisisnoodopvang nodig (plaatsen)" in html
    assert "Tabel: Inburgeraars in een traject" in html
    # The per-gemeente map reuses the national map partial, and lists all gemeenten.
    assert html.count('class="mk-area mk-bin-') == 342
    assert "342 gemeenten" in html
    # With a crisis need, the map shows where by default.
    assert "Kaart van de gemeenten: Crisisnoodopvang bij de piek" in html
    assert 'href="?indicator=crisis_places_peak#per-gemeente"' in html
    # Where: the largest gemeenten carry most of the indicative crisis need.
    crisis = html.split('id="crisis"', 1)[1].split('id="grafieken"', 1)[0]
    assert "Amsterdam" in crisis


def test_form_applies_levers_and_matches_the_core_with_the_same_seed(
    client: Client, shared_data_dir: Path
) -> None:
    run = _start(
        client,
        capaciteit_noodopvang="30000",
        tussenvoorziening="2000",
        urgentie="on",
        naam="Piek met hefbomen",
    )
    scenario = ChainScenario.from_dict(run.definition)
    assert run.name == "Piek met hefbomen"
    assert scenario.capacity[0].noodopvang == 30000
    assert scenario.capacity[0].regular == 52000  # kept from piek2015
    assert scenario.levers.tussenvoorziening_places == 2000
    assert scenario.levers.urgency_scheme is True
    assert (scenario.runs, scenario.seed) == (SMALL_RUNS, 7)
    direct = run_ensemble(scenario, shared_data_dir).to_dict()
    assert run.result["series"]["occ_crisis"] == direct["series"]["occ_crisis"]
    assert run.result["summary"] == direct["summary"]


def test_same_seed_same_result_other_seed_other_result(client: Client) -> None:
    a = _start(client)
    b = _start(client)
    c = _start(client, seed="8")
    assert a.result["series"]["coa_total"] == b.result["series"]["coa_total"]
    assert a.result["series"]["coa_total"] != c.result["series"]["coa_total"]


def test_trough_needs_no_crisis_shelter(client: Client) -> None:
    html = client.post(
        "/scenarios", {"preset": "dal2020"}, follow=True
    ).content.decode()
    assert "Dal zoals 2020" in html
    assert "in geen enkele maand crisisnoodopvang nodig" in html
    assert "Kaart van de gemeenten: Wachtende statushouders aan het eind" in html


def test_comparison_page_shows_both_runs_side_by_side(client: Client) -> None:
    peak = _start(client)
    trough = _start(client, instroom="dal2020")
    html = client.get(
        f"/scenarios/vergelijk?a={peak.uuid}&b={trough.uuid}"
    ).content.decode()
    assert "Piek zoals 2015 naast Dal zoals 2020" in html
    assert "Piek crisisnoodopvang (mediaan)" in html
    assert html.count('class="mk-fan__svg"') == 4
    assert html.count("mk-fan__line--1") >= 4  # the second scenario's median
    assert "Tabel: Personen in COA-opvang" in html
    # The result page links to the comparison.
    detail = client.get(f"/scenarios/{peak.uuid}").content.decode()
    assert f'value="{trough.uuid}"' in detail


def test_comparison_of_unknown_runs_is_a_dutch_404(client: Client) -> None:
    response = client.get(
        "/scenarios/vergelijk?a=nee&b=00000000-0000-0000-0000-000000000000"
    )
    assert response.status_code == 404
    assert "Kies twee afgeronde scenarioruns." in response.content.decode()
    assert client.get("/scenarios/vergelijk").status_code == 200


def test_progress_page_refreshes_itself_without_javascript(client: Client) -> None:
    run = make_run(RunStatus.RUNNING, progress=40, name="wacht")
    html = client.get(f"/scenarios/{run.uuid}").content.decode()
    assert '<meta http-equiv="refresh" content="2">' in html
    assert '<progress id="voortgang" max="100" value="40">' in html
    assert "Bezig met rekenen: 40 %" in html
    assert "<script" not in html.split("<footer", 1)[0]


def test_a_queued_run_without_a_worker_says_so(client: Client) -> None:
    run = make_run(RunStatus.QUEUED, name="wacht")
    html = client.get(f"/scenarios/{run.uuid}").content.decode()
    assert "In de wachtrij: 0 %" in html
    assert "Er draait nu geen rekenwerker" in html


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"name: x\ninflow: [1, 2\n", "Scenario: geen geldige YAML"),
        (b"name: x\nkleur: rood\n", "onbekende sleutel(s) kleur"),
        (
            b"name: x\ninflow:\n  kind: piek\n",
            "Instroom: soort &#x27;piek&#x27; onbekend",
        ),
        (b"name: x\nmonths: 0\n", "&#x27;months&#x27; moet tussen 1 en 600 liggen"),
        (b"\xff\xfe", "geen tekst in UTF-8"),
    ],
)
def test_bad_yaml_upload_gives_the_dutch_error_and_creates_nothing(
    client: Client, content: bytes, message: str
) -> None:
    upload = SimpleUploadedFile(
        "scenario.yaml", content, content_type="application/yaml"
    )
    response = client.post(
        "/scenarios", {"instroom": "yaml", "scenario_bestand": upload, "runs": "10"}
    )
    assert response.status_code == 400
    assert message in response.content.decode()
    assert ScenarioRun.objects.count() == 0


def test_yaml_upload_missing_file_and_too_many_runs_create_nothing(
    client: Client,
) -> None:
    response = client.post("/scenarios", {"instroom": "yaml", "runs": "10"})
    assert "Kies een YAML-bestand" in response.content.decode()
    response = client.post(
        "/scenarios", {"instroom": "piek2015", "runs": str(limits.MAX_RUNS + 1)}
    )
    assert response.status_code == 400
    assert ScenarioRun.objects.count() == 0


def test_downloaded_yaml_uploads_again_to_the_same_scenario(client: Client) -> None:
    run = _start(client, tussenvoorziening="500")
    text = client.get(f"/scenarios/{run.uuid}/scenario.yaml").content
    assert ChainScenario.from_yaml(text.decode()).to_dict() == run.definition
    upload = SimpleUploadedFile("s.yaml", text, content_type="application/yaml")
    again = _start(client, instroom="yaml", scenario_bestand=upload)
    assert again.definition == run.definition
    assert again.result["summary"] == run.result["summary"]


def test_too_many_active_runs_are_refused(client: Client) -> None:
    for i in range(limits.max_active()):
        make_run(RunStatus.QUEUED, name=f"bezig {i}")
    response = client.post("/scenarios", {"preset": "piek2015"})
    assert response.status_code == 429
    assert "probeer het over een minuut opnieuw" in response.content.decode()
    assert ScenarioRun.objects.count() == limits.max_active()


def _section(client: Client) -> str:
    html = client.get("/gemeenten/GM0363").content.decode()
    return html.split('id="keten-scenario"', 1)[1].split("</section>", 1)[0]


def _publisher() -> User:
    user = User.objects.create_user("redactie", password="x" * 12, is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="publish_scenariorun"))
    return user


def test_gemeente_page_shows_only_a_published_run_else_the_builtin_scenarios(
    client: Client,
) -> None:
    """Issue 9 item 5: an anonymous run (here named to look official) is visible
    to its starter through its link, never on a public gemeente page."""
    assert "Nog geen gepubliceerd scenario" in _section(client)
    assert "Piek zoals 2015" in _section(client)  # the built-in scenarios instead
    run = _start(client, naam="OFFICIEEL Ministerie: 1 miljoen asielzoekers")
    section = _section(client)
    assert "OFFICIEEL" not in section and f"/scenarios/{run.uuid}" not in section
    assert client.get(f"/scenarios/{run.uuid}").status_code == 200
    assert "OFFICIEEL" not in Client().get("/scenarios").content.decode()
    assert "OFFICIEEL" in client.get("/scenarios").content.decode()  # the starter's

    # Anonymous and staff without the permission cannot publish.
    assert client.post(f"/scenarios/{run.uuid}/publiceren").status_code == 403
    staff = User.objects.create_user("staf", password="x" * 12, is_staff=True)
    client.force_login(staff)
    assert client.post(f"/scenarios/{run.uuid}/publiceren").status_code == 403
    assert "OFFICIEEL" not in _section(client)

    client.force_login(_publisher())
    detail = client.get(f"/scenarios/{run.uuid}").content.decode()
    assert "Publiceren op de gemeentepagina" in detail
    response = client.post(f"/scenarios/{run.uuid}/publiceren")
    assert response.status_code == 302
    section = _section(Client())
    assert f"/scenarios/{run.uuid}" in section
    assert "Gepubliceerd scenario" in section
    assert "Wachtend op een woning aan het eind" in section
    assert "Crisisplaatsen op de piek" in section
    assert "Bron: ketenmodel Migratieketen" in section


def test_map_choice_and_sorting_follow_the_query(client: Client) -> None:
    run = _start(client)
    html = client.get(
        f"/scenarios/{run.uuid}?indicator=crisis_places_peak&sorteer=naam"
    ).content.decode()
    assert (
        "Crisisnoodopvang bij de piek (indicatief, naar inwoneraandeel), mediaan"
        in html
    )
    table = html.split('id="tabel-titel"', 1)[1]
    names = re.findall(
        r'<a class="utrecht-link" href="/gemeenten/GM\d{4}">([^<]+)</a>', table
    )
    assert "Aa en Hunze" in names[:3]  # by name (the gemeenten app folds names)
    assert (
        yaml.safe_load(client.get(f"/scenarios/{run.uuid}/scenario.yaml").content)[
            "name"
        ]
        == "piek2015"
    )


def test_preset_examples_download_as_valid_scenarios(client: Client) -> None:
    for key in ("piek2015", "dal2020", "basis", "historie"):
        response = client.get(f"/scenarios/voorbeeld/{key}.yaml")
        assert response.status_code == 200
        assert ChainScenario.from_yaml(response.content.decode()).name == key
    assert client.get("/scenarios/voorbeeld/onbekend.yaml").status_code == 404


def test_scenario_the_core_cannot_resolve_creates_nothing(client: Client) -> None:
    text = b"name: kort\nmonths: 12\ninflow:\n  kind: monthly\n  monthly: [100, 200]\n"
    upload = SimpleUploadedFile("kort.yaml", text, content_type="application/yaml")
    response = client.post(
        "/scenarios", {"instroom": "yaml", "scenario_bestand": upload, "runs": "10"}
    )
    assert response.status_code == 400
    assert "2 maandcijfers, maar het scenario duurt 12 maanden" in (
        response.content.decode()
    )
    assert ScenarioRun.objects.count() == 0


def test_history_replay_runs_from_the_form(client: Client) -> None:
    run = _start(client, instroom="historie")
    assert run.definition["inflow"]["kind"] == "historie"
    assert run.result["months"][0] == "2013-01"
    html = client.get(f"/scenarios/{run.uuid}").content.decode()
    assert "Historie 2013-2024" in html and 'class="mk-fan__svg"' in html


def test_admin_lists_runs_read_only(admin_client: Client) -> None:
    run = _start(admin_client)
    assert admin_client.get("/beheer/scenarios/scenariorun/").status_code == 200
    page = admin_client.get(f"/beheer/scenarios/scenariorun/{run.pk}/change/")
    assert page.status_code == 200 and run.name in page.content.decode()
    assert admin_client.get("/beheer/scenarios/scenariorun/add/").status_code == 403


def test_every_page_links_to_the_scenarios(client: Client) -> None:
    assert 'href="/scenarios"' in client.get("/").content.decode()
