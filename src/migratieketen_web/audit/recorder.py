# SPDX-License-Identifier: EUPL-1.2
# Copyright (C) 2026 Migratieketen contributors
"""`record(...)`: the one call views, the API, exports and the CLI make per processing.

One line per operation and gemeente, listing the internal ids of the records it
touched (a list of 100 persons is one line with 100 ids). The caller passes the actor,
so the line says who acted and through which channel.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Iterable

from django.utils import timezone

from migratieketen_web.accounts.isolation import Actor
from migratieketen_web.audit.chain import append
from migratieketen_web.audit.models import Action, AuditEntry, Status
from migratieketen_web.audit.purposes import ProcessingActivity


def new_trace_id() -> str:
    return uuid.uuid4().hex


def record(
    actor: Actor,
    action: Action,
    activity: ProcessingActivity,
    object_type: str,
    records: Iterable[tuple[int, str]],
    *,
    organisation: str = "",
    status: Status = Status.OK,
    trace_id: str = "",
) -> list[AuditEntry]:
    """Append one line per gemeente for `records` ((internal id, gemeente code) pairs).

    With no records (an empty list, a refused request) one line is written for
    `organisation`, so a search that found nothing is logged too.
    """
    by_gemeente: dict[str, list[int]] = defaultdict(list)
    for pk, gemeente in records:
        by_gemeente[gemeente].append(pk)
    if not by_gemeente:
        by_gemeente[organisation] = []
    trace = trace_id or new_trace_id()
    now = timezone.now()
    lines = []
    for gemeente, ids in sorted(by_gemeente.items()):
        entry = AuditEntry(
            at=now,
            trace_id=trace,
            user_id=actor.user_id,
            username=actor.username,
            token_id=actor.token_id,
            channel=actor.channel,
            organisation=gemeente,
            action=action,
            status=status,
            object_type=object_type,
            record_ids="," + ",".join(str(i) for i in sorted(set(ids))) + ","
            if ids
            else "",
            activity=activity.key,
            purpose=activity.purpose,
            legal_ground=activity.legal_ground,
        )
        lines.append(append(entry))
    return lines
