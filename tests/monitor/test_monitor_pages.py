# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Monitor pages on the real open data: national, province, gemeente, hoe berekend."""

from __future__ import annotations

import re
from datetime import date

from django.test import Client

import pytest
from monitor_support import expected_taakstelling

from migratieketen.data.population_history import PopulationTable
from migratieketen.rules import huisvestingswet as hw
from migratieketen_web.gemeenten.formatting import format_number
from migratieketen_web.gemeenten.models import Gemeente
from migratieketen_web.monitor import models
from migratieketen_web.monitor.services import MonitorData

pytestmark = pytest.mark.django_db

ROTTERDAM = "GM0599"  # Zuid-Holland: escalation after four missed half-years


def _realisation(code: str, day: date, persons: int, ref: str = "") -> None:
    models.Realisation.objects.create(
        gemeente=Gemeente.objects.get(code=code),
        housed_on=day,
        persons=persons,
        reference=ref,
        key=f"kenmerk:{ref}" if ref else f"test:{code}:{day}:{persons}",
        source=models.RealisationSource.WEB,
    )


def test_run_is_the_latest_unbroken_series_with_vg_and_population() -> None:
    data = MonitorData()
    assert hw.HalfYear(2025, 1) in data.run and hw.HalfYear(2025, 2) in data.run
    # 2024-2 has no published vg: the ledger cannot bridge it, so it starts after.
    assert hw.HalfYear(2024, 2) not in data.computable
    assert data.run[0] == hw.HalfYear(2025, 1)
    assert any("2024-2" in note for note in data.gaps)


def test_national_page_sums_the_core_taakstellingen(
    client: Client, population_2024: PopulationTable
) -> None:
    response = client.get("/monitor")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Monitor huisvesting statushouders: Nederland" in html
    vg = hw.national_number(hw.HalfYear(2025, 1)).value("final")
    total = hw.compute_taakstelling(
        vg,
        population_2024.populations,
        national_population=population_2024.national_total,
        half_year=hw.HalfYear(2025, 1),
    ).total
    row = html.split('<th class="utrecht-table__header-cell" scope="row">2025-1</th>')[
        1
    ]
    row = row.split("</tr>", 1)[0]
    assert format_number(vg) in row and format_number(total) in row
    # The trend chart is inline SVG with a text title, plus the table alternative.
    assert '<svg viewBox="0 0 640 280" role="img"' in html
    assert html.count('class="mk-chart__bar--0"') >= 2
    # SVG coordinates are plain numbers, never in the Dutch "240,0" notation.
    svg = html.split('<svg viewBox="0 0 640 280"', 1)[1].split("</svg>", 1)[0]
    coords = re.findall(r'\b(?:x|y|width|height|y1|y2)="([^"]*)"', svg)
    assert coords and all(re.fullmatch(r"-?\d+(\.\d+)?", c) for c in coords)
    assert len(re.findall(r'href="/monitor/provincies/PV\d\d"', html)) == 12
    assert "Bron vg 2025-1: 17.700, bijgesteld tot 15.000" in html
    assert "Bron: CBS" in html


def test_province_page_lists_its_gemeenten_with_status_and_supervision(
    client: Client,
) -> None:
    html = client.get("/monitor/provincies/PV28").content.decode()
    codes = set(re.findall(r'href="/monitor/gemeenten/(GM\d{4})"', html))
    assert codes == set(
        Gemeente.objects.filter(province__code="PV28").values_list("code", flat=True)
    )
    # An empty register is missing information, not an achterstand: no toezicht.
    assert "niet geregistreerd" in html and "informatieverzoek" not in html
    # Rotterdam registers far too few in both half-years: the toezicht ladder of
    # the parameters gives its second step for Rotterdam only.
    _realisation(ROTTERDAM, date(2025, 3, 15), 1)
    html = client.get("/monitor/provincies/PV28").content.decode()
    assert html.count("informatieverzoek") >= 1
    assert f'href="/monitor/berekening/toezicht/{ROTTERDAM}"' in html
    assert client.get("/monitor/provincies/PV99").status_code == 404


