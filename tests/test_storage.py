"""Storage: schema created on first run, answers upserted, secrets stored only as hashes."""

from __future__ import annotations

from datetime import UTC, datetime

import sqlalchemy as sa

from intake import codes
from intake.crypto import Keyring
from intake.db import Database, answers, intakes
from intake.records import Answer, Status
from intake.storage import Store

SECRET = "test-secret"


def new_store(tmp_path) -> Store:
    keyring = Keyring.load(tmp_path / "keys.json")
    return Store(Database(f"sqlite:///{tmp_path}/db/intake.sqlite3", keyring))


def test_schema_is_created_on_first_run_and_reopened(tmp_path) -> None:
    store = new_store(tmp_path)
    intake, _token = store.create_intake("ar", "default", "1", SECRET)
    reopened = new_store(tmp_path)
    assert reopened.intake_by_id(intake.id).locale == "ar"


def test_answers_are_codes_upserted_and_round_trip(tmp_path) -> None:
    store = new_store(tmp_path)
    intake, _ = store.create_intake("ar", "default", "1", SECRET)
    now = datetime.now(UTC)
    store.save_answer(intake.id, Answer("aids", ("glasses", "other"), now, "ar", "1"))
    store.save_answer(intake.id, Answer("aids", ("glasses",), now, "ar", "1"))
    store.save_answer(intake.id, Answer("schooling_years", 9, now, "ar", "1"))
    store.save_answer(intake.id, Answer("pain", None, now, "ar", "1"))
    stored = store.answers(intake.id)
    assert stored["aids"].value == ("glasses",)
    assert stored["schooling_years"].value == 9
    assert stored["pain"].skipped
    assert stored["aids"].answered_at.tzinfo is not None
    with store.engine.connect() as conn:
        assert conn.execute(sa.select(sa.func.count()).select_from(answers)).scalar() == 3


def test_token_and_resume_code_are_stored_only_as_hashes(tmp_path) -> None:
    store = new_store(tmp_path)
    intake, token = store.create_intake("sv", "default", "1", SECRET)
    code = store.resume_code(intake.id, SECRET)
    raw = (tmp_path / "db" / "intake.sqlite3").read_bytes()
    assert token.encode() not in raw and code.encode() not in raw
    assert len(token) >= 32  # 192 bits, URL-safe base64
    assert store.intake_by_token(token).id == intake.id
    assert store.token_by_resume_code(codes.grouped(code).lower(), SECRET) == token


def test_references_are_short_unambiguous_and_unique(tmp_path) -> None:
    store = new_store(tmp_path)
    refs = {store.create_intake("sv", "default", "1", SECRET)[0].reference for _ in range(50)}
    assert len(refs) == 50
    assert all(len(r) == 8 and set(r) <= set(codes.ALPHABET) for r in refs)
    assert not set("01258BILOSZ") & set(codes.ALPHABET)


def test_submit_drops_answers_no_longer_in_force(tmp_path) -> None:
    store = new_store(tmp_path)
    intake, _ = store.create_intake("sv", "default", "1", SECRET)
    now = datetime.now(UTC)
    store.save_answer(intake.id, Answer("gender", "woman", now, "sv", "1"))
    store.save_answer(intake.id, Answer("gender_own_words", "text", now, "sv", "1"))
    store.submit(intake.id, ["gender_own_words"])
    assert list(store.answers(intake.id)) == ["gender"]
    submitted = store.intake_by_id(intake.id)
    assert submitted.status is Status.SUBMITTED and submitted.submitted_at is not None


def test_changed_secret_key_keeps_old_links_and_codes_working(tmp_path) -> None:
    store = new_store(tmp_path)
    intake, token = store.create_intake("sv", "default", "1", SECRET)
    code = store.resume_code(intake.id, SECRET)
    assert store.intake_by_token(token) is not None
    new_token = store.token_by_resume_code(code, "another-secret")
    assert new_token != token and store.intake_by_token(new_token).id == intake.id


def test_native_digits_in_typed_codes() -> None:
    assert codes.normalise_code("k7m4-qx٣p") == "K7M4QX3P"


def test_list_intakes_newest_first(tmp_path) -> None:
    store = new_store(tmp_path)
    first, _ = store.create_intake("sv", "default", "1", SECRET)
    second, _ = store.create_intake("ar", "default", "1", SECRET)
    assert [i.id for i in store.list_intakes()] == [second.id, first.id]
    with store.engine.connect() as conn:
        assert conn.execute(sa.select(sa.func.count()).select_from(intakes)).scalar() == 2
