"""Turn a submitted form into an answer value, or say what is wrong with it.

Errors are codes with parameters; the templates hold their wording (in every language), so
nothing here is user-visible text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from intake.questionnaire.model import Question, QuestionType
from intake.records import AnswerValue
from intake.text import ascii_digits


@dataclass(frozen=True)
class InputError:
    # "choose", "choose_some", "exclusive", "number", "range", "year", "empty", "long"; for typed
    # replies also "not_understood" and "about_you" (a reply about someone else)
    code: str
    params: dict[str, object] = field(default_factory=dict)


_WHOLE = re.compile(r"^[+]?\d+$")


def year_range(question: Question, today: date | None = None) -> tuple[int, int]:
    current = (today or date.today()).year
    low = int(question.minimum) if question.minimum is not None else current - 120
    high = int(question.maximum) if question.maximum is not None else current
    return low, high


def parse_answer(
    question: Question, choices: Sequence[str], typed: str, today: date | None = None
) -> AnswerValue | InputError:
    """``choices``: the option codes sent; ``typed``: the text field's content."""
    kind = question.type
    if kind is QuestionType.MULTIPLE:
        codes = [c for c in dict.fromkeys(choices) if question.option(c)]
        if not codes:
            return InputError("choose_some")
        for code in codes:
            option = question.option(code)
            if option and option.exclusive and len(codes) > 1:
                return InputError("exclusive", {"option": option.label, "context": option.context})
        return tuple(codes)
    if kind.has_options:
        code = choices[0] if choices else ""
        return code if question.option(code) else InputError("choose")
    text = typed.strip()
    if kind is QuestionType.TEXT:
        if not text:
            return InputError("empty")
        if len(text) > question.max_length:
            return InputError("long", {"count": len(text), "max": question.max_length})
        return text
    digits = ascii_digits(text).replace(" ", "")
    if kind is QuestionType.YEAR:
        low, high = year_range(question, today)
        if not re.fullmatch(r"\d{4}", digits):
            return InputError("year", {"min": low, "max": high})
        year = int(digits)
        return year if low <= year <= high else InputError("year", {"min": low, "max": high})
    # NUMBER
    low_f, high_f = question.minimum, question.maximum
    if not _WHOLE.match(digits) or len(digits) > 9:
        return InputError("number", {"min": _int(low_f), "max": _int(high_f)})
    number = int(digits)
    if (low_f is not None and number < low_f) or (high_f is not None and number > high_f):
        return InputError("range", {"min": _int(low_f), "max": _int(high_f)})
    return number


def _int(value: float | None) -> int | None:
    return None if value is None else int(value)
