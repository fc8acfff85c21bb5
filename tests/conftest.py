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
    return Settings.from_env({}, data_dir=tmp_path / "data")


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
