"""Rate limits kept in the database, so they hold across restarts and server processes.

Failures are counted per key (an account, a code, an address) in a sliding window. Refugee
housing shares one address, so limits per address are generous and the tight ones are per
account or per code.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

import sqlalchemy as sa

from intake.db import Database, hash_secret, now, rate_events


@dataclass(frozen=True)
class Limit:
    bucket: str
    attempts: int
    minutes: int


LOGIN_ACCOUNT = Limit("login-account", 5, 15)
LOGIN_ADDRESS = Limit("login-address", 50, 15)
CODE = Limit("code", 5, 15)  # wrong tries of one invitation or resume code
CODE_ADDRESS = Limit("code-address", 100, 15)


class RateLimiter:
    def __init__(self, db: Database) -> None:
        self.db = db

    def blocked(self, limit: Limit, key: str) -> bool:
        """Whether ``key`` has used up its failures in the window."""
        since = now() - timedelta(minutes=limit.minutes)
        with self.db.read() as conn:
            failures = conn.execute(
                sa.select(sa.func.count()).where(
                    rate_events.c.bucket == limit.bucket,
                    rate_events.c.key_hash == hash_secret(key),
                    rate_events.c.at > since,
                )
            ).scalar_one()
        return bool(failures >= limit.attempts)

    def fail(self, limit: Limit, key: str) -> None:
        with self.db.tx() as conn:
            conn.execute(
                rate_events.insert().values(
                    bucket=limit.bucket, key_hash=hash_secret(key), at=now()
                )
            )
            conn.execute(rate_events.delete().where(rate_events.c.at < now() - timedelta(days=1)))

    def clear(self, limit: Limit, key: str) -> None:
        with self.db.tx() as conn:
            conn.execute(
                rate_events.delete().where(
                    rate_events.c.bucket == limit.bucket, rate_events.c.key_hash == hash_secret(key)
                )
            )
