"""The whole intake on a phone-sized screen, without and with JavaScript: in Arabic, and in
one Ethiopic-script (Tigrinya) and one more right-to-left language (Dari)."""

from __future__ import annotations

import re

import pytest

from intake.records import Status
from tests.browser.conftest import answer, current_question, new_phone, screenshot, wait_for_next
from tests.i18n_expectations import latin_leaks as words_in_latin
from tests.plans import ARABIC_URGENT_FLAGS, urgent_plan

pytestmark = pytest.mark.browser


def latin_leaks(page) -> set[str]:  # type: ignore[no-untyped-def]
    # Codes, links and phone numbers are marked dir="ltr" on purpose; everything else must
    # be in the page's language.
    text = page.evaluate("""() => { const body = document.body.cloneNode(true);
        body.querySelectorAll('[dir=ltr]').forEach(e => e.remove());
        return body.innerText; }""")
    return words_in_latin(text)


def run_intake(browser, live_server, locale: str, *, javascript: bool) -> str:  # type: ignore[no-untyped-def]
    questionnaire = live_server.services.questionnaire
    info = live_server.services.catalogs.info(locale)
    plan = urgent_plan(locale)
    context = new_phone(browser, javascript=javascript)
    page = context.new_page()
    leaks: dict[str, set[str]] = {}
    mode = f"{locale}-{'js' if javascript else 'nojs'}"
    page.goto(live_server.url + "/")
    screenshot(page, f"{mode}-1-languages")
    page.locator(f"button[name=locale][value={locale}]").click()
    page.wait_for_url(re.compile(r"/s/[^/]+/welcome$"))
    assert page.locator("html").get_attribute("dir") == info.direction
    assert page.locator("html").get_attribute("lang") == info.tag
    leaks["welcome"] = latin_leaks(page)
    screenshot(page, f"{mode}-2-welcome")
    page.locator("a.go").click()
    if javascript:
        page.evaluate("window.__sameDocument = true")
    asked = []
    while (qid := current_question(page)) is not None:
        question = questionnaire.question(qid)
        if qid == "consent_fk":
            screenshot(page, f"{mode}-3-question")
            leaks["question"] = latin_leaks(page)
        answer(page, qid, question.type.value, plan.get(qid))
        wait_for_next(page, qid)
        asked.append(qid)
        if qid == "self_harm":
            # crisis help in Arabic, at once, before any other question
            crisis = page.locator(".crisis").first
            crisis.wait_for(state="visible")
            assert crisis.locator("a[href='tel:112']").count() == 1
            assert crisis.locator("a[href='tel:90101']").count() == 1
            leaks["crisis"] = latin_leaks(page)
            assert crisis.evaluate("e => e === document.activeElement")  # and on screen
            screenshot(page, f"{mode}-4-crisis")
        assert len(asked) < 80
    if javascript:
        # the conversation advanced inside one document: htmx swapped fragments
        # (the review page is then loaded into <main> by htmx as well)
        assert page.evaluate("window.__sameDocument === true")
    assert {"self_harm", "anything_else", "interpreter_language"} <= set(asked)
    page.wait_for_selector("form[action$='/submit']")
    leaks["review"] = latin_leaks(page)
    screenshot(page, f"{mode}-5-review")
    page.locator("form[action$='/submit'] button").click()
    page.wait_for_url(re.compile(r"/done$"))
    leaks["done"] = latin_leaks(page)
    screenshot(page, f"{mode}-6-done")
    reference = page.locator(".code .big").inner_text().strip()
    assert not {k: v for k, v in leaks.items() if v}, (
        f"English or Swedish on {locale} pages: {leaks}"
    )
    context.close()
    return reference


CASES = [("ar", False), ("ar", True), ("ti", False), ("fa_AF", True)]
SWEDISH_NAME = {"ar": "arabiska", "ti": "tigrinja", "fa_AF": "dari"}


@pytest.mark.parametrize(
    ("locale", "javascript"), CASES, ids=[f"{loc}-{'js' if js else 'nojs'}" for loc, js in CASES]
)
def test_intake_on_a_phone_raises_the_right_flags(
    browser, live_server, locale: str, javascript: bool
) -> None:
    reference = run_intake(browser, live_server, locale, javascript=javascript)
    services = live_server.services
    intake = services.store.intake_by_reference(reference)
    assert intake is not None and intake.status is Status.SUBMITTED and intake.locale == locale
    summary = services.summary(intake)
    raised = {f.id for f in summary.urgent + summary.signs + summary.notes}
    assert raised == ARABIC_URGENT_FLAGS
    assert [f.id for f in summary.urgent] == ["self_harm"]
    own = {a.question_id: a for a in summary.own_words}
    assert own["anything_else"].text == urgent_plan(locale)["anything_else"]
    assert own["anything_else"].language == SWEDISH_NAME[locale]
    birth = next(a for s in summary.sections for a in s.answers if a.question_id == "birth_year")
    assert birth.text == "1988"  # typed with Arabic-Indic digits
