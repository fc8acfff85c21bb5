"""A live server and Debian's Chromium driven by Playwright.

Chromium comes from Debian (scripts/install-system-packages.sh); Playwright never downloads
a browser.
htmx is the copy from the npm package, served in place of the CDN URL by request routing, so the
pages keep the production URL and integrity hash.
"""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn

from intake.app import create_app
from intake.services import Services
from intake.settings import HTMX_URL, PROJECT_ROOT, Settings
from tests.plans import SKIP

HTMX_LOCAL = PROJECT_ROOT / "node_modules" / "htmx.org" / "dist" / "htmx.min.js"
ARTIFACTS = PROJECT_ROOT / "test-artifacts"
CHROMIUM = os.environ.get("INTAKE_TEST_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"


class LiveServer:
    def __init__(self, settings: Settings) -> None:
        self.app = create_app(settings)
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        config = uvicorn.Config(self.app, host="127.0.0.1", port=self.port, log_level="warning")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def services(self) -> Services:
        return self.app.state.services  # type: ignore[no-any-return]

    def __enter__(self) -> LiveServer:
        self.thread.start()
        deadline = time.monotonic() + 15
        while not self.server.started:
            if time.monotonic() > deadline:
                raise RuntimeError("the test server did not start")
            time.sleep(0.05)
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


@pytest.fixture
def live_server(tmp_path: Path) -> Iterator[LiveServer]:
    settings = Settings.from_env({}, data_dir=tmp_path / "data", open_start=True, demo=False)
    with LiveServer(settings) as server:
        yield server


@pytest.fixture(scope="session")
def browser():  # type: ignore[no-untyped-def]
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail(
            f"Chromium not found at {CHROMIUM}: run 'make system-packages' (Debian package "
            "chromium) or set INTAKE_TEST_CHROMIUM"
        )
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield browser
        browser.close()


def new_phone(browser, *, javascript: bool):  # type: ignore[no-untyped-def]
    """A 360×740 phone-sized page; htmx requests to the CDN get the local npm copy."""
    context = browser.new_context(
        viewport={"width": 360, "height": 740}, java_script_enabled=javascript, locale="ar"
    )
    context.route(
        HTMX_URL,
        lambda route: route.fulfill(
            path=str(HTMX_LOCAL),
            content_type="application/javascript",
            headers={"Access-Control-Allow-Origin": "*"},
        ),
    )
    return context


def screenshot(page, name: str) -> None:  # type: ignore[no-untyped-def]
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=False)


# -- answering the conversation as a participant would ------------------------------------


def current_question(page) -> str | None:  # type: ignore[no-untyped-def]
    form = page.locator("#turn form[action*='/q/']").first
    if page.locator("#turn form[action*='/q/']").count() == 0:
        return None
    return form.get_attribute("action").rsplit("/", 1)[-1]


def answer(page, qid: str, question_type: str, planned: object) -> None:  # type: ignore[no-untyped-def]
    turn = page.locator("#turn form[action*='/q/']:not(.composer)")
    if planned is None or planned is SKIP:
        turn.locator("button.skip").click()
    elif isinstance(planned, list):
        for code in planned:
            turn.locator(f"input[name=choice][value={code}]").check()
        turn.locator("button.go").click()
    elif question_type in ("number", "year", "text"):
        turn.locator("[name=typed]").fill(str(planned))
        turn.locator("button.go").click()
    else:
        turn.locator(f"button[name=choice][value='{planned}']").click()


def wait_for_next(page, qid: str) -> None:  # type: ignore[no-untyped-def]
    page.wait_for_function(
        """qid => { const f = document.querySelector("#turn form[action*='/q/']");
                    return !f || !f.getAttribute('action').endsWith('/q/' + qid); }""",
        arg=qid,
        timeout=10_000,
    )
