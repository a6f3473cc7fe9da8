# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Shared helpers of the register tests (accounts, audit, the registers)."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.contrib.auth.models import User

from hypothesis import strategies as st

from migratieketen_web.accounts.roles import Role
from migratieketen_web.accounts.services import add_membership, organisation_for
from migratieketen_web.gemeenten.models import Gemeente, Province
from migratieketen_web.inburgering.services import PersonInput

GEMEENTEN = {
    "GM0363": ("Amsterdam", "PV27", "Noord-Holland"),
    "GM0344": ("Utrecht", "PV26", "Utrecht"),
    "GM0599": ("Rotterdam", "PV28", "Zuid-Holland"),
    "GM0518": ("'s-Gravenhage", "PV28", "Zuid-Holland"),
}


def valid_bsn(seed: int) -> str:
    """The first valid BSN at or after eight-digit `seed` (elfproef check digit)."""
    n = seed
    while True:
        digits = f"{n % 10**8:08d}"
        total = sum((9 - i) * int(d) for i, d in enumerate(digits))
        check = total % 11
        if check < 10 and int(digits + str(check)) != 0:
            return digits + str(check)
        n += 1


def make_gemeenten() -> dict[str, Gemeente]:
    """The test gemeenten (get_or_create: the real open data may be loaded already)."""
    result = {}
    for code, (name, pv, pv_name) in GEMEENTEN.items():
        province, _ = Province.objects.get_or_create(
            code=pv, defaults={"name": pv_name}
        )
        result[code], _ = Gemeente.objects.get_or_create(
            code=code, defaults={"name": name, "province": province}
        )
    return result


def make_user(username: str, *roles: tuple[str, str], **extra: Any) -> User:
    user = User.objects.create_user(username, password="een-lang-wachtwoord-1", **extra)
    for code, role in roles:
        add_membership(user, organisation_for(code), Role(role))
    return user


def person_input(
    gemeente: str = "GM0363", seed: int = 11122233, **changes: Any
) -> PersonInput:
    values: dict[str, Any] = {
        "gemeente": gemeente,
        "bsn": valid_bsn(seed),
        "name": "Amira Testpersoon",
        "birth_date": date(1990, 5, 17),
        "nationality": "SY",
        "ground": "asiel",
        "duty_start": date(2023, 3, 1),
        "route": "b1",
    }
    values.update(changes)
    return PersonInput(**values)


# The isolation properties: memberships drawn from every kind of organisation, with
# only the role/organisation pairs the accounts app accepts (ADR 0012).
CODES = ["GM0363", "GM0344", "GM0599", "GM0518", "PV28", "NL"]
ROLES = ["klantmanager", "beleid", "beheerder", "landelijk"]
VALID = {
    ("klantmanager", "GM"),
    ("beleid", "GM"),
    ("beleid", "PV"),
    ("beheerder", "GM"),
    ("beheerder", "PV"),
    ("beheerder", "NL"),
    ("landelijk", "NL"),
}
membership = st.tuples(st.sampled_from(CODES), st.sampled_from(ROLES)).filter(
    lambda m: (m[1], m[0][:2]) in VALID
)


def isolation_world(
    max_users: int, max_records: int, *extra: st.SearchStrategy[Any]
) -> st.SearchStrategy[tuple[Any, ...]]:
    """Users' memberships, the gemeenten of the records, and any extra draws."""
    return st.tuples(
        st.lists(
            st.lists(membership, max_size=3, unique=True),
            min_size=1,
            max_size=max_users,
        ),
        st.lists(st.sampled_from(CODES[:4]), min_size=1, max_size=max_records),
        *extra,
    )
