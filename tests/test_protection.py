"""Data protection: encryption at rest (and key rotation), the audit log, retention, headers."""

from __future__ import annotations

import logging
import re
from datetime import timedelta

import pytest
import sqlalchemy as sa
from fastapi.testclient import TestClient

from intake.accesslog import MaskSecrets, masked
from intake.crypto import Keyring
from intake.db import SCHEMA_VERSION, Database, answers, audit, now
from intake.records import Intake, Status
from intake.retention import due
from tests.conftest import Participant, invite, start_invited
from tests.test_access import finish

MARKERS = ("ZEBRA-marker-1234", "ОКАПИ-маркер-5678", "زرافة-علامة-٩٠١٢")


def test_marker_answers_are_nowhere_in_plain_text(
    app, settings, services, caplog, caseworker_x, questionnaire
) -> None:
    caplog.set_level(logging.DEBUG)
    participant = start_invited(TestClient(app), invite(caseworker_x))
    finish(participant, questionnaire, " ".join(MARKERS))
    reference = services.store.intake_by_token(participant.token).reference
    # reading it decrypts it; logs must still not have it
    assert " ".join(MARKERS) in caseworker_x.get(f"/staff/intakes/{reference}").text
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


def test_a_running_server_survives_key_rotation(
    app, client, services, settings, monkeypatch, capsys
) -> None:
    """The server keeps its keyring in memory; rotation by the command line must neither break
    it nor let it write with a key that rotation drops."""
    from intake.cli import main

    participant = Participant(client)
    participant.answer("consent_answer", choice="yes")
    monkeypatch.setenv("INTAKE_DATA_DIR", str(settings.data_dir))
    assert main(["keys", "rotate"]) == 0
    capsys.readouterr()
    participant.answer("consent_fk", choice="no")  # written by the running server
    assert participant.current() == "consent_region"  # and everything reads back
    assert main(["keys", "rotate"]) == 0  # again: the server's new answer moves along
    restarted = Database(
        services.settings.database_url, Keyring.load(settings.data_dir / "keys.json")
    )
    from intake.storage import Store

    intake = services.store.intake_by_token(participant.token)
    assert Store(restarted).answers(intake.id)["consent_fk"].value == "no"


def test_a_lost_key_file_stops_the_app_instead_of_making_new_keys(client, settings) -> None:
    from intake.app import create_app
    from intake.settings import SettingsError

    Participant(client).answer("consent_answer", choice="yes")
    key_file = settings.data_dir / "keys.json"
    key_file.rename(settings.data_dir / "keys.json.elsewhere")
    with pytest.raises(SettingsError, match=r"keys\.json"):
        create_app(settings)
    assert not key_file.exists()  # no new key file left behind to start with next time


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
    assert version == SCHEMA_VERSION and "OLD-PLAIN-MARKER" not in raw
    from intake.storage import Store

    assert Store(db).answers(1)["anything_else"].value == "OLD-PLAIN-MARKER"


def test_audit_records_views_exports_changes_never_answers(
    caseworker_x, app, services, questionnaire
) -> None:
    participant = start_invited(TestClient(app), invite(caseworker_x, "sv"), "sv")
    finish(participant, questionnaire, MARKERS[0])
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


def test_failed_logins_on_an_account_show_in_its_organisations_audit_log(app, caseworker_x) -> None:
    stranger = TestClient(app)
    for email in ("anna@x.example", "nobody@nowhere.example"):
        form = stranger.get("/login").text
        token = re.search(r'name="login_token" value="([^"]+)"', form).group(1)
        response = stranger.post(
            "/login", data={"email": email, "password": "wrong guess", "login_token": token}
        )
        assert response.status_code == 401
    page = caseworker_x.get("/staff/audit").text
    assert "login.failed" in page and "anna@x.example" in page
    assert "nobody@nowhere.example" not in page  # not an account of this organisation


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


def test_participant_pages_are_compressed_staff_pages_never(app, caseworker_x) -> None:
    gzip = {"Accept-Encoding": "gzip"}
    assert TestClient(app).get("/i", headers=gzip).headers.get("content-encoding") == "gzip"
    assert (
        TestClient(app).get("/static/intake.css", headers=gzip).headers.get("content-encoding")
        == "gzip"
    )
    for path in ("/staff", "/staff/invitations/new", "/login"):
        response = caseworker_x.get(path, headers=gzip)
        assert response.status_code == 200 and "content-encoding" not in response.headers, path


def test_a_request_too_large_is_refused_and_stores_nothing(participant, services) -> None:
    participant.answer("consent_answer", choice="yes")
    response = participant.client.post(
        f"{participant.base}/q/consent_fk", data={"typed": "x" * 300_000}
    )
    assert response.status_code == 413
    intake = services.store.intake_by_token(participant.token)
    assert set(services.store.answers(intake.id)) == {"consent_answer"}


def test_the_access_log_never_shows_link_tokens_or_invitation_codes() -> None:
    record = logging.LogRecord(
        "uvicorn.access",
        logging.INFO,
        "",
        0,
        '%s - "%s %s HTTP/%s" %d',
        ("10.0.0.1:5000", "GET", "/s/Zq8v_secret-token/later?x=1", "1.1", 200),
        None,
    )
    MaskSecrets().filter(record)
    assert record.getMessage() == '10.0.0.1:5000 - "GET /s/…/later?x=1 HTTP/1.1" 200'
    assert masked("/i/K7M4-QX2P?lang=ar") == "/i/…?lang=ar"
    assert masked("/staff/intakes/K7M4QX2P") == "/staff/intakes/K7M4QX2P"