def test_gemeente_ledger_carries_over_and_counts_by_peildatum(
    client: Client, population_2024: PopulationTable
) -> None:
    t1 = expected_taakstelling(population_2024, "2025-1", ROTTERDAM)
    t2 = expected_taakstelling(population_2024, "2025-2", ROTTERDAM)
    _realisation(ROTTERDAM, date(2025, 3, 15), 30)  # before peildatum 1 April
    _realisation(ROTTERDAM, date(2025, 5, 2), 20)  # after it, same half-year
    _realisation(ROTTERDAM, date(2025, 8, 1), t2 + t1)  # catches up in 2025-2
    data = MonitorData()
    gm = data.gemeente(ROTTERDAM)
    first, second = gm.report.half_years
    assert (first.taakstelling, first.realised, first.carry_out) == (t1, 50, t1 - 50)
    assert gm.at_peildatum[first.half_year].realised == 30
    assert second.opgave == t1 - 50 + t2 and second.carry_out == -50
    assert second.status == "voorsprong"
    html = client.get(f"/monitor/gemeenten/{ROTTERDAM}").content.decode()
    assert "Monitor huisvesting statushouders: Rotterdam" in html
    assert f'href="/monitor/berekening/taakstelling/{ROTTERDAM}/2025-1"' in html
    assert f'href="/monitor/berekening/peildatum/{ROTTERDAM}/2025-1"' in html
    assert "1 april: 30 gehuisvest" in html
    assert "voorsprong" in html and "−50" in html
    register = html.split('id="realisaties"', 1)[1].split("</section>", 1)[0]
    assert "3 realisaties van Rotterdam" in register and "15-03-2025" in register


def test_opening_balance_and_coa_linkage_feed_the_core(client: Client) -> None:
    gemeente = Gemeente.objects.get(code=ROTTERDAM)
    models.OpeningBalance.objects.create(
        gemeente=gemeente, half_year="2025-1", balance=40, source_text="test"
    )
    models.CoaLinkage.objects.create(
        gemeente=gemeente, half_year="2025-1", linked=3, source_text="test"
    )
    gm = MonitorData().gemeente(ROTTERDAM)
    first = gm.report.half_years[0]
    assert first.carry_in == 40 and first.opgave == first.taakstelling + 40
    assert first.status == "buiten schuld"  # COA linked 3, fewer than the opgave
    # Buiten schuld does not count as missed: one missed half-year, first step.
    assert gm.report.supervision is not None
    assert gm.report.supervision.step == "signalering"


def test_regional_agreement_moves_taakstelling_between_gemeenten(
    client: Client,
) -> None:
    agreement = models.RegionalAgreement.objects.create(
        name="Rijnmond-test", half_year="2025-1"
    )
    models.RegionalAgreementShare.objects.create(
        agreement=agreement, gemeente=Gemeente.objects.get(code=ROTTERDAM), delta=-5
    )
    models.RegionalAgreementShare.objects.create(
        agreement=agreement, gemeente=Gemeente.objects.get(code="GM0606"), delta=5
    )
    data = MonitorData()
    hy = hw.HalfYear(2025, 1)
    plain = data.taakstelling(hy).values()
    adjusted = data.adjusted(hy)[0]
    assert adjusted[ROTTERDAM] == plain[ROTTERDAM] - 5
    assert adjusted["GM0606"] == plain["GM0606"] + 5
    assert sum(adjusted.values()) == sum(plain.values())
    html = client.get(
        f"/monitor/berekening/taakstelling/{ROTTERDAM}/2025-1"
    ).content.decode()
    assert "art. 29 lid 2" in html and "Rijnmond-test" in html


def test_explanation_page_shows_article_inputs_and_arithmetic(
    client: Client, population_2024: PopulationTable
) -> None:
    _realisation(ROTTERDAM, date(2025, 3, 15), 1)  # registered, far behind: toezicht
    response = client.get("/monitor/berekening/taakstelling/GM0363/2025-1")
    assert response.status_code == 200
    html = response.content.decode()
    pop = population_2024.populations["GM0363"]
    assert "art. 29 lid 1 Huisvestingswet 2014" in html
    assert (
        'href="https://wetten.overheid.nl/jci1.3:c:BWBR0035303&amp;artikel=29&amp;lid=1"'
        in html
    )
    assert f"15000 x {pop} / {population_2024.national_total} = " in html
    assert "iG (inwoners gemeente)" in html
    assert "Bron: CBS" in html and "Bron vg 2025-1" in html
    for url in (
        f"/monitor/berekening/saldo/{ROTTERDAM}/2025-2",
        f"/monitor/berekening/peildatum/{ROTTERDAM}/2025-1",
        f"/monitor/berekening/toezicht/{ROTTERDAM}",
        "/monitor/berekening/vg/2023-2",
        f"/monitor/berekening/spreiding/gemeenten/{ROTTERDAM}",
        "/monitor/berekening/spreiding/provincies/PV28",
    ):
        page = client.get(url)
        assert page.status_code == 200, url
        assert "Rekensom" in page.content.decode(), url
    missing = client.get("/monitor/berekening/saldo/GM0363/2024-2")
    assert missing.status_code == 404
    assert "niet berekend" in missing.content.decode()
    assert (
        client.get("/monitor/berekening/taakstelling/GM9999/2025-1").status_code == 404
    )


