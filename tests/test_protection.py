"""Data protection: encryption at rest (and key rotation), the audit log, retention, headers."""

from __future__ import annotations

import logging
from datetime import timedelta

import pytest
import sqlalchemy as sa
from fastapi.testclient import TestClient

from intake.crypto import Keyring
from intake.db import Database, answers, audit, now
from intake.records import Intake, Status
from intake.retention import due
from tests.conftest import Participant, invite, start_invited
from tests.test_typed_replies import to_question

MARKERS = ("ZEBRA-marker-1234", "ОКАПИ-маркер-5678", "زرافة-علامة-٩٠١٢")


def test_marker_answers_are_nowhere_in_plain_text(
    app, settings, services, caplog, caseworker_x
) -> None:
    caplog.set_level(logging.DEBUG)
    participant = start_invited(TestClient(app), invite(caseworker_x))
    to_question(participant, "anything_else")
    participant.answer("anything_else", typed=" ".join(MARKERS))
    caseworker_x.get("/staff")  # reading it decrypts it; logs must still not have it
    database = (settings.data_dir / "intake.sqlite3").read_bytes()
    wal = settings.data_dir / "intake.sqlite3-wal"
    database += wal.read_bytes() if wal.exists() else b""
    for marker in MARKERS:
        assert marker.encode() not in database, marker
        assert marker not in caplog.text
    intake = services.store.intake_by_token(participant.token)
    assert services.store.answers(intake.id)["anything_else"].value == " ".join(MARKERS)
    assert not any(
        marker in (e.detail or "") for e in services.audit.events() for marker in MARKERS
    )


def test_key_is_outside_the_database_and_private(settings, services) -> None:
    key_file = settings.data_dir / "keys.json"
    assert key_file.exists() and key_file.stat().st_mode & 0o777 == 0o600


def test_a_value_does_not_decrypt_in_another_row(services) -> None:
    sealed = services.store.keyring.encrypt('"yes"', aad="1:consent_answer")
    with pytest.raises(Exception, match="does not match"):
        services.store.keyring.decrypt(sealed, aad="2:consent_answer")


def test_keys_rotate_re_encrypts_everything(
    client, services, settings, monkeypatch, capsys
) -> None:
    from intake.cli import main

    participant = Participant(client)
    participant.answer("consent_answer", choice="yes")
    with services.db.read() as conn:
        before = conn.execute(sa.select(answers.c.value)).scalar_one()
    monkeypatch.setenv("INTAKE_DATA_DIR", str(settings.data_dir))
    assert main(["keys", "rotate"]) == 0
    assert "1 answers re-encrypted" in capsys.readouterr().out
    with services.db.read() as conn:
        after = conn.execute(sa.select(answers.c.value)).scalar_one()
    rotated = Keyring.load(settings.data_dir / "keys.json")
    assert rotated.key_id(after) != rotated.key_id(before) and len(rotated.keys) == 1
    intake = services.store.intake_by_token(participant.token)
    reopened = Database(services.settings.database_url, rotated)
    from intake.storage import Store

    assert Store(reopened).answers(intake.id)["consent_answer"].value == "yes"


def test_plain_answers_of_an_older_database_are_encrypted_by_the_migration(tmp_path) -> None:
    url = f"sqlite:///{tmp_path}/old.sqlite3"
    engine = sa.create_engine(url)
    with engine.begin() as conn:  # the schema as version 2 left it, with a plain answer
        conn.execute(sa.text("CREATE TABLE schema_version (version INTEGER NOT NULL)"))
        conn.execute(sa.text("INSERT INTO schema_version VALUES (2)"))
        conn.execute(
            sa.text(
                "CREATE TABLE intakes (id INTEGER PRIMARY KEY, seed VARCHAR(32), token_hash "
                "VARCHAR(64), resume_hash VARCHAR(64), reference VARCHAR(16), locale VARCHAR(16), "
                "questionnaire_id VARCHAR(64), questionnaire_version VARCHAR(64), status "
                "VARCHAR(16), created_at DATETIME, updated_at DATETIME, submitted_at DATETIME, "
                "suggested_locale VARCHAR(16))"
            )
        )
        conn.execute(
            sa.text(
                "CREATE TABLE answers (intake_id INTEGER, question_id VARCHAR(64), value TEXT, "
                "language VARCHAR(16), questionnaire_version VARCHAR(64), answered_at DATETIME, "
                "typed TEXT, PRIMARY KEY (intake_id, question_id))"
            )
        )
        conn.execute(
            sa.text(
                "INSERT INTO intakes VALUES (1, 's', 't', 'r', 'REF12345', 'sv', 'default', '1', "
                "'submitted', '2026-01-01', '2026-01-01', '2026-01-01', NULL)"
            )
        )
        conn.execute(
            sa.text(
                "INSERT INTO answers VALUES (1, 'anything_else', "
                "'\"OLD-PLAIN-MARKER\"', 'sv', '1', '2026-01-01', NULL)"
            )
        )
    engine.dispose()
    keyring = Keyring.load(tmp_path / "keys.json")
    db = Database(url, keyring)
    with db.read() as conn:
        raw = conn.execute(sa.select(answers.c.value)).scalar_one()
        version = conn.execute(sa.text("SELECT version FROM schema_version")).scalar_one()
    assert version == 3 and "OLD-PLAIN-MARKER" not in raw
    from intake.storage import Store

    assert Store(db).answers(1)["anything_else"].value == "OLD-PLAIN-MARKER"


