"""The caseworker invites; the participant answers in Dari on a phone; the caseworker reads and
exports the Swedish summary. Real browser, JavaScript on, no CSP violations."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from fhir.resources.R4B.questionnaireresponse import QuestionnaireResponse

from intake.settings import Settings
from tests.browser.conftest import (
    LiveServer,
    answer,
    current_question,
    new_phone,
    screenshot,
    wait_for_next,
)
from tests.conftest import PASSWORD
from tests.plans import SKIP, urgent_plan

pytestmark = pytest.mark.browser


@pytest.fixture
def server(tmp_path):
    settings = Settings.from_env({}, data_dir=tmp_path / "data", demo=False, insecure_cookies=False)
    with LiveServer(settings) as live:
        svc = live.services
        org = svc.accounts.organisation("Arbetsförmedlingen Malmö", create=True)
        svc.accounts.add_user("anna@x.example", "Anna Andersson", PASSWORD, org, "admin")
        yield live


def watch_console(page, problems: list[str]) -> None:  # type: ignore[no-untyped-def]
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: problems.append(str(e)))


def test_invite_answer_read_and_export(browser, server) -> None:
    problems: list[str] = []
    desk = browser.new_context(
        viewport={"width": 1200, "height": 900}, locale="sv-SE", accept_downloads=True
    )
    desk.route(
        "https://cdn.jsdelivr.net/**",
        lambda route: route.fulfill(
            path="node_modules/htmx.org/dist/htmx.min.js",
            content_type="application/javascript",
            headers={"Access-Control-Allow-Origin": "*"},
        ),
    )
    staff = desk.new_page()
    watch_console(staff, problems)
    staff.goto(server.url + "/staff")
    assert "/login" in staff.url  # not logged in yet
    staff.fill("#email", "anna@x.example")
    staff.fill("#password", PASSWORD)
    staff.click("button.go")
    staff.wait_for_url(re.compile(r"/staff$"))
    staff.click("a.go")  # New invitation
    staff.select_option("#locale", "fa_AF")
    staff.click("button.go")
    code = staff.locator(".meta .big").inner_text().strip()
    link = staff.locator(".meta a").get_attribute("href")
    assert link.endswith(f"/i/{code}") and staff.locator(".qr svg").count() == 1
    screenshot(staff, "caseworker-1-invitation")

    phone = new_phone(browser, javascript=True)
    participant = phone.new_page()
    watch_console(participant, problems)
    participant.goto(link.replace("http://127.0.0.1:8000", server.url))
    assert participant.locator("html").get_attribute("lang") == "fa-AF"
    participant.click("form[action$='/start'] button.go")
    participant.wait_for_url(re.compile(r"/welcome$"))
    participant.click("a.go")
    plan = urgent_plan("fa_AF")
    questionnaire = server.services.questionnaire
    typed_once = False
    for _ in range(80):
        qid = current_question(participant)
        if qid is None:
            break
        if qid == "interpreter_need" and not typed_once:
            # type instead of tapping: understood, echoed, and the conversation goes on
            participant.fill("#turn .composer input[name=typed]", "بلی")
            participant.click("#turn .composer button")
            participant.locator(".echo").last.wait_for()
            typed_once = True
        else:
            answer(participant, qid, questionnaire.question(qid).type.value, plan.get(qid, SKIP))
        wait_for_next(participant, qid)
    participant.locator("form[action$='/submit'] button").click()
    participant.wait_for_url(re.compile(r"/done$"))
    reference = participant.locator(".code .big").inner_text().strip()

    staff.goto(server.url + "/staff")
    first_row = staff.locator("table.grid tr").nth(1)
    assert "Brådskande" in first_row.inner_text() and reference in first_row.inner_text()
    screenshot(staff, "caseworker-2-dashboard")
    staff.click(f"text={reference}")
    summary = staff.locator("article.summary")
    text = summary.inner_text()
    assert text.index("Brådskande") < text.index("Tecken på ohälsa eller funktionsnedsättning")
    assert "skrivet på dari" in text.lower() and "inte en diagnos" in text
    assert "Behov av tolk" in text
    screenshot(staff, "caseworker-3-summary")
    with staff.expect_download() as download:
        staff.click("text=Exportera JSON")
    data = json.loads(Path(download.value.path()).read_text(encoding="utf-8"))
    assert data["language_name"] == "dari" and data["urgent"][0]["id"] == "self_harm"
    with staff.expect_download() as download:
        staff.click("text=Exportera FHIR QuestionnaireResponse")
    fhir = json.loads(Path(download.value.path()).read_text(encoding="utf-8"))
    QuestionnaireResponse.model_validate(fhir)
    assert not [p for p in problems if "Content Security Policy" in p or "Refused" in p], problems
    desk.close()
    phone.close()
