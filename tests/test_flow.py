"""The flow: which question comes next, branching, dropped answers, declining."""

from __future__ import annotations

from pathlib import Path

from intake.flow import build_flow
from intake.questionnaire import load_questionnaire
from tests.domain_helpers import answers

MINI = load_questionnaire(Path(__file__).parent / "questionnaires" / "minimal.yaml")


def test_first_question_is_consent_and_progress_counts_asked_questions() -> None:
    flow = build_flow(MINI, {})
    assert flow.current.id == "consent_answer"
    assert (flow.answered_count, flow.total) == (0, 2)  # pain_words is not asked yet


def test_branching_asks_follow_up_only_when_condition_holds() -> None:
    flow = build_flow(MINI, answers(consent_answer="yes", pain="often"))
    assert flow.current.id == "pain_words"
    flow = build_flow(MINI, answers(consent_answer="yes", pain="never"))
    assert flow.current is None and flow.complete


def test_changed_answer_drops_the_follow_up_from_the_flow() -> None:
    stored = answers(consent_answer="yes", pain="never", pain_words="it hurts")
    flow = build_flow(MINI, stored)
    assert "pain_words" not in flow.answers
    assert flow.dropped(stored) == ["pain_words"]
    assert flow.complete


def test_skipped_question_counts_as_answered_but_raises_nothing() -> None:
    flow = build_flow(MINI, answers(consent_answer="yes", pain=None))
    assert flow.complete and flow.answers["pain"].skipped
    assert not flow.is_asked("pain_words")


def test_declining_the_required_consent_ends_the_flow() -> None:
    flow = build_flow(MINI, answers(consent_answer="no", pain="often"))
    assert flow.declined and not flow.complete
    assert flow.current is None
    assert list(flow.answers) == ["consent_answer"]


def test_back_goes_to_the_previous_asked_question() -> None:
    flow = build_flow(MINI, answers(consent_answer="yes", pain="often"))
    assert flow.before("pain_words").id == "pain"
    assert flow.before("consent_answer") is None


def test_default_questionnaire_first_questions(questionnaire) -> None:
    flow = build_flow(questionnaire, answers(consent_answer="yes"))
    assert flow.current.id == "consent_fk"
    assert flow.section_transcript("consent")[0].id == "consent_answer"
