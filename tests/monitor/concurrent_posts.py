# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""N concurrent POSTs /api/v1/realisaties with one kenmerk, each on its own connection.

Run in-process on PostgreSQL (the test database), or as a script on a fresh SQLite
file (the test suite's in-memory SQLite shares one cache between threads, which is
not how the application runs):

    python tests/monitor/concurrent_posts.py DATABASE_URL VAR_DIR

prints the status codes as JSON.
"""

from __future__ import annotations

import base64
import json
import os
import sys
import threading
from pathlib import Path

N = 10
BODY = {
    "gemeente": "GM0599",
    "datumHuisvesting": "2025-04-02",
    "aantalPersonen": 4,
    "kenmerk": "GELIJK-1",
}


def ensure_writer() -> tuple[str, str]:
    """A user who may write Rotterdam's realisations (beleid, ADR 0012), Rotterdam
    present, and the 'registers.bijwerken' scope for the API."""
    from django.contrib.auth.models import Group, User

    from migratieketen_web.gemeenten.models import Gemeente, Province

    province, _ = Province.objects.get_or_create(
        code="PV28", defaults={"name": "Zuid-Holland"}
    )
    Gemeente.objects.get_or_create(
        code="GM0599", defaults={"name": "Rotterdam", "province": province}
    )
    user, created = User.objects.get_or_create(username="gelijktijdig")
    if created:
        user.set_password("geheim-wachtwoord-9")
        user.save()
    user.groups.add(Group.objects.get_or_create(name="registers.bijwerken")[0])
    from migratieketen_web.accounts.roles import Role
    from migratieketen_web.accounts.services import add_membership, organisation_for

    add_membership(user, organisation_for("GM0599"), Role.BELEID)
    return "gelijktijdig", "geheim-wachtwoord-9"


def post_concurrently(username: str, password: str, n: int = N) -> list[int]:
    """Start n POSTs at the same moment; their status codes."""
    from django.db import connections
    from django.test import Client

    token = base64.b64encode(f"{username}:{password}".encode()).decode()
    barrier = threading.Barrier(n)
    codes: list[int] = []

    def post() -> None:
        client = Client(SERVER_NAME="localhost", HTTP_AUTHORIZATION=f"Basic {token}")
        barrier.wait()
        try:
            response = client.post(
                "/api/v1/realisaties", BODY, content_type="application/json"
            )
            codes.append(response.status_code)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=post) for _ in range(n)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return codes


def main() -> None:
    os.environ["DJANGO_SETTINGS_MODULE"] = "migratieketen_web.conf.test"
    os.environ["MIGRATIEKETEN_DATABASE_URL"] = sys.argv[1]
    os.environ["MIGRATIEKETEN_VAR_DIR"] = sys.argv[2]
    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "src"))
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    user, password = ensure_writer()
    codes = post_concurrently(user, password)
    from migratieketen_web.monitor.models import Realisation

    print(json.dumps({"codes": codes, "rows": Realisation.objects.count()}))


if __name__ == "__main__":
    main()
