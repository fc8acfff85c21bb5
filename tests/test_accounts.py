"""Accounts and sessions: argon2id, server-side sessions, cookies, CSRF, login limits."""

from __future__ import annotations

import re

import sqlalchemy as sa
from fastapi.testclient import TestClient

from intake.app import create_app
from intake.db import sessions, users
from intake.settings import Settings
from tests.conftest import PASSWORD, csrf_of, log_in


def test_passwords_are_argon2id_hashes(services, org_x) -> None:
    with services.db.read() as conn:
        hashes = [row.password_hash for row in conn.execute(sa.select(users))]
    assert hashes and all(h.startswith("$argon2id$") for h in hashes)
    assert PASSWORD not in "".join(hashes)


def test_login_makes_a_new_server_side_session_stored_hashed(app, services, org_x) -> None:
    first = log_in(TestClient(app), "anna@x.example")
    second = log_in(TestClient(app), "anna@x.example")
    one, two = first.cookies["intake_session"], second.cookies["intake_session"]
    assert one != two and len(one) >= 32
    with services.db.read() as conn:
        stored = [row.token_hash for row in conn.execute(sa.select(sessions))]
    assert len(stored) == 2 and one not in stored and two not in stored


def test_logout_revokes_the_session_even_if_the_cookie_is_kept(app, org_x) -> None:
    client = log_in(TestClient(app), "anna@x.example")
    cookie = client.cookies["intake_session"]
    response = client.post("/logout", data={"csrf": csrf_of(client)}, follow_redirects=False)
    assert response.status_code == 303
    replay = TestClient(app)
    replay.cookies.set("intake_session", cookie)
    assert replay.get("/staff", follow_redirects=False).status_code == 303  # to /login


def login_token(client) -> str:
    return re.search(r'name="login_token" value="([^"]+)"', client.get("/login").text).group(1)


def test_wrong_password_and_unknown_user_look_the_same(client, org_x) -> None:
    wrong = client.post(
        "/login",
        data={"email": "anna@x.example", "password": "nope", "login_token": login_token(client)},
    )
    unknown = client.post(
        "/login",
        data={"email": "nobody@x.example", "password": "nope", "login_token": login_token(client)},
    )
    assert wrong.status_code == unknown.status_code == 401
    assert "Fel e-postadress eller lösenord." in wrong.text


def test_login_is_rate_limited_per_account(client, org_x) -> None:
    for _ in range(5):
        token = re.search(r'name="login_token" value="([^"]+)"', client.get("/login").text).group(1)
        client.post(
            "/login", data={"email": "bo@x.example", "password": "wrong", "login_token": token}
        )
    token = re.search(r'name="login_token" value="([^"]+)"', client.get("/login").text).group(1)
    blocked = client.post(
        "/login", data={"email": "bo@x.example", "password": PASSWORD, "login_token": token}
    )
    assert blocked.status_code == 429 and "För många misslyckade försök" in blocked.text
    log_in(client, "anna@x.example")  # another account from the same address still works


def test_login_form_needs_its_own_token(client, org_x) -> None:
    response = client.post("/login", data={"email": "anna@x.example", "password": PASSWORD})
    assert response.status_code == 400


def test_state_changes_need_the_csrf_token(caseworker_x) -> None:
    assert caseworker_x.post("/staff/invitations", data={"locale": ""}).status_code == 403
    assert (
        caseworker_x.post("/staff/invitations", data={"csrf": "forged", "locale": ""}).status_code
        == 403
    )
    token = csrf_of(caseworker_x)
    assert (
        caseworker_x.post(
            "/staff/invitations", data={"locale": ""}, headers={"X-CSRF-Token": token}
        ).status_code
        == 200
    )
    html = caseworker_x.get("/staff").text
    assert f'hx-headers=\'{{"X-CSRF-Token": "{token}"}}\'' in html  # htmx sends it too


def test_disabled_user_loses_sessions_and_cannot_log_in(app, services, org_x) -> None:
    client = log_in(TestClient(app), "bo@x.example")
    services.accounts.disable("bo@x.example")
    assert client.get("/staff", follow_redirects=False).status_code == 303
    assert services.accounts.authenticate("bo@x.example", PASSWORD) is None


def test_secure_cookie_with_host_prefix_by_default(tmp_path) -> None:
    app = create_app(Settings.from_env({}, data_dir=tmp_path, demo=False))
    svc = app.state.services
    svc.accounts.add_user("s@x.example", "S", PASSWORD, svc.accounts.organisation("X", create=True))
    client = TestClient(app, base_url="https://testserver")
    form = client.get("/login").text
    token = re.search(r'name="login_token" value="([^"]+)"', form).group(1)
    response = client.post(
        "/login",
        data={"email": "s@x.example", "password": PASSWORD, "login_token": token},
        follow_redirects=False,
    )
    cookie = response.headers["set-cookie"]
    assert cookie.startswith("__Host-intake=")
    assert "Secure" in cookie and "HttpOnly" in cookie and "SameSite=lax" in cookie
    assert "Path=/" in cookie and "Domain" not in cookie


def test_users_command_line(services, capsys, monkeypatch, settings) -> None:
    from intake.cli import main

    monkeypatch.setenv("INTAKE_DATA_DIR", str(settings.data_dir))
    monkeypatch.setattr("sys.stdin", __import__("io").StringIO(PASSWORD + "\n"))
    assert (
        main(
            [
                "users",
                "add",
                "new@z.example",
                "--name",
                "New Z",
                "--org",
                "Org Z",
                "--password-stdin",
            ]
        )
        == 0
    )
    assert main(["users", "list"]) == 0
    assert "new@z.example" in capsys.readouterr().out
    assert main(["users", "disable", "new@z.example"]) == 0
    assert services.accounts.user_by_email("new@z.example").disabled
