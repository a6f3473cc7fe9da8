# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""Audit lines as plain records (for `migratieketen audit --format json`)."""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any

from django.utils import timezone

from migratieketen_web.audit.models import AuditEntry


def audit_records(gemeente: str | None, since: date | None) -> list[dict[str, Any]]:
    entries = AuditEntry.objects.order_by("pk")
    if gemeente:
        entries = entries.filter(organisation=gemeente)
    if since is not None:
        start = timezone.make_aware(datetime.combine(since, time.min))
        entries = entries.filter(at__gte=start)
    return [
        {
            "id": e.pk,
            "uuid": str(e.uuid),
            "tijdstip": e.at.isoformat(),
            "traceId": e.trace_id,
            "gebruikerId": e.user_id,
            "gebruiker": e.username,
            "tokenId": e.token_id,
            "kanaal": e.channel,
            "organisatie": e.organisation,
            "handeling": e.action,
            "resultaat": e.status,
            "soortGegevens": e.object_type,
            "records": e.ids,
            "verwerkingsactiviteit": e.activity,
            "doel": e.purpose,
            "grondslag": e.legal_ground,
            "hash": e.digest,
        }
        for e in entries.iterator()
    ]
