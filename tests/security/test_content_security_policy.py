# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Issue 9 #12: a strict Content-Security-Policy, and no template that it would break.

The policy allows scripts and styles from our own static files only, so every
template must do without inline <script>, <style>, style="" and on...="".
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[2] / "src" / "migratieketen_web"
# Read only by WeasyPrint to make the PDF, never sent to a browser: its paged-media
# rules (@page with the gemeente's name in the footer) must sit in the document.
PRINT_ONLY = {"werkplaats/templates/werkplaats/rapport.html"}
TEMPLATES = sorted(
    p
    for p in SRC.rglob("templates/**/*.html")
    if p.relative_to(SRC).as_posix() not in PRINT_ONLY
)

INLINE = {
    "inline script": re.compile(
        r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/json\")[^>]*>", re.I
    ),
    "style element": re.compile(r"<style\b", re.I),
    "style attribute": re.compile(r"\sstyle\s*=", re.I),
    "event handler": re.compile(r"\son[a-z]+\s*=", re.I),
    "javascript: URL": re.compile(
        r"(href|src|action)\s*=\s*[\"']?\s*javascript:", re.I
    ),
}


def test_templates_were_found():
    assert len(TEMPLATES) > 20


def test_print_only_templates_are_rendered_by_the_pdf_code_alone():
    """The exemption holds only while no view renders them as a page."""
    for relative in PRINT_ONLY:
        name = relative.split("/templates/", 1)[1]
        users = [
            p.relative_to(SRC).as_posix()
            for p in SRC.rglob("*.py")
            if f'"{name}"' in p.read_text(encoding="utf-8")
        ]
        assert users == ["werkplaats/report.py"], users


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda p: str(p.relative_to(SRC)))
def test_no_template_needs_an_inline_exception(template):
    text = template.read_text(encoding="utf-8")
    found = [name for name, pattern in INLINE.items() if pattern.search(text)]
    assert not found, f"{template.relative_to(SRC)}: {found}"


def test_pages_carry_the_strict_policy(client, db):
    response = client.get("/api/v1/docs")
    policy = response["Content-Security-Policy"]
    directives = dict(
        (part.strip().split(" ", 1) + [""])[:2] for part in policy.split(";")
    )
    assert directives["script-src"] == "'self'"
    assert directives["style-src"] == "'self'"
    assert directives["object-src"] == "'none'"
    assert directives["frame-ancestors"] == "'none'"
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
