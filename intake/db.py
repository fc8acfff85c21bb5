"""The database: every table, schema migrations, and the small helpers all stores share.

SQLAlchemy Core behind a database URL (SQLite by default; the SQL is portable to PostgreSQL).
The schema is created on an empty database and migrated step by step on an older one.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, overload

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from intake.crypto import Keyring

if TYPE_CHECKING:
    from sqlalchemy.dialects import postgresql, sqlite

metadata = sa.MetaData()
TZ = sa.DateTime(timezone=True)

schema_version = sa.Table(
    "schema_version", metadata, sa.Column("version", sa.Integer, nullable=False)
)

organisations = sa.Table(
    "organisations",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("slug", sa.String(64), nullable=False, unique=True),
    sa.Column("name", sa.String(200), nullable=False),
    sa.Column("created_at", TZ, nullable=False),
)

users = sa.Table(
    "users",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("org_id", sa.Integer, sa.ForeignKey("organisations.id"), nullable=False),
    sa.Column("email", sa.String(254), nullable=False, unique=True),
    sa.Column("name", sa.String(200), nullable=False),
    sa.Column("password_hash", sa.String(200), nullable=False),  # argon2id
    sa.Column("role", sa.String(16), nullable=False),  # "caseworker" or "admin"
    sa.Column("disabled_at", TZ),
    sa.Column("created_at", TZ, nullable=False),
)

sessions = sa.Table(
    "sessions",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("token_hash", sa.String(64), nullable=False, unique=True),
    sa.Column("csrf_token", sa.String(64), nullable=False),
    sa.Column("user_id", sa.Integer, sa.ForeignKey("users.id"), nullable=False),
    sa.Column("created_at", TZ, nullable=False),
    sa.Column("expires_at", TZ, nullable=False),
    sa.Column("revoked_at", TZ),
)

invitations = sa.Table(
    "invitations",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("org_id", sa.Integer, sa.ForeignKey("organisations.id"), nullable=False),
    sa.Column("created_by", sa.Integer, sa.ForeignKey("users.id")),
    sa.Column("code_hash", sa.String(64), nullable=False, unique=True),
    sa.Column("locale", sa.String(16)),  # preset language, if any
    sa.Column("created_at", TZ, nullable=False),
    sa.Column("expires_at", TZ, nullable=False),
    sa.Column("claimed_at", TZ),
    sa.Column("intake_id", sa.Integer, sa.ForeignKey("intakes.id", ondelete="SET NULL")),
)

intakes = sa.Table(
    "intakes",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("seed", sa.String(32), nullable=False, unique=True),
    sa.Column("token_hash", sa.String(64), nullable=False, unique=True),
    sa.Column("resume_hash", sa.String(64), nullable=False, unique=True),
    sa.Column("reference", sa.String(16), nullable=False, unique=True),
    sa.Column("locale", sa.String(16), nullable=False),
    sa.Column("questionnaire_id", sa.String(64), nullable=False),
    sa.Column("questionnaire_version", sa.String(64), nullable=False),
    sa.Column("status", sa.String(16), nullable=False),
    sa.Column("created_at", TZ, nullable=False),
    sa.Column("updated_at", TZ, nullable=False),
    sa.Column("submitted_at", TZ),
    # A language the participant seems to write in, offered until they accept or decline it.
    sa.Column("suggested_locale", sa.String(16)),
    # The organisation whose caseworker invited the participant (NULL: open self-start).
    sa.Column("org_id", sa.Integer, sa.ForeignKey("organisations.id")),
)

answers = sa.Table(
    "answers",
    metadata,
    sa.Column(
        "intake_id", sa.Integer, sa.ForeignKey("intakes.id", ondelete="CASCADE"), primary_key=True
    ),
    sa.Column("question_id", sa.String(64), primary_key=True),
    sa.Column("value", sa.Text),  # encrypted JSON; NULL when skipped
    sa.Column("language", sa.String(16), nullable=False),
    sa.Column("questionnaire_version", sa.String(64), nullable=False),
    sa.Column("answered_at", TZ, nullable=False),
    # What the participant typed when an answer was understood from typing (shown back in the
    # conversation), encrypted; deleted on submission.
    sa.Column("typed", sa.Text),
)

audit = sa.Table(
    "audit",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("at", TZ, nullable=False),
    sa.Column("org_id", sa.Integer),  # no foreign key: the log outlives what it describes
    sa.Column("user_id", sa.Integer),
    sa.Column("actor", sa.String(254), nullable=False),  # e-mail, "participant", "system"
    sa.Column("action", sa.String(64), nullable=False),
    sa.Column("intake_reference", sa.String(16)),
    sa.Column("detail", sa.String(500), nullable=False, default=""),  # never answer values
)

rate_events = sa.Table(
    "rate_events",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("bucket", sa.String(32), nullable=False),
    sa.Column("key_hash", sa.String(64), nullable=False),
    sa.Column("at", TZ, nullable=False),
    sa.Index("rate_events_lookup", "bucket", "key_hash", "at"),
)

SCHEMA_VERSION = 4
# A migration step: SQL statements, or a function of the connection and the database.
Step = str | Callable[[Connection, "Database"], None]


def _add_access_tables(conn: Connection, db: Database) -> None:
    metadata.create_all(
        conn, tables=[organisations, users, sessions, invitations, audit, rate_events]
    )
    conn.execute(sa.text("ALTER TABLE intakes ADD COLUMN org_id INTEGER"))


def answer_aad(seed: str, question_id: str, column: str) -> str:
    """What a stored value is bound to: its intake (by its seed, never reused), its question
    and its column. A value copied anywhere else does not decrypt."""
    return f"{seed}:{question_id}:{column}"


def reencrypt_answers(
    conn: Connection, keyring: Keyring, read: Callable[[sa.Row[Any], str, str], str] | None = None
) -> int:
    """Encrypt every answer again with ``keyring``'s current key. ``read(row, raw, aad)``
    gives a stored value's text (default: decrypt it with ``keyring``)."""
    count = 0
    query = sa.select(answers, intakes.c.seed).join(intakes, intakes.c.id == answers.c.intake_id)
    for row in conn.execute(query).all():
        values = {}
        for column in ("value", "typed"):
            raw = getattr(row, column)
            if raw is not None:
                aad = answer_aad(row.seed, row.question_id, column)
                text = read(row, raw, aad) if read else keyring.decrypt(raw, aad)
                values[column] = keyring.encrypt(text, aad=aad)
        if values:
            conn.execute(
                answers.update()
                .where(
                    answers.c.intake_id == row.intake_id, answers.c.question_id == row.question_id
                )
                .values(**values)
            )
            count += 1
    return count


