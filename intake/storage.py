"""Intakes and their answers.

Every answer is committed when it is given. Answers are stored as codes, numbers or the
participant's own text, never as translated labels, and encrypted (``intake.crypto``). The
participant's link token and resume code are stored only as hashes.
"""

from __future__ import annotations

import json
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from intake import codes
from intake.db import (
    Database,
    answer_aad,
    answers,
    hash_secret,
    insert_for,
    intakes,
    now,
    reencrypt_answers,
    utc,
)
from intake.records import Answer, AnswerValue, Intake, Status


def _encode(value: AnswerValue | None) -> str | None:
    if value is None:
        return None
    return json.dumps(list(value) if isinstance(value, tuple) else value, ensure_ascii=False)


def _decode(raw: str | None) -> AnswerValue | None:
    if raw is None:
        return None
    value = json.loads(raw)
    return tuple(value) if isinstance(value, list) else value


def _intake(row: sa.Row[*tuple[Any, ...]] | None) -> Intake | None:
    if row is None:
        return None
    return Intake(
        id=row.id,
        reference=row.reference,
        locale=row.locale,
        questionnaire_id=row.questionnaire_id,
        questionnaire_version=row.questionnaire_version,
        status=Status(row.status),
        created_at=utc(row.created_at),
        updated_at=utc(row.updated_at),
        submitted_at=utc(row.submitted_at),
        suggested_locale=row.suggested_locale,
        org_id=row.org_id,
    )


