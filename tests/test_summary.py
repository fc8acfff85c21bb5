"""The referral summary as structured data: order, reasons, consents, own words, skipped."""

from __future__ import annotations

import pytest

from intake.flow import build_flow
from intake.scoring import evaluate
from intake.summary import build_summary
from tests.domain_helpers import INTAKE, WHEN, answers


class MarkedSwedish:
    """Stands in for the Swedish catalog: shows which strings went through it."""

    def pgettext(self, context: str, message: str) -> str:
        return f"sv<{message}>"

    def npgettext(self, context: str, singular: str, plural: str, n: int) -> str:
        return f"sv<{singular if n == 1 else plural}>"


def swedish_name(code: str) -> str:
    return {"ar": "arabiska", "fa_AF": "dari"}.get(code, code)


def summary_for(questionnaire, **values):
    flow = build_flow(questionnaire, answers(**values))
    return build_summary(INTAKE, flow, evaluate(flow), MarkedSwedish(), swedish_name)


def test_urgent_flag_first_with_the_answer_that_raised_it(questionnaire) -> None:
    s = summary_for(questionnaire, consent_answer="yes", self_harm="sometimes", seeing="cannot")
    assert [f.id for f in s.urgent] == ["self_harm"]
    assert s.urgent[0].reasons == (
        "Tankar på att skada sig själv eller ta sitt liv (den senaste tiden): sv<Yes, sometimes>",
    )
    assert "disability" in [f.id for f in s.signs]
    assert s.next_steps[0].startswith("Kontakta deltagaren samma dag")


def test_sections_follow_the_questionnaire_order_and_mark_flagged_answers(questionnaire) -> None:
    s = summary_for(
        questionnaire,
        consent_answer="yes",
        seeing="a_lot",
        goal="work",
        interpreter_need="yes",
        general_health="good",
    )
    ids = [sec.id for sec in s.sections]
    wanted = [sec.id for sec in questionnaire.summary_sections]
    assert ids == [i for i in wanted if i in ids]
    functioning = next(sec for sec in s.sections if sec.id == "functioning")
    seeing = next(a for a in functioning.answers if a.question_id == "seeing")
    assert seeing.flagged and seeing.text == "sv<Very hard>"


def test_free_text_is_verbatim_with_its_language_named(questionnaire) -> None:
    s = summary_for(questionnaire, consent_answer="yes", anything_else="أنام قليلاً")
    own = [a for a in s.own_words if a.question_id == "anything_else"]
    assert own[0].text == "أنام قليلاً" and own[0].verbatim and own[0].language == "arabiska"


def test_skipped_questions_are_listed_as_skipped(questionnaire) -> None:
    s = summary_for(questionnaire, consent_answer="yes", pain=None, anything_else=None)
    health = next(sec for sec in s.sections if sec.id == "health")
    assert [a.skipped for a in health.answers if a.question_id == "pain"] == [True]
    assert [a.skipped for a in s.own_words] == [True]
    assert s.skipped_count == 2


def test_consent_per_recipient_with_time_and_wording_version(questionnaire) -> None:
    s = summary_for(questionnaire, consent_answer="yes", consent_fk="no", consent_region="yes")
    by = {c.recipient: c for c in s.consents}
    assert by["caseworker"].given is True and by["caseworker"].answered_at == WHEN
    assert by["forsakringskassan"].given is False
    assert by["region_health"].wording_version == "1"
    assert by["social_services"].given is None


@pytest.mark.parametrize(("hours", "text"), [(3, "sv<3 hours>"), (1, "sv<1 hour>")])
def test_numbers_use_the_swedish_unit_in_its_plural(questionnaire, hours, text) -> None:
    s = summary_for(questionnaire, consent_answer="yes", activity_hours=hours)
    functioning = next(sec for sec in s.sections if sec.id == "functioning")
    answer = next(a for a in functioning.answers if a.question_id == "activity_hours")
    assert answer.text == text


def test_summary_states_language_and_disclaimer(questionnaire) -> None:
    s = summary_for(questionnaire, consent_answer="yes")
    assert s.language_name == "arabiska"
    assert "inte en diagnos" in s.disclaimer
