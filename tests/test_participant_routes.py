"""The participant's pages over HTTP: plain forms with 303s, and htmx fragments."""

from __future__ import annotations

import json
import re

import sqlalchemy as sa

from intake.db import answer_aad
from intake.db import answers as answers_table
from intake.db import intakes as intakes_table
from tests.conftest import Participant
from tests.plans import CALM, form_for

HX = {"HX-Request": "true"}


def answer_all(p: Participant, plan: dict[str, object], questionnaire) -> None:
    """Answer the conversation to the end as a browser without JavaScript would."""
    for _ in range(100):
        qid = p.current()
        if qid is None:
            return
        question = questionnaire.question(qid)
        planned = plan.get(qid)
        form = form_for(question.type.value, planned) if planned is not None else {"skip": "1"}
        response = p.answer(qid, **form)
        assert response.status_code == 303, (qid, response.text[:500])
    raise AssertionError("the conversation did not end")


def test_start_page_lists_languages_by_their_own_names(client) -> None:
    html = client.get("/").text
    assert "Svenska" in html and "English" in html and "العربية" in html
    assert 'lang="ar" dir="rtl"' in html


def test_start_creates_an_intake_with_an_unguessable_token(client, services) -> None:
    p = Participant(client, "ar")
    assert len(p.token) >= 32 and not p.token.isdigit()
    with services.store.engine.connect() as conn:
        row = conn.execute(sa.select(intakes_table)).one()
    assert row.locale == "ar" and p.token not in (row.token_hash, row.seed)


def test_welcome_says_what_it_is_and_shows_a_resume_code(participant) -> None:
    html = participant.client.get(f"{participant.base}/welcome").text
    assert "voluntary" in html and "skip any question" in html and "diagnosis" in html
    assert re.search(r"[0-9A-Z]{4}-[0-9A-Z]{4}", html)


def test_answer_without_javascript_redirects_to_the_next_question(participant) -> None:
    response = participant.answer("consent_answer", choice="yes")
    assert response.status_code == 303
    assert response.headers["location"] == f"{participant.base}#now"
    page = participant.client.get(participant.base)
    assert "Vary" in page.headers and "HX-Request" in page.headers["Vary"]
    assert 'action="' + participant.base + '/q/consent_fk"' in page.text
    # the earlier question and answer stay visible above, as a transcript
    assert "Do you want to answer these questions?" in page.text
    assert "Yes, I agree" in page.text


def test_htmx_answer_returns_only_the_new_part(participant) -> None:
    response = participant.client.post(
        f"{participant.base}/q/consent_answer", data={"choice": "yes"}, headers=HX
    )
    assert response.status_code == 200
    html = response.text
    assert "<html" not in html and "<header" not in html
    assert html.lstrip().startswith('<li class="x">')
    assert 'id="turn" class="turn" hx-swap-oob="true"' in html
    assert 'id="progress" class="progress" hx-swap-oob="true"' in html
    assert "/q/consent_fk" in html
    assert response.headers["Vary"].startswith("HX-Request")


def test_htmx_get_returns_main_only(participant) -> None:
    html = participant.client.get(participant.base, headers=HX).text
    assert html.lstrip().startswith('<main id="main">') and "<head>" not in html


def test_posting_the_same_answer_twice_replaces_it(participant, services) -> None:
    participant.answer("consent_answer", choice="yes")
    participant.answer("consent_answer", choice="yes")
    with services.store.engine.connect() as conn:
        rows = conn.execute(sa.select(answers_table)).all()
        seed = conn.execute(sa.select(intakes_table.c.seed)).scalar_one()
    assert len(rows) == 1
    stored = services.store.keyring.decrypt(
        rows[0].value, aad=answer_aad(seed, "consent_answer", "value")
    )
    assert stored == '"yes"'  # the code, never a label (and encrypted at rest)


def test_each_answer_is_stored_when_given_and_resumes_after_closing(client, services) -> None:
    p = Participant(client)
    p.answer("consent_answer", choice="yes")
    p.answer("consent_fk", choice="no")
    # a new browser (no cookies, nothing in memory) with the same link continues where it was
    client.cookies.clear()
    assert Participant.current(p) == "consent_region"


