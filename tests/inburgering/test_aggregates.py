# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Cost against budget per gemeente from the register, and aggregates without persons."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.contrib.auth.models import AnonymousUser
from django.template import Context, Template
from django.test import RequestFactory

import pytest

from migratieketen_web.accounts.isolation import PUBLIC, actor_for_user
from migratieketen_web.inburgering import services
from register_support import make_gemeenten, make_user, person_input

pytestmark = pytest.mark.django_db
TODAY = date(2025, 6, 1)


@pytest.fixture
def register() -> dict[str, object]:
    gemeenten = make_gemeenten()
    km = make_user("km", ("GM0363", "klantmanager"))
    actor = actor_for_user(km)
    a = services.create_person(
        actor,
        person_input(seed=20000000, route="b1", duty_start=date(2025, 2, 1)),
    )
    b = services.create_person(
        actor,
        person_input(seed=20000010, route="onderwijs", duty_start=date(2023, 2, 1)),
    )
    c = services.create_person(
        actor, person_input(seed=20000020, ground="gezin", route="", nationality="TR")
    )
    services.update_steps(actor, b, "onderwijs", {"pip_date": date(2023, 4, 1)})
    services.add_cost(actor, a, "b1", Decimal("9000"), date(2025, 3, 1))
    services.add_cost(actor, a, "map", Decimal("1500"), date(2025, 3, 1))
    services.add_cost(actor, b, "onderwijs", Decimal("14000"), date(2024, 3, 1))
    services.add_cost(actor, c, "intake_pip", Decimal("800"), date(2024, 3, 1))
    return {"gemeente": gemeenten["GM0363"], "km": km}


def test_cost_against_budget_per_gemeente(register: dict[str, object]) -> None:
    beleid = make_user("beleid", ("GM0363", "beleid"))
    agg = services.gemeente_aggregate(actor_for_user(beleid), "GM0363", TODAY)
    assert agg is not None and not agg.public
    assert agg.persons == 3
    assert agg.per_route == {"b1": 1, "onderwijs": 1, "z": 0, "geen": 1}
    gap = agg.gap
    assert gap is not None
    # a: 2025 start, EUR 11,600; b: 2023 start, EUR 10,000; c: gezinsmigrant, none
    assert gap.budget == Decimal("21600")
    assert gap.voorzieningen == Decimal("24500")
    assert gap.gap == Decimal("2900")
    assert gap.uitvoering == Decimal("800")
    assert gap.estimated_gap == Decimal("5900")  # b at the AANNAME route price 17,000
    assert any("Divosa" in s and "11.600" in s for s in gap.sources)
    assert agg.with_term == 1 and agg.share_within_term == 100


def test_public_aggregates_hide_small_cells(register: dict[str, object]) -> None:
    agg = services.gemeente_aggregate(PUBLIC, "GM0363", TODAY)
    assert agg is not None and agg.public
    assert agg.persons is None and agg.gap is None
    assert agg.per_route["z"] == 0  # zero is no person: shown
    assert agg.per_route["b1"] is None and "route.b1" in agg.suppressed


def test_a_user_of_another_gemeente_gets_public_figures_only(
    register: dict[str, object],
) -> None:
    other = make_user("ander", ("GM0344", "beleid"))
    agg = services.gemeente_aggregate(actor_for_user(other), "GM0363", TODAY)
    assert agg is not None and agg.public


def _section(user: object, gemeente: object) -> str:
    request = RequestFactory().get("/gemeenten/GM0363")
    request.user = user
    template = Template("{% load inburgering_tags %}{% inburgering_section g %}")
    return template.render(Context({"request": request, "g": gemeente}))


def test_the_gemeente_page_section_shows_money_with_sources(
    register: dict[str, object],
) -> None:
    beleid = make_user("beleid", ("GM0363", "beleid"))
    html = _section(beleid, register["gemeente"])
    assert "Kosten tegenover budget" in html and "Divosa" in html
    assert "Amira" not in html  # no person
    public = _section(AnonymousUser(), register["gemeente"])
    assert "Kosten tegenover budget" not in public
    assert "niet getoond" in public


def test_caseload_for_the_chain(register: dict[str, object]) -> None:
    load = services.caseload(actor_for_user(make_user("nl", ("NL", "landelijk"))))
    assert load.gemeenten == ("GM0363",)
    assert load.without_route == 3  # no route start dates registered yet
    assert sum(map(sum, load.by_route.values())) == 0


def test_the_caseload_is_a_valid_chain_starting_state(
    register: dict[str, object],
) -> None:
    from migratieketen.chain.scenario import ChainScenario

    actor = actor_for_user(make_user("nl2", ("NL", "landelijk")))
    values = services.caseload(actor).scenario_values()
    scenario = ChainScenario.from_dict(
        {"name": "register", "runs": 1, "initial_inburgering": values}
    )
    assert scenario.initial_inburgering == values
