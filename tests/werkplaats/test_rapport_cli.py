# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""`migratieketen rapport`: the same report from the command line."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pypdf import PdfReader
from typer.testing import CliRunner

from migratieketen_cli.main import app

pytestmark = pytest.mark.django_db


def test_cli_writes_the_pdf_and_refuses_a_bad_half_year(tmp_path: Path) -> None:
    out = tmp_path / "rapport.pdf"
    runner = CliRunner()
    result = runner.invoke(
        app, ["rapport", "GM0984", "--halfjaar", "2025-1", "--uit", str(out)]
    )
    assert result.exit_code == 0, result.output
    text = " ".join(p.extract_text() for p in PdfReader(out).pages)
    assert "Venray" in text
    assert re.search(r"Taakstelling per halfjaar voor\s+Venray", text)
    bad = runner.invoke(
        app, ["rapport", "GM0984", "--halfjaar", "2025-3", "--uit", str(out)]
    )
    assert bad.exit_code == 2 and "Ongeldig halfjaar" in bad.output
