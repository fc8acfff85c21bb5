"""Invitations: a caseworker invites a participant with a short code, a link and a QR code.

The code has no look-alike characters, expires, and is stored only as a keyed hash. Opening the
link never uses the invitation up (chat apps fetch links to draw previews); starting is a POST
that claims it atomically: of twenty claims at once, exactly one wins.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import sqlalchemy as sa

from intake import codes
from intake.db import Database, invitations, now, utc
from intake.records import Intake
from intake.storage import Store


@dataclass(frozen=True)
class Invitation:
    id: int
    org_id: int
    locale: str | None
    created_at: datetime
    expires_at: datetime
    claimed_at: datetime | None
    intake_id: int | None

    @property
    def state(self) -> str:
        if self.claimed_at is not None:
            return "used"
        return "expired" if self.expires_at <= now() else "open"


def _invitation(row: sa.Row[*tuple[Any, ...]] | None) -> Invitation | None:
    if row is None:
        return None
    return Invitation(
        row.id,
        row.org_id,
        row.locale,
        utc(row.created_at),
        utc(row.expires_at),
        utc(row.claimed_at),
        row.intake_id,
    )


class Invitations:
    def __init__(self, db: Database, store: Store, secret_key: str) -> None:
        self.db = db
        self.store = store
        self.secret_key = secret_key

    def _hash(self, code: str) -> str:
        normalised = codes.normalise_code(code)
        return hmac.new(
            self.secret_key.encode(), b"invitation:" + normalised.encode(), hashlib.sha256
        ).hexdigest()

    def create(
        self, org_id: int, created_by: int | None, locale: str | None, days: int
    ) -> tuple[Invitation, str]:
        """A new invitation and its code (shown once; only its hash is kept)."""
        at = now()
        for _ in range(10):
            code = "".join(secrets.choice(codes.ALPHABET) for _ in range(8))
            try:
                with self.db.tx() as conn:
                    result = conn.execute(
                        invitations.insert().values(
                            org_id=org_id,
                            created_by=created_by,
                            code_hash=self._hash(code),
                            locale=locale,
                            created_at=at,
                            expires_at=at + timedelta(days=days),
                        )
                    )
                    key = result.inserted_primary_key
                    assert key is not None  # a one-row INSERT always has it
                    row = conn.execute(
                        sa.select(invitations).where(invitations.c.id == key[0])
                    ).first()
            except sa.exc.IntegrityError:
                continue
            invitation = _invitation(row)
            assert invitation is not None
            return invitation, code
        raise RuntimeError("could not draw a unique invitation code")

    def find(self, code: str) -> Invitation | None:
        if not codes.normalise_code(code):
            return None
        with self.db.read() as conn:
            return _invitation(
                conn.execute(
                    sa.select(invitations).where(invitations.c.code_hash == self._hash(code))
                ).first()
            )

    def claim(
        self,
        code: str,
        locale: str,
        questionnaire_id: str,
        questionnaire_version: str,
        secret_key: str,
    ) -> tuple[Intake, str] | None:
        """Use the invitation up and start its intake, or None if it is gone or expired."""
        code_hash = self._hash(code)
        at = now()
        with self.db.tx() as conn:
            claimed = conn.execute(
                invitations.update()
                .where(
                    invitations.c.code_hash == code_hash,
                    invitations.c.claimed_at.is_(None),
                    invitations.c.expires_at > at,
                )
                .values(claimed_at=at)
            )
            if claimed.rowcount != 1:
                return None
            org_id = conn.execute(
                sa.select(invitations.c.org_id).where(invitations.c.code_hash == code_hash)
            ).scalar_one()
            intake, token = self.store.create_intake(
                locale, questionnaire_id, questionnaire_version, secret_key, org_id, conn=conn
            )
            conn.execute(
                invitations.update()
                .where(invitations.c.code_hash == code_hash)
                .values(intake_id=intake.id)
            )
        return intake, token

    def pending(self, org_id: int) -> list[Invitation]:
        """Invitations not yet used, newest first (expired ones too, for a while)."""
        with self.db.read() as conn:
            rows = conn.execute(
                sa.select(invitations)
                .where(invitations.c.org_id == org_id, invitations.c.claimed_at.is_(None))
                .order_by(invitations.c.created_at.desc())
            )
            return [i for i in map(_invitation, rows) if i is not None]

    def delete_expired(self, older_than_days: int) -> int:
        """Unused invitations that expired long enough ago are deleted."""
        cutoff = now() - timedelta(days=older_than_days)
        with self.db.tx() as conn:
            return conn.execute(
                invitations.delete().where(
                    invitations.c.claimed_at.is_(None), invitations.c.expires_at < cutoff
                )
            ).rowcount
