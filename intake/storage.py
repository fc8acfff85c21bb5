"""Storage: SQLAlchemy Core behind a database URL (SQLite by default).

Every answer is committed when it is given. Answers are stored as codes, numbers or the
participant's own text, never as translated labels. The participant's link token and resume code
are stored only as hashes; the token has 192 bits of randomness.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from intake import codes
from intake.records import Answer, AnswerValue, Intake, Status

metadata = sa.MetaData()

schema_version = sa.Table(
    "schema_version",
    metadata,
    sa.Column("version", sa.Integer, nullable=False),
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
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("submitted_at", sa.DateTime(timezone=True)),
)

answers = sa.Table(
    "answers",
    metadata,
    sa.Column(
        "intake_id", sa.Integer, sa.ForeignKey("intakes.id", ondelete="CASCADE"), primary_key=True
    ),
    sa.Column("question_id", sa.String(64), primary_key=True),
    sa.Column("value", sa.Text),  # JSON; NULL when skipped
    sa.Column("language", sa.String(16), nullable=False),
    sa.Column("questionnaire_version", sa.String(64), nullable=False),
    sa.Column("answered_at", sa.DateTime(timezone=True), nullable=False),
)

SCHEMA_VERSION = 1
# Migrations: version reached -> statements that reach it from the one before.
MIGRATIONS: dict[int, list[str]] = {}


def _hash(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def _now() -> datetime:
    return datetime.now(UTC)


def _utc(value: datetime | None) -> datetime | None:
    # SQLite returns naive datetimes; every stored time is UTC.
    if value is not None and value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value


def _encode(value: AnswerValue | None) -> str | None:
    if value is None:
        return None
    return json.dumps(list(value) if isinstance(value, tuple) else value, ensure_ascii=False)


def _decode(raw: str | None) -> AnswerValue | None:
    if raw is None:
        return None
    value = json.loads(raw)
    return tuple(value) if isinstance(value, list) else value


class Store:
    def __init__(self, url: str) -> None:
        if url.startswith("sqlite:///"):
            path = url.removeprefix("sqlite:///")
            if path and path != ":memory:":
                Path(path).parent.mkdir(parents=True, exist_ok=True)
        self.engine: Engine = sa.create_engine(url)
        if self.engine.dialect.name == "sqlite":
            sa.event.listen(self.engine, "connect", _sqlite_pragmas)
        self.migrate()

    def migrate(self) -> None:
        """Create the schema on an empty database, or bring an older one up to date."""
        with self.engine.begin() as conn:
            inspector = sa.inspect(conn)
            if not inspector.has_table("schema_version"):
                metadata.create_all(conn)
                conn.execute(schema_version.insert().values(version=SCHEMA_VERSION))
                return
            current = conn.execute(sa.select(schema_version.c.version)).scalar_one()
            for version in range(current + 1, SCHEMA_VERSION + 1):
                for statement in MIGRATIONS[version]:
                    conn.execute(sa.text(statement))
                conn.execute(schema_version.update().values(version=version))

    @contextmanager
    def _tx(self) -> Iterator[Connection]:
        with self.engine.begin() as conn:
            yield conn

    # -- intakes ---------------------------------------------------------------------------

    def create_intake(
        self, locale: str, questionnaire_id: str, questionnaire_version: str, secret_key: str
    ) -> tuple[Intake, str]:
        """A new intake and its participant link token."""
        now = _now()
        for _ in range(10):
            seed = codes.new_seed()
            token = codes.link_token(secret_key, seed)
            reference = codes.new_reference()
            resume = codes.resume_code(secret_key, seed)
            try:
                with self._tx() as conn:
                    result = conn.execute(
                        intakes.insert().values(
                            seed=seed,
                            token_hash=_hash(token),
                            resume_hash=_hash(codes.normalise_code(resume)),
                            reference=reference,
                            locale=locale,
                            questionnaire_id=questionnaire_id,
                            questionnaire_version=questionnaire_version,
                            status=Status.IN_PROGRESS.value,
                            created_at=now,
                            updated_at=now,
                        )
                    )
                    intake_id = result.inserted_primary_key[0]
            except sa.exc.IntegrityError:
                continue  # a reference or resume code collided; draw again
            intake = self.intake_by_id(intake_id)
            assert intake is not None
            return intake, token
        raise RuntimeError("could not draw a unique reference after 10 attempts")

    def _row_to_intake(self, row: sa.Row | None) -> Intake | None:
        if row is None:
            return None
        return Intake(
            id=row.id,
            reference=row.reference,
            locale=row.locale,
            questionnaire_id=row.questionnaire_id,
            questionnaire_version=row.questionnaire_version,
            status=Status(row.status),
            created_at=_utc(row.created_at),
            updated_at=_utc(row.updated_at),  # type: ignore[arg-type]
            submitted_at=_utc(row.submitted_at),
        )

    def _one(self, where: sa.ColumnElement[bool]) -> Intake | None:
        with self.engine.connect() as conn:
            return self._row_to_intake(conn.execute(sa.select(intakes).where(where)).first())

    def intake_by_id(self, intake_id: int) -> Intake | None:
        return self._one(intakes.c.id == intake_id)

    def intake_by_token(self, token: str) -> Intake | None:
        return self._one(intakes.c.token_hash == _hash(token))

    def token_by_resume_code(self, code: str, secret_key: str) -> str | None:
        """The link token of the intake a resume code belongs to."""
        with self._tx() as conn:
            row = conn.execute(
                sa.select(intakes.c.id, intakes.c.seed, intakes.c.token_hash).where(
                    intakes.c.resume_hash == _hash(codes.normalise_code(code))
                )
            ).first()
            if row is None:
                return None
            token = codes.link_token(secret_key, row.seed)
            if _hash(token) != row.token_hash:  # the secret key was changed since
                conn.execute(
                    intakes.update().where(intakes.c.id == row.id).values(token_hash=_hash(token))
                )
            return token

    def resume_code(self, intake_id: int, secret_key: str) -> str:
        with self.engine.connect() as conn:
            seed = conn.execute(
                sa.select(intakes.c.seed).where(intakes.c.id == intake_id)
            ).scalar_one()
        return codes.resume_code(secret_key, seed)

    def intake_by_reference(self, reference: str) -> Intake | None:
        return self._one(intakes.c.reference == codes.normalise_code(reference))

    def list_intakes(self) -> list[Intake]:
        with self.engine.connect() as conn:
            rows = conn.execute(
                sa.select(intakes).order_by(intakes.c.created_at.desc(), intakes.c.id.desc())
            )
            return [i for i in map(self._row_to_intake, rows) if i is not None]

    def set_locale(self, intake_id: int, locale: str) -> None:
        with self._tx() as conn:
            conn.execute(
                intakes.update()
                .where(intakes.c.id == intake_id)
                .values(locale=locale, updated_at=_now())
            )

    def set_status(self, intake_id: int, status: Status) -> None:
        with self._tx() as conn:
            conn.execute(
                intakes.update()
                .where(intakes.c.id == intake_id)
                .values(status=status.value, updated_at=_now())
            )

    def submit(self, intake_id: int, drop: list[str]) -> None:
        """Mark submitted and delete answers that are not in force (data minimisation)."""
        now = _now()
        with self._tx() as conn:
            if drop:
                conn.execute(
                    answers.delete().where(
                        answers.c.intake_id == intake_id, answers.c.question_id.in_(drop)
                    )
                )
            conn.execute(
                intakes.update()
                .where(intakes.c.id == intake_id)
                .values(status=Status.SUBMITTED.value, submitted_at=now, updated_at=now)
            )

    # -- answers ---------------------------------------------------------------------------

    def save_answer(self, intake_id: int, answer: Answer) -> None:
        """Insert or replace one answer, committed at once."""
        values = dict(
            value=_encode(answer.value),
            language=answer.language,
            questionnaire_version=answer.questionnaire_version,
            answered_at=answer.answered_at,
        )
        with self._tx() as conn:
            insert = _insert_for(conn)(answers).values(
                intake_id=intake_id, question_id=answer.question_id, **values
            )
            conn.execute(
                insert.on_conflict_do_update(
                    index_elements=[answers.c.intake_id, answers.c.question_id], set_=values
                )
            )
            conn.execute(
                intakes.update()
                .where(intakes.c.id == intake_id)
                .values(updated_at=answer.answered_at)
            )

    def answers(self, intake_id: int) -> dict[str, Answer]:
        with self.engine.connect() as conn:
            rows = conn.execute(sa.select(answers).where(answers.c.intake_id == intake_id))
            return {
                row.question_id: Answer(
                    row.question_id,
                    _decode(row.value),
                    _utc(row.answered_at),
                    row.language,  # type: ignore[arg-type]
                    row.questionnaire_version,
                )
                for row in rows
            }


def _insert_for(conn: Connection):  # type: ignore[no-untyped-def]
    """The dialect's INSERT, which has ON CONFLICT DO UPDATE (SQLite and PostgreSQL)."""
    if conn.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    else:
        from sqlalchemy.dialects.sqlite import insert
    return insert


def _sqlite_pragmas(dbapi_connection: object, _record: object) -> None:
    cursor = dbapi_connection.cursor()  # type: ignore[attr-defined]
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.close()
