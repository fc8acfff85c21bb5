"""Numbers and years in typed replies: digits of any script, Ethiopic numerals, number words,
parts of a total, words for none, and years of the Solar Hijri and Ethiopian calendars."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import NamedTuple

from intake.answers.lexicon import _Lexicon
from intake.answers.model import NOTHING, Interpretation
from intake.answers.text import CLAUSE, QUESTION_MARK, ascii_digits, normalise
from intake.questionnaire.model import Question
from intake.validation import year_range

SOLAR_HIJRI_LOCALES = ("fa", "fa_AF", "ps", "ckb")


# Ethiopic numerals: ፩-፱ are 1-9, ፲-፺ are 10-90, ፻ is 100, ፼ is 10 000.
_ETHIOPIC_UNITS = {chr(0x1369 + i): i + 1 for i in range(9)}


_ETHIOPIC_TENS = {chr(0x1372 + i): (i + 1) * 10 for i in range(9)}


def ethiopic_number(text: str) -> int | None:
    """The value of a run of Ethiopic numerals (፲፱፻፹ = 1980), or None."""
    total = current = 0
    seen = False
    for ch in text:
        if ch in _ETHIOPIC_UNITS or ch in _ETHIOPIC_TENS:
            current += _ETHIOPIC_UNITS.get(ch) or _ETHIOPIC_TENS[ch]
        elif ch == "፻":
            total += (current or 1) * 100
            current = 0
        elif ch == "፼":
            total = (total + current or 1) * 10000
            current = 0
        else:
            continue
        seen = True
    return total + current if seen else None


MAX_WORDS_BESIDE_NONE = 2  # "I never went to school at all"; not "... in Sweden, only at home"


def _says_none(cleaned: str, phrases: tuple[str, ...]) -> bool:
    """The reply is one of the phrases, or holds one of two words or more and little else."""
    padded, size = f" {cleaned} ", len(cleaned.split())
    return any(
        cleaned == p
        or (" " in p and f" {p} " in padded and size - len(p.split()) <= MAX_WORDS_BESIDE_NONE)
        for p in phrases
    )


MAX_BESIDE_FULL = 3  # "I can work a full day"; not "the whole day I care for my kids"


def _says_full(cleaned: str, phrases: tuple[str, ...], lexicon: _Lexicon) -> bool:
    """The reply says the most in its own words, with few words besides ("I can work a full
    day"), not negated ("not a full day")."""
    padded, size = f" {cleaned} ", len(cleaned.split())
    return any(
        f" {p} " in padded and size - len(p.split()) <= MAX_BESIDE_FULL for p in phrases
    ) and not _negated(cleaned, lexicon)


MAX_SPELLED = 6  # number words are read in replies this short: "twelve and 4", "five years"


MAX_BESIDE_SPELLED = 3  # or with this few other words: "I was born nineteen ninety two"


def _numbers_in(
    text: str,
    cleaned: str,
    lexicon: _Lexicon,
    repeated: bool = False,
    units: frozenset[str] = frozenset(),
    ordinals: bool = False,
    years: bool = False,
) -> list[int]:
    """The numbers a reply gives: digits of any script, Ethiopic numerals, and number words
    (in a short reply, also beside digits: "twelve + 4" gives both; in a longer one, those
    right beside the question's unit: "maybe three hours, I have a small child").
    ``repeated``: a number given twice counts twice ("5 years school and 5 years university").
    ``years``: "nineteen ninety two" is one number."""
    found = _digits(cleaned, lexicon, units)
    ethiopic = [ethiopic_number(run) for run in re.findall(r"[\u1369-\u137c]+", text)]
    found += [n for n in ethiopic if n is not None]
    words = cleaned.split()
    said = _spelled_spans(cleaned, lexicon, ordinals, years)
    besides = len(words) - sum(size for _at, size, _n in said)
    if len(words) <= MAX_SPELLED or besides <= MAX_BESIDE_SPELLED:
        spelled = [n for _at, _size, n in said]  # not a word in a sentence ("one day I ...")
    else:
        spelled = [n for at, _size, n in said if _beside_unit(words, at, units)]
    # beside digits, words for one and none are articles: "9 år och en kurs", "یه روز ۳"
    found += [n for n in spelled if n > 1] if found else spelled
    return found if repeated else list(dict.fromkeys(found))


_DIGITS_THEN = re.compile(r"(\D*)(\d+)(\D*)")


MAX_LETTERS_ONTO = 2  # "3rd", "2x", "83м": letters written onto a number that are no word


def _digits(cleaned: str, lexicon: _Lexicon, units: frozenset[str] = frozenset()) -> list[int]:
    """Numbers written in digits (see ``digits_at``)."""
    return [n for _at, n in digits_at(cleaned, lexicon, units)]


def digits_at(
    cleaned: str, lexicon: _Lexicon, units: frozenset[str] = frozenset()
) -> list[tuple[int, int]]:
    """Numbers written in digits, with the index of their word: a word of digits, or with a
    letter or two of another script before it ("و4", and 4; "ከ2", from 2), or with its unit, a
    word for times or an ending written on ("4hours", "2раза", "3rd", "83м"); letters before
    it that leave it a number (``_letters_before``: "بين ال٥ وال٦", between the 5 and the 6).
    Not a digit used as a letter, as in Arabic typed in Latin letters ("tis3a", nine; "sa3ten",
    two hours)."""
    found = []
    for at, word in enumerate(cleaned.split()):
        if not (parts := _DIGITS_THEN.fullmatch(word)):
            continue
        before, digits, after = parts.groups()
        if len(digits) > 9 or (before and not _letters_before(before, lexicon)):
            continue  # "tis3a", "ولا٢" (not even 2); not "و4" (and 4), "ከ2" (from 2)
        if not after or len(after) <= MAX_LETTERS_ONTO or after in units or after in lexicon.times:
            found.append((at, int(digits)))
    return found


def _letters_before(before: str, lexicon: _Lexicon) -> bool:
    """Letters written onto a number before it that leave it a number: one or two of a script
    other than Latin ("ከ2", from 2; "ال٥", the 5), or an "and" and two ("وال٦", and the 6).
    Not a negation or a bound ("مو٤", not 4; "ولا٢", not even 2; "اقل٤", less than 4)."""
    if before.isascii():
        return False  # "tis3a": a digit used as a letter
    rest = _after_separator(before, lexicon) or before
    if len(rest) > MAX_LETTERS_ONTO:
        return False
    said = lexicon.negations | lexicon.comparisons | lexicon.limits
    return before not in said and rest not in said


def _beside_unit(words: list[str], at: int, units: frozenset[str]) -> bool:
    """The word before or after ``at`` is a unit of the question ("hours", also "години" for
    "годин", "часа" for "часов": the same first three letters, for units of four or more)."""

    def unit(word: str) -> bool:
        return any(word == u or (len(u) >= 4 and word.startswith(u[:3])) for u in units)

    return any(unit(words[i]) for i in (at - 1, at + 1, at + 2) if 0 <= i < len(words))


def _spelled(cleaned: str, lexicon: _Lexicon, ordinals: bool = False) -> list[tuple[int, int]]:
    """Number words, with the index of the word they start at; the longest first ("kow iyo
    toban" is 11), also with "and" written onto them (Arabic "واربعة": and four). ``ordinals``:
    also "sixth", "السادس" (for years of school: "up to the sixth class")."""
    return [(at, n) for at, _size, n in _spelled_spans(cleaned, lexicon, ordinals)]


FIRST_ORDINAL = 3  # ordinals read outside a year: from "third" ("the sixth class")


def _spelled_spans(
    cleaned: str, lexicon: _Lexicon, ordinals: bool = False, years: bool = False
) -> list[tuple[int, int, int]]:
    """Number words as (index of the first word, number of words, value); words of one number
    in a row are one ("twenty five", "kun sagaal boqol iyo todobaatan iyo shan", "тысяча
    девятьсот восемьдесят"). ``years``: also two numbers of two digits in a row ("nineteen
    ninety two" is 1992)."""
    # "first" and "second" only end a year ("тысяча девятьсот восемьдесят первый"): else "at
    # first" or "a second" would be numbers
    said = {w: n for w, n in lexicon.ordinals.items() if years or n >= FIRST_ORDINAL}
    known = {**said, **lexicon.numbers} if ordinals else lexicon.numbers
    words = cleaned.split()
    found: list[_Spelled] = []
    index = 0
    while index < len(words):
        for size in (3, 2, 1):
            phrase = " ".join(words[index : index + size])
            if len(phrase.split()) == size and phrase in known:
                found.append(_Spelled.of(index, size, known[phrase]))
                index += size
                break
        else:
            joined = _after_separator(words[index], lexicon)
            if joined in known:
                found.append(_Spelled.of(index, 1, known[joined], joined=True))
            index += 1
    composed: list[_Spelled] = []
    for part in found:
        if composed and (grown := composed[-1].grown(part, words, lexicon)):
            composed[-1] = grown
        else:
            composed.append(part)
    if years:
        composed = _paired(composed)
    return [(p.at, p.size, p.value) for p in composed]


@dataclass(frozen=True)
class _Spelled:
    """Number words in a row, read as one number: ``thousands`` said so far, and ``current``,
    the part below a thousand, whose last word was ``last``."""

    at: int
    size: int
    current: int
    joined: bool = False  # "and" written onto the word: "وتسعين"
    thousands: int = 0
    last: int = -1

    @classmethod
    def of(cls, at: int, size: int, value: int, joined: bool = False) -> _Spelled:
        """One word or phrase for ``value`` ("thousand", "one thousand": 1000)."""
        if value >= 1000:
            return cls(at, size, 0, joined, thousands=value, last=value)
        return cls(at, size, value, joined)

    @property
    def value(self) -> int:
        return self.thousands + self.current

    @property
    def end(self) -> int:
        return self.at + self.size

    def grown(self, part: _Spelled, words: list[str], lexicon: _Lexicon) -> _Spelled | None:
        """This number with ``part`` said after it, or None if ``part`` is another number
        ("two three" is 2 or 3; "five twenty" is no number)."""
        between = words[self.end : part.at]
        separated = part.joined or (len(between) == 1 and between[0] in lexicon.separators)
        if between and not (len(between) == 1 and separated):
            return None
        first = self.last if self.last >= 0 else self.current
        current, thousands, v = self.current, self.thousands, part.value
        below_hundred = current % 100
        if v == 1000 and thousands == 0 and 0 < current < 1000:
            thousands, current = current * 1000, 0  # "two thousand", "kun" after "one"
        elif v == 100 and 0 < current < 100 and first == current:
            current *= 100  # "nine hundred", "nineteen hundred"
        elif v == 100 and current == 0 and thousands:
            current = 100  # "thousand hundred": "тысяча сто"
        elif 200 <= v <= 900 and v % 100 == 0 and current == 0 and thousands:
            current = v  # "тысяча девятьсот"
        elif 20 <= v <= 90 and v % 10 == 0 and below_hundred == 0 and (current or thousands):
            current += v  # "nine hundred ninety"
        elif 20 <= v <= 90 and v % 10 == 0 and 0 < below_hundred < 10 and separated:
            current += v  # the unit first: "siddeed iyo siddeetan", "خمسة وتسعين" (8, 5 + 90)
        elif 0 < v < 20 and below_hundred == 0 and (current or thousands):
            current += v  # "nine hundred and five", "thousand five"
        elif 0 < v < 10 and below_hundred >= 20 and below_hundred % 10 == 0:
            current += v  # "ninety two", "twenty five"
        else:
            return None
        return _Spelled(self.at, part.end - self.at, current, self.joined, thousands, v)


def _paired(numbers: list[_Spelled]) -> list[_Spelled]:
    """A year said in two numbers of two digits: "nineteen ninety two" (19, 92) is 1992."""
    paired: list[_Spelled] = []
    for number in numbers:
        before = paired[-1] if paired else None
        if (
            before is not None
            and before.end == number.at
            and 10 <= before.value <= 20
            and 0 <= number.value < 100
            and not (before.thousands or number.thousands)
        ):
            paired[-1] = _Spelled(
                before.at, number.end - before.at, before.value * 100 + number.value
            )
        else:
            paired.append(number)
    return paired


def _after_separator(word: str, lexicon: _Lexicon) -> str:
    """A word without the "and" written onto it ("واربعة" -> "اربعة", "و4" -> "4"), or ''."""
    for separator in lexicon.separators:
        if separator.isalpha() and word.startswith(separator) and len(word) > len(separator):
            return word[len(separator) :]
    return ""


def _joined_number(word: str, lexicon: _Lexicon) -> bool:
    """A number with "and" written onto it: "و4", "واربعة"."""
    rest = _after_separator(word, lexicon)
    return rest.isdigit() or rest in lexicon.numbers


PARTS_OF_ONE = re.compile(r"\d[.,/:]\d")  # a decimal, a date or a time: not several numbers


MAX_OFFERED = 3  # several numbers in one reply, each a possible answer: offered to choose from


MAX_PARTS = 3  # numbers added up into a total: "6 years school, 3 years high school and 4 more"


def _joined(text: str, cleaned: str, lexicon: _Lexicon) -> bool:
    """Numbers said as parts of one whole: "and", "+" or the like (a separator of the locale,
    also written onto the next number, as in Arabic "و4") between the first and the last."""
    if re.search(r"[+&]", text.strip(" +&")):  # "12 + 4", "twelve+4"; not a lone "+4"
        return True
    words = cleaned.split()
    numbers = [i for i, w in enumerate(words) if any(ch.isdigit() for ch in w)]
    numbers += [i for i, _n in _spelled(cleaned, lexicon, ordinals=True)]
    if len(numbers) < 2:
        return False
    first, last = min(numbers), max(numbers)
    phrases = [s.split() for s in lexicon.separators if s.isalpha() or " " in s]
    between = any(words[i : i + len(p)] == p for p in phrases for i in range(first + 1, last))
    return between or any(_joined_number(words[i], lexicon) for i in numbers if i > first)


def _composed(cleaned: str, lexicon: _Lexicon) -> bool:
    """A number said in several number words ("twenty five", "خمسة وعشرين") or in a word for
    tens and more ("twenty", "thirty"), as an age is as easily said ("мне тридцать", I am
    thirty); or a word for none or one among other words ("ingen aning", no idea; "ett par
    timmar", a couple of hours; "ዋላ ሓንቲ", not even one)."""
    words = cleaned.split()
    spans = _spelled_spans(cleaned, lexicon)
    if len(words) > 1 and any(n <= 1 for _at, _size, n in spans):
        return True
    return any(
        n >= TENS_WORDS or (size > 1 and " ".join(words[at : at + size]) not in lexicon.numbers)
        for at, size, n in spans
    )


TENS_WORDS = 20  # "twenty", "thirty": an age as often as a count ("im twenty", "мне тридцать")


def _or_between(cleaned: str, lexicon: _Lexicon) -> bool:
    """A word for "or" between two numbers: "6 or 7", "شش یا هفت"."""
    words = cleaned.split()
    numbers = [i for i, w in enumerate(words) if any(ch.isdigit() for ch in w)]
    numbers += [i for i, _n in _spelled(cleaned, lexicon, ordinals=True)]
    return len(numbers) > 1 and any(
        words[i] in lexicon.alternatives for i in range(min(numbers) + 1, max(numbers))
    )


def _negated(cleaned: str, lexicon: _Lexicon) -> bool:
    """A negation word in the reply that is not said as a number ("نه": no, and nine in
    Persian; "لا شيء": nothing). A word for none beside digits is a negation: "inga 8 timmar",
    "የለም 8 ሰዓት" (not 8 hours)."""
    said = {at + i: n for at, size, n in _spelled_spans(cleaned, lexicon) for i in range(size)}
    digits = any(ch.isdigit() for ch in cleaned)
    return any(
        lexicon.negates(word) and (at not in said or (said[at] == 0 and digits))
        for at, word in enumerate(cleaned.split())
    )


_DIGIT_ORDINAL = re.compile(r"\d+\s*-?\s*(?:st|nd|rd|th|e|er|a|й|го|я|ий|ый|ой|ым|аад|ኛ)\b", re.I)


def _ordinal(text: str, cleaned: str, lexicon: _Lexicon) -> bool:
    """An ordinal in the reply: a word ("sixth", also with "and" written on: "والسادس") or
    digits with an ordinal ending ("6th", "9-й", "3:e")."""
    words = cleaned.split()
    if any(f" {o} " in f" {cleaned} " for o in lexicon.ordinals):
        return True
    if any(_after_separator(w, lexicon) in lexicon.ordinals for w in words):
        return True
    return bool(_DIGIT_ORDINAL.search(text.casefold()))


def _times(cleaned: str, lexicon: _Lexicon) -> bool:
    """A word for "times" in the reply, also written onto a number ("2 times", "2x", "2раза")."""
    return any(
        word in lexicon.times or (word[:1].isdigit() and word.lstrip("0123456789") in lexicon.times)
        for word in cleaned.split()
    )


def counted_times(cleaned: str, lexicon: _Lexicon) -> bool:
    """A count of two or more times: "الف مرة" (a thousand times), "10 раз", "many" said as a
    number before a word for "times" ("مرة" alone is once: sometimes)."""
    words = cleaned.split()
    spelled = {at + size - 1: n for at, size, n in _spelled_spans(cleaned, lexicon)}
    for at, word in enumerate(words):
        if at and word in lexicon.times:
            before = words[at - 1]
            count = int(before) if before.isdigit() and len(before) < 10 else spelled.get(at - 1)
            if count is not None and count >= 2:
                return True
    return False


def _limited(cleaned: str, lexicon: _Lexicon) -> bool:
    """A word for "more" or "longer" in the reply ("not more than 2", "больше нет")."""
    padded = f" {cleaned} "
    return any(f" {word} " in padded for word in lexicon.limits)


def _only_numbers(cleaned: str, lexicon: _Lexicon, units: frozenset[str] = frozenset()) -> bool:
    """The reply is a number, its unit, and at most one more word ("8", "eight", "8 hours",
    "12 سنة", "about 8"); anything longer may be about something else."""
    # a number word of more words ("a single") is one number; its words alone ("a") none:
    # "8 hours a day" is a sentence
    spelled = {at + i for at, size, _n in _spelled_spans(cleaned, lexicon) for i in range(size)}

    def number(at: int, word: str) -> bool:
        return word.isdigit() or at in spelled or _joined_number(word, lexicon)

    other = [w for at, w in enumerate(cleaned.split()) if not (number(at, w) or w in units)]
    return len(other) <= 1


HOURS_ON_A_CLOCK = 12
MAX_SPAN_WORDS = 3  # "8 to 2", "8 o'clock to 2", "از ۸ صبح تا ۲"


class _Span(NamedTuple):
    """Hours between two times of the day; ``or_range``: the two may also be a range whose
    first number is the answer ("7 to 9" when at most 8 hours can be answered)."""

    hours: int
    or_range: bool = False


def _clock_span(
    cleaned: str,
    lexicon: _Lexicon,
    units: frozenset[str],
    most: float | None = None,
    text: str = "",
) -> _Span | None:
    """The hours between two times of the day with a word for "until" between them, when they
    can only be times: the second before the first ("from 8 to 2": 6), after noon on a 24-hour
    clock ("з 9 до 15": 6), or, as times or a range (``or_range``), more hours than the
    question's ``most`` ("from 8 to 12", "7 to 9" when at most 8 hours can be answered: 4, 2;
    times, or a range whose first number is the answer; only when the second ends its part of
    the ``text``, with nothing written onto it: "6 to 10 hrs", "6 to 10h", "2 to 10 days" are
    ranges). Not "4 to 6 hours" (the unit after: a range of hours) nor "10 to 12" where 12
    hours could be answered (either)."""
    said = dict(digits_at(cleaned, lexicon))
    said.update(_spelled(cleaned, lexicon))
    if len(said) != 2:
        return None
    (i, first), (j, last) = sorted(said.items())
    words = cleaned.split()
    # "to" right before the second, none right before the first ("I sleep till 10, can work
    # till 2"), close together, and no unit after either ("10 hours, now up to 4"; "۵ تا بچه": 5
    # children, "تا" counting them)
    if (
        words[j - 1] not in lexicon.until
        or set(words[max(0, i - 2) : i]) & lexicon.until
        or j - i > MAX_SPAN_WORDS
        or set(words[i + 1 : i + 2] + words[j + 1 : j + 2]) & units
    ):
        return None
    if not (0 < first <= 24 and 0 < last <= 24):
        return None
    if last < first <= HOURS_ON_A_CLOCK:
        return _Span(last + HOURS_ON_A_CLOCK - first)
    if first < last and last > HOURS_ON_A_CLOCK:
        return _Span(last - first)
    if first < last and most is not None and last > most and _ends_a_part(words[j], text):
        return _Span(last - first, or_range=True)  # times, or the first a number of hours
    return None


def _ends_a_part(word: str, text: str) -> bool:
    """``word`` (a number) is the last of a part of ``text`` between commas and stops, as
    written: digits or a number word, nothing after it."""
    if not (word.isdigit() or not any(ch.isdigit() for ch in word)):
        return False  # "10h": a unit written onto it
    return any(normalise(part).split()[-1:] == [word] for part in CLAUSE.split(text))


def _number(
    question: Question,
    text: str,
    cleaned: str,
    lexicon: _Lexicon,
    units: frozenset[str],
    beside: frozenset[str] = frozenset(),
) -> Interpretation:
    # A number among other words may be about something else ("I have 3 children", "not 8
    # hours", "less than 2"): it is offered for the participant to confirm, never taken.
    in_sentence = not _only_numbers(cleaned, lexicon, units) or bool(QUESTION_MARK.search(text))
    if _negated(cleaned, lexicon):
        if _limited(cleaned, lexicon):
            in_sentence = True  # "not more than 2 hours": the most, 2, offered to confirm
        elif not _or_between(cleaned, lexicon) or _negation_before_number(text, lexicon):
            return NOTHING  # "not 8 hours": which then? Ask again.
        # "6 or 7 years, I don't remember well": the two are offered to choose from
    span = _clock_span(cleaned, lexicon, units, question.maximum, text) if question.clock else None
    if span is not None and span.or_range:
        # "from 8 to 12", "7 to 9": 12 or 9 hours cannot be the answer, so times of the day
        # (4 hours between) or a range whose first number is the answer: both offered
        first = _numbers_in(text, cleaned, lexicon, units=units)[0]
        most = question.maximum if question.maximum is not None else first
        both = tuple(sorted(n for n in {span.hours, first} if n <= most))
        if len(both) == 1:  # "10 to 12": 10 hours cannot be the answer either
            return Interpretation(both[0], 0.6, confirm=True)
        return Interpretation(None, 0.5, numbers=both)
    if span is not None and (question.maximum is None or span.hours <= question.maximum):
        # "поки дитина в садочку, з 9 до 15" (while my child is at kindergarten, 9 to 15)
        return Interpretation(span.hours, 0.6, confirm=True)
    parts = _numbers_in(text, cleaned, lexicon, repeated=True, units=units | beside, ordinals=True)
    if set(cleaned.split()) & beside:
        in_sentence = True  # "åk 3 gymnasiet", "sfi class 2": a grade is no number of years
    if _ordinal(text, cleaned, lexicon) or _times(cleaned, lexicon) or _composed(cleaned, lexicon):
        # "sixth grade", "a third", "2 times", "2x"; "мне двадцать пять" (I am 25: an age, a
        # number in words is as easily said about something else): confirmed first
        in_sentence = True
    low, high = question.minimum, question.maximum
    if question.total and 2 <= len(parts) <= MAX_PARTS and _joined(text, cleaned, lexicon):
        # "12 years school and 4 years university": the total asked for, offered to confirm;
        # "6 + 3 = 9", "6 and 3, so 9": the total is written, offered as it is.
        written = len(parts) > 2 and 2 * parts[-1] == sum(parts)  # the last one: the total
        total = parts[-1] if written else sum(parts)
        if (low is None or total >= low) and (high is None or total <= high):
            return Interpretation(total, 0.6, confirm=True)
        return NOTHING
    found = list(dict.fromkeys(parts))  # "12, 12", "፲፪ (12)": one number, written twice
    possible = [n for n in found if (low is None or n >= low) and (high is None or n <= high)]
    if len(found) > 1 and PARTS_OF_ONE.search(text):
        return NOTHING  # "1.5", "2,5 hours", "12/05/1990": one number, not a whole one: ask
    if len(found) > 1:
        # "since 2015 I have back pain, maybe 2 hours": the one number that can be an answer,
        # offered to confirm, unless added to another ("twelve + 4"); "2 or 3 hours": which
        # one? Both are offered. Parts of a total not said to be added up ("6 years primary,
        # 3 years secondary") are asked again: offering a part would store less than the whole.
        either = len(found) == 2 and _or_between(cleaned, lexicon)  # "6 or 7 years": no total
        if 1 < len(possible) <= MAX_OFFERED and (not question.total or either):
            return Interpretation(None, 0.5, numbers=tuple(sorted(possible)))
        alone = len(possible) == 1 and not _joined(text, cleaned, lexicon)  # not "twelve + 4"
        found, in_sentence = (possible if alone else []), True
    if len(found) != 1 or not possible:
        return NOTHING  # no number, too many, or one outside what the question allows
    number = found[0]
    if in_sentence:
        return Interpretation(number, 0.7, confirm=True)
    return Interpretation(number, 1.0 if re.search(r"\d", cleaned) else 0.9)


def _year(
    question: Question, text: str, cleaned: str, locale: str, lexicon: _Lexicon, today: date | None
) -> Interpretation:
    # A birth year among other words may be someone else's ("my son was born in 2015"): it is
    # offered to confirm, never taken. Only a year on its own is taken as it is.
    in_sentence = len(cleaned.split()) > 1 or bool(QUESTION_MARK.search(text))  # "1990?"
    found = _numbers_in(text, cleaned, lexicon, ordinals=True, years=True)
    low, high = year_range(question, today)
    full = _in_full(found, text, cleaned, lexicon)
    if all(low <= n <= high for n in full if n not in found):
        found = full  # "1965 or 66"; not "۱۳۷۰ یا ۷۱", a Solar Hijri year and the next
    if len(found) > 1:
        # A date ("12/05/1990", "1990-05-12"): the one number of four digits is the year.
        years = [n for n in found if 1000 < n <= 9999]  # "a thousand thanks" is no year
        found, in_sentence = (years, True) if len(years) == 1 else ([], in_sentence)
        possible = tuple(n for n in years if low <= n <= high)
        plain = not _calendar(cleaned, lexicon) and not _negation_before_number(text, lexicon)
        if 1 < len(possible) <= MAX_OFFERED and plain:
            # "in the passport 1990, but really I was born 1993", "1965 or 66": which one?
            # Both offered. Not "not 1990, 1993" (which then?), nor years of another calendar
            # (1982 ዓ.ም).
            return Interpretation(None, 0.5, numbers=tuple(sorted(possible)))
    if len(found) != 1:
        return NOTHING
    year = found[0]
    calendar = _calendar(cleaned, lexicon)
    if calendar == "ethiopian":
        converted = year + 8  # most of Ethiopian year Y falls in Gregorian Y + 8
        if low <= converted <= high:
            return Interpretation(converted, 0.9, calendar="ethiopian", typed_year=year)
        return NOTHING
    solar_range = (low - 622, high - 621)
    if (
        (calendar == "solar_hijri" or locale in SOLAR_HIJRI_LOCALES)
        and solar_range[0] <= year <= solar_range[1]
        and not low <= year <= high
    ):
        return _solar_hijri(year)
    if low <= year <= high:
        return Interpretation(year, 0.7, confirm=True) if in_sentence else Interpretation(year, 1.0)
    if year < 100 and _short_year(text, cleaned, year, lexicon):
        return _in_century(year, locale, low, high)
    return NOTHING


def _solar_hijri(year: int) -> Interpretation:
    converted = year + 621  # Farvardin-Dey of Solar Hijri year Y fall in Gregorian Y + 621
    return Interpretation(converted, 0.9, calendar="solar_hijri", typed_year=year)


MAX_YEARS_APART = 5  # "1965 or 66": a year and one soon after, as people unsure of it write


def _in_full(found: list[int], text: str, cleaned: str, lexicon: _Lexicon) -> list[int]:
    """Two digits after a year and a word for "or" or a "/" are a year of the same century,
    soon after it: "1965 or 66", "1965/66"; not an age ("1985, 39 years old"), a month
    ("2001/12") or a date ("1990-12-05")."""
    words = [*cleaned.split(), ""]
    full = list(found)
    for at, word in enumerate(words[:-1]):
        if not (len(word) == 4 and word.isdigit()):
            continue
        said_or = words[at + 1] in lexicon.alternatives
        short = words[at + 2] if said_or else words[at + 1]
        if not (len(short) == 2 and short.isdigit() and int(short) in full):
            continue
        slash = re.search(rf"{word}\s*/\s*{short}(?!\d)", ascii_digits(text))
        apart = int(short) - int(word[2:])
        if (said_or or slash) and 0 < apart <= MAX_YEARS_APART:
            full[full.index(int(short))] = int(word[:2]) * 100 + int(short)
    return list(dict.fromkeys(full))


# Two digits marked as a year: "'89", "-89" (a mark written before), as people shorten a year;
# "83м", "83-го", "86-му" (a case ending after, also on a day: "12-го марта").
_MARKED_BEFORE = re.compile(r"(?:^|\s)['’‘`´-]\s?\d\d(?!\d)")
_SHORT_YEAR = re.compile(
    r"(?<!\d)\d\d\s?-?\s?(?:м|му|ом|го|ого)(?!\w)", re.IGNORECASE
)  # not "45-й"


LAST_DAY = 31  # two digits up to this may be a day of the month: "born 12 may", "12-го марта"


def _short_year(text: str, cleaned: str, year: int, lexicon: _Lexicon) -> bool:
    """Two digits meant as a year: written before with a mark ("'89", "-89"), or above 31 (no
    day of a month) with a case ending ("83-го") or a word for born ("متولد ۷۲", "born 89").
    Not two digits alone ("45" may be an age) nor a day ("born 12 may")."""
    if f"{year:02d}" not in cleaned.split() and not _SHORT_YEAR.search(text):
        return False  # a word ("first") or a number written otherwise
    if _MARKED_BEFORE.search(text):
        return True
    if year <= LAST_DAY:
        return False
    padded = f" {cleaned} "
    return bool(_SHORT_YEAR.search(text)) or any(f" {w} " in padded for w in lexicon.born)


SHORT_SOLAR_HIJRI_LOCALES = (
    "fa",
    "fa_AF",
    "ps",
)  # "متولد ۷۲" is 1372, as Iran and Afghanistan count


def _in_century(short: int, locale: str, low: int, high: int) -> Interpretation:
    """A year given in two digits, always confirmed: 72 is 1372 in Persian, Dari and Pashto
    (shown as 1993), else 1972; where both 19.. and 20.. may be meant, both are offered."""
    if locale in SHORT_SOLAR_HIJRI_LOCALES:
        solar = 1300 + short
        return _solar_hijri(solar) if low <= solar + 621 <= high else NOTHING
    years = tuple(y for y in (1900 + short, 2000 + short) if low <= y <= high)
    if len(years) == 2:
        return Interpretation(None, 0.5, numbers=years)
    return Interpretation(years[0], 0.7, confirm=True) if years else NOTHING


MAX_BEFORE_NUMBER = 3  # "not 1990", "I don't know 2 or 3": a negation this close is about it


def _negation_before_number(text: str, lexicon: _Lexicon) -> bool:
    """A negation in the same part of the reply as a number, at most three words before it
    ("not 1990, 1993"); not "I don't know exactly, maybe 1970 or 1971"."""
    number_words = {phrase for phrase in lexicon.numbers if " " not in phrase}  # "نه": nine
    for part in CLAUSE.split(text):
        words = normalise(part).split()
        for at, word in enumerate(words):
            if lexicon.negates(word) and word not in number_words:
                near = words[at + 1 : at + 1 + MAX_BEFORE_NUMBER]
                if any(w.isdigit() or w in number_words for w in near):
                    return True
    return False


def _calendar(cleaned: str, lexicon: _Lexicon) -> str | None:
    """The calendar a reply names by a word of typing ``ethiopian`` or ``solar_hijri`` ("1982
    ዓ.ም", "۱۳۶۵ ش", "1365 in the Afghan calendar"), also written onto the year ("1982ዓ.ም"),
    else None."""
    spaced = _DIGITS_ONTO.sub(r"\1 \2", cleaned)
    padded = f" {spaced} "
    for calendar, words in (("ethiopian", lexicon.ethiopian), ("solar_hijri", lexicon.solar_hijri)):
        if any(f" {w} " in padded for w in words):
            return calendar
    return None


_DIGITS_ONTO = re.compile(r"(\d)([^\d\s])")  # "1982ዓ ም": the year, then its marker


def too_long(cleaned: str) -> bool:
    """A number of ten digits or more: no answer to any question."""
    return bool(re.search(r"\d{10,}", cleaned))


def _rating(
    question: Question, text: str, cleaned: str, lexicon: _Lexicon
) -> Interpretation | None:
    """A number on a scale whose options are numbers (0-10); None when the reply has none."""
    top = max(int(o.code) for o in question.options)
    if re.search(r"\d\s*/\s*\d", text):
        # A rating out of the top of the scale ("7/10", "٧/١٠") is taken; any other "x/y"
        # ("5/5", "8/10 maybe") is asked again.
        rated = re.fullmatch(r"\s*(\d{1,2})\s*/\s*(\d{1,2})[\s.!،,]*", text)
        if rated and int(rated[2]) == top and question.option(str(int(rated[1]))):
            return Interpretation(str(int(rated[1])), 1.0)
        return NOTHING
    found = _numbers_in(text, cleaned, lexicon)
    if len(found) == 1 and question.option(str(found[0])):
        if _negated(cleaned, lexicon):
            return NOTHING  # "not 10": which then? Ask again.
        in_words = _composed(cleaned, lexicon)  # "nothing good", "ничего хорошего": no 0
        if not _only_numbers(cleaned, lexicon) or QUESTION_MARK.search(text) or in_words:
            # "I have 3 kids and life is heavy", "7?": asked, never taken.
            return Interpretation(None, 0.7, (str(found[0]),))
        return Interpretation(str(found[0]), 1.0)
    if len(found) > 1:
        codes = tuple(str(n) for n in found if question.option(str(n)))[:3]
        return Interpretation(None, 0.5, codes) if len(codes) > 1 else NOTHING
    return None
