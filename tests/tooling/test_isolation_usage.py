# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""The isolation rule has no way around it (ADR 0012).

Every model of the register apps is isolated (its default manager is empty without an
actor), and the unfiltered `unscoped` manager appears in no view, API, search, export
or service: only in the models that declare it.
"""

from __future__ import annotations

import re
from pathlib import Path

from django.apps import apps

from migratieketen_web.accounts.isolation import IsolatedManager, IsolatedModel

SRC = Path(__file__).resolve().parents[2] / "src"
REGISTER_APPS = ("inburgering", "arbeidsmigranten", "lvv")


def test_every_register_model_is_isolated() -> None:
    models = [
        m for label in REGISTER_APPS for m in apps.get_app_config(label).get_models()
    ]
    assert models
    for model in models:
        assert issubclass(model, IsolatedModel), model
        assert isinstance(model._default_manager, IsolatedManager), model
        assert model._default_manager.all().query.is_empty(), model


def test_unscoped_is_used_nowhere_but_in_model_declarations() -> None:
    offenders = []
    for path in SRC.rglob("*.py"):
        if "migrations" in path.parts or path.name == "models.py":
            continue
        text = path.read_text(encoding="utf-8")
        if re.search(r"\.unscoped\b", text):
            offenders.append(str(path.relative_to(SRC)))
    assert offenders == []
