# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Find static files that templates use but the static storage cannot serve.

With the manifest storage of production, a template that names a file missing
from the manifest fails with a 500 on every page ("Missing staticfiles manifest
entry"). `migratieketen serve` calls this after collectstatic and refuses to
start instead, naming the files and the command that builds them.
"""

from __future__ import annotations

import re
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import ManifestFilesMixin, staticfiles_storage

STATIC_TAG = re.compile(r"""\{%\s*static\s+['"]([^'"]+)['"]\s*%\}""")
TEMPLATE_ROOT = Path(__file__).resolve().parent


def referenced_static_files(root: Path = TEMPLATE_ROOT) -> set[str]:
    """Every literal path in a ``{% static '...' %}`` tag of our own templates."""
    found: set[str] = set()
    for template in root.rglob("templates/**/*.html"):
        found.update(STATIC_TAG.findall(template.read_text(encoding="utf-8")))
    return found


def _servable(name: str) -> bool:
    if isinstance(staticfiles_storage, ManifestFilesMixin):
        try:
            staticfiles_storage.stored_name(name)
        except ValueError:
            return False
        return True
    if getattr(settings, "WHITENOISE_USE_FINDERS", False):
        return finders.find(name) is not None
    return staticfiles_storage.exists(name)


def missing_static_files() -> list[str]:
    """Referenced static files the storage cannot serve, sorted."""
    return sorted(name for name in referenced_static_files() if not _servable(name))
