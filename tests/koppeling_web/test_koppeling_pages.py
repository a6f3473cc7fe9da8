# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""/koppeling: upload, recommendations with reasons, accept or override (audited),
balance and fairness, model card; staff only; BSN and names refused, nothing stored."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone

import pytest

from migratieketen.plan.koppeling import DEFAULT_WAIT_WEEKS
from migratieketen_web.audit.models import AuditEntry
from migratieketen_web.jobs.models import Job, JobStatus
from migratieketen_web.koppeling import forms, tasks
from migratieketen_web.koppeling.models import KoppelingDecision, KoppelingRun
from register_support import make_gemeenten, make_user, valid_bsn

from .web_support import HOUSEHOLDS, SCORES, csv_file, upload_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def coordinator() -> Client:
    make_gemeenten()
    user = make_user("coord", ("GM0363", "beleid"), is_staff=True)
    client = Client()
    client.force_login(user)
    return client


def _upload(client: Client, households: str = HOUSEHOLDS) -> KoppelingRun:
    response = client.post("/koppeling", upload_data(households))
    assert response.status_code == 302, response.content.decode()[:2000]
    return KoppelingRun.objects.order_by("-pk").first()


def test_upload_gives_recommendations_with_top3_balance_and_fairness(
    coordinator: Client,
) -> None:
    run = _upload(coordinator)
    page = coordinator.get(f"/koppeling/{run.uuid}").content.decode()
    assert 'id="aanbevelingen"' in page and 'id="balans"' in page
    assert 'id="eerlijkheid"' in page and "Modelkaart" in page
    assert "Utrecht (GM0344)" in page  # HH01's best score
    assert "gemeente verplicht: GM0599" in page  # HH03's binding constraint
    assert page.count("<ol>") == 3  # a top-3 per household


def test_waiting_for_the_decision_is_shown(coordinator: Client) -> None:
    """The result says how long households waited under the beslistermijn."""
    run = _upload(coordinator)
    wait = run.result["samenvatting"]["wachten"]
    assert wait["beslistermijn_weken"] == DEFAULT_WAIT_WEEKS
    assert all("weken_gewacht" in r for r in run.result["huishoudens"])
    run.result["samenvatting"]["wachten"] = dict(
        wait, huishoudens_gewacht=2, gemiddeld_weken=0.5, langste_weken=3
    )
    run.save(update_fields=["result"])
    page = coordinator.get(f"/koppeling/{run.uuid}").content.decode()
    assert "2 huishoudens wachtten op hun besluit: gemiddeld 0,50 weken" in page
    assert f"(beslistermijn {DEFAULT_WAIT_WEEKS} weken)" in page


def test_the_beslistermijn_is_chosen_at_upload(coordinator: Client) -> None:
    response = coordinator.post("/koppeling", upload_data() | {"beslistermijn": "0"})
    assert response.status_code == 302
    run = KoppelingRun.objects.get()
    assert run.wait_weeks == 0
    assert run.result["samenvatting"]["wachten"]["beslistermijn_weken"] == 0


@pytest.mark.parametrize(
    "value, words", [("9", "hooguit 8 weken"), ("-1", "minstens 0"), ("x", "geheel")]
)
def test_a_beslistermijn_outside_its_range_is_refused_and_nothing_stored(
    coordinator: Client, value: str, words: str
) -> None:
    response = coordinator.post("/koppeling", upload_data() | {"beslistermijn": value})
    assert response.status_code == 400
    assert words in response.content.decode()
    assert KoppelingRun.objects.count() == 0


def test_accept_and_override_are_stored_and_audited(coordinator: Client) -> None:
    run = _upload(coordinator)
    url = f"/koppeling/{run.uuid}"
    accept = coordinator.post(url, {"huishouden": "HH02", "besluit": "volgen"})
    assert accept.status_code == 302
    no_reason = coordinator.post(
        url, {"huishouden": "HH01", "besluit": "afwijken", "gemeente": "GM0363"}
    )
    assert no_reason.status_code == 400
    assert "Geef een reden" in no_reason.content.decode()
    override = coordinator.post(
        url,
        {
            "huishouden": "HH01",
            "besluit": "afwijken",
            "gemeente": "GM0363",
            "reden": "werkgever in Amsterdam",
        },
    )
    assert override.status_code == 302
    decisions = {d.household_id: d for d in KoppelingDecision.objects.all()}
    assert decisions["HH02"].accepted
    hh01 = decisions["HH01"]
    assert not hh01.accepted and hh01.recommended == "GM0344"
    assert (hh01.chosen, hh01.reason) == ("GM0363", "werkgever in Amsterdam")
    assert (
        AuditEntry.objects.filter(
            action="wijzigen", activity="koppeling.advies"
        ).count()
        == 2
    )
    page = coordinator.get(url).content.decode()
    assert "Afgeweken naar GM0363: werkgever in Amsterdam" in page