def _encrypt_and_bind(conn: Connection, db: Database) -> None:
    """Version 4: every answer encrypted and bound to its intake's seed and its column. Older
    databases hold plain text (version 2) or values bound to the row id (version 3)."""

    def read(row: sa.Row[Any], raw: str, aad: str) -> str:
        if not db.keyring.is_encrypted(raw):
            return raw
        return db.keyring.decrypt(raw, f"{row.intake_id}:{row.question_id}")

    reencrypt_answers(conn, db.keyring, read)


MIGRATIONS: dict[int, list[Step]] = {
    2: [
        "ALTER TABLE intakes ADD COLUMN suggested_locale VARCHAR(16)",
        "ALTER TABLE answers ADD COLUMN typed TEXT",
    ],
    3: [_add_access_tables],
    4: [_encrypt_and_bind],
}


def hash_secret(secret: str) -> str:
    """SHA-256 of a high-entropy secret (tokens, codes), for look-up without storing it."""
    return hashlib.sha256(secret.encode()).hexdigest()


def now() -> datetime:
    return datetime.now(UTC)


@overload
def utc(value: datetime) -> datetime: ...
@overload
def utc(value: None) -> None: ...
def utc(value: datetime | None) -> datetime | None:
    """SQLite returns naive datetimes; every stored time is UTC."""
    if value is not None and value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value


def insert_for(conn: Connection) -> Callable[[sa.Table], postgresql.Insert | sqlite.Insert]:
    """The dialect's INSERT, which has ON CONFLICT DO UPDATE (SQLite and PostgreSQL)."""
    if conn.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as postgresql_insert

        return postgresql_insert
    from sqlalchemy.dialects.sqlite import insert as sqlite_insert

    return sqlite_insert


def holds_intakes(url: str) -> bool:
    """Whether a database (perhaps not yet migrated) already holds intakes."""
    engine = sa.create_engine(url)
    try:
        with engine.connect() as conn:
            if not sa.inspect(conn).has_table("intakes"):
                return False
            return conn.execute(sa.text("SELECT 1 FROM intakes LIMIT 1")).first() is not None
    finally:
        engine.dispose()


class Database:
    def __init__(self, url: str, keyring: Keyring) -> None:
        if url.startswith("sqlite:///"):
            path = url.removeprefix("sqlite:///")
            if path and path != ":memory:":
                Path(path).parent.mkdir(parents=True, exist_ok=True)
        self.engine: Engine = sa.create_engine(url)
        self.keyring = keyring
        if self.engine.dialect.name == "sqlite":
            sa.event.listen(self.engine, "connect", _sqlite_pragmas)
        self.migrate()

    def migrate(self) -> None:
        """Create the schema on an empty database, or bring an older one up to date."""
        with self.engine.begin() as conn:
            if not sa.inspect(conn).has_table("schema_version"):
                metadata.create_all(conn)
                conn.execute(schema_version.insert().values(version=SCHEMA_VERSION))
                return
            current = conn.execute(sa.select(schema_version.c.version)).scalar_one()
            for version in range(current + 1, SCHEMA_VERSION + 1):
                for step in MIGRATIONS[version]:
                    if isinstance(step, str):
                        conn.execute(sa.text(step))
                    else:
                        step(conn, self)
                conn.execute(schema_version.update().values(version=version))

    @contextmanager
    def tx(self) -> Iterator[Connection]:
        """A transaction, committed when the block ends."""
        with self.engine.begin() as conn:
            yield conn

    def read(self) -> Connection:
        return self.engine.connect()


def _sqlite_pragmas(dbapi_connection: Any, _record: object) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.close()
