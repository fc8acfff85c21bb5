"""Years of school said as a level finished: "I finished high school" is 12 years, "خلصت بكالوريا
وبعدين سنتين جامعة" (baccalaureate, then two years of university) 14.

A number question's ``levels`` ("finished high school=12|bachelor=16") are translated per
locale, numbers included: a level means other years in other school systems ("закінчив школу"
is 11 years in Ukraine). Every reading is offered to confirm, never taken.
"""

from __future__ import annotations

from intake.answers.choices import _about_someone_else
from intake.answers.lexicon import _Lexicon
from intake.answers.model import NOTHING, Interpretation
from intake.answers.numbers import _numbers_in
from intake.answers.text import QUESTION_MARK
from intake.questionnaire.model import Question


def level_reading(
    question: Question,
    text: str,
    cleaned: str,
    lexicon: _Lexicon,
    levels: tuple[tuple[str, int], ...],
    units: frozenset[str],
) -> Interpretation | None:
    """The years a reply gives by naming a level finished, offered to confirm: the level alone
    ("I finished high school": 12), or with years said after it and joined to it ("..., then
    4 years university": 16, on a question asking for a total). None when the reply names no
    level, or has a negation ("I did not finish high school") or a number before the level:
    the reply is read as any other. Years said after the first level named add to it; with
    none, the highest level named counts. Never in a question back or about someone else."""
    padded = f" {cleaned} "
    named = [(padded.index(f" {p} "), len(p), n) for p, n in levels if f" {p} " in padded]
    if not named or lexicon.negates_any(cleaned):
        return None
    if QUESTION_MARK.search(text) or _about_someone_else(cleaned, lexicon):
        return NOTHING
    start, size, first = min(named, key=lambda hit: (hit[0], -hit[1]))
    if _numbers_in(cleaned[:start], cleaned[:start], lexicon):
        return None  # "12 years, I finished high school": the number says it
    after = cleaned[start + size :].strip()
    parts = _numbers_in(after, after, lexicon, repeated=True, units=units)
    if not parts:
        total = max(n for _at, _size, n in named)  # "high school, then a bachelor": 16
    elif question.total and _then(after, lexicon):
        total = first + sum(parts)  # "دیپلم گرفتم بعد ۴ سال لیسانس": 12 and 4
    else:
        return None
    low, high = question.minimum, question.maximum
    if (low is not None and total < low) or (high is not None and total > high):
        return NOTHING
    return Interpretation(total, 0.6, confirm=True)


def _then(after: str, lexicon: _Lexicon) -> bool:
    """What follows the level begins with "and", "then" (a separator of the locale, also
    written onto the next word: Arabic "وبعدين")."""
    words = after.split()
    return bool(words) and any(
        after == s or after.startswith(f"{s} ") for s in lexicon.separators if s.isalpha()
    )
