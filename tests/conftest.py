from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from intake.app import create_app
from intake.questionnaire import Questionnaire, load_questionnaire
from intake.services import Services
from intake.settings import PROJECT_ROOT, Settings

DEFAULT_QUESTIONNAIRE = PROJECT_ROOT / "questionnaires" / "default.yaml"


@pytest.fixture(scope="session")
def questionnaire() -> Questionnaire:
    return load_questionnaire(DEFAULT_QUESTIONNAIRE)


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    """Open self-start (most tests are about the participant's conversation; invitations have
    their own tests), cookies over plain http (the test client), no demo account."""
    return Settings.from_env(
        {}, data_dir=tmp_path / "data", open_start=True, insecure_cookies=True, demo=False
    )


@pytest.fixture
def app(settings: Settings) -> FastAPI:
    return create_app(settings)


@pytest.fixture
def services(app: FastAPI) -> Services:
    return app.state.services  # type: ignore[no-any-return]


@pytest.fixture
def client(app: FastAPI) -> Iterator[TestClient]:
    with TestClient(app) as test_client:
        yield test_client


class Participant:
    """Drives the participant's pages over HTTP, as a browser without JavaScript would."""

    def __init__(self, client: TestClient, locale: str = "en") -> None:
        self.client = client
        response = client.post("/start", data={"locale": locale}, follow_redirects=False)
        assert response.status_code == 303
        self.token = response.headers["location"].split("/")[2]
        self.base = f"/s/{self.token}"

    def current(self) -> str | None:
        """The id of the question the conversation asks now (None on other pages)."""
        html = self.client.get(self.base).text
        match = re.search(r'<section id="turn".*?action="[^"]*/q/([a-z0-9_]+)"', html, re.S)
        return match.group(1) if match else None

    def answer(self, question_id: str, **form: object) -> object:
        return self.client.post(f"{self.base}/q/{question_id}", data=form, follow_redirects=False)

    def skip(self, question_id: str) -> object:
        return self.answer(question_id, skip="1")


@pytest.fixture
def participant(client: TestClient) -> Participant:
    return Participant(client)


PASSWORD = "correct horse battery staple"


def log_in(client: TestClient, email: str, password: str = PASSWORD) -> TestClient:
    """Log a test client in through the login form, as a browser would."""
    form = client.get("/login").text
    token = re.search(r'name="login_token" value="([^"]+)"', form).group(1)
    response = client.post(
        "/login",
        data={"email": email, "password": password, "login_token": token},
        follow_redirects=False,
    )
    assert response.status_code == 303, response.text[:300]
    return client


def csrf_of(client: TestClient) -> str:
    return re.search(r'name="csrf" value="([^"]+)"', client.get("/staff").text).group(1)


@pytest.fixture
def org_x(services: Services):
    org = services.accounts.organisation("Arbetsförmedlingen Malmö", create=True)
    services.accounts.add_user("anna@x.example", "Anna X", PASSWORD, org, "admin")
    services.accounts.add_user("bo@x.example", "Bo X", PASSWORD, org)
    return org


@pytest.fixture
def org_y(services: Services):
    org = services.accounts.organisation("Kommunen Y", create=True)
    services.accounts.add_user("yara@y.example", "Yara Y", PASSWORD, org, "admin")
    return org


@pytest.fixture
def caseworker_x(app: FastAPI, org_x) -> Iterator[TestClient]:
    with TestClient(app) as client:
        yield log_in(client, "anna@x.example")


@pytest.fixture
def caseworker_y(app: FastAPI, org_y) -> Iterator[TestClient]:
    with TestClient(app) as client:
        yield log_in(client, "yara@y.example")


def invite(client: TestClient, locale: str = "") -> str:
    """Create an invitation as the logged-in caseworker; the code it shows."""
    page = client.post("/staff/invitations", data={"csrf": csrf_of(client), "locale": locale})
    assert page.status_code == 200, page.text[:300]
    return re.search(r'class="big">([0-9A-Z]{4}-[0-9A-Z]{4})<', page.text).group(1)


def start_invited(client: TestClient, code: str, locale: str = "en") -> Participant:
    """A participant opens the invitation and starts."""
    response = client.post(f"/i/{code}/start", data={"locale": locale}, follow_redirects=False)
    assert response.status_code == 303 and "/welcome" in response.headers["location"]
    participant = Participant.__new__(Participant)
    participant.client = client
    participant.token = response.headers["location"].split("/")[2]
    participant.base = f"/s/{participant.token}"
    return participant
