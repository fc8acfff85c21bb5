"""The immutable questionnaire model that the loader builds from a YAML file.

Participant-facing texts are English source strings (gettext msgids) translated through the
catalogs in ``locales/`` with a context per question; texts for the caseworker's summary are
written in Swedish in the file itself.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from intake.questionnaire.conditions import Condition


class QuestionType(StrEnum):
    SINGLE = "single"
    MULTIPLE = "multiple"
    YESNO = "yesno"
    SCALE = "scale"
    NUMBER = "number"
    YEAR = "year"
    TEXT = "text"
    CONSENT = "consent"

    @property
    def has_options(self) -> bool:
        return self in _OPTION_TYPES


_OPTION_TYPES = frozenset(
    {
        QuestionType.SINGLE,
        QuestionType.MULTIPLE,
        QuestionType.YESNO,
        QuestionType.SCALE,
        QuestionType.CONSENT,
    }
)


class FlagLevel(StrEnum):
    URGENT = "urgent"
    ATTENTION = "attention"
    INFO = "info"


@dataclass(frozen=True)
class Option:
    code: str
    label: str  # msgid
    value: float | None = None  # used by scores and numeric conditions
    context: str = ""  # msgctxt of the label
    exclusive: bool = False  # in a multiple choice: cannot be combined with other options
    note: str = ""  # for translators (the option set's note)
    synonyms: str = ""  # msgid: other ways people type this answer, separated by "|"
    combines: tuple[str, ...] = ()  # codes this option means together ("both": work, studies)
    per_week: tuple[float, float] | None = None  # how often it means, times a week: (low, high)

    @property
    def synonyms_context(self) -> str:
        return f"{self.context}:synonyms:{self.code}"


def level_entries(levels: str) -> tuple[tuple[str, int] | None, ...]:
    """The "words=years" entries of a ``levels`` text ("finished high school=12|bachelor=16"):
    (words, years) each, None for an entry not written so."""
    entries: list[tuple[str, int] | None] = []
    for entry in levels.split("|"):
        words, _, years = entry.rpartition("=")
        ok = bool(words.strip()) and years.strip().isdigit()
        entries.append((words.strip(), int(years)) if ok else None)
    return tuple(entries)


@dataclass(frozen=True)
class Question:
    id: str
    type: QuestionType
    text: str  # msgid
    summary_label: str  # Swedish, used in the referral summary
    translator_note: str
    section_id: str
    summary_section: str
    line: int
    context: str  # msgctxt for the question's own texts
    why: str | None = None  # msgid
    options: tuple[Option, ...] = ()
    when: Condition | None = None
    minimum: float | None = None
    maximum: float | None = None
    unit: str | None = None  # msgid, for number questions: shown after the number box
    # msgids, singular and plural: the number with its unit ("%(num)s hour", "%(num)s hours")
    count: tuple[str, str] | None = None
    zero: str | None = None  # msgid: ways people say "none" to a number question, "|"-separated
    full: str | None = None  # msgid: ways people say the most ("full time"), "|"-separated
    half: str | None = None  # msgid: ways people say half the most ("half a day", "part time")
    total: bool = False  # a number question asking for a total: parts typed may be added up
    clock: bool = False  # hours a day: "from 8 to 2" (times of the day) is the hours between
    aid: str | None = None  # msgid: "glasses|my glasses": the question asks about using the aid
    unit_words: str | None = None  # msgid: "grade|class": more words a number stands beside
    # msgid: "finished high school=12|bachelor=16": levels of school finished, with the years
    # each means in total; translated with their numbers (school systems differ)
    levels: str | None = None
    # msgid: "no hope|tired of life": words that show risk without naming an answer; a reply
    # that says one is never read as the least answer (the self-harm question's "No")
    worrying: str | None = None
    # msgids per option code: ways people type that answer to this question only ("I am blind"
    # is "I cannot do it at all" when asked about seeing), "|"-separated
    synonyms: tuple[tuple[str, str], ...] = ()
    max_length: int = 500
    skippable: bool = True
    recipient: str | None = None  # consent questions: who may read or receive the answers
    required_consent: bool = False  # declining ends the intake

    def option(self, code: str) -> Option | None:
        return next((o for o in self.options if o.code == code), None)

    @property
    def option_codes(self) -> tuple[str, ...]:
        return tuple(o.code for o in self.options)

    @property
    def scale_values(self) -> dict[str, float]:
        """Each answer's value on the scale, in the options' order; none unless every option
        has one."""
        values = {o.code: o.value for o in self.options if o.value is not None}
        return values if self.options and len(values) == len(self.options) else {}

    def synonyms_context(self, code: str) -> str:
        """msgctxt of this question's own synonyms for the answer ``code``."""
        return f"{self.context}:synonyms:{code}"

    @property
    def count_context(self) -> str:
        """msgctxt of the number with its unit (a plural entry)."""
        return f"{self.context}:count"


@dataclass(frozen=True)
class Section:
    id: str
    title: str  # msgid
    context: str
    question_ids: tuple[str, ...]
    intro: str | None = None  # msgid


@dataclass(frozen=True)
class Band:
    minimum: float
    maximum: float
    label: str  # Swedish


@dataclass(frozen=True)
class Score:
    id: str
    label: str  # Swedish
    question_ids: tuple[str, ...]
    bands: tuple[Band, ...]
    line: int

    @property
    def range_note(self) -> str:
        low = min(b.minimum for b in self.bands)
        high = max(b.maximum for b in self.bands)
        return f"{low:g}–{high:g}"

    def band(self, value: float) -> Band | None:
        return next((b for b in self.bands if b.minimum <= value <= b.maximum), None)


