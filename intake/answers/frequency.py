"""How often, said in numbers: "2 or 3 times a week", "3 nights in 2 weeks", "once a month".

The reply's count and period give a rate, times a week; the options of a how-often question
say which rates they mean (``per_week`` in the questionnaire). The answers whose range the
rate falls in are offered to choose from, never taken: the participant confirms.
"""

from __future__ import annotations

from intake.answers.lexicon import _Lexicon
from intake.answers.numbers import PARTS_OF_ONE, _spelled, digits_at
from intake.questionnaire.model import Option, Question

WEEKS_A_MONTH = 52 / 12


MOST_A_WEEK = 7.0  # "10 times a week" is as often as a how-often answer goes
LEAST_A_WEEK = 0.1  # "once in 3 months" is at least "sometimes", never "never"


def rate_per_week(text: str, cleaned: str, lexicon: _Lexicon) -> tuple[float, float] | None:
    """The lowest and highest times a week a reply says, or None: "2 or 3 days a week" is
    (2, 3), "3 or 4 nights in the 2 weeks" (1.5, 2), "for 2 months, 3 times a week" and "3
    times a week for 2 months" (3, 3), "هفته ای دو سه بار" (a week two three times) (2, 3).
    A number right before a week or month word is a number of weeks or months ("2 months");
    the counts of a period are the numbers before it (after the period before), or else after
    it; a period without a number of its own ("a week") comes first."""
    words = cleaned.split()
    periods = [i for i, w in enumerate(words) if w in lexicon.weeks | lexicon.months]
    # A negation before the last period turns the count around ("not twice a week"), also in
    # an earlier part ("not worried, we talk 5 times a week": no count of worry); one after it
    # says what happens ("2 or 3 nights a week i cant sleep")
    negated = any(lexicon.negates(w) for w in words[: max(periods)]) if periods else False
    if not periods or negated or PARTS_OF_ONE.search(text):
        return None  # no period; "not twice a week"; "2.5 times a week": how often then? Ask.
    numbers = dict(digits_at(cleaned, lexicon))  # "2 times", "2раза", not "sa3ten"
    numbers.update(_spelled(cleaned, lexicon))
    readings = []
    for k, at in enumerate(periods):
        start = periods[k - 1] if k else -1
        end = periods[k + 1] if k + 1 < len(periods) else len(words) + 1  # its "2" is its own
        many = numbers.get(at - 1)  # "2 weeks", "3 месяца"
        before = [n for i, n in numbers.items() if start < i < at and i != at - 1]
        # after it, not a word for none ("два тижні ... нічого не радує": nothing pleases me)
        after = [n for i, n in numbers.items() if at < i < end and i != end - 1 and n]
        counts = before or after
        weeks = (WEEKS_A_MONTH if words[at] in lexicon.months else 1.0) * (
            many if many is not None else 1
        )
        if counts and weeks:
            readings.append((many is not None, min(counts) / weeks, max(counts) / weeks))
    if not readings:
        return None  # "every week", "3 weeks", "in 0 weeks"
    _span, low, high = min(readings, key=lambda r: r[0])  # "a week" before "2 months"
    return _within(low), _within(high)


def _within(rate: float) -> float:
    return 0.0 if rate == 0 else min(max(rate, LEAST_A_WEEK), MOST_A_WEEK)


def by_rate(options: tuple[Option, ...], rate: tuple[float, float]) -> tuple[str, ...]:
    """The options whose times a week overlap the rate, in the options' order."""
    low, high = rate
    return tuple(
        o.code
        for o in options
        if o.per_week is not None and low <= o.per_week[1] and high >= o.per_week[0]
    )


def how_often(question: Question, text: str, cleaned: str, lexicon: _Lexicon) -> tuple[str, ...]:
    """The (at most three) answers a how-often reply in numbers may mean, or none."""
    rate = rate_per_week(text, cleaned, lexicon)
    return by_rate(question.options, rate)[:3] if rate else ()