@pytest.mark.parametrize(
    "households, words",
    [
        (HOUSEHOLDS.replace("huishouden_id", "bsn"), "BSN"),
        (HOUSEHOLDS.replace("volwassenen,", "volwassenen,voornaam,").replace(
            "2,\n", "2,x,\n").replace("1,\n", "1,x,\n").replace("2,GM0599", "2,x,GM0599"),
         "namen"),
        (HOUSEHOLDS.replace("HH02", valid_bsn(12345678)), "elfproef"),
    ],
)  # fmt: skip
def test_personal_data_is_refused_and_nothing_stored(
    coordinator: Client, households: str, words: str
) -> None:
    response = coordinator.post("/koppeling", upload_data(households))
    assert response.status_code == 400
    page = response.content.decode()
    assert "Upload geweigerd; er is niets opgeslagen" in page and words in page
    assert KoppelingRun.objects.count() == 0
    assert Job.objects.filter(kind="koppeling").count() == 0


def test_only_staff_with_the_aggregates_right() -> None:
    make_gemeenten()
    assert Client().get("/koppeling")["Location"].startswith("/inloggen")
    caseworker = Client()
    caseworker.force_login(make_user("km", ("GM0363", "klantmanager")))
    assert caseworker.get("/koppeling").status_code == 403
    nonstaff = Client()
    nonstaff.force_login(make_user("bl", ("GM0363", "beleid")))
    assert nonstaff.get("/koppeling").status_code == 403


def test_model_card_is_shown(coordinator: Client) -> None:
    page = coordinator.get("/koppeling/modelkaart").content.decode()
    assert "<h1>" in page and "<table>" in page
    assert "<script" not in page.split("<main", 1)[-1].split("</main>", 1)[0]


def test_another_coordinators_run_is_not_found(coordinator: Client) -> None:
    run = _upload(coordinator)
    other = Client()
    other.force_login(make_user("c2", ("GM0363", "beleid"), is_staff=True))
    assert other.get(f"/koppeling/{run.uuid}").status_code == 404
    assert User.objects.count() == 2


