"""Typing an answer on a phone: an ambiguous reply gets a "did you mean" with the candidates as
buttons; tapping one answers and the conversation goes on. With and without JavaScript."""

from __future__ import annotations

import re

import pytest

from tests.browser.conftest import new_phone, screenshot

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
