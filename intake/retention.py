"""Retention: intakes are disposed of a configurable time after submission (and abandoned ones
after a time without activity). At an authority the submitted answers are public records
disposed of under a retention decision, so this is a schedule, not "delete any time". The
audit log keeps that each disposal happened.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from intake.audit import AuditLog
from intake.db import now
from intake.invitations import Invitations
from intake.records import Intake, Status
from intake.storage import Store


@dataclass(frozen=True)
class Purged:
    reference: str
    org_id: int | None
    reason: str  # "retention" or "abandoned"


def due(
    intakes: list[Intake], retention_days: int, abandoned_days: int, at: datetime
) -> list[Purged]:
    """Which intakes are due for disposal at ``at``."""
    result = []
    for intake in intakes:
        if intake.status is Status.SUBMITTED and intake.submitted_at is not None:
            if intake.submitted_at <= at - timedelta(days=retention_days):
                result.append(Purged(intake.reference, intake.org_id, "retention"))
        elif intake.updated_at <= at - timedelta(days=abandoned_days):
            result.append(Purged(intake.reference, intake.org_id, "abandoned"))
    return result


def purge(
    store: Store,
    invitations: Invitations,
    audit: AuditLog,
    retention_days: int,
    abandoned_days: int,
    at: datetime | None = None,
) -> list[Purged]:
    at = at or now()
    intakes = store.list_intakes()
    purged = due(intakes, retention_days, abandoned_days, at)
    by_reference = {i.reference: i.id for i in intakes}
    store.delete_intakes([by_reference[p.reference] for p in purged])
    for item in purged:
        audit.record(
            "intake.purged",
            actor="system",
            org_id=item.org_id,
            reference=item.reference,
            detail=item.reason,
        )
    invitations.delete_expired(older_than_days=retention_days)
    return purged