def test_resume_with_the_code_shown_on_screen(client) -> None:
    p = Participant(client)
    p.answer("consent_answer", choice="yes")
    html = client.get(f"{p.base}/later").text
    code = re.search(r'<p class="big"><bdi dir="ltr">([0-9A-Z-]{9})</bdi>', html).group(1)
    typed = code.lower().replace("-", " ")  # as typed from paper
    response = client.post("/resume", data={"code": typed}, follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"] == p.base


def test_wrong_resume_code_gets_a_clear_message_and_keeps_the_input(client) -> None:
    response = client.post("/resume?lang=en", data={"code": "AAAA-BBBB"})
    assert response.status_code == 422
    assert "We did not find this code" in response.text and 'value="AAAA-BBBB"' in response.text


def test_skip_is_offered_except_for_consent(participant) -> None:
    html = participant.client.get(participant.base).text
    assert 'name="skip"' not in html
    assert participant.answer("consent_answer", skip="1").status_code == 422
    for qid in ("consent_answer", "consent_fk", "consent_region", "consent_social"):
        participant.answer(qid, choice="yes")
    assert 'name="skip"' in participant.client.get(participant.base).text


def test_bad_number_gets_a_clear_message_and_keeps_what_was_typed(
    participant, questionnaire
) -> None:
    for qid in ("consent_answer", "consent_fk", "consent_region", "consent_social"):
        participant.answer(qid, choice="yes")
    response = participant.answer("birth_year", typed="19x8")
    assert response.status_code == 422
    assert "Please write a year with four digits" in response.text
    assert 'value="19x8"' in response.text
    assert participant.current() == "birth_year"


def test_bad_input_via_htmx_retargets_the_turn(participant) -> None:
    participant.answer("consent_answer", choice="yes")
    response = participant.client.post(
        f"{participant.base}/q/consent_fk", data={"choice": "maybe"}, headers=HX
    )
    assert response.status_code == 422
    assert response.headers["HX-Retarget"] == "#turn"
    assert response.text.lstrip().startswith('<section id="turn"')
    assert "Please choose one of the answers." in response.text


def test_native_digits_are_accepted(participant) -> None:
    for qid in ("consent_answer", "consent_fk", "consent_region", "consent_social"):
        participant.answer(qid, choice="yes")
    assert participant.answer("birth_year", typed="۱۳۶۷").status_code == 422  # Solar Hijri
    assert participant.answer("birth_year", typed="١٩٨٨").status_code == 303
    html = participant.client.get(f"{participant.base}/q/birth_year").text
    assert 'value="1988"' in html


def test_changing_an_answer_drops_follow_ups_from_flow_and_summary(client, services) -> None:
    p = Participant(client)
    for qid in ("consent_answer", "consent_fk", "consent_region", "consent_social"):
        p.answer(qid, choice="yes")
    p.skip("birth_year")
    p.answer("gender", choice="other_words")
    assert p.current() == "gender_own_words"
    p.answer("gender_own_words", typed="non-binary")
    # change gender from the transcript: the follow-up is no longer asked nor counted
    edit = client.get(f"{p.base}/q/gender")
    assert "You can change your answer" in edit.text
    p.answer("gender", choice="woman", editing="1")
    assert p.current() == "languages"
    intake = services.store.intake_by_token(p.token)
    summary = services.summary(intake)
    labels = [a.question_id for sec in summary.sections for a in sec.answers]
    assert "gender" in labels and "gender_own_words" not in labels


def test_declining_consent_ends_kindly_and_can_be_changed(participant, services) -> None:
    response = participant.answer("consent_answer", choice="no")
    assert response.status_code == 303
    html = participant.client.get(participant.base).text
    assert "You chose not to answer" in html
    assert services.store.intake_by_token(participant.token).status.value == "declined"
    participant.answer("consent_answer", choice="yes", editing="1")
    assert participant.current() == "consent_fk"
    assert services.store.intake_by_token(participant.token).status.value == "in_progress"


def test_self_harm_answer_shows_crisis_help_at_once(participant, questionnaire) -> None:
    plan = dict(CALM)
    answered = []
    while (qid := participant.current()) != "self_harm":
        planned = plan.get(qid)
        form = (
            form_for(questionnaire.question(qid).type.value, planned) if planned else {"skip": "1"}
        )
        participant.answer(qid, **form)
        answered.append(qid)
    response = participant.client.post(
        f"{participant.base}/q/self_harm", data={"choice": "sometimes"}, headers=HX
    )
    html = response.text
    assert '<li class="crisis" role="alert" id="help" tabindex="-1" autofocus>' in html
    assert 'href="tel:112"' in html and 'href="tel:90101"' in html and 'href="tel:1177"' in html
    # the question that follows does not take the focus away from the help
    assert 'id="now" class="bot q" tabindex="-1">' in html
    # without JavaScript, the next page opens at the help, right after the answer
    response = participant.client.post(
        f"{participant.base}/q/self_harm", data={"choice": "sometimes"}, follow_redirects=False
    )
    assert response.headers["location"] == f"{participant.base}#help"
    page = participant.client.get(participant.base).text
    assert page.index('id="help"') < page.index('id="turn"')
    # after changing the answer, the help is the next page, with the way on
    response = participant.answer("self_harm", choice="often", editing="1")
    location = response.headers["location"]
    assert location == f"{participant.base}/help?then=conversation"
    page = participant.client.get(location).text
    assert 'href="tel:90101"' in page and "Help now" in page
    assert f'<a class="go" href="{participant.base}#now">Continue' in page
    # the conversation keeps the help right after the answer
    page = participant.client.get(participant.base).text
    assert page.index("tel:90101") < page.index('id="turn"')


def test_whole_intake_without_javascript_review_submit_done(
    client, services, questionnaire
) -> None:
    p = Participant(client)
    answer_all(p, CALM, questionnaire)
    review = client.get(f"{p.base}/review")
    assert review.status_code == 200 and "Check your answers" in review.text
    assert "?return=review" in review.text
    response = client.post(f"{p.base}/submit", follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"] == f"{p.base}/done"
    done = client.get(f"{p.base}/done").text
    intake = services.store.intake_by_token(p.token)
    reference = f"{intake.reference[:4]}-{intake.reference[4:]}"
    assert reference in done and "What happens next" in done
    assert intake.status.value == "submitted" and intake.submitted_at is not None
    # submitted answers can no longer be changed from the participant's link
    assert p.answer("pain", choice="often").headers["location"] == f"{p.base}/done"


def test_changing_from_review_returns_to_review(client, questionnaire) -> None:
    p = Participant(client)
    answer_all(p, CALM, questionnaire)
    response = p.answer("pain", choice="often", **{"return": "review", "editing": "1"})
    assert response.headers["location"] == f"{p.base}/review"


def test_switching_language_keeps_every_answer(client) -> None:
    p = Participant(client, "en")
    p.answer("consent_answer", choice="yes")
    client.post(f"{p.base}/language", data={"locale": "ar"})
    html = client.get(p.base).text
    assert '<html lang="ar" dir="rtl">' in html
    assert p.current() == "consent_fk"


def test_unknown_token_is_not_found(client) -> None:
    assert client.get("/s/not-a-real-token").status_code == 404
    assert client.post("/s/not-a-real-token/q/pain", data={"choice": "often"}).status_code == 404


def test_errors_are_pages_in_the_readers_language(client) -> None:
    response = client.get("/s/not-a-real-token", headers={"Accept-Language": "ar"})
    assert response.status_code == 404 and response.headers["content-type"].startswith("text/html")
    assert '<html lang="ar" dir="rtl">' in response.text and "/resume?lang=ar" in response.text
    assert '"detail"' not in response.text


def test_pages_are_not_cached_and_send_no_referrer(participant) -> None:
    response = participant.client.get(participant.base)
    assert response.headers["Cache-Control"] == "no-store"
    assert response.headers["Referrer-Policy"] == "no-referrer"


def test_htmx_is_loaded_from_the_configured_url_with_integrity(participant, settings) -> None:
    html = participant.client.get(participant.base).text
    assert f'src="{settings.htmx_url}" integrity="{settings.htmx_integrity}"' in html


def test_changing_an_answer_on_review_to_one_that_raises_crisis_help_shows_it(
    client, questionnaire
) -> None:
    p = Participant(client)
    answer_all(p, CALM, questionnaire)
    assert "You are not alone" not in client.get(f"{p.base}/review").text
    for headers in ({}, HX):  # with and without JavaScript: a page of help comes first
        response = client.post(
            f"{p.base}/q/self_harm",
            data={"choice": "often", "editing": "1", "return": "review"},
            headers=headers,
            follow_redirects=False,
        )
        if "hx-location" in response.headers:
            location = json.loads(response.headers["hx-location"])["path"]
        else:
            location = response.headers["location"]
        assert location == f"{p.base}/help?then=review", response.headers
    page = client.get(location).text
    assert 'href="tel:90101"' in page
    assert f'<a class="go" href="{p.base}/review">Continue' in page
    # and the review (and later the done page) keep the help in view while it stands
    review = client.get(f"{p.base}/review").text
    assert "You are not alone" in review and 'href="tel:90101"' in review
    client.post(f"{p.base}/submit")
    assert 'href="tel:90101"' in client.get(f"{p.base}/done").text


def test_an_answer_posted_after_sending_changes_nothing(client, services, questionnaire) -> None:
    p = Participant(client)
    answer_all(p, CALM, questionnaire)
    client.post(f"{p.base}/submit")
    intake = services.store.intake_by_token(p.token)
    before = services.store.answers(intake.id)
    # a second tab, still open on a question, sends an answer after the intake was sent
    response = p.answer("anything_else", typed="written in the other tab")
    assert response.status_code == 303 and response.headers["location"] == f"{p.base}/done"
    assert services.store.answers(intake.id) == before
    # sending again is no new submission
    client.post(f"{p.base}/submit")
    submitted = [e for e in services.audit.events() if e.action == "intake.submitted"]
    assert len(submitted) == 1


def test_declining_consent_deletes_the_answers_given_so_far(
    participant, services, questionnaire
) -> None:
    participant.answer("consent_answer", choice="yes")
    consents = {q.id for q in questionnaire.consent_questions}
    while (qid := participant.current()) in consents:
        participant.answer(qid, choice="yes")
    qid = participant.current()
    assert qid == "birth_year"
    participant.answer(qid, typed="1990")
    intake = services.store.intake_by_token(participant.token)
    assert set(services.store.answers(intake.id)) == consents | {qid}
    participant.answer("consent_answer", choice="no", editing="1")
    assert set(services.store.answers(intake.id)) == consents


def test_the_link_to_continue_later_is_the_public_address_never_the_host_header(
    participant, settings
) -> None:
    participant.answer("consent_answer", choice="yes")
    html = participant.client.get(
        f"{participant.base}/later", headers={"Host": "evil.example"}
    ).text
    assert f"{settings.base_url}{participant.base}" in html
    assert f"{settings.base_url}/resume" in html and "evil.example" not in html
