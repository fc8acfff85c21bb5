"""The Swedish referral summary, built as structured data before any rendering.

Order follows what a caseworker needs within a minute: urgent flags; signs of ill health or
disability and why; the answer sections named in the questionnaire (daily functioning first);
consent per recipient; suggested next steps; the participant's own words, verbatim with their
language named. Skipped questions are shown as skipped.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from intake import codes
from intake.flow import Flow
from intake.questionnaire.model import FlagLevel, Question, QuestionType
from intake.records import Answer, Intake
from intake.scoring import Findings, FlagResult
from intake.units import with_unit


class SwedishTexts(Protocol):
    """The Swedish catalog: option labels and units are translated through it."""

    def pgettext(self, context: str, message: str) -> str: ...

    def npgettext(self, context: str, singular: str, plural: str, n: int) -> str: ...


@dataclass(frozen=True)
class SummaryAnswer:
    question_id: str
    label: str  # Swedish label of the question
    text: str | None  # the answer in Swedish (or verbatim); None when skipped
    skipped: bool
    verbatim: bool = False  # the participant's own words, not translated
    language: str | None = None  # Swedish name of the language of verbatim text
    flagged: bool = False  # this answer raised a flag


@dataclass(frozen=True)
class SummaryFlag:
    id: str
    level: str
    text: str
    reasons: tuple[str, ...]  # "Label: answer" lines, in Swedish


@dataclass(frozen=True)
class SummaryScore:
    id: str
    label: str
    value: float
    band: str | None
    answered: int
    total: int


@dataclass(frozen=True)
class ConsentLine:
    recipient: str
    recipient_name: str
    given: bool | None  # None: not asked or not answered
    answered_at: datetime | None
    wording_version: str | None


@dataclass(frozen=True)
class AnswerSection:
    id: str
    title: str
    answers: tuple[SummaryAnswer, ...]


@dataclass(frozen=True)
class Summary:
    reference: str
    status: str
    language: str  # locale code
    language_name: str  # Swedish name
    started_at: datetime
    submitted_at: datetime | None
    questionnaire_id: str
    questionnaire_version: str
    title: str
    disclaimer: str
    urgent: tuple[SummaryFlag, ...]
    signs: tuple[SummaryFlag, ...]
    notes: tuple[SummaryFlag, ...]  # info-level flags
    scores: tuple[SummaryScore, ...]
    sections: tuple[AnswerSection, ...]
    consents: tuple[ConsentLine, ...]
    next_steps: tuple[str, ...]
    own_words: tuple[SummaryAnswer, ...]
    skipped_count: int


def build_summary(
    intake: Intake,
    flow: Flow,
    findings: Findings,
    swedish: SwedishTexts,
    language_name: Callable[[str], str],
) -> Summary:
    """Assemble the summary; ``language_name`` gives the Swedish name of a locale code."""
    questionnaire = flow.questionnaire
    flagged = {reason for result in findings.flags for reason in result.reasons}

    def summarise(question: Question) -> SummaryAnswer:
        answer = flow.answers.get(question.id)
        if answer is None or answer.skipped:
            return SummaryAnswer(question.id, question.summary_label, None, True)
        verbatim = question.type is QuestionType.TEXT
        return SummaryAnswer(
            question.id,
            question.summary_label,
            answer_text(question, answer, swedish),
            False,
            verbatim,
            language_name(answer.language) if verbatim else None,
            question.id in flagged,
        )

    answered = [q for q in flow.asked if q.id in flow.answers]
    by_section: dict[str, list[SummaryAnswer]] = {}
    for question in answered:
        by_section.setdefault(question.summary_section, []).append(summarise(question))
    sections = tuple(
        AnswerSection(s.id, s.title, tuple(by_section[s.id]))
        for s in questionnaire.summary_sections
        if by_section.get(s.id)
    )

    def flag_line(result: FlagResult) -> SummaryFlag:
        reasons = []
        for reason in result.reasons:
            if reason.startswith("score:"):
                score = next(s for s in findings.scores if s.score.id == reason[6:])
                reasons.append(f"{score.score.label}: {score.value:g}")
            elif reason.startswith("flag:"):
                continue
            else:
                question = questionnaire.question(reason)
                answer = flow.answers[reason]
                reasons.append(
                    f"{question.summary_label}: {answer_text(question, answer, swedish)}"
                )
        return SummaryFlag(
            result.flag.id, result.flag.level.value, result.flag.summary, tuple(reasons)
        )

    consents = []
    for recipient in questionnaire.recipients:
        consent_question = next(
            (q for q in questionnaire.consent_questions if q.recipient == recipient.id), None
        )
        answer = flow.answers.get(consent_question.id) if consent_question else None
        consents.append(
            ConsentLine(
                recipient.id,
                recipient.name,
                None if answer is None or answer.skipped else answer.value == "yes",
                answer.answered_at if answer else None,
                answer.questionnaire_version if answer else None,
            )
        )

    return Summary(
        reference=codes.grouped(intake.reference),
        status=intake.status.value,
        language=intake.locale,
        language_name=language_name(intake.locale),
        started_at=intake.created_at,
        submitted_at=intake.submitted_at,
        questionnaire_id=questionnaire.id,
        questionnaire_version=intake.questionnaire_version,
        title=questionnaire.summary_title,
        disclaimer=questionnaire.disclaimer,
        urgent=tuple(flag_line(r) for r in findings.at_level(FlagLevel.URGENT)),
        signs=tuple(flag_line(r) for r in findings.at_level(FlagLevel.ATTENTION)),
        notes=tuple(flag_line(r) for r in findings.at_level(FlagLevel.INFO)),
        scores=tuple(
            SummaryScore(
                s.score.id,
                s.score.label,
                s.value,
                s.band.label if s.band else None,
                s.answered,
                s.total,
            )
            for s in findings.scores
            if s.total
        ),
        sections=sections,
        consents=tuple(consents),
        next_steps=tuple(step.text for step in findings.next_steps),
        own_words=tuple(by_section.get("own_words", ())),
        skipped_count=sum(1 for q in answered if flow.answers[q.id].skipped),
    )


def answer_text(question: Question, answer: Answer, swedish: SwedishTexts) -> str:
    """An answer in Swedish: option labels through the Swedish catalog, free text verbatim."""
    value = answer.value
    if value is None:
        return ""
    if isinstance(value, tuple):
        return ", ".join(_option_label(question, code, swedish) for code in value)
    if question.type is QuestionType.NUMBER and isinstance(value, int):
        return with_unit(question, value, str(value), swedish)
    if question.type in (QuestionType.YEAR, QuestionType.TEXT):
        return str(value)
    return _option_label(question, str(value), swedish)


def _option_label(question: Question, code: str, swedish: SwedishTexts) -> str:
    option = question.option(code)
    if option is None:
        return code
    return swedish.pgettext(option.context, option.label)