class Store:
    def __init__(self, db: Database) -> None:
        self.db = db
        self.keyring = db.keyring

    @property
    def engine(self) -> sa.Engine:
        return self.db.engine

    # -- intakes ---------------------------------------------------------------------------

    def create_intake(
        self,
        locale: str,
        questionnaire_id: str,
        questionnaire_version: str,
        secret_key: str,
        org_id: int | None = None,
        conn: Connection | None = None,
    ) -> tuple[Intake, str]:
        """A new intake and its participant link token (in ``conn``'s transaction if given)."""
        if conn is not None:
            return self._insert_intake(
                conn, locale, questionnaire_id, questionnaire_version, secret_key, org_id
            )
        for _ in range(10):
            try:
                with self.db.tx() as new:
                    return self._insert_intake(
                        new, locale, questionnaire_id, questionnaire_version, secret_key, org_id
                    )
            except sa.exc.IntegrityError:
                continue  # a reference or resume code collided; draw again
        raise RuntimeError("could not draw a unique reference after 10 attempts")

    def _insert_intake(
        self,
        conn: Connection,
        locale: str,
        questionnaire_id: str,
        questionnaire_version: str,
        secret_key: str,
        org_id: int | None,
    ) -> tuple[Intake, str]:
        seed = codes.new_seed()
        token = codes.link_token(secret_key, seed)
        at = now()
        result = conn.execute(
            intakes.insert().values(
                seed=seed,
                token_hash=hash_secret(token),
                resume_hash=hash_secret(codes.normalise_code(codes.resume_code(secret_key, seed))),
                reference=codes.new_reference(),
                locale=locale,
                questionnaire_id=questionnaire_id,
                questionnaire_version=questionnaire_version,
                status=Status.IN_PROGRESS.value,
                created_at=at,
                updated_at=at,
                org_id=org_id,
            )
        )
        key = result.inserted_primary_key
        assert key is not None  # a one-row INSERT always has it
        row = conn.execute(sa.select(intakes).where(intakes.c.id == key[0])).first()
        intake = _intake(row)
        assert intake is not None
        return intake, token

    def _one(self, where: sa.ColumnElement[bool]) -> Intake | None:
        with self.db.read() as conn:
            return _intake(conn.execute(sa.select(intakes).where(where)).first())

    def intake_by_id(self, intake_id: int) -> Intake | None:
        return self._one(intakes.c.id == intake_id)

    def intake_by_token(self, token: str) -> Intake | None:
        return self._one(intakes.c.token_hash == hash_secret(token))

    def intake_by_reference(self, reference: str) -> Intake | None:
        return self._one(intakes.c.reference == codes.normalise_code(reference))

    def token_by_resume_code(self, code: str, secret_key: str) -> str | None:
        """The link token of the intake a resume code belongs to."""
        with self.db.tx() as conn:
            row = conn.execute(
                sa.select(intakes.c.id, intakes.c.seed, intakes.c.token_hash).where(
                    intakes.c.resume_hash == hash_secret(codes.normalise_code(code))
                )
            ).first()
            if row is None:
                return None
            token = codes.link_token(secret_key, row.seed)
            if hash_secret(token) != row.token_hash:  # the secret key was changed since
                conn.execute(
                    intakes.update()
                    .where(intakes.c.id == row.id)
                    .values(token_hash=hash_secret(token))
                )
            return token

    def resume_code(self, intake_id: int, secret_key: str) -> str:
        with self.db.read() as conn:
            seed = conn.execute(
                sa.select(intakes.c.seed).where(intakes.c.id == intake_id)
            ).scalar_one()
        return codes.resume_code(secret_key, seed)

    def list_intakes(self, org_id: int | None = None) -> list[Intake]:
        """Newest first; one organisation's, or every intake (for the command line)."""
        query = sa.select(intakes).order_by(intakes.c.created_at.desc(), intakes.c.id.desc())
        if org_id is not None:
            query = query.where(intakes.c.org_id == org_id)
        with self.db.read() as conn:
            return [i for i in map(_intake, conn.execute(query)) if i is not None]

    def _update(self, intake_id: int, **values: object) -> None:
        with self.db.tx() as conn:
            conn.execute(intakes.update().where(intakes.c.id == intake_id).values(**values))

    def set_locale(self, intake_id: int, locale: str) -> None:
        self._update(intake_id, locale=locale, suggested_locale=None, updated_at=now())

    def suggest_locale(self, intake_id: int, locale: str | None) -> None:
        """Offer (or stop offering) a language the participant seems to write in."""
        self._update(intake_id, suggested_locale=locale)

    def set_status(self, intake_id: int, status: Status) -> None:
        self._update(intake_id, status=status.value, updated_at=now())

    def submit(self, intake_id: int, drop: list[str]) -> bool:
        """Mark submitted; delete answers no longer in force and the typed words behind
        understood answers (data minimisation). False if it was already submitted."""
        at = now()
        with self.db.tx() as conn:
            marked = conn.execute(
                intakes.update()
                .where(
                    intakes.c.id == intake_id,
                    intakes.c.status != Status.SUBMITTED.value,
                )
                .values(status=Status.SUBMITTED.value, submitted_at=at, updated_at=at)
            )
            if marked.rowcount != 1:
                return False
            if drop:
                conn.execute(
                    answers.delete().where(
                        answers.c.intake_id == intake_id, answers.c.question_id.in_(drop)
                    )
                )
            conn.execute(
                answers.update().where(answers.c.intake_id == intake_id).values(typed=None)
            )
        return True

    def keep_only(self, intake_id: int, question_ids: list[str]) -> None:
        """Delete every answer but these (consent withdrawn: only the consents stay)."""
        with self.db.tx() as conn:
            conn.execute(
                answers.delete().where(
                    answers.c.intake_id == intake_id, answers.c.question_id.not_in(question_ids)
                )
            )

    def delete_intakes(self, ids: list[int]) -> None:
        """Dispose of intakes and every answer (retention)."""
        if not ids:
            return
        with self.db.tx() as conn:
            conn.execute(answers.delete().where(answers.c.intake_id.in_(ids)))
            conn.execute(intakes.delete().where(intakes.c.id.in_(ids)))

    # -- answers ---------------------------------------------------------------------------

    def _seal(self, seed: str, question_id: str, column: str, text: str | None) -> str | None:
        if text is None:
            return None
        return self.keyring.encrypt(text, aad=answer_aad(seed, question_id, column))

    def _open(self, seed: str, question_id: str, column: str, raw: str | None) -> str | None:
        if raw is None:
            return None
        return self.keyring.decrypt(raw, aad=answer_aad(seed, question_id, column))

    def save_answer(self, intake_id: int, answer: Answer) -> bool:
        """Insert or replace one answer, committed at once; refused (False) once submitted."""
        with self.db.tx() as conn:
            row = conn.execute(
                sa.select(intakes.c.seed, intakes.c.status).where(intakes.c.id == intake_id)
            ).first()
            if row is None or row.status == Status.SUBMITTED.value:
                return False
            qid = answer.question_id
            values = dict(
                value=self._seal(row.seed, qid, "value", _encode(answer.value)),
                language=answer.language,
                questionnaire_version=answer.questionnaire_version,
                answered_at=answer.answered_at,
                typed=self._seal(row.seed, qid, "typed", answer.typed),
            )
            insert = insert_for(conn)(answers).values(
                intake_id=intake_id, question_id=qid, **values
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
        return True

    def answers(self, intake_id: int) -> dict[str, Answer]:
        with self.db.read() as conn:
            seed = conn.execute(
                sa.select(intakes.c.seed).where(intakes.c.id == intake_id)
            ).scalar_one_or_none()
            if seed is None:
                return {}
            rows = conn.execute(sa.select(answers).where(answers.c.intake_id == intake_id))
            return {
                row.question_id: Answer(
                    row.question_id,
                    _decode(self._open(seed, row.question_id, "value", row.value)),
                    utc(row.answered_at),
                    row.language,
                    row.questionnaire_version,
                    self._open(seed, row.question_id, "typed", row.typed),
                )
                for row in rows
            }

    def key_ids_in_use(self) -> set[str]:
        """The ids of the keys that stored values are encrypted with."""
        with self.db.read() as conn:
            rows = conn.execute(sa.select(answers.c.value, answers.c.typed)).all()
        return {self.keyring.key_id(raw) for row in rows for raw in row if raw is not None}

    def reencrypt(self) -> int:
        """Encrypt every stored value again with the current key (key rotation)."""
        with self.db.tx() as conn:
            return reencrypt_answers(conn, self.keyring)
