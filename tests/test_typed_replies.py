"""Typing instead of tapping, in the conversation: understood, asked back, or confirmed."""

from __future__ import annotations

import re

import pytest

from tests.conftest import Participant

HX = {"HX-Request": "true"}
CONSENTS = ("consent_answer", "consent_fk", "consent_region", "consent_social")


def to_question(p: Participant, qid: str) -> None:
    """Answer yes to the consents and skip the rest until ``qid`` is asked."""
    for consent in CONSENTS:
        p.answer(consent, choice="yes")
    while (current := p.current()) != qid:
        assert current is not None, f"{qid} was not asked"
        p.skip(current)


def test_option_questions_offer_a_field_to_write_the_answer(participant) -> None:
    html = participant.client.get(participant.base).text
    assert 'class="composer"' not in html  # consent: tapped, never typed
    to_question(participant, "interpreter_need")
    assert 'class="composer"' in participant.client.get(participant.base).text


def test_a_clear_typed_reply_is_stored_as_its_code_and_echoed(participant, services) -> None:
    to_question(participant, "interpreter_need")
    response = participant.answer("interpreter_need", typed="yeah sure")
    assert response.status_code == 303
    intake = services.store.intake_by_token(participant.token)
    stored = services.store.answers(intake.id)["interpreter_need"]
    assert (stored.value, stored.typed) == ("yes", "yeah sure")
    html = participant.client.get(participant.base).text
    assert "yeah sure" in html and "You answered: Yes" in html


def test_an_ambiguous_reply_asks_which_one_is_meant(participant, services) -> None:
    to_question(participant, "pain")
    response = participant.answer("pain", typed="often or every day")
    assert response.status_code == 200
    html = response.text
    assert "Did you mean:" in html and "often or every day" in html
    clarify = html[html.index('class="clarify"') : html.index("Or choose from all the answers")]
    assert set(re.findall(r'name="choice" value="(\w+)"', clarify)) == {"often", "every_day"}
    intake = services.store.intake_by_token(participant.token)
    assert "pain" not in services.store.answers(intake.id)  # nothing picked silently
    participant.answer("pain", choice="often", said="often or every day")
    assert services.store.answers(intake.id)["pain"].value == "often"


def test_a_reply_that_is_not_understood_keeps_the_words_and_shows_the_options(participant) -> None:
    to_question(participant, "general_health")
    response = participant.answer("general_health", typed="what do you mean")
    assert response.status_code == 422
    assert "Sorry, I did not understand “what do you mean”" in response.text
    assert 'value="what do you mean"' in response.text
    assert 'name="choice" value="very_good"' in response.text


def test_htmx_asks_back_in_place(participant) -> None:
    to_question(participant, "pain")
    response = participant.client.post(
        f"{participant.base}/q/pain", data={"typed": "often or every day"}, headers=HX
    )
    assert response.headers["HX-Retarget"] == "#turn"
    assert response.text.lstrip().startswith('<section id="turn"')
    understood = participant.client.post(
        f"{participant.base}/q/pain", data={"typed": "every day"}, headers=HX
    )
    assert "You answered: Every day or almost every day" in understood.text


def test_a_solar_hijri_year_is_converted_and_confirmed(client, services) -> None:
    p = Participant(client, "en")
    to_question(p, "birth_year")
    response = p.answer("birth_year", typed="۱۳۶۷ ش")
    assert response.status_code == 200
    assert "In the calendar used in Sweden, that is the year 1988" in response.text
    intake = services.store.intake_by_token(p.token)
    assert "birth_year" not in services.store.answers(intake.id)
    p.answer("birth_year", typed="1988", confirmed="1", said="۱۳۶۷ ش")
    assert services.store.answers(intake.id)["birth_year"].value == 1988


def _confirm_form(html: str) -> dict[str, str]:
    """The hidden fields of the "Yes, N" form, as the browser would send them."""
    clarify = html[html.index('class="clarify"') :]
    form = clarify[: clarify.index("</form>")]
    return dict(re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)"', form))


