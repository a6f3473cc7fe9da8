# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""`sync_data` against a local server in the publishers' formats (with paging),
plus the offline failure and a refused (invalid) download."""

from __future__ import annotations

import json
import shutil
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest
from publisher_server import PROVINCE_PATH, PublisherData, PublisherServer

from migratieketen.data import load_dataset
from migratieketen.data.sync import (
    SyncConfig,
    SyncConnectionError,
    SyncError,
    sync_data,
)
from migratieketen.data.sync.kwb_fields import NOT_IN_KWB


@pytest.fixture(scope="module")
def publisher_data(shared_data_dir: Path) -> PublisherData:
    return PublisherData.from_shared(shared_data_dir)


@pytest.fixture
def server(publisher_data: PublisherData) -> Iterator[PublisherServer]:
    with PublisherServer(publisher_data, odata_page_size=500) as srv:
        yield srv


def _config(base: str, page_size: int = 250) -> SyncConfig:
    return SyncConfig(
        cbs_base=base,
        pdok_wijkenbuurten=base + "/wijkenbuurten/{year}/wfs/v1_0",
        pdok_bestuurlijke_gebieden=base + PROVINCE_PATH,
        page_size=page_size,
    )


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


@pytest.mark.slow
def test_sync_builds_a_valid_folder_equal_to_the_source(
    server: PublisherServer, shared_data_dir: Path, tmp_path: Path
) -> None:
    target = tmp_path / "mijn-data"
    target.mkdir()
    (target / "eigen_bestand.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    steps: list[str] = []
    result = sync_data(
        target, 2024, _config(server.base_url), lambda s, d, t: steps.append(s)
    )
    assert result.counts == {
        "gemeenten": 342, "wijken": 3474, "provincies": 12, "gemeenten_2022": 345,
        "gemeenten_ses_woa": 342, "gemeenten_bevolking_2025": 342,
    }  # fmt: skip
    # paging was used on both protocols
    typed = [r for r in server.requests if "TypedDataSet" in r]
    assert sum("85984NED" in r for r in typed) == 8  # 342 + 3474 rows / 500
    assert any("%24skip=500" in r or "$skip=500" in r for r in typed)
    # CBS's nextLink has spaces in its $filter: the sync percent-encodes them
    assert any("$skip=500" in r and "%20or%20" in r for r in typed)
    wijk_pages = [
        r
        for r in server.requests
        if "wijkenbuurten:wijken" in r or "wijkenbuurten%3Awijken" in r
    ]
    assert len(wijk_pages) == 14  # 3474 features / 250
    assert "PDOK Provinciegebied" in steps
    # the user's own file is untouched; no staging left behind
    assert (target / "eigen_bestand.csv").read_text(encoding="utf-8") == "a,b\n1,2\n"
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".migratieketen")]
    assert not [p for p in target.iterdir() if p.name.startswith(".sync")]

    synced = load_dataset(target)
    original = load_dataset(shared_data_dir)
    assert [g.code for g in synced.gemeenten] == [g.code for g in original.gemeenten]
    assert [p for p in synced.provinces] == [p for p in original.provinces]
    for new, old in zip(synced.gemeenten, original.gemeenten, strict=True):
        assert new.name == old.name
        assert new.province_code == old.province_code
        assert new.population == old.population  # incl. 1-1-2025 (70072NED)
        for key, value in old.indicators.items():
            if key in NOT_IN_KWB:  # not in KWB 2022: left empty, with a warning
                assert new.indicators[key] is None
                continue
            assert new.indicators[key] == pytest.approx(value), (new.code, key)
    assert any("afstand_treinstation_km" in w for w in result.warnings)
    assert synced.origin == original.origin
    # the imitation serves the postcode means as the CBS gemeente rows (2022JJ00)
    cbs = synced.ses_woa["cbs"]
    assert cbs.period == "2022JJ00" and cbs.provenance.table_id == "86092NED"
    derived = original.ses_woa["postcode"].scores
    assert all(abs(float(cbs.scores[c] - derived[c])) <= 0.5e-4 for c in derived)
    manifest = json.loads((target / "sync_bronnen.json").read_text(encoding="utf-8"))
    assert manifest["ses_woa_periode"] == "2022JJ00"
    assert [(w.code, w.name, w.population) for w in synced.wijken] == [
        (w.code, w.name, w.population) for w in original.wijken
    ]


def test_offline_fails_fast_with_dutch_message(tmp_path: Path) -> None:
    with socket.socket() as sock:  # a port nobody listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    target = tmp_path / "data"
    target.mkdir()
    (target / "gemeenten_2024.csv").write_text("oud\n", encoding="utf-8")
    before = _snapshot(target)
    with pytest.raises(SyncConnectionError) as exc_info:
        sync_data(target, 2024, _config(f"http://127.0.0.1:{port}"))
    message = str(exc_info.value)
    assert message.startswith(f"Geen verbinding met 127.0.0.1:{port}:")
    assert "Gebruik --data-dir of MIGRATIEKETEN_DATA_DIR met een lokale map." in message
    assert _snapshot(target) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data"]


def test_invalid_download_leaves_the_folder_unchanged(
    publisher_data: PublisherData, shared_data_dir: Path, tmp_path: Path
) -> None:
    rows = [dict(r) for r in publisher_data.rows["85984NED"]]
    for row in rows:
        if row["WijkenEnBuurten"].strip() == "GM0363":
            row["AantalInwoners_5"] += 1000  # national total no longer matches
    broken = PublisherData(
        properties=publisher_data.properties,
        rows={**publisher_data.rows, "85984NED": rows},
        layers=publisher_data.layers,
    )
    target = tmp_path / "data"
    target.mkdir()
    (target / "gemeenten_2024.csv").write_bytes(
        (shared_data_dir / "gemeenten_2024.csv").read_bytes()
    )
    before = _snapshot(target)
    with PublisherServer(broken) as srv, pytest.raises(SyncError) as exc_info:
        sync_data(target, 2024, _config(srv.base_url, page_size=1000))
    assert "niet gewijzigd" in str(exc_info.value)
    assert "som is 17.943.942" in str(exc_info.value)
    assert _snapshot(target) == before


def test_unsupported_year_is_refused(tmp_path: Path) -> None:
    with pytest.raises(SyncError, match="Jaar 2021 wordt niet ondersteund"):
        sync_data(tmp_path, 2021, _config("http://127.0.0.1:9"))


@pytest.mark.slow
def test_cli_sync_with_progress_and_offline(
    server: PublisherServer, tmp_path: Path
) -> None:
    import typer
    from typer.testing import CliRunner

    from migratieketen_cli import data_commands

    app = typer.Typer()
    data_commands.register(app)
    runner = CliRunner()
    target = tmp_path / "doel"
    args = ["data", "sync", "--naar", str(target), "--jaar", "2024"]
    urls = [
        "--cbs-url", server.base_url,
        "--pdok-url", server.base_url + "/wijkenbuurten/{year}/wfs/v1_0",
        "--pdok-provincies-url", server.base_url + PROVINCE_PATH,
    ]  # fmt: skip
    result = runner.invoke(app, args + urls)
    assert result.exit_code == 0, result.output
    assert "Data bijgewerkt" in result.output
    assert "gemeenten: 342" in result.output
    assert len(load_dataset(target).gemeenten) == 342

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    offline = tmp_path / "offline"
    result = runner.invoke(app, [*args[:3], str(offline), "--cbs-url",
                                 f"http://127.0.0.1:{port}"])  # fmt: skip
    assert result.exit_code == 1
    assert "Geen verbinding met" in result.output
    assert not offline.exists()


def test_install_rolls_back_when_a_move_fails(tmp_path: Path) -> None:
    from migratieketen.data.sync.install import install

    staging, target = tmp_path / "staging", tmp_path / "target"
    staging.mkdir()
    target.mkdir()
    for name in ("a.csv", "b.csv"):
        (target / name).write_text(f"oud {name}\n", encoding="utf-8")
    (staging / "a.csv").write_text("nieuw a\n", encoding="utf-8")  # b.csv is missing
    with pytest.raises(OSError):
        install(staging, target, ["a.csv", "b.csv"])
    assert (target / "a.csv").read_text(encoding="utf-8") == "oud a.csv\n"
    assert (target / "b.csv").read_text(encoding="utf-8") == "oud b.csv\n"
    assert sorted(p.name for p in target.iterdir()) == ["a.csv", "b.csv"]


def test_unwritable_target_fails_before_downloading(tmp_path: Path) -> None:
    blocker = tmp_path / "bestand"
    blocker.write_text("geen map\n", encoding="utf-8")
    # the endpoint is unreachable: reaching it would raise SyncConnectionError instead
    with pytest.raises(SyncError, match="Kan geen tijdelijke map maken"):
        sync_data(blocker / "data", 2024, _config("http://127.0.0.1:9"))


def test_unsafe_url_is_a_dutch_sync_error() -> None:
    from migratieketen.data.sync.http import get_json, safe_url

    with pytest.raises(SyncError, match="Ongeldige URL"):
        get_json("http://127.0.0.1:9/ODataFeed/odata/x/TypedDataSet?$filter=a b\n")
    assert safe_url("http://h/x?$filter=startswith(W,'GM') or y&$skip=5") == (
        "http://h/x?$filter=startswith(W,'GM')%20or%20y&$skip=5"
    )


@pytest.mark.slow
def test_moved_pdok_service_falls_back_to_the_old_path(
    server: PublisherServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With the default address a 404 is retried on the other PDOK path."""
    from migratieketen.data.sync import run

    gone = server.base_url + "/kadaster/bestuurlijkegebieden/wfs/v1_0"  # 404 here
    monkeypatch.setattr(run, "DEFAULT_PDOK_BESTUURLIJKE_GEBIEDEN", gone)
    monkeypatch.setattr(
        run, "LEGACY_PDOK_BESTUURLIJKE_GEBIEDEN", server.base_url + PROVINCE_PATH
    )
    config = SyncConfig(
        cbs_base=server.base_url,
        pdok_wijkenbuurten=server.base_url + "/wijkenbuurten/{year}/wfs/v1_0",
        pdok_bestuurlijke_gebieden=gone,
        page_size=1000,
    )
    result = sync_data(tmp_path / "data", 2024, config)
    assert result.counts["provincies"] == 12
    assert any(r.startswith("/kadaster/bestuurlijkegebieden") for r in server.requests)
    # a custom address is not second-guessed: its 404 is the error
    with pytest.raises(SyncError, match="HTTP 404"):
        sync_data(
            tmp_path / "other",
            2024,
            SyncConfig(
                cbs_base=server.base_url,
                pdok_wijkenbuurten=config.pdok_wijkenbuurten,
                pdok_bestuurlijke_gebieden=server.base_url + "/elders/wfs",
                page_size=1000,
            ),
        )


