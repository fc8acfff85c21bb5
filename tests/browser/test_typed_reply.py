"""Typing an answer on a phone: an ambiguous reply gets a "did you mean" with the candidates as
buttons; tapping one answers and the conversation goes on. With and without JavaScript."""

from __future__ import annotations

import re

import pytest

from tests.browser.conftest import answer, current_question, new_phone, screenshot, wait_for_next

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("javascript", [False, True], ids=["javascript-off", "javascript-on"])
def test_clarifying_turn(browser, live_server, javascript: bool) -> None:
    context = new_phone(browser, javascript=javascript)
    page = context.new_page()
    page.goto(live_server.url + "/")
    page.locator("button[name=locale][value=en]").click()
    page.wait_for_url(re.compile(r"/welcome$"))
    page.locator("a.go").click()

    def current() -> str:
        return page.locator("#turn form[action*='/q/']").first.get_attribute("action")

    while not current().endswith("/q/pain"):
        before = current()
        form = page.locator("#turn form[action*='/q/']:not(.composer)")
        if form.locator("button.skip").count():
            form.locator("button.skip").click()
        else:
            form.locator("button[name=choice][value=yes]").click()
        page.wait_for_function(
            "b => { const f = document.querySelector(\"#turn form[action*='/q/']\");"
            " return f && f.getAttribute('action') !== b; }",
            arg=before,
        )
    page.fill("#turn .composer input[name=typed]", "often or every day")
    page.click("#turn .composer button")
    clarify = page.locator(".clarify")
    clarify.wait_for()
    assert "often or every day" in clarify.inner_text()
    buttons = clarify.locator("button[name=choice]")
    assert sorted(b.get_attribute("value") for b in buttons.all()) == ["every_day", "often"]
    screenshot(page, f"typed-{'js' if javascript else 'nojs'}-clarify")
    clarify.locator("button[value=often]").click()
    page.wait_for_function("() => !document.querySelector(\"#turn form[action$='/q/pain']\")")
    transcript = page.locator("#transcript").inner_text()
    assert "You answered: Often" in transcript
    context.close()


def _at_question(browser, live_server, locale: str, target: str, javascript: bool):  # type: ignore[no-untyped-def]
    """A phone in ``locale`` walked to question ``target``: consent given, the rest skipped."""
    context = new_phone(browser, javascript=javascript)
    page = context.new_page()
    page.goto(live_server.url + "/")
    page.locator(f"button[name=locale][value={locale}]").click()
    page.wait_for_url(re.compile(r"/welcome$"))
    page.locator("a.go").click()
    questionnaire = live_server.services.questionnaire
    while (qid := current_question(page)) != target:
        assert qid is not None, f"{target} was not asked"
        kind = questionnaire.question(qid).type.value
        answer(page, qid, kind, "yes" if kind == "consent" else None)
        wait_for_next(page, qid)
    return context, page


@pytest.mark.parametrize(
    ("typed", "number"),
    [
        ("درست ٩ سنوات في مدرسة في حلب", 9),  # I studied 9 years at a school in Aleppo
        ("٦ سنين مدرسة و٤ سنين جامعة", 10),  # 6 years school and 4 years university
    ],
    ids=["in-a-sentence", "a-total-in-parts"],
)
def test_a_number_in_a_sentence_is_confirmed_in_arabic_on_a_phone(
    browser, live_server, typed: str, number: int
) -> None:
    """A sentence with a number (or the parts of a total), typed in Arabic with JavaScript on:
    "Did you mean N years?" in Arabic (the plural for 3 to 10), right to left; "Yes, N years"
    stores it and the conversation goes on."""
    context, page = _at_question(browser, live_server, "ar", "schooling_years", javascript=True)
    answer(page, "schooling_years", "number", typed)
    clarify = page.locator(".clarify")
    clarify.wait_for()
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert f"هل تقصد {number} سنوات؟" in clarify.inner_text()
    screenshot(page, f"typed-ar-number-confirm-{number}")
    clarify.locator("button[type=submit]").click()
    wait_for_next(page, "schooling_years")
    assert str(number) in page.locator("#transcript").inner_text()
    context.close()


