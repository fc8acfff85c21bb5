"""The audit log: who did what, when, to which intake. Never answer values."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa

from intake.db import Database, audit, now, utc


@dataclass(frozen=True)
class Event:
    at: datetime
    actor: str
    action: str
    intake_reference: str | None
    detail: str


class AuditLog:
    def __init__(self, db: Database) -> None:
        self.db = db

    def record(
        self,
        action: str,
        *,
        actor: str,
        org_id: int | None = None,
        user_id: int | None = None,
        reference: str | None = None,
        detail: str = "",
    ) -> None:
        with self.db.tx() as conn:
            conn.execute(
                audit.insert().values(
                    at=now(),
                    org_id=org_id,
                    user_id=user_id,
                    actor=actor,
                    action=action,
                    intake_reference=reference,
                    detail=detail[:500],
                )
            )

    def events(self, org_id: int | None = None, limit: int = 500) -> list[Event]:
        query = sa.select(audit).order_by(audit.c.at.desc(), audit.c.id.desc()).limit(limit)
        if org_id is not None:
            query = query.where(audit.c.org_id == org_id)
        with self.db.read() as conn:
            return [
                Event(
                    utc(r.at),
                    r.actor,
                    r.action,
                    r.intake_reference,
                    r.detail,
                )
                for r in conn.execute(query)
            ]
