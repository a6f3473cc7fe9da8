# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Issue 11: the monitor agrees with itself.

One definition of achterstand for every figure (national, province, gemeente),
'niet geregistreerd' counted apart; entering figures for one gemeente does not judge
it on half-years it never registered; a stand before the ledger gets its own message.
"""

from __future__ import annotations

import re
from datetime import date

from django.test import Client

import pytest

from migratieketen.rules import huisvestingswet as hw
from migratieketen_web.gemeenten.models import Gemeente
from migratieketen_web.monitor import models, overview
from migratieketen_web.monitor.services import MonitorData

pytestmark = pytest.mark.django_db

ROTTERDAM = "GM0599"  # Zuid-Holland
H1, H2 = hw.HalfYear(2025, 1), hw.HalfYear(2025, 2)
STAND = date(2026, 3, 1)  # both half-years of the ledger have ended


def _housed(code: str, day: date, persons: int) -> None:
    models.Realisation.objects.create(
        gemeente=Gemeente.objects.get(code=code),
        housed_on=day,
        persons=persons,
        key=f"t:{code}:{day}",
        source=models.RealisationSource.WEB,
    )


def _counts(data: MonitorData) -> dict[str, tuple[int, int]]:
    """(behind, not registered) per half-year: national table, provinces, gemeenten."""
    national = {
        str(r.half_year): (r.behind, r.not_registered)
        for r in overview.totals(data)
        if r.in_run
    }
    provinces = overview.province_rows(data)
    current = str(data.run[-1])
    summed = (
        sum(p.behind for p in provinces),
        sum(p.not_registered for p in provinces),
    )
    gemeenten = [data.gemeente(c).current for c in data.gemeenten]
    direct = (
        sum(1 for s in gemeenten if s.achterstand),
        sum(1 for s in gemeenten if s.status == "niet geregistreerd"),
    )
    assert national[current] == summed == direct
    return national


def test_an_empty_register_is_no_achterstand_anywhere() -> None:
    assert _counts(MonitorData(STAND)) == {"2025-1": (0, 342), "2025-2": (0, 342)}


def test_one_gemeente_entering_figures_is_judged_only_where_it_registered() -> None:
    _housed(ROTTERDAM, date(2025, 8, 1), 10)
    data = MonitorData(STAND)
    assert _counts(data) == {"2025-1": (0, 342), "2025-2": (1, 341)}
    rows = data.gemeente(ROTTERDAM).report.half_years
    assert [r.status for r in rows] == ["niet geregistreerd", "achterstand"]
    # 2025-1's taakstelling is not carried into 2025-2 as if nobody was housed.
    assert rows[1].carry_in == 0 and rows[1].opgave == rows[1].taakstelling
    step = data.gemeente(ROTTERDAM).report.supervision
    assert step is not None and step.consecutive_missed == 1


def test_the_pages_show_the_same_counts(client: Client) -> None:
    _housed(ROTTERDAM, date(2025, 8, 1), 10)
    national = client.get(f"/monitor?stand={STAND}").content.decode()
    row = national.split('scope="row">2025-2</th>', 1)[1].split("</tr>", 1)[0]
    cells = re.findall(r'cell--numeric">([^<]*)</td>', row)
    assert cells[-2:] == ["1", "341"]  # met achterstand, niet geregistreerd
    pv28 = national.split("/monitor/provincies/PV28", 1)[1].split("</tr>", 1)[0]
    assert re.findall(r'cell--numeric">([^<]*)</td>', pv28)[-3:-1] == ["1", "49"]
    province = client.get(f"/monitor/provincies/PV28?stand={STAND}").content.decode()
    assert province.count("mk-status--achterstand") == 1
    assert province.count("mk-status--niet-geregistreerd") == 49
    assert "Een leeg register bewijst niet" in province


def test_a_stand_before_the_ledger_says_so(client: Client) -> None:
    response = client.get("/monitor/gemeenten/GM0984?stand=2019-05-05")
    assert response.status_code == 400
    html = response.content.decode()
    assert "importeer eerst" not in html
    assert "Op 05-05-2019 is er nog geen taakstelling te berekenen" in html
    assert "Kies een stand vanaf" in html


INTERNAL_OR_ENGLISH = (
    "rules.md",
    "planning-anchors",
    "shared/reference",
    ".yaml",
    "same letter",
    "Faber letter",
    "reported",
    "revision unclear",
    "carried-in",
)


@pytest.mark.parametrize(
    "url",
    [
        "/monitor",
        "/monitor/provincies/PV28",
        "/monitor/gemeenten/GM0599",
        "/monitor/taakstelling/2025-1",
        "/monitor/berekening/vg/2025-1",
        "/monitor/berekening/vg/2023-2",
        "/monitor/berekening/toezicht/GM0599",
        "/monitor/export.csv",
        "/monitor/gemeenten/GM0599/export.csv",
        "/gemeenten/GM0599",
    ],
)
def test_sources_are_public_citations_in_dutch(client: Client, url: str) -> None:
    _housed(ROTTERDAM, date(2025, 3, 1), 2)  # a supervision step to explain
    response = client.get(url)
    assert response.status_code == 200
    text = response.content.decode("utf-8-sig")
    for marker in INTERNAL_OR_ENGLISH:
        assert marker not in text, marker


def test_every_vg_cites_publisher_date_and_address_or_says_it_is_missing() -> None:
    from migratieketen.rules.parameters import load_parameter

    param = load_parameter("huisvestingswet/landelijk_aantal_vergunninghouders")
    for start, _entry in param.values:
        nn = hw.national_number(hw.HalfYear(start.year, 1 if start.month == 1 else 2))
        assert nn.sources, start
        for citation in nn.sources:
            assert citation.publisher and citation.date
            assert citation.url.startswith("http") or "niet vastgelegd" in (
                citation.text()
            )
