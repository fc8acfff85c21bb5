"""The answer plans used across the tests name real questions and options."""

from intake.questionnaire import Questionnaire
from tests.plans import ARABIC_URGENT, ARABIC_URGENT_FLAGS, CALM, SKIP


def test_plans_use_real_questions_and_codes(questionnaire: Questionnaire) -> None:
    for plan in (ARABIC_URGENT, CALM):
        for qid, planned in plan.items():
            question = questionnaire.question(qid)
            if planned is SKIP or not question.type.has_options:
                continue
            codes = planned if isinstance(planned, list) else [planned]
            assert all(question.option(code) for code in codes), (qid, planned)
    assert {f.id for f in questionnaire.flags} >= ARABIC_URGENT_FLAGS
