# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""CSV of a plan: one row per opened location, one column per month (places)."""

from __future__ import annotations

import csv
import io
from typing import Any

HEAD = ("naam", "label", "wijkcode", "wijknaam", "gemeentecode", "gemeentenaam",
        "provinciecode", "type", "opening", "sluiting")  # fmt: skip


def plan_csv(records: list[dict[str, Any]], months: list[str]) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow([*HEAD, *months])
    for r in records:
        w.writerow([*(r[h] or "" for h in HEAD), *r["plaatsen_per_maand"]])
    return buf.getvalue()