@pytest.mark.parametrize(
    ("typed", "number", "shown"),
    [
        ("I went to school for 9 years in Herat", 9, "9 years"),
        ("0 years, I worked on the farm", 0, "0 years"),
        ("only 1 year, in the village", 1, "1 year"),
        # a total asked for, given in parts
        ("12 years school and 4 years university", 16, "16 years"),
        # a level of school finished (question 'levels')
        ("I finished high school, then 2 years university", 14, "14 years"),
    ],
)
def test_a_number_in_a_sentence_is_offered_and_stored_only_when_confirmed(
    participant, services, typed, number, shown
) -> None:
    to_question(participant, "schooling_years")
    response = participant.answer("schooling_years", typed=typed)
    assert response.status_code == 200
    assert f"You wrote “{typed}”. Did you mean {shown}?" in response.text
    assert f"Yes, {shown}</button>" in response.text
    assert "If not, write the number again:" in response.text
    intake = services.store.intake_by_token(participant.token)
    assert "schooling_years" not in services.store.answers(intake.id)
    fields = _confirm_form(response.text)
    assert (fields["typed"], fields["confirmed"]) == (str(number), "1")
    participant.answer("schooling_years", **fields)  # "Yes, N"
    assert services.store.answers(intake.id)["schooling_years"].value == number


def _number_buttons(html: str) -> list[tuple[str, str]]:
    """The numbers offered to choose from: (value sent, text on the button)."""
    clarify = html[html.index('class="clarify"') :]
    return re.findall(r'name="typed" value="(\d+)">([^<]+)</button>', clarify)


def _typed_at(p: Participant, qid: str, typed: str, headers: dict[str, str]):  # type: ignore[no-untyped-def]
    """Walk to ``qid`` and type ``typed`` there, as a page (no headers) or with htmx."""
    to_question(p, qid)
    return p.client.post(f"{p.base}/q/{qid}", data={"typed": typed}, headers=headers)


@pytest.mark.parametrize("headers", [{}, HX], ids=["page", "htmx"])
def test_an_answer_said_of_another_person_asks_about_oneself(participant, headers) -> None:
    typed = "my husband wants to work as a driver"
    response = _typed_at(participant, "goal", typed, headers)
    assert f"You wrote “{typed}”. This question is about you" in response.text
    assert "Did you mean" not in response.text  # "Work" was offered before


def test_a_level_of_school_is_offered_with_htmx_too(participant) -> None:
    response = _typed_at(participant, "schooling_years", "I finished high school", HX)
    assert "You wrote “I finished high school”. Did you mean 12 years?" in response.text
    assert "<html" not in response.text  # a fragment, not a page


@pytest.mark.parametrize("headers", [{}, HX], ids=["page", "htmx"])
def test_two_years_in_one_reply_are_both_offered_and_the_tapped_one_stored(
    participant, services, headers
) -> None:
    typed = "in the passport 1990, but really I was born 1993"
    response = _typed_at(participant, "birth_year", typed, headers)
    assert response.status_code == 200
    clarify = response.text[response.text.index('class="clarify"') :]
    clarify = clarify[: clarify.index("</div>")]
    assert f"You wrote “{typed}”. Did you mean:" in clarify
    assert _number_buttons(clarify) == [("1990", "1990"), ("1993", "1993")]
    assert "If not, write the year again:" in clarify
    intake = services.store.intake_by_token(participant.token)
    assert "birth_year" not in services.store.answers(intake.id)  # nothing stored yet
    fields = _confirm_form(response.text)
    assert fields["confirmed"] == "1" and fields["said"] == typed
    participant.client.post(
        f"{participant.base}/q/birth_year", data={**fields, "typed": "1993"}, headers=headers
    )  # the "1993" button
    assert services.store.answers(intake.id)["birth_year"].value == 1993


@pytest.mark.parametrize("headers", [{}, HX], ids=["page", "htmx"])
def test_hours_offered_and_echoed_in_their_plural_form(participant, services, headers) -> None:
    response = _typed_at(participant, "activity_hours", "1 or 2 hours", headers)
    assert _number_buttons(response.text) == [("1", "1 hour"), ("2", "2 hours")]
    fields = _confirm_form(response.text)
    answered = participant.client.post(
        f"{participant.base}/q/activity_hours", data={**fields, "typed": "1"}, headers=headers
    )  # the "1 hour" button
    assert "You answered: 1 hour</p>" in answered.text
    intake = services.store.intake_by_token(participant.token)
    assert services.store.answers(intake.id)["activity_hours"].value == 1