def test_a_spreadsheet_saved_as_windows_1252_is_read(coordinator: Client) -> None:
    """Excel saves CSV in Windows-1252, with semicolons: the upload reads it as meant."""
    data = upload_data()
    capacity = "gemeentecode;capaciteit;gemeentenaam\nGM0363;4;Amsterdam\n"
    capacity += "GM0344;3;Utrecht\nGM0599;4;Súdwest\n"  # an accent, cp1252-encoded
    data["capaciteit"] = SimpleUploadedFile("C.csv", capacity.encode("cp1252"))
    response = coordinator.post("/koppeling", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert KoppelingRun.objects.count() == 1


def _padded(text: str, megabytes: float) -> str:
    """The same file made larger with blank lines (read as nothing)."""
    line = " " * 1023 + "\n"
    return text + line * int(megabytes * 1024)


def test_a_score_file_above_5_mb_is_taken(coordinator: Client) -> None:
    """Scores have a row per household x gemeente: the limit is theirs, not 5 MB."""
    data = upload_data()
    data["scores"] = csv_file("S.csv", _padded(SCORES, 6))
    response = coordinator.post("/koppeling", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert KoppelingRun.objects.count() == 1


def test_files_above_their_limit_are_refused_and_nothing_stored(
    coordinator: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = upload_data()
    data["huishoudens"] = csv_file("H.csv", _padded(HOUSEHOLDS, 6))
    page = coordinator.post("/koppeling", data).content.decode()
    assert "Het bestand is groter dan 5 MB." in page
    monkeypatch.setattr(forms, "MAX_SCORE_UPLOAD_BYTES", 1024 * 1024)
    data = upload_data()
    data["scores"] = csv_file("S.csv", _padded(SCORES, 2))
    response = coordinator.post("/koppeling", data)
    assert response.status_code == 400
    assert "Het bestand is groter dan 1 MB." in response.content.decode()
    assert KoppelingRun.objects.count() == 0 and Job.objects.count() == 0


def test_a_file_in_no_known_encoding_is_refused(coordinator: Client) -> None:
    data = upload_data()
    data["scores"] = SimpleUploadedFile("S.csv", SCORES.encode() + b"\x81\x8d\n")
    page = coordinator.post("/koppeling", data).content.decode()
    assert "geen tekst in UTF-8 of Windows-1252" in page
    assert KoppelingRun.objects.count() == 0


def test_an_unknown_column_is_refused_by_the_web(coordinator: Client) -> None:
    """The web keeps the upload as sent: only the columns it needs (the CLI ignores)."""
    data = upload_data()
    data["scores"] = csv_file("S.csv", SCORES.replace("score\n", "score,model\n", 1))
    page = coordinator.post("/koppeling", data).content.decode()
    assert "onbekende kolom(men): model" in page
    assert KoppelingRun.objects.count() == 0


def test_an_unreadable_csv_is_refused_not_a_server_error(coordinator: Client) -> None:
    data = upload_data()
    data["scores"] = csv_file("S.csv", SCORES + "HH01,GM0363," + "9" * 200_000 + "\n")
    response = coordinator.post("/koppeling", data)
    assert response.status_code == 400
    assert "geen leesbaar CSV-bestand" in response.content.decode()
    assert KoppelingRun.objects.count() == 0


def test_uploads_past_their_retention_are_emptied_result_and_decisions_stay(
    coordinator: Client, settings: Any
) -> None:
    """Data minimisation: the pseudonymous upload is only needed to compute the run."""
    old, recent, waiting = (_upload(coordinator) for _ in range(3))
    coordinator.post(
        f"/koppeling/{old.uuid}", {"huishouden": "HH02", "besluit": "volgen"}
    )
    long_ago = timezone.now() - timedelta(
        days=settings.KOPPELING_INPUT_RETENTION_DAYS + 1
    )
    KoppelingRun.objects.filter(pk__in=[old.pk, waiting.pk]).update(created_at=long_ago)
    Job.objects.filter(pk=waiting.job.pk).update(status=JobStatus.QUEUED)

    assert tasks.remove_old_inputs.call() == {"verwijderd": 1}
    assert tasks.remove_old_inputs.call() == {"verwijderd": 0}  # once
    old.refresh_from_db()
    assert (old.households_csv, old.scores_csv, old.capacity_csv) == ("", "", "")
    assert old.inputs_removed_at is not None and old.result["huishoudens"]
    assert KoppelingDecision.objects.filter(run=old).count() == 1
    for kept in (recent, waiting):  # too young, or its job still has to read it
        kept.refresh_from_db()
        assert "HH01" in kept.households_csv and kept.inputs_removed_at is None
    entry = AuditEntry.objects.get(channel="systeem")
    assert (entry.action, entry.record_ids) == ("wijzigen", f",{old.pk},")
    page = coordinator.get(f"/koppeling/{old.uuid}").content.decode()
    assert 'id="upload-verwijderd"' in page and "Het advies en uw besluiten" in page
    assert (
        'id="upload-verwijderd"'
        not in coordinator.get(f"/koppeling/{recent.uuid}").content.decode()
    )


@pytest.mark.parametrize(
    "days, words",
    [
        (30, "30 dagen na het uploaden verwijderd"),
        (1, "1 dag na het uploaden verwijderd"),
        (0, "verwijderd zodra het advies berekend is"),
        (-5, "verwijderd zodra het advies berekend is"),
    ],
)
def test_the_upload_page_states_the_retention(
    coordinator: Client, settings: Any, days: int, words: str
) -> None:
    settings.KOPPELING_INPUT_RETENTION_DAYS = days
    page = coordinator.get("/koppeling").content.decode()
    assert words in page and "het advies en uw besluiten blijven bewaard" in page
