# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""The API keeps its contract: schemathesis against the committed OpenAPI document.

Issue 9, "Contract and fuzzing in CI": a live server (waitress, production
settings, the real open data, its own database) is fuzzed through every
operation of src/migratieketen_web/api/openapi.yaml. Required: no 5xx, no answer
the document does not describe (status, content type, headers, body schema),
invalid input rejected, undeclared methods answered 405.

One check is left out, with its reason: ``positive_data_acceptance`` expects
every body that fits the schema to be accepted, but a scenario (POST
/scenarioruns) is a free-form object whose validity the chain model decides;
random objects are rightly refused with a 400 problem, which the document states.

Bounded for 2 cores: deterministic generation and MIGRATIEKETEN_CONTRACT_EXAMPLES
examples per operation (default 15): about 1,200 requests in 1.5 minutes, plus
about a minute to import the data and compute a small forecast first (so no
request meets a forecast being computed).
"""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlparse

import pytest

from migratieketen_web.api.openapi_document import DOCUMENT_PATH

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
PRECOMPUTE_FORECAST = (
    "from migratieketen_web.prognoses.services import current_forecast; "
    "current_forecast(background=False)"
)
BIN = Path(sys.executable).parent
EXAMPLES = os.environ.get("MIGRATIEKETEN_CONTRACT_EXAMPLES", "15")

pytestmark = pytest.mark.slow


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _database_url(tmp: Path) -> str:
    """SQLite in tmp; on the PostgreSQL run a fresh '<test db>_contract' database."""
    configured = os.environ.get("MIGRATIEKETEN_DATABASE_URL", "")
    if not configured.startswith(("postgres://", "postgresql://")):
        return f"sqlite:///{tmp / 'contract.sqlite3'}"
    import psycopg

    parsed = urlparse(configured)
    name = f"{parsed.path.lstrip('/') or 'test'}_contract"
    admin = parsed._replace(path="/postgres").geturl()
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')
    return parsed._replace(path=f"/{name}").geturl()


def _drop_database(url: str) -> None:
    if not url.startswith(("postgres://", "postgresql://")):
        return
    import psycopg

    parsed = urlparse(url)
    admin = parsed._replace(path="/postgres").geturl()
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(
            f'DROP DATABASE IF EXISTS "{parsed.path.lstrip("/")}" WITH (FORCE)'
        )


def _wait_until_up(url: str, process: subprocess.Popen[str], log: Path) -> None:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"API server stopped: {log.read_text(encoding='utf-8')}")
        try:
            with urllib.request.urlopen(url, timeout=5):
                return
        except OSError:
            time.sleep(0.5)
    pytest.fail("API server did not come up within 120 s")


@pytest.fixture(scope="module")
def api_server(tmp_path_factory, shared_data_dir: Path) -> Iterator[str]:
    """migrate + import the open data, compute the (small) forecast, then waitress
    with the production settings (contract_settings.py)."""
    tmp = tmp_path_factory.mktemp("contract")
    database_url = _database_url(tmp)
    python_path = os.pathsep.join(
        [str(HERE), *filter(None, [os.environ.get("PYTHONPATH")])]
    )
    env = {
        **{k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"},
        "DJANGO_SETTINGS_MODULE": "contract_settings",
        "PYTHONPATH": python_path,
        "MIGRATIEKETEN_HTTPS": "false",
        "MIGRATIEKETEN_VAR_DIR": str(tmp / "var"),
        "MIGRATIEKETEN_DATABASE_URL": database_url,
        "MIGRATIEKETEN_DATA_DIR": str(shared_data_dir),
    }
    subprocess.run(
        [str(BIN / "migratieketen"), "data", "import", str(shared_data_dir)],
        cwd=REPO,
        env=env,
        check=True,
        capture_output=True,
        timeout=300,
    )
    subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", PRECOMPUTE_FORECAST],
        cwd=REPO,
        env=env,
        check=True,
        capture_output=True,
        timeout=600,
    )
    port = _free_port()
    # The server's log goes to a file: a pipe nobody reads fills up (64 KiB of
    # "Bad Request" lines) and then blocks every request thread on its next write.
    log = tmp / "server.log"
    log_file = log.open("w", encoding="utf-8")
    process = subprocess.Popen(
        [
            str(BIN / "waitress-serve"),
            "--listen",
            f"127.0.0.1:{port}",
            "--threads",
            "4",
            "migratieketen_web.wsgi:application",
        ],
        cwd=REPO,
        env=env,
        stdout=log_file,
        stderr=subprocess.STDOUT,
        text=True,
    )
    base = f"http://127.0.0.1:{port}/api/v1"
    try:
        _wait_until_up(base, process, log)
        yield base
    finally:
        process.terminate()
        process.wait(timeout=30)
        log_file.close()
        _drop_database(database_url)


def test_every_operation_keeps_the_documented_contract(api_server, tmp_path):
    report = tmp_path / "schemathesis.txt"
    command = [
        str(BIN / "schemathesis"),
        "run",
        str(DOCUMENT_PATH),
        "--url",
        api_server,
        "--checks",
        "all",
        "--exclude-checks",
        "positive_data_acceptance",
        "--phases",
        "examples,coverage,fuzzing",
        "--max-examples",
        EXAMPLES,
        "--generation-deterministic",
        "--workers",  # one: with two, hypothesis' lambda-source parsing in threads
        "1",  # once raised "AST constructor recursion depth mismatch" (CPython 3.11)
        "--suppress-health-check",
        "all",
        "--request-timeout",
        "60",
    ]
    with report.open("w") as out:
        result = subprocess.run(
            command, cwd=tmp_path, stdout=out, stderr=subprocess.STDOUT, timeout=900
        )
    output = report.read_text()
    assert result.returncode == 0, (
        f"schemathesis found contract failures:\n{output[-20000:]}"
    )
    selected = re.search(r"Selected: (\d+)/(\d+)", output)
    tested = re.search(r"Tested: (\d+)", output)
    assert selected and tested, output[-3000:]
    assert selected[1] == selected[2] == tested[1], "not every operation was tested"
