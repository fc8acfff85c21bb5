"""The conversation's flow: which questions are asked, which is next, what counts.

Pure functions over a questionnaire and the stored answers. A question is asked when its
condition holds on the answers *to the questions before it that are themselves asked*; an
answer to a question that is no longer asked (because an earlier answer changed) is kept out of
the flow, the scores and the summary.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from intake.questionnaire.model import Question, Questionnaire, QuestionType
from intake.records import Answer


@dataclass
class AnswerFacts:
    """What conditions read: the answers in force, plus scores and flags once computed."""

    questionnaire: Questionnaire
    answers: Mapping[str, Answer]
    scores: dict[str, float] = field(default_factory=dict)
    flags: set[str] = field(default_factory=set)

    def value(self, question_id: str) -> object | None:
        answer = self.answers.get(question_id)
        return None if answer is None else answer.value

    def numeric(self, question_id: str) -> float | None:
        value = self.value(question_id)
        if value is None or not self.questionnaire.has_question(question_id):
            return None
        question = self.questionnaire.question(question_id)
        if question.type in (QuestionType.NUMBER, QuestionType.YEAR):
            return float(value) if isinstance(value, int) else None
        if isinstance(value, str):
            option = question.option(value)
            return option.value if option else None
        return None

    def score(self, score_id: str) -> float | None:
        return self.scores.get(score_id)

    def flag(self, flag_id: str) -> bool:
        return flag_id in self.flags


@dataclass(frozen=True)
class Flow:
    questionnaire: Questionnaire
    asked: tuple[Question, ...]  # questions asked, given the answers so far, in order
    answers: Mapping[str, Answer]  # answers in force (to asked questions only)
    declined: bool  # a required consent was answered "no"

    @property
    def current(self) -> Question | None:
        """The next question to ask: the first asked question without an answer."""
        return next((q for q in self.asked if q.id not in self.answers), None)

    @property
    def complete(self) -> bool:
        return not self.declined and self.current is None

    @property
    def answered_count(self) -> int:
        return len(self.answers)

    @property
    def total(self) -> int:
        return len(self.asked)

    def is_asked(self, question_id: str) -> bool:
        return any(q.id == question_id for q in self.asked)

    def before(self, question_id: str) -> Question | None:
        """The asked question just before this one, to go back to."""
        previous = None
        for question in self.asked:
            if question.id == question_id:
                return previous
            previous = question
        return None

    def section_transcript(self, section_id: str) -> list[Question]:
        """Answered questions of a section, in order: the conversation so far on screen."""
        return [q for q in self.asked if q.section_id == section_id and q.id in self.answers]

    def dropped(self, stored: Mapping[str, Answer]) -> list[str]:
        """Stored answers that are no longer in force (their question is not asked)."""
        return [qid for qid in stored if qid not in self.answers]


def build_flow(questionnaire: Questionnaire, stored: Mapping[str, Answer]) -> Flow:
    """Walk the questionnaire in order, asking each question whose condition holds."""
    in_force: dict[str, Answer] = {}
    asked: list[Question] = []
    facts = AnswerFacts(questionnaire, in_force)
    declined = False
    for question in questionnaire.questions:
        if question.when is not None and not question.when.holds(facts):
            continue
        asked.append(question)
        answer = stored.get(question.id)
        if answer is None:
            continue
        in_force[question.id] = answer
        if question.required_consent and answer.value == "no":
            declined = True
            break
    return Flow(questionnaire, tuple(asked), dict(in_force), declined)
