# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Generate the committed OpenAPI document (A10): spectacular output + SPDX header.

drf-spectacular writes bare YAML, but every YAML file under src/ carries the
EUPL-1.2 header (bin/check_spdx.py). This wraps ``manage.py spectacular
--validate --fail-on-warn`` so the committed file and the drift check agree.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from django.core.management import call_command

DOCUMENT_PATH = Path(__file__).resolve().parent / "openapi.yaml"
REGENERATE_COMMAND = "uv run python manage.py openapi"
HEADER = (
    "# SPDX-License-Identifier: EUPL-1.2\n"
    "# Copyright (C) 2026 Migratieketen contributors\n"
    f"# Generated; do not edit. Regenerate with: {REGENERATE_COMMAND}\n"
)


def render_document() -> str:
    """The OpenAPI document as it should be committed (Dutch texts, validated)."""
    with tempfile.TemporaryDirectory() as tmp:
        target = Path(tmp) / "openapi.yaml"
        call_command(
            "spectacular",
            "--validate",
            "--fail-on-warn",
            "--lang",
            "nl",
            file=str(target),
        )
        return HEADER + target.read_text(encoding="utf-8")