@pytest.mark.parametrize("headers", [{}, HX], ids=["page", "htmx"])
def test_a_reply_about_someone_else_asks_for_ones_own_answer(
    participant, services, headers
) -> None:
    typed = "my husband has diabetes"
    response = _typed_at(participant, "long_term_illness", typed, headers)
    assert response.status_code == 422
    assert (
        f"You wrote “{typed}”. This question is about you: please tap the answer that is true "
        "for you." in response.text
    )
    assert 'name="choice" value="yes"' in response.text and "Did you mean" not in response.text
    intake = services.store.intake_by_token(participant.token)
    assert "long_term_illness" not in services.store.answers(intake.id)


def test_on_the_self_harm_question_only_exact_words_are_taken(participant, services) -> None:
    """ "not at all, I want to die" starts like "No" but is never stored as "No": it is asked
    about, with crisis help shown."""
    to_question(participant, "self_harm")
    response = participant.answer("self_harm", typed="not at all, I want to die")
    assert response.status_code == 200
    turn = response.text[response.text.index('id="turn"') :]
    assert 'href="tel:90101"' in turn and "Did you mean" in turn
    intake = services.store.intake_by_token(participant.token)
    assert "self_harm" not in services.store.answers(intake.id)
    participant.answer("self_harm", typed="never")  # exactly an answer's words: taken
    assert services.store.answers(intake.id)["self_harm"].value == "no"


def test_free_text_is_stored_with_its_detected_language(participant, services) -> None:
    to_question(participant, "anything_else")
    participant.answer("anything_else", typed="أنام قليلاً جداً منذ أن وصلت إلى السويد")
    intake = services.store.intake_by_token(participant.token)
    assert services.store.answers(intake.id)["anything_else"].language == "ar"


def test_writing_in_another_language_offers_to_switch(participant, services) -> None:
    to_question(participant, "interpreter_need")
    participant.answer("interpreter_need", typed="نعم أحتاج إلى مترجم من فضلك")
    intake = services.store.intake_by_token(participant.token)
    assert intake.suggested_locale == "ar"
    html = participant.client.get(participant.base).text
    offer = html[html.index('<div class="offer"') :]
    assert 'lang="ar" dir="rtl"' in offer[:60] and 'name="locale" value="ar"' in offer
    participant.client.post(f"{participant.base}/language", data={"locale": "en"})
    assert services.store.intake_by_token(participant.token).suggested_locale is None
    assert '<div class="offer"' not in participant.client.get(participant.base).text


def test_first_page_offers_the_language_a_greeting_is_written_in(client) -> None:
    html = client.get("/", params={"q": "سلام علیکم، من خوب استم"}).text
    offer = html[html.index('<div class="offer"') :]
    assert 'lang="fa-AF"' in offer[:80] and 'name="locale" value="fa_AF"' in offer
    assert "آیا این زبان شما است؟" in offer  # asked in Dari, not in the page's language


def test_first_page_offers_dari_and_persian_when_the_words_could_be_either(client) -> None:
    html = client.get("/", params={"q": "شب‌ها خواب ندارم"}).text
    offer = html[html.index('<div class="offer"') : html.index("</div>", html.index("offer"))]
    offered = re.findall(r'name="locale" value="(\w+)"', offer)
    assert sorted(offered) == ["fa", "fa_AF"]
    assert 'lang="fa-AF"' in offer and 'lang="fa"' in offer  # each name in its own language