def test_audit_records_views_exports_changes_never_answers(caseworker_x, app, services) -> None:
    participant = start_invited(TestClient(app), invite(caseworker_x, "sv"), "sv")
    to_question(participant, "anything_else")
    participant.answer("anything_else", typed=MARKERS[0])
    intake = services.store.intake_by_token(participant.token)
    caseworker_x.get(f"/staff/intakes/{intake.reference}")
    caseworker_x.get(f"/staff/intakes/{intake.reference}/summary.json")
    actions = {(e.action, e.actor, e.intake_reference) for e in services.audit.events()}
    assert ("invitation.created", "anna@x.example", None) in actions
    assert ("intake.started", "participant", intake.reference) in actions
    assert ("summary.viewed", "anna@x.example", intake.reference) in actions
    assert ("export", "anna@x.example", intake.reference) in actions
    page = caseworker_x.get("/staff/audit").text
    assert "summary.viewed" in page and MARKERS[0] not in page


def make(status: Status, submitted_days: int | None, updated_days: int) -> Intake:
    at = now()
    return Intake(
        1,
        "R",
        "sv",
        "default",
        "1",
        status,
        at - timedelta(days=400),
        at - timedelta(days=updated_days),
        at - timedelta(days=submitted_days) if submitted_days is not None else None,
    )


def test_retention_rules() -> None:
    at = now()
    assert [p.reason for p in due([make(Status.SUBMITTED, 366, 366)], 365, 90, at)] == ["retention"]
    assert due([make(Status.SUBMITTED, 364, 364)], 365, 90, at) == []
    assert [p.reason for p in due([make(Status.IN_PROGRESS, None, 91)], 365, 90, at)] == [
        "abandoned"
    ]
    assert due([make(Status.IN_PROGRESS, None, 10)], 365, 90, at) == []


def test_purge_disposes_and_the_audit_log_keeps_that_it_happened(
    client, services, settings, monkeypatch, capsys
) -> None:
    from intake.cli import main
    from intake.db import intakes

    participant = Participant(client)
    participant.answer("consent_answer", choice="yes")
    intake = services.store.intake_by_token(participant.token)
    with services.db.tx() as conn:
        conn.execute(
            intakes.update().values(status="submitted", submitted_at=now() - timedelta(days=400))
        )
    monkeypatch.setenv("INTAKE_DATA_DIR", str(settings.data_dir))
    assert main(["purge"]) == 0
    assert f"disposed of {intake.reference} (retention)" in capsys.readouterr().out
    assert services.store.intake_by_token(participant.token) is None
    with services.db.read() as conn:
        assert conn.execute(sa.select(sa.func.count()).select_from(answers)).scalar() == 0
        logged = conn.execute(sa.select(audit.c.action, audit.c.intake_reference)).all()
    assert ("intake.purged", intake.reference) in [tuple(row) for row in logged]


def test_security_headers_on_every_response(client) -> None:
    for url in ("/", "/login", "/help", "/static/intake.css"):
        headers = client.get(url).headers
        csp = headers["content-security-policy"]
        assert (
            "script-src 'self' https://cdn.jsdelivr.net/npm/htmx.org@2.0.11/dist/htmx.min.js" in csp
            and "'unsafe-inline'" not in csp
            and "frame-ancestors 'none'" in csp
        )
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["referrer-policy"] == "no-referrer"
    assert client.get("/login").headers["cache-control"] == "no-store"


def test_api_docs_are_off_unless_turned_on(client) -> None:
    assert client.get("/docs").status_code == 404
    assert client.get("/openapi.json").status_code == 404


def test_htmx_is_configured_without_eval_and_history_cache(client) -> None:
    html = client.get("/").text
    assert '"allowEval":false' in html and '"historyCacheSize":0' in html
    assert "<script>" not in html and " onclick=" not in html
