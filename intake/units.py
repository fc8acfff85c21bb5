"""A number answer with its unit, in a language's own plural: "1 hour", "3 hours", "١١ ساعة".

A number question names its unit twice: ``unit``, the word shown after the empty number box,
and ``count``, the number with its unit as a plural entry of the catalogs ("%(num)s hour" /
"%(num)s hours"), so each language chooses the form its grammar needs for that number.
"""

from __future__ import annotations

from typing import Protocol

from intake.questionnaire.model import Question


class UnitTexts(Protocol):
    def pgettext(self, context: str, message: str) -> str: ...

    def npgettext(self, context: str, singular: str, plural: str, n: int) -> str: ...


def with_unit(question: Question, number: int, written: str, texts: UnitTexts) -> str:
    """``number`` (``written`` as the language writes it) with the question's unit."""
    if question.count:
        singular, plural = question.count
        form = texts.npgettext(question.count_context, singular, plural, number)
        return form % {"num": written}
    if question.unit:
        return f"{written} {texts.pgettext(question.context, question.unit)}"
    return written