def test_a_typed_yes_to_the_self_harm_question_shows_crisis_help_while_asking_back(
    participant,
) -> None:
    to_question(participant, "self_harm")
    for headers in ({}, {"HX-Request": "true"}):
        response = participant.client.post(
            f"{participant.base}/q/self_harm", data={"typed": "yes"}, headers=headers
        )
        html = response.text
        clarify = html[html.index('class="clarify"') :]
        assert clarify.index('href="tel:90101"') < clarify.index("Did you mean")
        assert 'value="sometimes"' in clarify and 'value="often"' in clarify
    # a typed "no" asks nothing back and shows no help
    response = participant.client.post(
        f"{participant.base}/q/self_harm", data={"typed": "never"}, follow_redirects=True
    )
    assert "tel:90101" not in response.text[response.text.index('id="turn"') :]


@pytest.mark.parametrize("words", ["i dont want to live", "no hope", "no future, tired of life"])
def test_typed_words_not_understood_on_the_self_harm_question_show_crisis_help(
    participant, services, words
) -> None:
    """Words that may be a sign of risk are not an answer, but the help is shown at once; on a
    question none of whose answers shows crisis help, the same words show none. "no hope" was
    offered as "No" before the question's 'worrying' words."""
    to_question(participant, "general_health")
    response = participant.answer("general_health", typed=words)
    assert "Sorry, I did not understand" in response.text
    assert 'href="tel:90101"' not in response.text[response.text.index('id="turn"') :]
    to_question(participant, "self_harm")
    for headers in ({}, {"HX-Request": "true"}):
        response = participant.client.post(
            f"{participant.base}/q/self_harm", data={"typed": words}, headers=headers
        )
        html = response.text[response.text.index('id="turn"') :]
        assert f"Sorry, I did not understand “{words}”" in html
        assert html.index('href="tel:90101"') < html.index("Sorry, I did not understand")
        assert "Did you mean" not in html
    intake = services.store.intake_by_token(participant.token)
    assert "self_harm" not in services.store.answers(intake.id)


@pytest.mark.parametrize("headers", [{}, HX], ids=["page", "htmx"])
@pytest.mark.parametrize(
    ("typed", "number", "shown"),
    [("from 8 to 2, while the kids are at school", 6, "6 hours"), ("half a day", 4, "4 hours")],
)
def test_hours_said_as_a_span_or_half_a_day_are_confirmed_then_stored(
    participant, services, headers, typed, number, shown
) -> None:
    response = _typed_at(participant, "activity_hours", typed, headers)
    assert response.status_code == 200
    assert f"You wrote “{typed}”. Did you mean {shown}?" in response.text
    intake = services.store.intake_by_token(participant.token)
    assert "activity_hours" not in services.store.answers(intake.id)
    participant.answer("activity_hours", **_confirm_form(response.text))  # "Yes, 6 hours"
    assert services.store.answers(intake.id)["activity_hours"].value == number


@pytest.mark.parametrize("headers", [{}, HX], ids=["page", "htmx"])
def test_the_time_the_question_asks_about_said_beside_the_answer_is_no_part_of_it(
    participant, services, headers
) -> None:
    typed = "in the last two weeks, almost every day"  # its "two" and "days" name no answer
    response = _typed_at(participant, "low_mood", typed, headers)
    assert "Did you mean" not in response.text
    intake = services.store.intake_by_token(participant.token)
    assert services.store.answers(intake.id)["low_mood"].value == "nearly_every_day"
    html = participant.client.get(participant.base).text
    assert "You answered: Almost every day" in html


@pytest.mark.parametrize("headers", [{}, HX], ids=["page", "htmx"])
def test_on_the_self_harm_question_no_intent_is_no_no_to_thoughts(
    participant, services, headers
) -> None:
    """ "I would never do it" says nothing of thoughts: asked about, with crisis help; "no, I
    never thought about it" does."""
    response = _typed_at(participant, "self_harm", "I would never do it", headers)
    assert response.status_code == 422
    assert 'href="tel:90101"' in response.text and 'name="choice" value="no"' in response.text
    intake = services.store.intake_by_token(participant.token)
    assert "self_harm" not in services.store.answers(intake.id)
    participant.client.post(
        f"{participant.base}/q/self_harm",
        data={"typed": "no i never thought about it"},
        headers=headers,
    )
    assert services.store.answers(intake.id)["self_harm"].value == "no"
