# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""A small week of pseudonymous households, scores and capacity as CSV files."""

from __future__ import annotations

from django.core.files.uploadedfile import SimpleUploadedFile

HOUSEHOLDS = """huishouden_id,aankomst,personen,volwassenen,gemeente_verplicht
HH01,2025-01-06,3,2,
HH02,2025-01-07,1,1,
HH03,2025-01-08,4,2,GM0599
"""
SCORES = """huishouden_id,gemeentecode,score
HH01,GM0363,1
HH01,GM0344,2
HH01,GM0599,0.5
HH02,GM0363,0.3
HH02,GM0344,0.2
HH02,GM0599,0.1
HH03,GM0363,0
HH03,GM0344,0
HH03,GM0599,1
"""
CAPACITY = """gemeentecode,capaciteit
GM0363,4
GM0344,3
GM0599,4
"""


def csv_file(name: str, text: str) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, text.encode("utf-8"), content_type="text/csv")


def upload_data(households: str = HOUSEHOLDS) -> dict[str, object]:
    return {
        "huishoudens": csv_file("H.csv", households),
        "scores": csv_file("S.csv", SCORES),
        "capaciteit": csv_file("C.csv", CAPACITY),
        "modus": "dynamisch",
    }