def test_a_questions_own_words_answer_it_in_arabic_with_javascript_off(
    browser, live_server
) -> None:
    """ "أنا أعمى" (I am blind) typed on the seeing question, JavaScript off: taken as "I cannot
    do it at all", echoed in Arabic, and the conversation goes on (the shared "how hard" answers
    cannot hold "blind": it is the seeing question's own synonym)."""
    context, page = _at_question(browser, live_server, "ar", "seeing", javascript=False)
    page.fill("#turn .composer input[name=typed]", "أنا أعمى")
    page.click("#turn .composer button")
    wait_for_next(page, "seeing")
    assert "إجابتك هي: لا أستطيع ذلك أبدًا" in page.locator("#transcript").inner_text()
    screenshot(page, "typed-ar-own-words-nojs")
    context.close()


def test_two_years_in_one_reply_are_offered_as_buttons_in_arabic_on_a_phone(
    browser, live_server
) -> None:
    """ "On the residence permit 1990, but I was born 1986", typed in Arabic with JavaScript on:
    both years are offered as buttons; tapping 1986 stores it (htmx sends the tapped button's
    value) and the conversation goes on."""
    context, page = _at_question(browser, live_server, "ar", "birth_year", javascript=True)
    answer(page, "birth_year", "year", "بالإقامة مكتوب 1990 بس أنا مواليد 1986")
    clarify = page.locator(".clarify")
    clarify.wait_for()
    buttons = clarify.locator("button[name=typed]")
    assert [b.inner_text() for b in buttons.all()] == ["1986", "1990"]  # in order
    screenshot(page, "typed-ar-two-years")
    clarify.locator("button[value='1986']").click()
    wait_for_next(page, "birth_year")
    assert "إجابتك هي: 1986" in page.locator("#transcript").inner_text()  # You answered: 1986
    context.close()


def test_hours_are_offered_in_their_arabic_plural_with_javascript_off(browser, live_server) -> None:
    """ "Maybe 2 or 3 hours", typed in Arabic with JavaScript off: both offered as buttons
    with the hours in the plural Arabic needs for each number (two, a few); tapping one stores
    it and echoes it the same way."""
    context, page = _at_question(browser, live_server, "ar", "activity_hours", javascript=False)
    answer(page, "activity_hours", "number", "يمكن 2 أو 3 ساعات")  # maybe 2 or 3 hours
    clarify = page.locator(".clarify")
    clarify.wait_for()
    buttons = clarify.locator("button[name=typed]")
    assert [b.inner_text() for b in buttons.all()] == ["2 ساعتان", "3 ساعات"]
    screenshot(page, "typed-ar-hours-plural")
    clarify.locator("button[value='3']").click()
    wait_for_next(page, "activity_hours")
    assert "إجابتك هي: 3 ساعات" in page.locator("#transcript").inner_text()  # You answered
    context.close()


def test_words_that_show_risk_ask_again_with_crisis_help_in_arabic_with_javascript_off(
    browser, live_server
) -> None:
    """ "لا، ما في امل، تعبت من الحياة" (no, there is no hope, I am tired of life) typed on the
    self-harm question, JavaScript off: its "no" is not read as "No" (no "did you mean", nothing
    stored); the question is asked again with crisis help in Arabic on screen."""
    context, page = _at_question(browser, live_server, "ar", "self_harm", javascript=False)
    typed = "لا، ما في امل، تعبت من الحياة"
    page.fill("#turn .composer input[name=typed]", typed)
    page.click("#turn .composer button")
    page.wait_for_load_state()
    assert current_question(page) == "self_harm"
    turn = page.locator("#turn")
    assert f"عذرًا، لم أفهم «{typed}»" in turn.inner_text()
    assert turn.locator(".clarify button[name=typed]").count() == 0  # nothing offered
    crisis = page.locator(".crisis").first
    assert crisis.is_visible() and crisis.locator("a[href='tel:90101']").count() == 1
    screenshot(page, "typed-ar-risk-asks-again-nojs")
    context.close()


def test_years_of_school_said_as_a_level_are_confirmed_in_arabic_on_a_phone(
    browser, live_server
) -> None:
    """ "خلصت بكالوريا وبعدين سنتين جامعة" (baccalaureate, then two years of university): "Did
    you mean 14 years?" in Arabic; "Yes" stores 14."""
    context, page = _at_question(browser, live_server, "ar", "schooling_years", javascript=True)
    answer(page, "schooling_years", "number", "خلصت بكالوريا وبعدين سنتين جامعة")
    clarify = page.locator(".clarify")
    clarify.wait_for()
    assert "هل تقصد 14" in clarify.inner_text()
    screenshot(page, "typed-ar-level-of-school")
    clarify.locator("button[type=submit]").click()
    wait_for_next(page, "schooling_years")
    assert "14" in page.locator("#transcript").inner_text()
    context.close()
