# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Issue 9 #12: production settings pass `check --deploy`, refuse a weak SECRET_KEY,
and trust a proxy's HTTPS header only when configured."""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

import pytest

from migratieketen_web.conf.hardening import (
    proxy_ssl_header,
    require_strong_secret_key,
    weak_secret_key_reason,
)

REPO = Path(__file__).resolve().parents[2]


def _manage(tmp_path: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "migratieketen_web.conf.production",
        "MIGRATIEKETEN_VAR_DIR": str(tmp_path),
        "MIGRATIEKETEN_DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "ALLOWED_HOSTS": "migratieketen.example.nl",
        **env,
    }
    environment.pop("MIGRATIEKETEN_HTTPS", None)
    # Set by tests/browser_support.py for Playwright; never part of a deployment.
    environment.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=REPO,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.slow
def test_check_deploy_is_clean_for_the_production_settings(tmp_path):
    result = _manage(
        tmp_path,
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        SECRET_KEY=secrets.token_urlsafe(50),
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


@pytest.mark.slow
def test_a_weak_secret_key_stops_the_start_with_a_dutch_message(tmp_path):
    result = _manage(tmp_path, "check", SECRET_KEY="geheim")
    assert result.returncode != 0
    assert "SECRET_KEY is te zwak" in result.stderr


# Fixed ids: xdist workers must collect the same test names (no random key in an id).
WEAK_KEYS = {
    "short": lambda: "kort",
    "django-insecure": lambda: "django-insecure-" + secrets.token_urlsafe(50),
    "one-character": lambda: "a" * 80,
    "two-characters": lambda: "ab" * 40,
    "repeated-block": lambda: "0123456789" * 6,
}
STRONG_KEYS = {
    "token_urlsafe-50": lambda: secrets.token_urlsafe(50),
    "token_hex-32": lambda: secrets.token_hex(32),
    "token_hex-40": lambda: secrets.token_hex(40),
}


@pytest.mark.parametrize("make_key", WEAK_KEYS.values(), ids=WEAK_KEYS.keys())
def test_weak_keys_are_refused(make_key):
    key = make_key()
    assert weak_secret_key_reason(key) is not None
    with pytest.raises(ImproperlyConfigured, match="te zwak"):
        require_strong_secret_key(key)


@pytest.mark.parametrize("make_key", STRONG_KEYS.values(), ids=STRONG_KEYS.keys())
def test_random_keys_pass(make_key):
    assert weak_secret_key_reason(make_key()) is None


def test_proxy_ssl_header_is_parsed_or_refused():
    assert proxy_ssl_header("") is None
    assert proxy_ssl_header("HTTP_X_FORWARDED_PROTO=https") == (
        "HTTP_X_FORWARDED_PROTO",
        "https",
    )
    with pytest.raises(ImproperlyConfigured, match="HTTP_X_FORWARDED_PROTO=https"):
        proxy_ssl_header("X-Forwarded-Proto")


@pytest.mark.slow
def test_proxy_ssl_header_reaches_the_settings(tmp_path):
    result = _manage(
        tmp_path,
        "shell",
        "-c",
        "from django.conf import settings; print(settings.SECURE_PROXY_SSL_HEADER)",
        MIGRATIEKETEN_PROXY_SSL_HEADER="HTTP_X_FORWARDED_PROTO=https",
    )
    assert result.returncode == 0, result.stderr
    assert "('HTTP_X_FORWARDED_PROTO', 'https')" in result.stdout
