"""Invitations: code, link and QR; a GET never uses it up; one winner among parallel claims."""

from __future__ import annotations

import re
import threading
from datetime import timedelta

import sqlalchemy as sa
from fastapi.testclient import TestClient

from intake import codes
from intake.db import invitations
from intake.settings import Settings
from tests.conftest import invite, start_invited


def test_caseworker_creates_an_invitation_with_code_link_qr_and_sheet(caseworker_x) -> None:
    page = caseworker_x.post(
        "/staff/invitations",
        data={
            "csrf": re.search(
                r'name="csrf" value="([^"]+)"', caseworker_x.get("/staff").text
            ).group(1),
            "locale": "ti",
        },
    ).text
    code = re.search(r'class="big">([0-9A-Z]{4}-[0-9A-Z]{4})<', page).group(1)
    assert not set(code.replace("-", "")) - set(codes.ALPHABET)  # no look-alikes
    assert f"http://127.0.0.1:8000/i/{code}" in page
    assert "<svg" in page  # the QR code, inline
    sheet = page[page.index('class="sheet-part"') :]
    assert 'lang="ti"' in sheet[:60]  # the participant's part, in the preset language
    assert re.search("[\u1200-\u137f]{3,}", sheet) and "You are invited" not in sheet
    assert "Koden visas bara nu" in page


def test_code_is_stored_only_as_a_keyed_hash(caseworker_x, services) -> None:
    code = invite(caseworker_x)
    with services.db.read() as conn:
        stored = conn.execute(sa.select(invitations.c.code_hash)).scalar_one()
    assert codes.normalise_code(code) not in stored and len(stored) == 64


def test_opening_the_link_never_uses_the_invitation_up(caseworker_x, app) -> None:
    code = invite(caseworker_x, "ar")
    preview = TestClient(app)  # a chat app fetching the link for a preview
    for _ in range(3):
        page = preview.get(f"/i/{code}")
        assert page.status_code == 200 and '<html lang="ar" dir="rtl">' in page.text
    participant = start_invited(TestClient(app), code, "ar")
    assert participant.client.get(participant.base + "/welcome").status_code == 200
    used = TestClient(app).get(f"/i/{code}")
    assert used.status_code == 410


def test_twenty_parallel_claims_have_one_winner(caseworker_x, services) -> None:
    code = invite(caseworker_x)
    results: list[object] = []
    barrier = threading.Barrier(20)

    def claim() -> None:
        barrier.wait()
        results.append(
            services.invitations.claim(code, "sv", "default", "1", services.settings.secret_key)
        )

    threads = [threading.Thread(target=claim) for _ in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    winners = [r for r in results if r is not None]
    assert len(results) == 20 and len(winners) == 1
    assert len(services.store.list_intakes()) == 1


def test_the_intake_belongs_to_the_inviting_organisation(
    caseworker_x, app, services, org_x
) -> None:
    participant = start_invited(TestClient(app), invite(caseworker_x))
    intake = services.store.intake_by_token(participant.token)
    assert intake.org_id == org_x.id


def test_expired_invitation_cannot_start(caseworker_x, app, services) -> None:
    code = invite(caseworker_x)
    with services.db.tx() as conn:
        conn.execute(invitations.update().values(expires_at=sa.func.datetime("now", "-1 day")))
    client = TestClient(app)
    assert client.get(f"/i/{code}").status_code == 410
    response = client.post(f"/i/{code}/start", data={"locale": "sv"}, follow_redirects=False)
    assert "/welcome" not in response.headers.get("location", "")


def test_typing_the_code_leads_to_the_start_page(caseworker_x, client) -> None:
    code = invite(caseworker_x)
    typed = code.lower().replace("-", " ")
    response = client.post("/i?lang=so", data={"code": typed}, follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"] == f"/i/{code}?lang=so"


def test_wrong_codes_are_limited_per_code_not_only_per_address(caseworker_x, client) -> None:
    for _ in range(5):
        assert client.post("/i", data={"code": "AAAA-AAAA"}).status_code == 422
    assert client.post("/i", data={"code": "AAAA-AAAA"}).status_code == 429
    # the same address (refugee housing shares one) can still use a right code
    good = invite(caseworker_x)
    assert client.post("/i", data={"code": good}, follow_redirects=False).status_code == 303


def test_open_self_start_is_off_by_default(tmp_path) -> None:
    from intake.app import create_app

    app = create_app(Settings.from_env({}, data_dir=tmp_path, demo=False))
    client = TestClient(app)
    page = client.get("/?lang=en").text
    assert "you need an invitation from your caseworker" in page
    response = client.post("/start", data={"locale": "en"}, follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"] == "/"
    assert app.state.services.store.list_intakes() == []


def test_invite_command_prints_code_and_link(
    services, org_x, capsys, monkeypatch, settings
) -> None:
    from intake.cli import main

    monkeypatch.setenv("INTAKE_DATA_DIR", str(settings.data_dir))
    assert main(["invite", "--language", "fa_AF", "--org", org_x.name]) == 0
    out = capsys.readouterr().out
    code = re.search(r"code: ([0-9A-Z]{4}-[0-9A-Z]{4})", out).group(1)
    assert f"link: http://127.0.0.1:8000/i/{code}" in out
    found = services.invitations.find(code)
    assert found is not None and found.locale == "fa_AF" and found.org_id == org_x.id
    assert found.expires_at - found.created_at == timedelta(days=14)
