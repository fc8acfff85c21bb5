"""How often, said in numbers: "2 or 3 times a week", "3 nights in 2 weeks", "once a month".

The reply's count and period give a rate, times a week; the options of a how-often question
say which rates they mean (``per_week`` in the questionnaire). The answers whose range the
rate falls in are offered to choose from, never taken: the participant confirms.
"""

from __future__ import annotations

import re

from intake.answers.lexicon import _Lexicon
from intake.answers.numbers import _spelled
from intake.questionnaire.model import Option, Question

WEEKS_A_MONTH = 52 / 12


def rate_per_week(cleaned: str, lexicon: _Lexicon) -> tuple[float, float] | None:
    """The lowest and highest times a week a reply says, or None: "2 or 3 days a week" is
    (2, 3), "3 or 4 nights in the 2 weeks" (1.5, 2), "once a month" (0.23, 0.23)."""
    words = cleaned.split()
    period = next((i for i, w in enumerate(words) if w in lexicon.weeks | lexicon.months), None)
    if period is None or lexicon.negates_any(cleaned):
        return None  # no period, or "not twice a week": how often then? Ask.
    numbers = {i: int(w) for i, w in enumerate(words) if re.fullmatch(r"\d{1,3}", w)}
    numbers.update(_spelled(cleaned, lexicon))
    weeks = WEEKS_A_MONTH if words[period] in lexicon.months else 1.0
    if period - 1 in numbers:  # "in 2 weeks": a number of weeks, not of times
        weeks *= numbers.pop(period - 1)
    if not numbers or not weeks:
        return None  # "every week", "in 0 weeks"
    counts = numbers.values()
    return min(counts) / weeks, max(counts) / weeks


def by_rate(options: tuple[Option, ...], rate: tuple[float, float]) -> tuple[str, ...]:
    """The options whose times a week overlap the rate, in the options' order."""
    low, high = rate
    return tuple(
        o.code
        for o in options
        if o.per_week is not None and low <= o.per_week[1] and high >= o.per_week[0]
    )


def how_often(question: Question, cleaned: str, lexicon: _Lexicon) -> tuple[str, ...]:
    """The (at most three) answers a how-often reply in numbers may mean, or none."""
    rate = rate_per_week(cleaned, lexicon)
    return by_rate(question.options, rate)[:3] if rate else ()
