"""Every participant page in every locale: renders, has the right direction, shows no
untranslated string, and (in non-Latin scripts) no English or Swedish words."""

from __future__ import annotations

import pytest
from babel.messages.pofile import read_po

from intake.i18n import Catalogs, locale_info
from intake.settings import PROJECT_ROOT
from tests.conftest import Participant, invite
from tests.htmltext import visible_text
from tests.i18n_expectations import NON_LATIN_LOCALES, latin_leaks
from tests.plans import CALM
from tests.test_participant_routes import answer_all

LOCALES = Catalogs(PROJECT_ROOT / "locales").codes
typed_by_participant: list[str] = []  # shown back to them, as they wrote it: not a leak
CONSENTS = ("consent_answer", "consent_fk", "consent_region", "consent_social")


def participant_pages(client, staff, questionnaire, locale: str) -> dict[str, tuple[int, str]]:
    """Every page and message a participant can meet, rendered in ``locale``."""
    pages: dict[str, tuple[int, str]] = {}
    typed_by_participant.clear()

    def get(name: str, url: str, via=None) -> None:
        response = (via or client).get(url)
        pages[name] = (response.status_code, response.text)

    def post(name: str, url: str, **form: object) -> None:
        response = client.post(url, data=form)
        pages[name] = (response.status_code, response.text)

    get("start", f"/?lang={locale}")
    get("start, nothing found", f"/?lang={locale}&q=xqzw")
    get("resume", f"/resume?lang={locale}")
    post("resume, wrong code", f"/resume?lang={locale}", code="AAAA")
    get("help", f"/help?lang={locale}")
    get("not found", f"/s/no-such-link?lang={locale}")
    # Questions on every branch, through the translator preview (staff only).
    for question in questionnaire.questions:
        get(f"question {question.id}", f"/translate/{locale}/q/{question.id}", staff)
    get("crisis help in the conversation", f"/translate/{locale}/q/activity_hours?crisis=1", staff)
    code = invite(staff, locale)
    get("invitation", f"/i/{code}")
    get("invitation code", f"/i?lang={locale}")
    client.post(f"/i/{code}/start", data={"locale": locale})
    get("invitation used", f"/i/{code}")

    p = Participant(client, locale)
    get("welcome", f"{p.base}/welcome")
    get("first question", p.base)
    get("continue later", f"{p.base}/later")
    get("language", f"{p.base}/language")
    for qid in CONSENTS:
        p.answer(qid, choice="yes")
    for name, qid, form in [
        ("error year", "birth_year", {"typed": "x"}),
        ("error choose", "gender", {"choice": "zzz"}),
        ("error choose_some", "languages", {}),
        ("error exclusive", "aids", {"choice": ["glasses", "none"]}),
        ("error range", "schooling_years", {"typed": "99"}),
        ("error number", "activity_hours", {"typed": "many"}),
    ]:
        post(name, f"{p.base}/q/{qid}", **form)
    post("did you mean", f"{p.base}/q/distress", typed="7 8")
    post("not understood", f"{p.base}/q/general_health", typed="???")
    post("year to confirm", f"{p.base}/q/birth_year", typed="۱۳۶۷ ش")
    other = (
        "أنا بخير والحمد لله وأحتاج إلى مترجم"
        if locale != "ar"
        else "Jag mår bra och jag behöver en tolk på mötet"
    )
    post("offer to switch language", f"{p.base}/q/pain", typed=other)
    typed_by_participant.append(other)
    p.skip("birth_year")
    p.answer("gender", choice="other_words")
    post("error empty", f"{p.base}/q/gender_own_words", typed=" ")
    post("error long", f"{p.base}/q/gender_own_words", typed="1" * 101)
    get("change an answer", f"{p.base}/q/gender")
    answer_all(p, CALM, questionnaire)
    get("review", f"{p.base}/review")
    client.post(f"{p.base}/submit")
    get("done", f"{p.base}/done")

    declined = Participant(client, locale)
    declined.answer("consent_answer", choice="no")
    get("declined", declined.base)
    return pages


def english_sources(locale: str) -> dict[str, str]:
    """English msgids (long enough to be unmistakable) that the locale translates differently."""
    with (PROJECT_ROOT / "locales" / locale / "LC_MESSAGES" / "messages.po").open("rb") as f:
        catalog = read_po(f, locale=locale)
    result = {}
    for message in catalog:
        if not message.id or not message.string or message.fuzzy:
            continue
        sources = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        for source in sources:
            text = source.split("%(")[0].strip()
            if len(text) >= 12 and text not in strings:
                result[text] = message.context or ""
    return result


@pytest.mark.parametrize("locale", LOCALES)
def test_every_participant_page_in_every_locale(
    client, caseworker_x, questionnaire, locale: str
) -> None:
    info = locale_info(locale)
    pages = participant_pages(client, caseworker_x, questionnaire, locale)
    english = english_sources(locale) if locale != "en" else {}
    problems = []
    for name, (status, html) in pages.items():
        if name == "offer to switch language" and 'class="offer"' not in html:
            problems.append(f"{name}: no offer")
        if name == "did you mean" and 'class="clarify"' not in html:
            problems.append(f"{name}: no clarifying question")
        if status not in ((404,) if name == "not found" else (200, 410, 422)):
            problems.append(f"{name}: HTTP {status}")
            continue
        if f'<html lang="{info.tag}" dir="{info.direction}">' not in html:
            problems.append(f"{name}: not <html lang={info.tag} dir={info.direction}>")
        text = visible_text(html)
        for typed in typed_by_participant:
            text = text.replace(typed, "")
        untranslated = [source for source in english if source in text]
        if untranslated:
            problems.append(f"{name}: untranslated {untranslated[:3]}")
        if locale in NON_LATIN_LOCALES and (leaks := latin_leaks(text)):
            problems.append(f"{name}: Latin-script words {sorted(leaks)[:8]}")
    assert not problems, "\n".join(problems)
