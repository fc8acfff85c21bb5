"""How many A4 pages the caseworker's summary prints on (the target: one or two).

Runs the app with one submitted intake that raises most flags, opens the summary page in
Debian's Chromium and prints it to PDF with the print stylesheet. Measures; asserts nothing.

    PYTHONPATH=. .venv/bin/python bench/print_pages.py   (it reuses the tests' helpers)
"""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

from fastapi.testclient import TestClient
from playwright.sync_api import sync_playwright

from intake.settings import Settings
from tests.browser.conftest import CHROMIUM, LiveServer
from tests.conftest import PASSWORD, Participant
from tests.plans import ARABIC_URGENT
from tests.test_participant_routes import answer_all


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings.from_env(
            {}, data_dir=Path(tmp), demo=False, open_start=True, insecure_cookies=True
        )
        with LiveServer(settings) as server:
            svc = server.services
            org = svc.accounts.organisation("Bench", create=True)
            svc.accounts.add_user("bench@x.example", "Bench", PASSWORD, org)
            client = TestClient(server.app)
            participant = Participant(client, "ar")
            answer_all(participant, ARABIC_URGENT, svc.questionnaire)
            client.post(f"{participant.base}/submit")
            intake = svc.store.intake_by_token(participant.token)
            from intake.db import intakes

            with svc.db.tx() as conn:  # open self-start has no organisation: give it one
                conn.execute(intakes.update().values(org_id=org.id))
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(
                    executable_path=CHROMIUM, args=["--no-sandbox"]
                )
                page = browser.new_page()
                page.goto(server.url + "/login")
                page.fill("#email", "bench@x.example")
                page.fill("#password", PASSWORD)
                page.click("button.go")
                page.goto(f"{server.url}/staff/intakes/{intake.reference}")
                pdf = page.pdf(format="A4", print_background=True)
                page.emulate_media(media="print")
                page.set_viewport_size({"width": 794, "height": 1123})  # A4 at 96 dpi
                page.screenshot(path="test-artifacts/summary-print.png", full_page=True)
                browser.close()
    pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
    print(
        f"summary of an intake with {len(ARABIC_URGENT)} answers and 10 flags: "
        f"{pages} A4 pages, {len(pdf)} bytes of PDF"
    )


if __name__ == "__main__":
    main()