def test_taakstelling_page_lists_every_gemeente(client: Client) -> None:
    html = client.get("/monitor/taakstelling/2025-1").content.decode()
    assert html.count('href="/monitor/berekening/taakstelling/GM') == 342
    assert client.get("/monitor/taakstelling/2024-2").status_code == 404
    assert client.get("/monitor/taakstelling/nonsens").status_code == 404


def test_spreiding_page_uses_ses_woa_and_offers_labelled_comparisons(
    client: Client,
) -> None:
    html = client.get("/spreiding").content.decode()
    assert "Let op: dit is niet de officiële verdeling." not in html
    assert "Gewogen met: CBS SES-WOA per postcode (peildatum 01-01-2022)" in html
    assert "peiljaar 2022" in html
    assert "AANNAME: de vorm van de weging" in html
    assert "Bron: CBS, Sociaal-economische status per viercijferige postcode" in html
    assert "Terschelling (GM0093): maar 88,5 %" in html  # low postcode coverage
    assert "96.000" in html
    assert 'id="zoek-q" name="q" type="search" value=""' in html  # header untouched
    assert html.count('href="/monitor/berekening/spreiding/gemeenten/GM') == 342
    plain = client.get("/spreiding?ses=geen").content.decode()
    assert "Let op: dit is niet de officiële verdeling." in plain
    assert "SES-WOA-scores niet geladen" in plain
    proxy = client.get("/spreiding?ses=schatting&raming=50000").content.decode()
    assert "SCHATTING: SES-WOA benaderd met KWB-indicatoren" in proxy
    assert "50.000" in proxy
    how = client.get(
        "/monitor/berekening/spreiding/gemeenten/GM0599?ses=schatting&raming=50000"
    ).content.decode()
    assert "SES-WOA-schatting: berekend door Migratieketen" in how
    assert 'href="/spreiding?raming=50000&amp;ses=schatting"' in how
    weighted = client.get("/monitor/berekening/spreiding/gemeenten/GM0917").content
    assert "x (1 + -0.2905)" in weighted.decode()  # Heerlen, lowest SES-WOA
    assert "SES-WOA: CBS SES-WOA per postcode" in weighted.decode()
    # no CBS gemeente table in the shared folder: said, and the default is used
    cbs = client.get("/spreiding?ses=cbs").content.decode()
    assert "geen SES-WOA-CBS-gemeentecijfers" in cbs
    assert "Gewogen met: CBS SES-WOA per postcode" in cbs
    bad = client.get("/spreiding?raming=veel").content.decode()
    assert "De capaciteitsraming moet een geheel getal" in bad


def test_gemeente_page_fills_huisvesting_and_opvang_sections(
    client: Client, population_2024: PopulationTable
) -> None:
    _realisation(ROTTERDAM, date(2025, 9, 1), 12)
    html = client.get(f"/gemeenten/{ROTTERDAM}").content.decode()
    huisvesting = html.split('id="keten-huisvesting"', 1)[1].split("</section>", 1)[0]
    t2 = expected_taakstelling(population_2024, "2025-2", ROTTERDAM)
    assert "Taakstelling 2025-2" in huisvesting
    assert f">{format_number(t2)}</a>" in huisvesting
    assert f'href="/monitor/berekening/taakstelling/{ROTTERDAM}/2025-2"' in huisvesting
    assert ">12<" in huisvesting  # gehuisvest
    assert f'href="/monitor/gemeenten/{ROTTERDAM}"' in huisvesting
    opvang = html.split('id="keten-opvang"', 1)[1].split("</section>", 1)[0]
    assert "Opvangplaatsen (Spreidingswet)" in opvang
    assert "Niet de officiële verdeling" not in opvang
    assert "Inwoners x (1 + SES-WOA -0,220)" in opvang  # Rotterdam
    assert "peiljaar 2022" in opvang and "AANNAME" in opvang
    assert "Bron: CBS, Sociaal-economische status per viercijferige postcode" in opvang
    lvv = html.split('id="keten-lvv"', 1)[1].split("</section>", 1)[0]
    assert "Pilot-evaluatie" in lvv  # the register's shares next to the pilot's
    werk = html.split('id="keten-arbeidsmigranten"', 1)[1].split("</section>", 1)[0]
    assert "huisvestingsregister arbeidsmigranten" in werk  # the register's aggregates
    inburgering = html.split('id="keten-inburgering"', 1)[1].split("</section>", 1)[0]
    assert "inburgeringsregister" in inburgering  # the register's aggregates


