# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""The LVV register end to end: API, refusals, shares next to the pilot, chain outflow."""

from __future__ import annotations

from datetime import timedelta

from django.test import Client
from django.utils import timezone
from rest_framework.test import APIClient

import pytest

from migratieketen_web.accounts.isolation import PUBLIC, actor_for_user
from migratieketen_web.audit.models import Action, AuditEntry
from migratieketen_web.lvv import services
from migratieketen_web.lvv.models import Case
from register_support import make_gemeenten, make_user

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


def _case(code: str, n: int, outcome: str = "", days: int = 300) -> services.CaseInput:
    return services.CaseInput(
        gemeente=code,
        name=f"Persoon {n}",
        intake=TODAY - timedelta(days=days),
        track="terugkeer",
        outcome=outcome,
        exit=TODAY - timedelta(days=10) if outcome else None,
    )


def test_api_create_list_detail_and_another_gemeente_gets_404() -> None:
    make_gemeenten()
    utrecht = make_user("km-utr", ("GM0344", "klantmanager"))
    amsterdam = make_user("km-ams", ("GM0363", "klantmanager"))
    client = APIClient()
    client.force_authenticate(utrecht)
    created = client.post(
        "/api/v1/lvv-trajecten",
        {
            "gemeentecode": "GM0344",
            "naam": "Testpersoon LVV",
            "intake": (TODAY - timedelta(days=100)).isoformat(),
            "traject": "legalisatie_medisch",
            "vreemdelingennummer": "1234567890",
            "uitkomst": "medisch_uitstel_van_vertrek",
            "uitstroom": (TODAY - timedelta(days=5)).isoformat(),
        },
        format="json",
    )
    assert created.status_code == 201, created.content
    body = created.json()
    assert body["uitkomstklasse"] == "semi_bestendig" and body["duurDagen"] == 95
    assert "1234567890" not in created.content.decode()  # write-only
    listed = client.get("/api/v1/lvv-trajecten?uitkomstklasse=semi_bestendig").json()
    assert listed["count"] == 1
    assert (
        client.get("/api/v1/lvv-trajecten?uitkomstklasse=bestendig").json()["count"]
        == 0
    )
    other = APIClient()
    other.force_authenticate(amsterdam)
    assert other.get(f"/api/v1/lvv-trajecten/{body['uuid']}").status_code == 404
    assert other.get("/api/v1/lvv-trajecten").json()["count"] == 0
    web = Client()
    web.force_login(amsterdam)
    assert web.get(f"/lvv/{body['uuid']}").status_code == 404
    actions = set(
        AuditEntry.objects.filter(object_type="lvv.traject").values_list(
            "action", flat=True
        )
    )
    assert {Action.CREATE, Action.LIST, Action.READ} <= actions


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"uitkomst": "doormigratie"}, "uitstroom", "samen"),
        ({"vreemdelingennummer": "12AB"}, "vreemdelingennummer", "10 cijfers"),
        ({"intake": (TODAY + timedelta(days=3)).isoformat()}, "intake", "toekomst"),
    ],
)
def test_refused_input_stores_nothing(changes: dict, field: str, message: str) -> None:
    make_gemeenten()
    client = APIClient()
    client.force_authenticate(make_user("km", ("GM0344", "klantmanager")))
    body = {
        "gemeentecode": "GM0344",
        "naam": "Testpersoon LVV",
        "intake": (TODAY - timedelta(days=10)).isoformat(),
        "traject": "terugkeer",
    } | changes
    response = client.post("/api/v1/lvv-trajecten", body, format="json")
    assert response.status_code == 400, response.content
    reasons = {p["name"]: p["reason"] for p in response.json()["invalidParams"]}
    assert message in reasons[field]
    assert Case.unscoped.count() == 0


def test_shares_next_to_the_pilot_with_small_cells_hidden() -> None:
    make_gemeenten()
    writer = actor_for_user(make_user("km", ("GM0344", "klantmanager")))
    outcomes = ["zelfstandige_terugkeer"] * 2 + ["nieuwe_asielaanvraag"] * 4
    outcomes += ["vertrokken_onbekend"] * 4 + [""] * 3
    for n, outcome in enumerate(outcomes):
        services.save_case(writer, _case("GM0344", n, outcome))
    beleid = actor_for_user(make_user("beleid", ("GM0344", "beleid")))
    agg = services.aggregate(beleid, "GM0344")
    assert agg is not None and not agg.public
    assert (agg.cases, agg.in_care, agg.exited) == (13, 3, 10)
    assert agg.shares == {"bestendig": 20, "semi_bestendig": 40, "geen": 40}
    assert agg.median_days["bestendig"] == 290.0
    assert agg.pilot is not None and agg.pilot.exited == 1258
    assert (agg.pilot.lasting_pct, agg.pilot.none_pct) == (18, 41)
    public = services.aggregate(PUBLIC, "GM0344")
    assert public is not None and public.public
    assert public.exited == 10 and public.in_care is None  # 3 < 10
    assert public.shares["bestendig"] == 20
    html = Client().get("/gemeenten/GM0344").content.decode()
    section = html.split('id="keten-lvv"', 1)[1].split("</section>", 1)[0]
    assert "18%" in section and "20%" in section
    assert "wodc.nl" in section and "lvv_pilot" not in section  # the source, no file


def test_public_shares_need_the_minimum_of_exits() -> None:
    make_gemeenten()
    writer = actor_for_user(make_user("km", ("GM0363", "klantmanager")))
    for n in range(3):
        services.save_case(writer, _case("GM0363", n, "doormigratie"))
    public = services.aggregate(PUBLIC, "GM0363")
    assert public is not None
    assert public.exited is None and set(public.shares.values()) == {None}


def test_chain_outflow_counts_exits_per_person_month() -> None:
    make_gemeenten()
    writer = actor_for_user(make_user("km", ("GM0344", "klantmanager")))
    services.save_case(writer, _case("GM0344", 1, "zelfstandige_terugkeer", days=200))
    services.save_case(writer, _case("GM0344", 2, "", days=200))
    landelijk = actor_for_user(make_user("nl", ("NL", "landelijk")))
    flow = services.chain_outflow(landelijk, ["GM0344"], months=12)
    assert flow.exits == {"bestendig": 1, "semi_bestendig": 0, "geen": 0}
    assert flow.person_months == pytest.approx((190 + 200) / (365.25 / 12))
    assert flow.rates["bestendig"] == pytest.approx(1 / flow.person_months)
    nobody = services.chain_outflow(PUBLIC)
    assert nobody.person_months == 0  # the public has no aggregate right to cases