@dataclass(frozen=True)
class Flag:
    id: str
    level: FlagLevel
    when: Condition
    summary: str  # Swedish
    crisis: bool
    line: int


@dataclass(frozen=True)
class NextStep:
    id: str
    flags: tuple[str, ...]
    text: str  # Swedish


@dataclass(frozen=True)
class SummarySection:
    id: str
    title: str  # Swedish


@dataclass(frozen=True)
class CrisisLine:
    number: str
    name: str  # msgid
    text: str  # msgid
    context: str
    chat_url: str | None = None


# The typing block's word lists read as sets of words ("not|no|never"), each a field of
# ``Typing`` and a msgid of the catalogs (msgctxt "<questionnaire>:typing:<name>").
WORD_LISTS = (
    "negations",
    "intensifiers",
    "contrasts",
    "limits",
    "others",
    "pronouns",
    "weeks",
    "months",
    "without",
    "positive",
    "times",
    "born",
    "alternatives",
    "not_understood",
    "no_day",
    "until",
    "comparisons",
    "solar_hijri",
    "ethiopian",
    "lately",
    "me",
)
TYPING_TEXTS = ("note", "separators", *WORD_LISTS)  # one text each
TYPING_LISTS = ("numbers", "more_numbers", "ordinals")  # words per number


@dataclass(frozen=True)
class Typing:
    """Words for understanding typed answers; msgids, so every locale has its own."""

    context: str
    note: str = ""  # for translators
    negations: str = ""  # "not|no|don't|never": a negated answer is never taken as given
    separators: str = ""  # "and|,": between several answers to a multiple-choice question
    intensifiers: str = ""  # "very|really": make an answer stronger ("very bad" is not "bad")
    numbers: tuple[str, ...] = ()  # numbers[n]: words for n, separated by "|"
    contrasts: str = ""  # "but|however": a negation after one is about something else
    limits: str = ""  # "more|longer": with a negation, a number is the most ("not more than 2")
    others: str = ""  # "my husband|my mother": a reply that starts with one is about them
    pronouns: str = ""  # "i": often left out, so "i can't sleep" is also "can't sleep"
    weeks: str = ""  # "week|weekly": "2 or 3 times a week" says how often
    without: str = ""  # "without": "without glasses I see nothing" is not an answer about them
    positive: str = ""  # "good|fine": "very good" is no "very hard"
    times: str = ""  # "time|times": "2 times" is a count of times, never 2 hours or years
    months: str = ""  # "month|monthly": "once a month"
    born: str = ""  # "born|i was born": a two-digit number with one is a year ("born 89")
    alternatives: str = ""  # "or": "6 or 7 years", "1965 or 66": numbers to choose from
    not_understood: str = ""  # "i don't understand": no answer, whatever words are in it
    no_day: str = ""  # "there is no day": with a "not" after it, every day ("... without pain")
    until: str = ""  # "to|until": between two times of the day ("from 8 to 2": 6 hours)
    comparisons: str = ""  # "less|more|at least": "less than half a day" is no half a day
    solar_hijri: str = ""  # "shamsi|ش": a year marked so is of the Solar Hijri calendar
    ethiopian: str = ""  # "ethiopian|ዓ.ም": a year marked so is of the Ethiopian calendar
    lately: str = ""  # "lately|these days": the time a question asks about, no answer's words
    me: str = ""  # "me": with "I" (pronouns), a reply about oneself, not about another person
    ordinals: tuple[str, ...] = ()  # ordinals[n]: "sixth" for 6 ("" for none): always confirmed
    # (n, words) for tens, hundreds and thousand: "thirty", "девятьсот", "thousand"; 100 and
    # 1000 multiply the number before them, the others add up ("nine hundred ninety")
    more_numbers: tuple[tuple[int, str], ...] = ()

    def numbers_context(self, n: int) -> str:
        return f"{self.context}:numbers:{n}"

    def ordinals_context(self, n: int) -> str:
        return f"{self.context}:ordinals:{n}"


@dataclass(frozen=True)
class Recipient:
    id: str
    name: str  # Swedish, for the summary


@dataclass(frozen=True)
class Questionnaire:
    id: str
    version: str
    path: str
    title: str  # msgid
    estimated_minutes: int
    sections: tuple[Section, ...]
    questions: tuple[Question, ...]
    scores: tuple[Score, ...]
    flags: tuple[Flag, ...]
    next_steps: tuple[NextStep, ...]
    summary_sections: tuple[SummarySection, ...]
    summary_title: str  # Swedish
    disclaimer: str  # Swedish
    recipients: tuple[Recipient, ...]
    crisis_lines: tuple[CrisisLine, ...]
    typing: Typing = field(default_factory=lambda: Typing(""))
    _by_id: dict[str, Question] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        self._by_id.update({q.id: q for q in self.questions})

    @property
    def context(self) -> str:
        """msgctxt of the questionnaire's own title."""
        return f"{self.id}:questionnaire"

    def question(self, question_id: str) -> Question:
        return self._by_id[question_id]

    def has_question(self, question_id: str) -> bool:
        return question_id in self._by_id

    def section(self, section_id: str) -> Section:
        return next(s for s in self.sections if s.id == section_id)

    def recipient(self, recipient_id: str) -> Recipient | None:
        return next((r for r in self.recipients if r.id == recipient_id), None)

    @property
    def consent_questions(self) -> tuple[Question, ...]:
        return tuple(q for q in self.questions if q.type is QuestionType.CONSENT)
