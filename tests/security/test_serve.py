# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Issue 9 #2 and #10: `migratieketen serve` is safe by default.

Without --dev it runs the production settings; it refuses to start when a static
file that the pages use is missing, instead of a 500 ("Missing staticfiles
manifest entry") on every page.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from django.conf import settings

import pytest
import typer

from migratieketen_cli import web_commands
from migratieketen_web.staticcheck import missing_static_files, referenced_static_files

SRC_STATIC = (
    Path(__file__).resolve().parents[2] / "src" / "migratieketen_web" / "static"
)


def test_every_static_file_the_templates_use_exists():
    """The NL Design System CSS and Swagger UI are built (npm run build)."""
    assert {
        "vendor/utrecht/component-library.css",
        "vendor/swagger-ui/swagger-ui-bundle.js",
        "css/migratieketen.css",
    } <= referenced_static_files()
    assert missing_static_files() == []


@pytest.fixture
def static_without_vendor(tmp_path, settings):
    """Manifest storage and a static folder as a clone has it before npm run build."""
    source = tmp_path / "static"
    for folder in SRC_STATIC.iterdir():  # what git holds: everything but vendor/
        if folder.is_dir() and folder.name != "vendor":
            shutil.copytree(folder, source / folder.name)
    settings.STATICFILES_DIRS = [source]
    settings.STATIC_ROOT = tmp_path / "collected"
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {
            "BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"
        },
    }
    settings.WHITENOISE_USE_FINDERS = False
    return source


@pytest.mark.slow
def test_serve_refuses_to_start_without_the_built_css(static_without_vendor, capsys):
    with pytest.raises(typer.Exit) as stopped:
        web_commands._collect_static()
    assert stopped.value.exit_code == 1
    message = " ".join(capsys.readouterr().err.split())
    assert "Statische bestanden ontbreken" in message
    assert "vendor/utrecht/component-library.css" in message
    assert "npm ci && npm run build" in message


@pytest.mark.slow
def test_serve_starts_when_the_static_files_are_complete(static_without_vendor, capsys):
    shutil.copytree(SRC_STATIC / "vendor", static_without_vendor / "vendor")
    web_commands._collect_static()  # no exit
    assert (Path(settings.STATIC_ROOT) / "staticfiles.json").exists()


@pytest.fixture
def environment(monkeypatch):
    """Both variables unset, and restored afterwards even if serve sets them."""
    for name in ("DJANGO_SETTINGS_MODULE", "MIGRATIEKETEN_HTTPS"):
        monkeypatch.setenv(name, "recorded-for-restore")
        monkeypatch.delenv(name)
    return monkeypatch


def _env(name: str) -> str | None:
    import os

    return os.environ.get(name)


def test_serve_without_dev_uses_production_settings_even_over_ours(environment):
    environment.setenv("DJANGO_SETTINGS_MODULE", "migratieketen_web.conf.dev")
    web_commands._choose_serve_settings(dev=False, host="127.0.0.1")
    assert _env("DJANGO_SETTINGS_MODULE") == "migratieketen_web.conf.production"
    assert _env("MIGRATIEKETEN_HTTPS") == "false"  # loopback: no TLS proxy


def test_serve_on_a_public_address_keeps_https_only_cookies(environment):
    web_commands._choose_serve_settings(dev=False, host="0.0.0.0")
    assert _env("DJANGO_SETTINGS_MODULE") == "migratieketen_web.conf.production"
    assert _env("MIGRATIEKETEN_HTTPS") is None  # production default: HTTPS


def test_serve_keeps_a_deployments_own_settings_module(environment):
    environment.setenv("DJANGO_SETTINGS_MODULE", "gemeente_x.settings")
    web_commands._choose_serve_settings(dev=False, host="127.0.0.1")
    assert _env("DJANGO_SETTINGS_MODULE") == "gemeente_x.settings"


def test_serve_dev_uses_the_dev_settings(environment):
    web_commands._choose_serve_settings(dev=True, host="127.0.0.1")
    assert _env("DJANGO_SETTINGS_MODULE") == "migratieketen_web.conf.dev"


def test_serve_refuses_debug_without_dev(settings, capsys):
    settings.DEBUG = True
    with pytest.raises(typer.Exit) as stopped:
        web_commands._refuse_debug_without_dev(dev=False)
    assert stopped.value.exit_code == 2
    assert "--dev" in capsys.readouterr().err
    web_commands._refuse_debug_without_dev(dev=True)  # allowed with --dev
