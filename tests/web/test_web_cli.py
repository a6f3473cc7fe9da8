# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""`migratieketen data import` and `migratieketen serve` as a user runs them."""

from __future__ import annotations

import http.client
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from typer.testing import CliRunner
from web_support import copy_data_dir, db_state, edit_csv

from migratieketen_cli.main import app

REPO = Path(__file__).resolve().parents[2]


@pytest.mark.django_db
def test_data_import_of_bad_folder_shows_issues_exits_1_and_changes_nothing(
    shared_data_dir: Path, tmp_path: Path
) -> None:
    data_dir = copy_data_dir(shared_data_dir, tmp_path / "data")

    def break_row(rows: list[list[str]]) -> list[list[str]]:
        rows[1][rows[0].index("inwoners_2024")] = "veel"
        return rows

    edit_csv(data_dir / "gemeenten_2024.csv", break_row)
    before = db_state()
    result = CliRunner().invoke(app, ["data", "import", str(data_dir)])
    assert result.exit_code == 1
    assert "geen geheel getal" in result.output
    assert "niet gewijzigd" in result.output
    assert db_state() == before


@pytest.mark.django_db
def test_data_import_of_missing_folder_exits_1(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["data", "import", str(tmp_path / "bestaat-niet")])
    assert result.exit_code == 1
    assert "Map niet gevonden" in result.output


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


REFUSED_BY_RESET = 0


def _post(port: int, size: int, chunked: bool) -> tuple[int, str]:
    """Status and text of a POST to / with `size` bytes, chunked (no Content-Length)
    or not."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        body = b"x" * size
        if chunked:
            connection.request("POST", "/", body=iter([body]), encode_chunked=True)
        else:
            connection.request("POST", "/", body=body)
        response = connection.getresponse()
        return response.status, response.read().decode(errors="replace")
    except (ConnectionResetError, BrokenPipeError):
        # A server that refuses a body closes before reading it all; the kernel
        # then resets the connection, which may discard the 413 already sent.
        return REFUSED_BY_RESET, ""
    finally:
        connection.close()


@pytest.mark.slow
def test_serve_starts_from_an_empty_database(
    shared_data_dir: Path, tmp_path: Path
) -> None:
    """One command: migrate, import the open data, collect static files, serve.

    As bin/run starts it: the production settings (no --dev), so no debug page.
    """
    port = _free_port()
    env = {
        **{k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"},
        "MIGRATIEKETEN_VAR_DIR": str(tmp_path / "var"),
        "MIGRATIEKETEN_DATABASE_URL": f"sqlite:///{tmp_path / 'var' / 'db.sqlite3'}",
        "MIGRATIEKETEN_DATA_DIR": str(shared_data_dir),
        # Small body limits (waitress's cap is the largest: 4096), quick to reach.
        "MIGRATIEKETEN_WEB_MAX_BODY_BYTES": "2048",
        "MIGRATIEKETEN_MAX_UPLOAD_BYTES": "4096",
        "MIGRATIEKETEN_API_MAX_BODY_BYTES": "1024",
    }
    log = tmp_path / "serve.log"
    log_file = log.open("w", encoding="utf-8")
    process = subprocess.Popen(
        [
            str(Path(sys.executable).parent / "migratieketen"),
            "serve",
            "--port",
            str(port),
        ],
        cwd=REPO,
        env=env,
        stdout=log_file,  # a file: an unread pipe fills and blocks the server
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        html = ""
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            if process.poll() is not None:
                pytest.fail(f"serve stopped: {log.read_text(encoding='utf-8')}")
            try:
                with urllib.request.urlopen(
                    f"http://127.0.0.1:{port}/", timeout=5
                ) as r:
                    html = r.read().decode()
                break
            except OSError:
                time.sleep(0.5)
        assert html.count('class="mk-area') == 342
        css = f"http://127.0.0.1:{port}/static/css/migratieketen.css"
        with urllib.request.urlopen(css, timeout=5) as r:
            assert r.status == 200
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/bestaat-niet", timeout=5)
        except urllib.error.HTTPError as missing:
            page = missing.read().decode()
            assert missing.code == 404
            assert "Pagina niet gevonden" in page
            assert "DEBUG" not in page and "Traceback" not in page
            assert "script-src 'self'" in missing.headers["Content-Security-Policy"]
        else:
            pytest.fail("/bestaat-niet did not answer 404")
        status, page = _post(port, 3000, chunked=False)  # under waitress's cap
        assert (status, "De aanvraag is te groot" in page) == (413, True)
        status, text = _post(port, 10_000, chunked=True)  # waitress refuses it
        assert (
            status in (413, REFUSED_BY_RESET) and "De aanvraag is te groot" not in text
        )
        with urllib.request.urlopen(css, timeout=5) as r:  # and keeps serving
            assert r.status == 200
    finally:
        process.terminate()
        process.wait(timeout=30)
        log_file.close()
    output = log.read_text(encoding="utf-8")
    assert f"http://127.0.0.1:{port}/" in output
    assert "productie-instellingen" in output
