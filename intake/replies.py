"""What a participant's reply to one question means: an answer to store, or a question back.

Buttons and fields are read by ``validation.parse_answer``; words typed instead of tapping are
understood by ``answers.interpret``; the language of what was typed by ``language.detect``.
Pure: no HTTP, no storage.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass

from intake.answers import interpret
from intake.i18n import Catalogs
from intake.language import Detection, detect, same_language
from intake.questionnaire.model import Question, QuestionType, Typing
from intake.records import AnswerValue
from intake.validation import InputError, parse_answer

SUGGEST_CONFIDENCE = 0.75  # offer to switch language only when this sure
MAX_REPLY = 200  # longest typed reply read for a choice, number or year
MAX_TEXT = 20_000  # longest free text read at all (a question's max_length asks for less)


@dataclass(frozen=True)
class Understood:
    value: AnswerValue | None  # None: skipped
    language: str  # stored with the answer: the page's locale, or the detected one of free text
    typed: str | None = None  # words a choice or number was understood from (echoed back)
    suggest: str | None = None  # a supported locale the participant seems to write in


@dataclass(frozen=True)
class AskAgain:
    error: InputError | None = None
    candidates: tuple[str, ...] = ()  # "did you mean": option codes
    typed: str = ""
    chosen: tuple[str, ...] = ()
    number: int | None = None  # a number to confirm: read from a sentence, or a converted year
    numbers: tuple[int, ...] = ()  # several numbers read from one reply, to choose from
    typed_year: int | None = None
    calendar: str | None = None
    suggest: str | None = None  # a supported locale the participant seems to write in


Reply = Understood | AskAgain


def text_language(detection: Detection | None, locale: str) -> str:
    """The language to name for typed text. The participant's own choice of language wins
    when the text could be in it (Dari written by someone who chose Dari is Dari)."""
    if detection is None or same_language(detection.locale, locale):
        return locale
    if locale in dict(detection.alternatives) and detection.confidence < 0.7:
        return locale
    return detection.locale


def suggestion(
    detection: Detection | None, locale: str, text: str, supported: Collection[str]
) -> str | None:
    """A language to offer: confidently detected, supported, and not the page's."""
    if detection is None or detection.confidence < SUGGEST_CONFIDENCE:
        return None
    if len(text.split()) < 2 or detection.locale not in supported:
        return None
    return None if same_language(detection.locale, locale) else detection.locale


def read_reply(
    question: Question,
    *,
    locale: str,
    catalogs: Catalogs,
    typing: Typing,
    skip: bool = False,
    choices: Sequence[str] = (),
    typed: str = "",
    confirmed: bool = False,
    careful: bool = False,
) -> Reply:
    """Turn what was sent for ``question`` into an answer, or into what to ask next.

    ``careful``: an answer to this question may show crisis help (the self-harm question).
    Typed words are then taken only when they are exactly one answer's words ("no", "never");
    "not at all, I want to die" is asked about, with the help shown, never stored as "no".
    """
    if skip and question.skippable:
        return Understood(None, locale)
    kind = question.type
    typed = typed.strip()[: MAX_TEXT if kind is QuestionType.TEXT else MAX_REPLY]
    if choices or (kind.has_options and not typed):
        value = parse_answer(question, choices, "")
        if isinstance(value, InputError):
            return AskAgain(value, chosen=tuple(choices))
        return Understood(value, locale)
    detection = detect(typed) if typed else None
    suggest = suggestion(detection, locale, typed, catalogs.infos)
    if kind is QuestionType.TEXT:
        value = parse_answer(question, (), typed)
        if isinstance(value, InputError):
            return AskAgain(value, typed=typed, suggest=suggest)
        return Understood(value, text_language(detection, locale), suggest=suggest)
    if kind is QuestionType.CONSENT:
        # Consent is given with its own buttons, never read from typed words.
        return AskAgain(InputError("choose"), typed=typed, suggest=suggest)
    direct = parse_answer(question, (), typed) if not kind.has_options else None
    if direct is not None and not isinstance(direct, InputError):
        return Understood(direct, locale, suggest=suggest)
    also = [detection.locale] if detection and detection.locale in catalogs.infos else []
    meaning = interpret(question, typed, locale, catalogs=catalogs, typing=typing, also=also)
    if meaning.asks and not confirmed:
        # A number read from a sentence, or a year converted from another calendar.
        if not isinstance(meaning.value, int):
            return AskAgain(InputError("not_understood", {"typed": typed}), typed=typed)
        return AskAgain(
            typed=typed,
            number=meaning.value,
            typed_year=meaning.typed_year,
            calendar=meaning.calendar,
            suggest=suggest,
        )
    if meaning.clear and careful and meaning.confidence < 1.0 and isinstance(meaning.value, str):
        return AskAgain(candidates=(meaning.value,), typed=typed, suggest=suggest)
    if meaning.clear:
        return Understood(meaning.value, locale, typed=typed, suggest=suggest)
    if meaning.candidates:
        return AskAgain(candidates=meaning.candidates, typed=typed, suggest=suggest)
    if meaning.numbers:  # "in the passport 1990, really 1993": which one?
        return AskAgain(numbers=meaning.numbers, typed=typed, suggest=suggest)
    if isinstance(direct, InputError):
        return AskAgain(direct, typed=typed, suggest=suggest)
    if meaning.someone_else:  # "my husband has diabetes"
        return AskAgain(InputError("about_you", {"typed": typed}), typed=typed, suggest=suggest)
    return AskAgain(InputError("not_understood", {"typed": typed}), typed=typed, suggest=suggest)