def test_stand_on_a_peildatum_shows_the_half_year_running(client: Client) -> None:
    _realisation(ROTTERDAM, date(2025, 3, 15), 30)
    _realisation(ROTTERDAM, date(2025, 5, 2), 20)  # after the stand: not counted
    html = client.get(
        f"/monitor/gemeenten/{ROTTERDAM}?stand=2025-04-01"
    ).content.decode()
    assert '<strong aria-current="true">1 april 2025</strong>' in html
    row = html.split('scope="row">2025-1</th>', 1)[1].split("</tr>", 1)[0]
    assert "lopend" in row and "<td" in row
    assert 'scope="row">2025-2</th>' not in html  # not started on 1 April 2025
    assert (
        f'href="/monitor/berekening/saldo/{ROTTERDAM}/2025-1?stand=2025-04-01"' in html
    )
    national = client.get("/monitor?stand=2025-04-01").content.decode()
    row = national.split('scope="row">2025-1</th>', 1)[1].split("</tr>", 1)[0]
    housed = re.findall(r'title="Som van de gemeenten">([\d.]+)</a>', row)
    assert housed[1] == "30"  # opgave, housed by 1 April, remaining
    # Exports follow the stand too.
    export = client.get(f"/monitor/gemeenten/{ROTTERDAM}/export.csv?stand=2025-04-01")
    data = export.content.decode("utf-8-sig").split("\r\n\r\n", 1)[0]
    assert data.count("\r\n") == 1  # header + 2025-1, then the sources


@pytest.mark.parametrize("stand", ["gisteren", "2014-12-31", "2999-01-01"])
def test_bad_stand_is_a_clear_400(client: Client, stand: str) -> None:
    response = client.get(f"/monitor?stand={stand}")
    assert response.status_code == 400
    assert "stand" in response.content.decode().lower()


def test_national_sums_link_to_their_terms(client: Client) -> None:
    _realisation(ROTTERDAM, date(2025, 3, 15), 30)
    _realisation("GM0363", date(2025, 2, 1), 12)
    national = client.get("/monitor").content.decode()
    assert 'href="/monitor/som/2025-1"' in national
    html = client.get("/monitor/som/2025-1").content.decode()
    assert html.count('href="/monitor/berekening/taakstelling/GM') == 342
    foot = html.split("<tfoot>", 1)[1]
    assert re.findall(r">([\d.]+)</td>", foot)[2] == "42"  # housed: 30 + 12
    province = client.get("/monitor/som/2025-1?provincie=PV28").content.decode()
    assert province.count('href="/monitor/berekening/taakstelling/GM') == 50
    assert "/monitor/gemeenten/GM0363" not in province
    assert client.get("/monitor/som/2024-2").status_code == 404
    assert client.get("/monitor/som/2025-1?provincie=PV99").status_code == 404


def test_every_number_in_the_ledger_and_province_table_is_a_link(
    client: Client,
) -> None:
    _realisation(ROTTERDAM, date(2025, 3, 15), 30)
    html = client.get(f"/monitor/gemeenten/{ROTTERDAM}").content.decode()
    ledger = html.split('id="verloop"', 1)[1].split("<tbody", 1)[1].split("</tbody>")[0]
    cells = re.findall(r'cell--numeric">(.*?)</td>', ledger)
    assert len(cells) == 2 * 6
    assert all(cell.startswith("<a ") for cell in cells)
    province = client.get("/monitor/provincies/PV28").content.decode()
    table = province.split('id="gemeenten"', 1)[1].split("<tbody", 1)[1]
    cells = re.findall(r'cell--numeric">(.*?)</td>', table.split("</tbody>")[0])
    assert len(cells) == 50 * 5
    # Known numbers link to their calculation; the unknown remainder of the 49
    # gemeenten without register data is a dash, not a number.
    unknown = [cell for cell in cells if not cell.startswith("<a ")]
    assert len(unknown) == 49 and all("–" in cell for cell in unknown)


def test_a_year_with_missing_population_is_not_computed() -> None:
    from migratieketen_web.gemeenten.models import PopulationFigure

    PopulationFigure.objects.filter(year=2022, gemeente__code="GM0363").delete()
    data = MonitorData()
    reason = data.reason_unavailable(hw.HalfYear(2023, 1))
    assert reason is not None and "ontbreekt voor 1 gemeente(n), o.a. GM0363" in reason
    assert hw.HalfYear(2023, 1) not in data.computable
    assert hw.HalfYear(2025, 1) in data.run
