# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Real processes for the job runner's end-to-end tests: `serve`, `worker`, HTTP.

Each test gets its own database (a SQLite file, or a PostgreSQL database named after
the configured one with `_e2e`), so the processes share it exactly as a deployment
does; nothing is faked between them. Output goes to files (never a pipe that could
fill up and block a process).
"""

from __future__ import annotations

import json
import os
import re
import signal
import socket
import sqlite3
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.cookiejar import CookieJar
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
CLI = str(Path(sys.executable).parent / "migratieketen")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class Database:
    url: str
    path: Path | None = None  # SQLite file

    def rows(self, sql: str) -> list[tuple[Any, ...]]:
        """Read the e2e database directly (what the processes wrote)."""
        if self.path is not None:
            with sqlite3.connect(self.path, timeout=30) as conn:
                return list(conn.execute(sql).fetchall())
        import psycopg

        with psycopg.connect(self.url.replace("postgres://", "postgresql://")) as conn:
            return list(conn.execute(sql).fetchall())  # type: ignore[arg-type]


@contextmanager
def e2e_database(tmp_path: Path, configured_url: str) -> Iterator[Database]:
    """A fresh, empty database of the kind the test session uses."""
    if not configured_url.startswith(("postgres://", "postgresql://")):
        path = tmp_path / "e2e.sqlite3"
        yield Database(f"sqlite:///{path}", path)
        return
    import psycopg

    parsed = urllib.parse.urlparse(configured_url)
    worker = os.environ.get("PYTEST_XDIST_WORKER", "")
    name = f"{parsed.path.lstrip('/')}_e2e{('_' + worker) if worker else ''}"
    admin = parsed._replace(scheme="postgresql", path="/postgres").geturl()
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        yield Database(parsed._replace(path=f"/{name}").geturl())
    finally:
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@dataclass
class Process:
    popen: subprocess.Popen[bytes]
    log: Path

    def output(self) -> str:
        return self.log.read_text(errors="replace")

    def wait_for(self, pattern: str, timeout: float = 120) -> re.Match[str]:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            match = re.search(pattern, self.output())
            if match:
                return match
            if self.popen.poll() is not None:
                raise AssertionError(f"process stopped:\n{self.output()[-3000:]}")
            time.sleep(0.2)
        raise AssertionError(
            f"no {pattern!r} within {timeout} s:\n{self.output()[-3000:]}"
        )

    def stop(self, timeout: float = 60) -> int:
        if self.popen.poll() is None:
            self.popen.send_signal(signal.SIGTERM)
        return self.popen.wait(timeout=timeout)


@dataclass
class Deployment:
    """One database and data folder, with `serve` and `worker` processes on it."""

    tmp_path: Path
    database: Database
    data_dir: Path
    extra_env: dict[str, str] = field(default_factory=dict)
    processes: list[Process] = field(default_factory=list)

    def env(self) -> dict[str, str]:
        return {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "migratieketen_web.conf.dev",
            "MIGRATIEKETEN_VAR_DIR": str(self.tmp_path / "var"),
            "MIGRATIEKETEN_DATABASE_URL": self.database.url,
            "MIGRATIEKETEN_DATA_DIR": str(self.data_dir),
            "PYTHONUNBUFFERED": "1",
            **self.extra_env,
        }

    def _start(self, name: str, args: list[str]) -> Process:
        log = self.tmp_path / f"{name}-{len(self.processes)}.log"
        with log.open("wb") as out:
            popen = subprocess.Popen(
                [CLI, *args], cwd=REPO, env=self.env(), stdout=out, stderr=out
            )
        process = Process(popen, log)
        self.processes.append(process)
        return process

    def serve(self, port: int, workers: int) -> Process:
        process = self._start(
            "serve", ["serve", "--port", str(port), "--werkers", str(workers)]
        )
        process.wait_for(r"draait op http://127\.0\.0\.1:\d+/", timeout=180)
        # The line is printed just before waitress listens: wait until it answers.
        poll(lambda: _answers(port), timeout=30)
        return process

    def worker(self) -> Process:
        process = self._start("worker", ["worker"])
        process.wait_for(r"Rekenwerker \S+ gestart", timeout=60)
        return process

    def stop_all(self) -> None:
        for process in self.processes:
            if process.popen.poll() is None:
                process.popen.kill()
                process.popen.wait(timeout=30)


def _answers(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=1):
            return True
    except OSError:
        return False


@dataclass
class Reply:
    status: int
    body: bytes
    headers: dict[str, str]
    url: str = ""

    def json(self) -> Any:
        return json.loads(self.body)


class Http:
    """A client with cookies (session, CSRF) for one test."""

    def __init__(self, port: int) -> None:
        self.base = f"http://127.0.0.1:{port}"
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(CookieJar())
        )

    def request(
        self,
        path: str,
        data: bytes | None = None,
        headers: dict[str, str] | None = None,
    ) -> Reply:
        url = path if path.startswith("http") else self.base + path
        req = urllib.request.Request(url, data=data, headers=headers or {})
        try:
            with self.opener.open(req, timeout=60) as r:
                return Reply(r.status, r.read(), dict(r.headers), r.geturl())
        except urllib.error.HTTPError as exc:
            return Reply(exc.code, exc.read(), dict(exc.headers), url)

    def get(self, path: str) -> Reply:
        return self.request(path)

    def post_json(self, path: str, body: Any) -> Reply:
        return self.request(
            path, json.dumps(body).encode(), {"Content-Type": "application/json"}
        )

    def post_form(self, path: str, fields: dict[str, str]) -> Reply:
        """A form POST as a browser sends it: the CSRF token of the page first."""
        page = self.get(path).body.decode()
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
        assert token, "no CSRF token on the page"
        data = urllib.parse.urlencode({"csrfmiddlewaretoken": token[1], **fields})
        return self.request(
            path,
            data.encode(),
            {
                "Content-Type": "application/x-www-form-urlencoded",
                "Referer": self.base + path,
            },
        )


def concurrently(count: int, call: Any) -> list[Any]:
    """`call(i)` in `count` threads released at the same moment; their results."""
    barrier = threading.Barrier(count)
    results: list[Any] = [None] * count

    def one(i: int) -> None:
        barrier.wait()
        results[i] = call(i)

    threads = [threading.Thread(target=one, args=(i,)) for i in range(count)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    return results


def poll(check: Any, timeout: float, every: float = 0.1) -> Any:
    """Call `check()` until it returns something truthy; fail after `timeout`."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = check()
        if value:
            return value
        time.sleep(every)
    raise AssertionError(f"condition not met within {timeout} s")