@pytest.mark.slow
def test_sync_keeps_and_checks_the_postcode_file(
    server: PublisherServer, shared_data_dir: Path, tmp_path: Path
) -> None:
    """The postcode SES-WOA file is not synced: a good one stays, a bad one stops the
    sync before anything is replaced."""
    target = tmp_path / "data"
    target.mkdir()
    pc4 = "cbs_ses_woa_pc4_2022.csv"
    shutil.copyfile(shared_data_dir / pc4, target / pc4)
    sync_data(target, 2024, _config(server.base_url, page_size=1000))
    assert sorted(load_dataset(target).ses_woa) == ["cbs", "postcode"]
    lines = (target / pc4).read_text(encoding="utf-8").splitlines()
    lines[5] = lines[5].replace(",GM0363,", ",GM9999,")
    (target / pc4).write_text("\n".join(lines) + "\n", encoding="utf-8")
    before = _snapshot(target)
    with pytest.raises(SyncError, match="niet gewijzigd") as exc_info:
        sync_data(target, 2024, _config(server.base_url, page_size=1000))
    assert "rij 6, kolom gemeente_code_2025_derived" in str(exc_info.value)
    assert _snapshot(target) == before


def test_missing_ses_table_fails_and_changes_nothing(
    publisher_data: PublisherData, shared_data_dir: Path, tmp_path: Path
) -> None:
    """A publisher that has KWB but not the SES-WOA table: the whole sync stops."""
    rows = {k: v for k, v in publisher_data.rows.items() if k != "86092NED"}
    props = {k: v for k, v in publisher_data.properties.items() if k != "86092NED"}
    partial = PublisherData(properties=props, rows=rows, layers=publisher_data.layers)
    target = tmp_path / "data"
    target.mkdir()
    (target / "gemeenten_2024.csv").write_bytes(
        (shared_data_dir / "gemeenten_2024.csv").read_bytes()
    )
    before = _snapshot(target)
    with PublisherServer(partial) as srv, pytest.raises(SyncError, match="HTTP 404"):
        sync_data(target, 2024, _config(srv.base_url, page_size=1000))
    assert _snapshot(target) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data"]
