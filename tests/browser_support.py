# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Starting Debian's Chromium (/usr/bin/chromium) through Playwright for browser tests.

Why one place: every browser test must use the system Chromium (Playwright never
downloads a browser of its own) with the same quiet flags, and skip cleanly where it
is not installed.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

# Playwright's sync API runs an event loop; Django's ORM in the fixtures is sync.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = Path("/usr/bin/chromium")

CHROMIUM_ARGS = (
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
)

needs_chromium = pytest.mark.skipif(
    not CHROMIUM.exists(), reason="Debian chromium not installed"
)


@contextmanager
def launched_chromium() -> Iterator[Any]:
    """A headless system Chromium, closed (with Playwright) when the block ends."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=list(CHROMIUM_ARGS)
        )
        try:
            yield browser
        finally:
            browser.close()
            close_connections_opened_inside()


def close_connections_opened_inside() -> None:
    """Close the database connections the test opened while Playwright ran.

    Playwright's sync API runs an event loop in this thread, so Django keeps the
    connections opened meanwhile apart from the thread's own (asgiref's Local holds them
    per context, not per thread). Django's teardown closes only the thread's own; one
    left open kept PostgreSQL from dropping the test database at the end of the run
    ("is being accessed by other users").
    """
    from django.db import connections

    connections.close_all()
