# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Entering realisations: form page and CSV upload, all or nothing and idempotent."""

from __future__ import annotations

import io
import re
from pathlib import Path

from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.test import Client

import pytest
from monitor_support import csv_bytes

from migratieketen_web.api.permissions import SERVER_OPERATOR
from migratieketen_web.monitor import models
from migratieketen_web.monitor.register import (
    AlreadyImported,
    ImportRejected,
    import_realisations,
)

pytestmark = pytest.mark.django_db

GOOD = (
    "GM0599;2025-02-03;4;regulier;R-1",
    "GM0599;2025-02-10;2;nareiziger;R-2",
    "GM0363;2025-07-01;3;;",
    "GM0363;2025-07-01;3;;",  # an equal second housing on the same day
)


def _upload(client: Client, content: bytes, name: str = "realisaties.csv") -> str:
    response = client.post(
        "/monitor/realisaties/import",
        {"bestand": SimpleUploadedFile(name, content, content_type="text/csv")},
        follow=True,
    )
    assert response.status_code == 200
    return response.content.decode()


def _state() -> list[tuple[str, str, int, str, str]]:
    return sorted(
        models.Realisation.objects.values_list(
            "gemeente__code", "housed_on", "persons", "kind", "key"
        )
    )


def test_upload_stores_rows_and_same_file_again_changes_nothing(
    staff_client: Client,
) -> None:
    html = _upload(staff_client, csv_bytes(*GOOD))
    assert "Import gelukt: 4 regels toegevoegd, 0 waren al aanwezig." in html
    before = _state()
    assert len(before) == 4 and sum(r[2] for r in before) == 12
    assert {r[4] for r in before} >= {"kenmerk:R-1", "csv:2025-07-01:3:regulier:2"}
    again = _upload(staff_client, csv_bytes(*GOOD))
    assert "Dit bestand is al geïmporteerd" in again
    assert _state() == before
    assert models.RealisationImport.objects.count() == 1


def test_a_cumulative_file_with_the_same_rows_is_not_counted_twice(
    staff_client: Client,
) -> None:
    _upload(staff_client, csv_bytes(*GOOD))
    before = _state()
    # Next month's export: the same rows (other order, other file) plus one new.
    later = csv_bytes(GOOD[3], GOOD[1], GOOD[0], GOOD[2], "GM0599;2025-03-01;5;;R-3")
    html = _upload(staff_client, later, "maart.csv")
    assert "1 regels toegevoegd, 4 waren al aanwezig" in html
    after = _state()
    assert len(after) == len(before) + 1
    assert sum(r[2] for r in after) == 12 + 5


def test_a_bad_row_rejects_the_whole_file_with_row_column_and_reason(
    staff_client: Client,
) -> None:
    bad = csv_bytes(
        GOOD[0],
        "GM0599;2025-02-30;2;regulier;R-5",  # row 3: no such date
        "GM9999;2025-02-11;1;regulier;R-6",  # row 4: unknown gemeente
        "GM0363;2025-02-12;veel;;",  # row 5: not a number
    )
    html = _upload(staff_client, bad)
    assert "Import geweigerd, er is niets opgeslagen." in html
    assert "rij 3, kolom &#x27;datum_huisvesting&#x27;: geen datum" in html
    assert "rij 4, kolom &#x27;gemeentecode&#x27;: onbekende gemeente GM9999" in html
    assert "rij 5, kolom &#x27;aantal_personen&#x27;" in html
    assert _state() == []
    assert models.RealisationImport.objects.count() == 0


def test_a_kenmerk_with_other_figures_rejects_the_file(staff_client: Client) -> None:
    _upload(staff_client, csv_bytes(GOOD[0]))
    before = _state()
    changed = csv_bytes(
        "GM0363;2025-02-01;1;;NEW-1", "GM0599;2025-02-03;9;regulier;R-1"
    )
    html = _upload(staff_client, changed, "gewijzigd.csv")
    assert (
        "rij 3, kolom &#x27;kenmerk&#x27;: kenmerk &#x27;R-1&#x27; bestaat al" in html
    )
    assert _state() == before  # NEW-1 was not written either


def test_import_function_rejects_non_utf8_and_reports_duplicates() -> None:
    with pytest.raises(ImportRejected, match="geen UTF-8"):
        import_realisations(
            csv_bytes(GOOD[0]).replace(b"GM0599", b"GM\xff599"), "x", None
        )
    outcome = import_realisations(csv_bytes(*GOOD), "a.csv", SERVER_OPERATOR)
    assert (outcome.added, outcome.already_present) == (4, 0)
    with pytest.raises(AlreadyImported):
        import_realisations(csv_bytes(*GOOD), "b.csv", SERVER_OPERATOR)
    # Deleting the import undoes it (its rows go with it).
    outcome.batch.delete()
    assert models.Realisation.objects.count() == 0


def test_staff_without_the_scope_is_refused_like_the_api(client: Client) -> None:
    """Issue 9 item 6: web, CSV import and API apply the one write rule."""
    User.objects.create_user("medewerker", password="x", is_staff=True)
    client.login(username="medewerker", password="x")
    form = {
        "gemeente": "GM0599",
        "housed_on": "2025-04-02",
        "persons": "5",
        "kind": "regulier",
    }
    assert client.get("/monitor/realisaties/nieuw").status_code == 403
    assert client.post("/monitor/realisaties/nieuw", form).status_code == 403
    upload = {"bestand": SimpleUploadedFile("a.csv", csv_bytes(*GOOD))}
    assert client.post("/monitor/realisaties/import", upload).status_code == 403
    api = client.post(
        "/api/v1/realisaties",
        {"gemeente": "GM0599", "datumHuisvesting": "2025-04-02", "aantalPersonen": 5},
        content_type="application/json",
    )
    assert api.status_code == 403
    page = client.get("/monitor/gemeenten/GM0599").content.decode()
    assert "/monitor/realisaties/nieuw?gemeente=GM0599" not in page
    assert models.Realisation.objects.count() == 0


