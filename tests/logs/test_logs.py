# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""migratieketen.logs: BSNs masked and personal fields dropped on every line, from
structlog and from the standard library alike, in JSON and in readable form."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator

import pytest
import structlog
from hypothesis import given
from hypothesis import strategies as st

from migratieketen import logs
from migratieketen.bsn import is_valid_bsn

VALID = "111222333"  # 9+8+7+12+10+8+9+6-3 = 66, divisible by 11
INVALID = "123456789"  # fails the elfproef: not a BSN, stays readable


@pytest.fixture
def global_logging() -> Iterator[None]:
    """Let a test configure logging globally, and put the previous setup back."""
    root = logging.getLogger()
    django = logging.getLogger("django")
    saved = (root.handlers[:], root.level, django.handlers[:], django.propagate)
    saved_structlog = structlog.get_config()
    try:
        yield
    finally:
        root.handlers[:], django.handlers[:] = saved[0], saved[2]
        root.setLevel(saved[1])
        django.propagate = saved[3]
        structlog.configure(**saved_structlog)


def test_valid_and_invalid_examples() -> None:
    assert is_valid_bsn(VALID) and not is_valid_bsn(INVALID)


def test_a_valid_bsn_is_masked_in_any_common_spelling() -> None:
    for spelled in (VALID, "1112.22.333", "111 222 333", "111-222-333"):
        text = logs.mask_bsn(f"persoon {spelled} gevonden")
        assert text == f"persoon {logs.BSN_MASK} gevonden", spelled


def test_numbers_that_are_no_bsn_stay() -> None:
    for text in (INVALID, "1112223334", "11122233", "GM0363", "2024-10-01"):
        assert logs.mask_bsn(text) == text


@st.composite
def bsns(draw: st.DrawFn) -> str:
    head = draw(st.lists(st.integers(0, 9), min_size=8, max_size=8))
    check = sum((9 - i) * d for i, d in enumerate(head)) % 11
    return "".join(map(str, head)) + str(check) if check < 10 and any(head) else VALID


@given(bsn=bsns(), before=st.text(max_size=20), after=st.text(max_size=20))
def test_no_valid_bsn_survives_masking(bsn: str, before: str, after: str) -> None:
    masked = logs.mask_bsn(f"{before} {bsn} {after}")
    assert bsn not in masked


def test_personal_keys_are_recognised() -> None:
    for key in ("bsn", "BSN", "person_bsn", "naam", "geboortedatum", "user_email"):
        assert logs.is_personal_key(key), key
    for key in ("gemeente", "job", "kind", "event", "level", "logger"):
        assert not logs.is_personal_key(key), key


def test_the_processor_drops_and_masks() -> None:
    event = {
        "event": f"gevonden: {VALID}",
        "bsn": VALID,
        "naam": "Zainab",
        "gemeente": "GM0363",
        "count": int(VALID),
        "rows": [{"email": "a@b.nl", "note": f"bsn {VALID}"}],
    }
    out = logs.drop_personal_data(None, "info", event)
    assert "bsn" not in out and "naam" not in out
    assert out["event"] == f"gevonden: {logs.BSN_MASK}"
    assert out["count"] == logs.BSN_MASK
    assert out["rows"] == [{"email": logs.DROPPED, "note": f"bsn {logs.BSN_MASK}"}]
    assert out["gemeente"] == "GM0363"


def _lines(err: str) -> list[str]:
    return [line for line in err.splitlines() if line.strip()]


def test_json_lines_mask_structlog_and_stdlib_lines(
    global_logging: None, capsys: pytest.CaptureFixture[str]
) -> None:
    logs.configure(json=True, level="INFO")
    logs.get_logger("migratieketen.test").info(
        "persoon_gevonden", bsn=VALID, naam="Zainab", detail=f"rij met {VALID}"
    )
    logging.getLogger("django.request").warning("Not Found: /inburgering/%s", VALID)
    try:
        raise ValueError(f"onbekend BSN {VALID}")
    except ValueError:
        logs.get_logger("migratieketen.test").exception("mislukt")
    lines = _lines(capsys.readouterr().err)
    assert len(lines) == 3
    records = [json.loads(line) for line in lines]
    assert all(VALID not in line and "Zainab" not in line for line in lines)
    first, second, third = records
    assert first["event"] == "persoon_gevonden" and "bsn" not in first
    assert first["detail"] == f"rij met {logs.BSN_MASK}"
    assert first["level"] == "info" and first["logger"] == "migratieketen.test"
    assert second["event"] == f"Not Found: /inburgering/{logs.BSN_MASK}"
    assert "ValueError: onbekend BSN *********" in third["exception"]


def test_readable_lines_in_development(
    global_logging: None, capsys: pytest.CaptureFixture[str]
) -> None:
    logs.configure(json=False, level="INFO")
    logs.get_logger("migratieketen.test").warning(
        "koppeling %s", VALID, gemeente="GM0363"
    )
    (line,) = _lines(capsys.readouterr().err)
    assert line.lstrip()[0] != "{"
    assert f"koppeling {logs.BSN_MASK}" in line and "gemeente=GM0363" in line
    assert VALID not in line


def test_the_level_filters(
    global_logging: None, capsys: pytest.CaptureFixture[str]
) -> None:
    logs.configure(json=True, level="WARNING")
    logs.get_logger("migratieketen.test").info("niet_getoond")
    logging.getLogger("migratieketen.test").info("ook niet")
    assert _lines(capsys.readouterr().err) == []
