"""Typed page contexts for the participant's pages, built from the flow."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime

from babel.lists import format_list
from babel.numbers import format_decimal

from intake.flow import Flow, build_flow
from intake.i18n import Translator
from intake.questionnaire.model import Question, QuestionType, Section
from intake.records import Answer
from intake.scoring import Findings, evaluate
from intake.units import with_unit
from intake.validation import InputError


@dataclass(frozen=True)
class Entry:
    """One item of the on-screen conversation."""

    kind: str  # "section", "exchange" or "crisis"
    section: Section | None = None
    question: Question | None = None
    answer: str | None = None  # the answer in the participant's language; None when skipped
    own_words: bool = False  # typed by the participant (shown with dir="auto")
    focus: bool = False  # takes the focus (and the screen) when the page opens
    typed: str | None = None  # words a choice was understood from: shown, then echoed


@dataclass(frozen=True)
class Turn:
    """The question being asked now, with what the participant has chosen or typed."""

    question: Question
    position: int  # 1-based among asked questions
    total: int
    chosen: tuple[str, ...] = ()
    typed: str = ""
    error: InputError | None = None
    back_to: str | None = None  # question id to go back to
    editing: bool = False  # a changed answer, not the next question in the conversation
    return_to: str = ""  # "review" when changing from the check-your-answers page
    focus: bool = True  # the question takes the focus, unless crisis help just appeared
    candidates: tuple[str, ...] = ()  # "did you mean": option codes understood from `typed`
    number: int | None = None  # to confirm: read from a sentence, or a converted year
    numbers: tuple[int, ...] = ()  # several numbers read from one reply, to choose from
    typed_year: int | None = None
    calendar: str | None = None
    offer: Translator | None = None  # a language the participant seems to write in
    crisis: bool = False  # a "did you mean" whose answers would show crisis help

    @property
    def composer(self) -> bool:
        """Offer a field to write the answer instead of tapping (not for consent)."""
        return self.question.type.has_options and self.question.type != "consent"

    @property
    def typed_reply(self) -> str:
        """What was typed into the composer, shown again when it was not understood."""
        return self.typed if self.composer else ""


@dataclass(frozen=True)
class Progress:
    answered: int
    total: int

    @property
    def percent(self) -> int:
        return round(100 * self.answered / self.total) if self.total else 0


@dataclass(frozen=True)
class Conversation:
    entries: list[Entry]
    turn: Turn
    progress: Progress
    crisis: bool  # crisis help was raised by an answer
    oob: bool = False  # an htmx update: progress and turn are swapped out of band


@dataclass(frozen=True)
class ReviewSection:
    section: Section
    entries: list[Entry] = field(default_factory=list)


def answer_text(question: Question, answer: Answer, t: Translator) -> str | None:
    """How an answer reads to the participant, in the page's language."""
    value = answer.value
    if value is None:
        return None
    if isinstance(value, tuple):
        labels = [_label(question, code, t) for code in value]
        return format_list(labels, locale=t.locale) if labels else ""
    if question.type is QuestionType.NUMBER and isinstance(value, int):
        return with_unit(question, value, format_decimal(value, locale=t.locale), t)
    if question.type in (QuestionType.YEAR, QuestionType.TEXT):
        return str(value)
    return _label(question, str(value), t)


def _label(question: Question, code: str, t: Translator) -> str:
    option = question.option(code)
    return t.pgettext(option.context, option.label) if option else code


def exchange(question: Question, answer: Answer, t: Translator) -> Entry:
    return Entry(
        "exchange",
        question=question,
        answer=answer_text(question, answer, t),
        own_words=question.type is QuestionType.TEXT,
        typed=answer.typed,
    )


def crisis_after(findings: Findings) -> set[str]:
    """Questions after whose answer crisis help is shown in the conversation."""
    return {
        reason
        for result in findings.flags
        if result.flag.crisis
        for reason in result.reasons
        if not reason.startswith(("score:", "flag:"))
    }


def crisis_if_any(flow: Flow, question: Question, codes: tuple[str, ...]) -> bool:
    """Would any of these answers (the options a typed reply may mean) show crisis help? Then
    it is shown at once, while the participant is asked which they meant."""
    for code in codes:
        answers = {
            **flow.answers,
            question.id: Answer(question.id, code, datetime.now(UTC), ""),
        }
        if question.id in crisis_after(evaluate(build_flow(flow.questionnaire, answers))):
            return True
    return False


def section_entries(
    flow: Flow, current: Question, findings: Findings, t: Translator
) -> list[Entry]:
    """The current section's heading, then each answered question with its answer.

    Crisis help follows the answer that raised it. When that answer ended the previous
    section, the help opens this one, so it is on the very next page the participant sees;
    when it was raised by the answer just given, it takes the focus instead of the question.
    """
    section_id = current.section_id
    entries = [Entry("section", section=flow.questionnaire.section(section_id))]
    crisis = crisis_after(findings)
    before = flow.before(current.id)
    fresh = before is not None and before.id in crisis
    for trigger in crisis:
        following = _next_asked(flow, trigger)
        if (
            flow.questionnaire.question(trigger).section_id != section_id
            and following
            and following.section_id == section_id
        ):
            entries.insert(0, Entry("crisis", focus=fresh))
            break
    for question in flow.section_transcript(section_id):
        entries.append(exchange(question, flow.answers[question.id], t))
        if question.id in crisis:
            entries.append(Entry("crisis", focus=fresh and question.id == before.id))  # type: ignore[union-attr]
    return entries


def _next_asked(flow: Flow, question_id: str) -> Question | None:
    ids = [q.id for q in flow.asked]
    if question_id not in ids:
        return None
    index = ids.index(question_id) + 1
    return flow.asked[index] if index < len(flow.asked) else None


def turn_for(flow: Flow, question: Question, **kwargs: object) -> Turn:
    asked_ids = [q.id for q in flow.asked]
    position = asked_ids.index(question.id) + 1 if question.id in asked_ids else 0
    answer = flow.answers.get(question.id)
    chosen: tuple[str, ...] = ()
    typed = ""
    if answer is not None and answer.value is not None:
        if isinstance(answer.value, tuple):
            chosen = answer.value
        elif question.type.has_options:
            chosen = (str(answer.value),)
        else:
            typed = str(answer.value)
    before = flow.before(question.id)
    defaults: dict[str, object] = {
        "chosen": chosen,
        "typed": typed,
        "back_to": before.id if before else None,
    }
    defaults.update(kwargs)
    return Turn(question, position, flow.total, **defaults)  # type: ignore[arg-type]


def progress_of(flow: Flow) -> Progress:
    return Progress(flow.answered_count, flow.total)


def review_sections(flow: Flow, t: Translator) -> list[ReviewSection]:
    result: list[ReviewSection] = []
    for section in flow.questionnaire.sections:
        entries = [
            exchange(q, flow.answers[q.id], t)
            for q in flow.asked
            if q.section_id == section.id and q.id in flow.answers
        ]
        if entries:
            result.append(ReviewSection(section, entries))
    return result