def test_the_write_rule_is_checked_per_gemeente_in_one_function(
    monkeypatch: pytest.MonkeyPatch, staff_client: Client
) -> None:
    """`holds_scope` gets the gemeente of every write: a per-gemeente rule goes there."""
    from migratieketen_web.api import permissions

    real = permissions.holds_scope

    def only_rotterdam(user, scope, gemeente=None):  # type: ignore[no-untyped-def]
        return real(user, scope, gemeente) and gemeente in (None, "GM0599")

    monkeypatch.setattr(permissions, "holds_scope", only_rotterdam)
    form = {"housed_on": "2025-04-02", "persons": "5", "kind": "regulier"}
    ok = staff_client.post("/monitor/realisaties/nieuw", form | {"gemeente": "GM0599"})
    assert ok.status_code == 302
    other = staff_client.post(
        "/monitor/realisaties/nieuw", form | {"gemeente": "GM0363"}
    )
    assert other.status_code == 403
    html = _upload(staff_client, csv_bytes(*GOOD))
    assert "rij 4, kolom &#x27;gemeentecode&#x27;: u mag geen realisaties" in html
    assert list(
        models.Realisation.objects.values_list("gemeente__code", flat=True)
    ) == ["GM0599"]


def test_entry_pages_need_a_login_with_the_scope(client: Client) -> None:
    for url in ("/monitor/realisaties/nieuw", "/monitor/realisaties/import"):
        response = client.get(url)
        assert response.status_code == 302 and response["Location"].startswith(
            "/inloggen?next="
        )
    User.objects.create_user("burger", password="x")
    client.login(username="burger", password="x")
    assert client.get("/monitor/realisaties/nieuw").status_code == 403
    assert (
        client.post(
            "/monitor/realisaties/import",
            {"bestand": SimpleUploadedFile("a.csv", csv_bytes(*GOOD))},
        ).status_code
        == 403
    )
    assert models.Realisation.objects.count() == 0


def test_form_stores_a_realisation_and_explains_errors_in_dutch(
    staff_client: Client,
) -> None:
    response = staff_client.post(
        "/monitor/realisaties/nieuw",
        {
            "gemeente": "GM0599",
            "housed_on": "2025-04-02",
            "persons": "5",
            "households": "2",
            "kind": "regulier",
            "reference": "ROT-77",
        },
    )
    assert response.status_code == 302
    assert response["Location"] == "/monitor/gemeenten/GM0599#realisaties"
    row = models.Realisation.objects.get()
    assert (row.persons, row.households, row.source, row.key) == (
        5,
        2,
        "web",
        "kenmerk:ROT-77",
    )
    assert row.created_by is not None
    bad = staff_client.post(
        "/monitor/realisaties/nieuw",
        {
            "gemeente": "GM0599",
            "housed_on": "2999-01-01",
            "persons": "3",
            "households": "4",
            "kind": "regulier",
            "reference": "ROT-77",
        },
    )
    assert bad.status_code == 200
    html = bad.content.decode()
    assert "De datum ligt in de toekomst." in html
    date_input = re.search(r'<input[^>]*name="housed_on"[^>]*>', html)
    assert date_input is not None
    assert 'aria-invalid="true"' in date_input.group(0)
    assert 'aria-describedby="id_housed_on-fout id_housed_on-uitleg"' in (
        date_input.group(0)
    )
    assert "Er kunnen niet meer huishoudens dan personen zijn." in html
    more = staff_client.post(
        "/monitor/realisaties/nieuw",
        {
            "gemeente": "GM0599",
            "housed_on": "2025-04-03",
            "persons": "0",
            "households": "",
            "kind": "onbekend",
            "reference": "ROT-77",
        },
    ).content.decode()
    assert "Minimaal 1 persoon." in more
    assert "Kies regulier, nareiziger of zelf gevonden." in more
    assert "Dit kenmerk is al gebruikt voor Rotterdam" in more
    assert models.Realisation.objects.count() == 1


def test_management_command_imports_all_or_nothing(tmp_path: Path) -> None:
    good = tmp_path / "goed.csv"
    good.write_bytes(csv_bytes(*GOOD))
    out = io.StringIO()
    call_command("import_realisaties", str(good), stdout=out)
    assert "4 regels toegevoegd" in out.getvalue()
    out = io.StringIO()
    call_command("import_realisaties", str(good), stdout=out)
    assert "al geïmporteerd" in out.getvalue()
    bad = tmp_path / "fout.csv"
    bad.write_bytes(csv_bytes("GM0599;2025-02-03;4;regulier;R-9", "GM0599;morgen;1;;"))
    err = io.StringIO()
    with pytest.raises(CommandError, match="niets opgeslagen"):
        call_command("import_realisaties", str(bad), stderr=err)
    assert "rij 3, kolom 'datum_huisvesting'" in err.getvalue()
    assert models.Realisation.objects.count() == 4
