# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""The English catalogue is complete: every string translated, none fuzzy, none missing.

The interface is Dutch first with English as the second language (issue 11); an
untranslated entry shows Dutch in the English interface, a fuzzy one shows a
wrong guess (gettext ignores it), a stale catalogue misses new strings.
"""

from __future__ import annotations

import ast
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest

CATALOGUE = Path("src/migratieketen_web/locale/en/LC_MESSAGES/django.po")
FIX = (
    "Run `uv run python manage.py makemessages -l en -v 0`, translate every empty "
    "or fuzzy entry, then `uv run python manage.py compilemessages -l en`."
)


@dataclass
class Entry:
    msgid: str = ""
    plural: str | None = None
    msgstrs: list[str] = field(default_factory=list)
    flags: set[str] = field(default_factory=set)


def _parse(text: str) -> list[Entry]:
    """Read the live (non-obsolete) entries of a .po file; the header is left out."""
    entries: list[Entry] = []
    for block in text.split("\n\n"):
        entry, target = Entry(), None
        for line in block.splitlines():
            if line.startswith("#,"):
                entry.flags |= {f.strip() for f in line[2:].split(",")}
            elif line.startswith("#"):
                continue
            elif line.startswith("msgid_plural "):
                entry.plural, target = ast.literal_eval(line[13:]), "plural"
            elif line.startswith("msgid "):
                entry.msgid, target = ast.literal_eval(line[6:]), "msgid"
            elif line.startswith("msgstr"):
                entry.msgstrs.append(ast.literal_eval(line.split(" ", 1)[1]))
                target = "msgstr"
            elif line.startswith('"') and target is not None:
                part = ast.literal_eval(line)
                if target == "msgid":
                    entry.msgid += part
                elif target == "plural":
                    entry.plural = (entry.plural or "") + part
                else:
                    entry.msgstrs[-1] += part
        if entry.msgid and entry.msgstrs:
            entries.append(entry)
    return entries


def test_parser_reads_plurals_continuations_and_flags():
    text = (
        'msgid ""\nmsgstr ""\n"Language: en\\n"\n\n'
        '#, fuzzy, python-format\nmsgid ""\n"Lang "\n"zin"\nmsgstr "Long"\n\n'
        'msgid "%(n)s rij"\nmsgid_plural "%(n)s rijen"\nmsgstr[0] "%(n)s row"\nmsgstr[1] ""\n\n'
        '#~ msgid "Weg"\n#~ msgstr "Gone"\n'
    )
    first, second = _parse(text)
    assert (first.msgid, first.msgstrs, "fuzzy" in first.flags) == (
        "Lang zin",
        ["Long"],
        True,
    )
    assert (second.plural, second.msgstrs) == ("%(n)s rijen", ["%(n)s row", ""])


def test_every_english_entry_is_translated_and_not_fuzzy(repo_root):
    entries = _parse((repo_root / CATALOGUE).read_text(encoding="utf-8"))
    assert len(entries) > 1000, "the catalogue looks empty"
    untranslated = [e.msgid for e in entries if not all(s.strip() for s in e.msgstrs)]
    fuzzy = [e.msgid for e in entries if "fuzzy" in e.flags]
    assert not untranslated, (
        f"{len(untranslated)} untranslated, e.g. {untranslated[:5]}. {FIX}"
    )
    assert not fuzzy, f"{len(fuzzy)} fuzzy, e.g. {fuzzy[:5]}. {FIX}"


@pytest.mark.slow
@pytest.mark.skipif(
    not (shutil.which("xgettext") and shutil.which("msgmerge")),
    reason="needs GNU gettext",
)
def test_english_catalogue_is_not_stale(repo_root, tmp_path):
    """makemessages on a copy of src/ finds no msgid the catalogue lacks or no longer uses.

    A copy, because makemessages writes into every locale folder it walks past.
    """
    shutil.copytree(
        repo_root / "src",
        tmp_path / "src",
        ignore=shutil.ignore_patterns("__pycache__", "*.mo", "node_modules", "static"),
    )
    copy = tmp_path / CATALOGUE
    (tmp_path / "catalogue_settings.py").write_text(
        "from migratieketen_web.conf.test import *  # noqa: F403\n"
        f"LOCALE_PATHS = [{str(copy.parents[2])!r}]\n",
        encoding="utf-8",
    )
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "catalogue_settings",
        "PYTHONPATH": os.pathsep.join(
            [str(tmp_path), os.environ.get("PYTHONPATH", "")]
        ),
    }
    subprocess.run(
        [sys.executable, "-m", "django", "makemessages", "-l", "en", "-v", "0"],
        cwd=tmp_path,
        env=env,
        check=True,
        capture_output=True,
    )
    fresh = {e.msgid for e in _parse(copy.read_text(encoding="utf-8"))}
    committed = {
        e.msgid for e in _parse((repo_root / CATALOGUE).read_text(encoding="utf-8"))
    }
    assert not fresh - committed, (
        f"missing in the catalogue: {sorted(fresh - committed)[:5]}. {FIX}"
    )
    assert not committed - fresh, (
        f"no longer used: {sorted(committed - fresh)[:5]}. {FIX}"
    )
