"""Understand an answer typed instead of tapped: ``interpret(question, text, locale)``.

For choice, yes/no and scale questions the text is matched (rapidfuzz) against the option labels
in that locale and the synonyms people type (``synonyms`` in the questionnaire, translated per
locale in the catalogs: "آره", "ኣይ", "yes a little"). Numbers may be written in any digits
(Arabic-Indic ٣, Extended Arabic-Indic ۳, Ethiopic ፫) or as words for small numbers; a birth year
in the Solar Hijri or the Ethiopian calendar is converted to the Gregorian year, for the
participant to confirm.

Never picks an answer silently below the threshold: a clear match has a value; an ambiguous one
has ``candidates`` (2-3 option codes) to ask about; no match has neither.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cache, lru_cache

import yaml
from rapidfuzz import fuzz

from intake.i18n import Catalogs, Translator
from intake.questionnaire.model import Option, Question, QuestionType, Typing
from intake.records import AnswerValue
from intake.settings import PROJECT_ROOT
from intake.validation import year_range

CLEAR = 88.0  # a match at least this good, and clearly better than the next, is taken
AMBIGUOUS = 72.0  # matches at least this good are offered as candidates
MARGIN = 12.0  # how much better the best match must be than the next to be taken
SOLAR_HIJRI_LOCALES = ("fa", "fa_AF", "ps", "ckb")
ETHIOPIAN_MARKERS = ("ዓ.ም", "ዓም", "ዓ/ም", "ዓ. ም", "e.c", "ec", "ethiopian")
SOLAR_HIJRI_MARKERS = ("ش", "هـ ش", "ه ش", "هش", "شمسی", "خورشیدی", "hijri", "sh")


@dataclass(frozen=True)
class Interpretation:
    value: AnswerValue | None  # an option code, codes, a number or year; None when unclear
    confidence: float  # 0 to 1
    candidates: tuple[str, ...] = ()  # option codes to ask about when ambiguous
    calendar: str | None = None  # "solar_hijri" or "ethiopian" when a year was converted
    typed_year: int | None = None  # the year as written, before conversion
    confirm: bool = False  # a number read from a sentence: shown to the participant to confirm

    @property
    def clear(self) -> bool:
        return self.value is not None

    @property
    def asks(self) -> bool:
        """The value is a reading for the participant to confirm before it is stored."""
        return self.confirm or self.calendar is not None


NOTHING = Interpretation(None, 0.0)

_ARABIC_UNIFY = str.maketrans(
    {"ي": "ی", "ى": "ی", "ك": "ک", "ة": "ه", "أ": "ا", "إ": "ا", "آ": "ا", "ؤ": "و", "ئ": "ی"}
)
# Pashto and Sorani letters people type as their Persian look-alikes on a Persian or Arabic
# keyboard ("دیر شه" for "ډېر ښه", "زور" for "زۆر"): read the same either way.
_PLAIN_LETTERS = str.maketrans(
    {
        "ډ": "د", "ښ": "ش", "ړ": "ر", "ږ": "ژ", "ګ": "گ", "ټ": "ت", "ڼ": "ن", "ې": "ی", "ۍ": "ی",
        "ە": "ه", "ێ": "ی", "ۆ": "و", "ڕ": "ر", "ڵ": "ل", "ڤ": "ف",
    }
)  # fmt: skip
_DROP = dict.fromkeys(map(ord, "\u200c\u200d\u0640"), None)  # ZWNJ, ZWJ, tatweel
_PUNCT = re.compile(r"[^\w\s]+")


_NEGATION_JOINED = re.compile("(?<!\\S)نه\u200c")


def normalise(text: str) -> str:
    """Case, diacritics, Arabic-script variants (Pashto and Sorani letters typed as Persian
    ones too), tatweel and ZWNJ made uniform; digits ASCII."""
    text = _NEGATION_JOINED.sub("نه ", text)  # Pashto "نه‌خوږیږي": "نه" and a verb, not one word
    text = unicodedata.normalize("NFKD", text.casefold()).translate(_DROP)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = unicodedata.normalize("NFC", text).translate(_ARABIC_UNIFY).translate(_PLAIN_LETTERS)
    text = text.replace("'", "").replace("’", "")  # don't = dont
    text = "".join(str(unicodedata.decimal(ch)) if ch.isdecimal() else ch for ch in text)
    return " ".join(_PUNCT.sub(" ", text).split())


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


@cache
def _default_catalogs() -> Catalogs:
    return Catalogs(PROJECT_ROOT / "locales")


def _words(translated: str) -> list[str]:
    return [w for w in (normalise(part) for part in translated.split("|")) if w]


@dataclass(frozen=True)
class _NegativeVerb:
    """Words that start with ``prefix`` and end with ``suffix`` are negative verbs."""

    prefix: str
    suffix: str = ""
    shortest: int = 1
    unlike: tuple[str, ...] = ()  # beginnings of words that only look like one (navîn, night)

    def matches(self, word: str) -> bool:
        return (
            len(word) >= self.shortest
            and word.startswith(self.prefix)
            and word.endswith(self.suffix)
            and not word.startswith(self.unlike)
        )


@dataclass(frozen=True)
class _Lexicon:
    """The words of one locale for typed answers."""

    numbers: dict[str, int]
    negations: frozenset[str]
    separators: tuple[str, ...]
    intensifiers: frozenset[str]
    contrasts: frozenset[str] = frozenset()
    negative_verbs: tuple[_NegativeVerb, ...] = ()
    answer_words: frozenset[str] = frozenset()  # words of the question's answers and numbers
    # Words already looked at, for one reading: a fresh copy of the lexicon per reply
    # (``_for_one_reply``), so no word a participant typed is kept after it.
    seen: dict[str, bool] = field(default_factory=dict, init=False, compare=False, repr=False)

    def negates(self, word: str) -> bool:
        """A negation word, or a negative verb written as one word (Persian نمی‌بینم)."""
        hit = self.seen.get(word)
        if hit is None:
            hit = word in self.negations or any(v.matches(word) for v in self.negative_verbs)
            self.seen[word] = hit
        return hit


def _lexicon(typing: Typing, texts: Iterable[Translator]) -> _Lexicon:
    numbers: dict[str, int] = {}
    negations: set[str] = set()
    intensifiers: set[str] = set()
    contrasts: set[str] = set()
    separators: list[str] = []
    for t in texts:
        for number, words in enumerate(typing.numbers):
            for word in _words(t.pgettext(typing.numbers_context(number), words)):
                numbers.setdefault(word, number)
        if typing.negations:
            negations.update(_words(t.pgettext(typing.context + ":negations", typing.negations)))
        if typing.separators:
            separators += _words(t.pgettext(typing.context + ":separators", typing.separators))
        if typing.intensifiers:
            intensifiers.update(
                _words(t.pgettext(typing.context + ":intensifiers", typing.intensifiers))
            )
        if typing.contrasts:
            contrasts.update(_words(t.pgettext(typing.context + ":contrasts", typing.contrasts)))
    return _Lexicon(
        numbers,
        frozenset(negations),
        tuple(dict.fromkeys(separators)),
        frozenset(intensifiers),
        frozenset(contrasts),
    )


def _phrases(question: Question, texts: Iterable[Translator]) -> dict[str, list[str]]:
    """Every phrase that means each option, in the given languages."""
    result: dict[str, list[str]] = {o.code: [] for o in question.options}
    for t in texts:
        for option in question.options:
            result[option.code] += _words(t.pgettext(option.context, option.label))
            if option.synonyms:
                result[option.code] += _words(t.pgettext(option.synonyms_context, option.synonyms))
    return {code: list(dict.fromkeys(p)) for code, p in result.items()}


def _translators(catalogs: Catalogs, locales: tuple[str, ...]) -> list[Translator]:
    return [catalogs.translator(code) for code in locales if code in catalogs.infos or code == "en"]


NEGATIVE_VERBS = PROJECT_ROOT / "intake" / "data" / "negative-verbs.yaml"


@cache
def _negative_verb_forms() -> dict[str, tuple[_NegativeVerb, ...]]:
    data = yaml.safe_load(NEGATIVE_VERBS.read_text(encoding="utf-8")) or {}
    return {
        locale: tuple(
            _NegativeVerb(
                normalise(f["prefix"]),
                normalise(f.get("suffix", "")),
                int(f.get("min", 1)),
                tuple(normalise(w) for w in f.get("except", ())),
            )
            for f in forms
        )
        for locale, forms in data.items()
    }


@lru_cache(maxsize=4096)
def _cached_lexicon(catalogs: Catalogs, typing: Typing, locales: tuple[str, ...]) -> _Lexicon:
    forms = _negative_verb_forms()
    verbs = tuple(dict.fromkeys(f for code in locales for f in forms.get(code, ())))
    return replace(_lexicon(typing, _translators(catalogs, locales)), negative_verbs=verbs)


@lru_cache(maxsize=4096)
def _cached_units(
    catalogs: Catalogs, question: Question, locales: tuple[str, ...]
) -> frozenset[str]:
    """The words of a number question's unit ("hours", "ساعت"), in the given languages."""
    if not question.unit:
        return frozenset()
    texts = _translators(catalogs, locales)
    return frozenset(
        w for t in texts for w in normalise(t.pgettext(question.context, question.unit)).split()
    )


@lru_cache(maxsize=4096)
def _cached_zero(
    catalogs: Catalogs, question: Question, locales: tuple[str, ...]
) -> tuple[str, ...]:
    """Ways of saying "none" to a number question (its ``zero`` words), in those languages."""
    if not question.zero:
        return ()
    texts = _translators(catalogs, locales)
    words = [
        w for t in texts for w in _words(t.pgettext(question.context + ":zero", question.zero))
    ]
    return tuple(dict.fromkeys(words))


MAX_WORDS_BESIDE_NONE = 2  # "I never went to school at all"; not "... in Sweden, only at home"


def _says_none(cleaned: str, phrases: tuple[str, ...]) -> bool:
    """The reply is one of the phrases, or holds one of two words or more and little else."""
    padded, size = f" {cleaned} ", len(cleaned.split())
    return any(
        cleaned == p
        or (" " in p and f" {p} " in padded and size - len(p.split()) <= MAX_WORDS_BESIDE_NONE)
        for p in phrases
    )


@lru_cache(maxsize=4096)
def _cached_phrases(
    catalogs: Catalogs, question: Question, locales: tuple[str, ...]
) -> dict[str, list[str]]:
    return _phrases(question, _translators(catalogs, locales))


@lru_cache(maxsize=4096)
def _question_lexicon(
    catalogs: Catalogs, typing: Typing, question: Question, locales: tuple[str, ...]
) -> _Lexicon:
    """The locales' words, knowing which words are this question's answers and numbers."""
    lexicon = _cached_lexicon(catalogs, typing, locales)
    phrases = _cached_phrases(catalogs, question, locales)
    words = {w for options in phrases.values() for p in options for w in p.split()}
    words |= {w for number in lexicon.numbers for w in number.split()}
    return replace(lexicon, answer_words=frozenset(words))


def interpret(
    question: Question,
    text: str,
    locale: str,
    *,
    catalogs: Catalogs | None = None,
    typing: Typing | None = None,
    also: Iterable[str] = (),
    today: date | None = None,
) -> Interpretation:
    """What a typed reply means for ``question``, read in ``locale`` (and English).

    ``also`` names more locales whose words to accept (the language the text was detected
    in); ``typing`` holds the questionnaire's number words and negations.
    """
    catalogs = catalogs or _default_catalogs()
    locales = tuple(dict.fromkeys([locale, *also, "en"]))
    # a copy for this reply alone: its memo of negations holds this reply's words only
    lexicon = replace(_question_lexicon(catalogs, typing or Typing(""), question, locales))
    cleaned = normalise(text)
    if not cleaned or re.search(r"\d{10,}", cleaned):
        return NOTHING  # nothing typed, or a number too long to be an answer: ask again
    kind = question.type
    if kind is QuestionType.YEAR:
        return _year(question, text, cleaned, locale, lexicon, today)
    if kind is QuestionType.NUMBER:
        units = _cached_units(catalogs, question, locales)
        number = _number(question, text, cleaned, lexicon, units)
        if (
            number is NOTHING
            and not _numbers_in(text, cleaned, lexicon)  # "no school here, 12 years at home"
            and _says_none(cleaned, _cached_zero(catalogs, question, locales))
        ):
            return Interpretation(0, 0.7, confirm=True)  # "I never went to school": 0?
        return number
    if not kind.has_options:
        return NOTHING
    if kind is QuestionType.SCALE and all(o.code.isdigit() for o in question.options):
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
            if not _only_numbers(cleaned, lexicon) or QUESTION_MARK.search(text):
                # "I have 3 kids and life is heavy", "7?": asked, never taken.
                return Interpretation(None, 0.7, (str(found[0]),))
            return Interpretation(str(found[0]), 1.0)
        if len(found) > 1:
            codes = tuple(str(n) for n in found if question.option(str(n)))[:3]
            return Interpretation(None, 0.5, codes) if len(codes) > 1 else NOTHING
    phrases = _cached_phrases(catalogs, question, locales)
    if kind is QuestionType.MULTIPLE:
        chosen_many = _multiple(question, cleaned, phrases, lexicon)
        return NOTHING if chosen_many.clear and QUESTION_MARK.search(text) else chosen_many
    lowest = _lowest(question) if kind is QuestionType.SCALE else None
    chosen = _choose(
        cleaned,
        phrases,
        lexicon,
        question.options,
        lowest,
        scale=kind is QuestionType.SCALE,
    )
    if chosen.clear and QUESTION_MARK.search(text):
        # "yes? what does it mean": a question back, not an answer. Alone ("yes?") offered.
        short = len(cleaned.split()) <= 2
        return Interpretation(None, chosen.confidence, (str(chosen.value),)) if short else NOTHING
    return chosen


def _lowest(question: Question) -> str | None:
    """The least answer of a scale ("Not at all", "Never"), when its options have values."""
    if not question.options or any(o.value is None for o in question.options):
        return None
    return min(question.options, key=lambda o: o.value or 0.0).code


def _score(
    reply: str,
    phrase: str,
    lexicon: _Lexicon,
    scale: bool = False,
    same: frozenset[str] = frozenset(),
) -> float:
    """How well a reply matches one phrase (0-100). ``scale``: a how-often or how-hard
    question, where an answer first and a sentence after ("every night I sleep well") may say
    how often something else happens. ``same``: the option's one-word phrases ("no", "never":
    "no no, never" says one thing)."""
    if reply == phrase:
        return 100.0
    reply_words = reply.split()
    phrase_words = phrase.split()

    def adds(words: frozenset[str]) -> bool:
        """The reply has one of ``words`` that the phrase does not have."""
        return any(w in words for w in reply_words) and not any(w in words for w in phrase_words)

    negated = any(lexicon.negates(w) for w in reply_words) and not any(
        lexicon.negates(w) for w in phrase_words
    )
    size = len(phrase_words)
    at = next((i for i in range(len(reply_words)) if reply_words[i : i + size] == phrase_words), -1)
    if at >= 0:
        # The phrase is said in the reply ("yes sometimes" holds "sometimes"): good, unless the
        # reply turns it around ("not often"), makes it stronger ("very bad" holds "bad"), or
        # says much more than the phrase.
        if any(lexicon.negates(w) for w in phrase_words) and _after_contrast(
            reply_words, at, lexicon
        ):
            # "I want to die, but I never tried": the "never" after the "but" answers nothing.
            return 50.0
        if scale and any(lexicon.negates(w) for w in phrase_words):
            others = [
                i
                for i, w in enumerate(reply_words)
                if lexicon.negates(w) and w not in same and not at <= i < at + size
            ]
            if any(i < at for i in others) or len([i for i in others if i >= at + size]) >= 2:
                # Negations that turn it around: "هیچ روزی نیست که درد نداشته باشم" (there is no
                # day I have no pain) is every day, "it's not that I never think of it" is not
                # "no". One negated verb after it agrees with it: "هیچ وقت درد نداشتم" (never
                # had pain), "no, I don't".
                return 50.0
        if negated:
            if _negated_later(reply_words, at, size, lexicon):
                # "sometimes, but I would never do it": the "never" is about something else;
                # offered, never taken.
                return TYPO_INSIDE_SCORE
            return 50.0
        if adds(lexicon.intensifiers):
            return 78.0
        first = reply_words[: len(phrase_words)] == phrase_words
        if all(lexicon.negates(w) for w in phrase_words):
            # "no" inside "not often" (one word in Pashto), or starting "no idea", "لا اعرف"
            # (I don't know): offered, never taken.
            return 75.0
        if any(lexicon.negates(w) for w in phrase_words):
            # A negative answer among more words may be about something else: "نه پوهیږم څه
            # پوښتنه ده" (I don't know what the question is). Offered, never taken.
            return TYPO_INSIDE_SCORE
        extra = len(reply_words) - len(phrase_words)
        if first and scale and extra >= 2:
            return TYPO_INSIDE_SCORE  # "every night I sleep well": offered, never taken
        if first:
            return 90.0  # the answer first, then more: "yes, I have diabetes"
        return max(70.0, 96.0 - 6.0 * extra)
    if negated:
        return 0.0
    if _prefixed(reply_words, phrase_words, lexicon):
        return 0.0  # a word with a prefix is another word: "недобре" (not good), "very unwell"
    if any(lexicon.negates(w) for w in phrase_words) and reply.replace(" ", "") != phrase.replace(
        " ", ""
    ):
        return 0.0  # "i can" is no typo of "i cannot": a negation is never read into a reply
    # Typos: similarity of the whole reply to the phrase (not of a part of it).
    return fuzz.ratio(reply, phrase) if min(len(reply), len(phrase)) >= 4 else 0.0


def _prefixed(
    reply: list[str], phrase: list[str], lexicon: _Lexicon, aligned: bool = False
) -> bool:
    """A word of the reply is a word of the phrase with one to three letters written before it,
    or the other way round ("не" in "недобре", "un" in "unwell", "ما" in "ماقدر" for "اقدر"):
    another word, however alike. Not an "and" written onto it ("واحيانا"), a doubled letter
    ("ooften") or the phrase written together ("alot"). ``aligned``: compare only the words in
    the same places, in a reply of as many words ("today" is no "day" in "evry day today")."""
    if aligned and len(reply) != len(phrase):
        return False
    pairs = zip(reply, phrase, strict=True) if aligned else ((r, w) for r in reply for w in phrase)
    together = {
        "".join(phrase[i:j]) for i in range(len(phrase)) for j in range(i + 2, len(phrase) + 1)
    }
    for said, word in pairs:
        longer, shorter = (said, word) if len(said) > len(word) else (word, said)
        extra = len(longer) - len(shorter)
        if 1 <= extra <= 3 and longer.endswith(shorter) and said not in together:
            before = longer[:extra]
            attached_and = before in lexicon.separators and not before.isascii()  # "و"
            if not attached_and and set(before) != {shorter[0]}:
                return True
    return False


def _contrasts_at(reply: list[str], lexicon: _Lexicon) -> list[int]:
    """Where a "but" (one word or more: "hase yeeshee") starts in the reply's words."""
    phrases = [c.split() for c in lexicon.contrasts]
    return [i for i in range(len(reply)) if any(reply[i : i + len(p)] == p for p in phrases)]


def _negated_later(reply: list[str], start: int, size: int, lexicon: _Lexicon) -> bool:
    """Every negation in the reply comes after a "but" that comes after the phrase said at
    ``start`` (``size`` words)."""
    phrase = reply[start : start + size]
    negations = [i for i, w in enumerate(reply) if lexicon.negates(w) and w not in phrase]
    contrast = next((i for i in _contrasts_at(reply, lexicon) if i >= start + size), None)
    return contrast is not None and all(i > contrast for i in negations)


def _after_contrast(reply: list[str], start: int, lexicon: _Lexicon) -> bool:
    """The phrase said at ``start`` comes after a "but" that has words before it."""
    return any(0 < i < start for i in _contrasts_at(reply, lexicon))


TYPO_INSIDE = 88.0  # how alike a part of the reply must be to a phrase written with a typo
TYPO_INSIDE_SCORE = 80.0  # below CLEAR: such a match is offered as "did you mean", never taken


def _typo_inside(reply: str, phrase: str) -> float:
    """A phrase of five letters or more found, with a typo, as whole words inside a longer
    reply: scored below CLEAR, so it is offered, never taken."""
    if len(phrase) < 5 or len(reply) <= len(phrase):
        return 0.0
    found = fuzz.partial_ratio_alignment(phrase, reply)
    if found is None or found.score < TYPO_INSIDE:
        return 0.0
    start, end = found.dest_start, found.dest_end
    at_word = (start == 0 or reply[start - 1] == " ") and (end == len(reply) or reply[end] == " ")
    return TYPO_INSIDE_SCORE if at_word else 0.0


def _ranked(
    reply: str,
    phrases: dict[str, list[str]],
    lexicon: _Lexicon,
    scale: bool = False,
) -> list[tuple[float, str]]:
    scores = {}
    for code, options in phrases.items():
        same = frozenset(p for p in options if " " not in p)
        scores[code] = max((_score(reply, p, lexicon, scale, same) for p in options), default=0.0)
    if max(scores.values(), default=0.0) < AMBIGUOUS and not any(
        lexicon.negates(w) for w in reply.split()
    ):
        # Nothing said as it is written: a phrase written with a typo among other words ("evry
        # day my back") is offered as a "did you mean", never taken.
        words = reply.split()
        scores = {
            code: max(
                [
                    scores[code],
                    *(
                        _typo_inside(reply, p)
                        for p in options
                        if not _prefixed(words, p.split(), lexicon, aligned=True)
                        and not any(lexicon.negates(w) for w in p.split())
                    ),
                ]
            )
            for code, options in phrases.items()
        }
    return sorted(((s, code) for code, s in scores.items()), reverse=True)


def _mentioned(reply: str, phrases: dict[str, list[str]], lexicon: _Lexicon) -> list[str]:
    """Options the reply names, each by a phrase not part of a longer phrase it also names
    ("very bad" names only "very bad", not "bad"), in the order the reply names them. A
    negative phrase after a "but" names nothing ("sometimes, but I would never do it")."""
    padded = f" {reply} "
    words = reply.split()

    def names(phrase: str) -> bool:
        if f" {phrase} " not in padded:
            return False
        at = len(padded[: padded.index(f" {phrase} ")].split())
        before = words[at - 1] if at > 0 else ""
        if lexicon.negates(before) and before not in lexicon.answer_words:
            return False  # "never hard" names no "hard" ("not never, sometimes" names both)
        if not any(lexicon.negates(w) for w in phrase.split()):
            return True
        return not _after_contrast(words, at, lexicon)

    said = {code: [p for p in options if names(p)] for code, options in phrases.items()}
    every = [p for ps in said.values() for p in ps]
    named = {
        code: min(padded.index(f" {p} ") for p in ps)
        for code, ps in said.items()
        if any(not any(p != q and f" {p} " in f" {q} " for q in every) for p in ps)
    }
    return sorted(named, key=named.__getitem__)


def _choose(
    reply: str,
    phrases: dict[str, list[str]],
    lexicon: _Lexicon,
    options: tuple[Option, ...] = (),
    lowest: str | None = None,
    *,
    scale: bool = False,
) -> Interpretation:
    """The option a reply names: taken when clear, else candidates to ask about.

    ``lowest``: the scale's least answer ("Not at all"), taken only when the reply is exactly
    one of its phrases. Among more words its "at all", "never" often strengthen a complaint
    ("اصلا خوابم نمیبره": I cannot sleep at all), so it is offered, never taken."""
    ranked = _ranked(reply, phrases, lexicon, scale)
    best, code = ranked[0]
    runner_up = ranked[1][0] if len(ranked) > 1 else 0.0
    if best < 100.0:
        named = _mentioned(reply, phrases, lexicon)
        if len(named) >= 2:  # "sometimes or often, it depends": ask which
            # "work and study" in other words may mean the option that combines them: first.
            together = [o.code for o in options if o.combines and set(o.combines) <= set(named)]
            named_first = [*together, *named]
            return Interpretation(None, round(best / 100, 3), tuple(dict.fromkeys(named_first))[:3])
    if best < 100.0 and best >= CLEAR:
        # Another answer written with a typo in the rest of the words ("i can read litle"
        # holds "i can read" and, misspelt, "little"): ask which, never take the one spelt
        # right.
        rivals = _typo_rivals(reply, code, phrases)
        if rivals:
            return Interpretation(None, round(best / 100, 3), (code, *rivals)[:3])
    if (best == 100.0 and runner_up < 100.0) or (best >= CLEAR and best - runner_up >= MARGIN):
        if code == lowest and best < 100.0:
            return Interpretation(None, round(best / 100, 3), (code,))
        return Interpretation(code, round(best / 100, 3))
    candidates = tuple(c for s, c in ranked if s >= AMBIGUOUS and s >= best - MARGIN)[:3]
    if len(candidates) >= 2:
        return Interpretation(None, round(best / 100, 3), candidates)
    if len(candidates) == 1:  # a fair match, but not a clear one: ask to confirm it
        return Interpretation(None, round(best / 100, 3), candidates)
    return NOTHING


def _typo_rivals(reply: str, code: str, phrases: dict[str, list[str]]) -> list[str]:
    """Other options whose words (five letters or more) are written with a typo in what is
    left of the reply once the words of ``code`` are taken out."""
    padded = f" {reply} "
    said = [p for p in phrases[code] if f" {p} " in padded]
    if not said:
        return []
    rest = " ".join(padded.replace(f" {max(said, key=len)} ", " ", 1).split())
    return [
        other
        for other, others in phrases.items()
        if other != code
        and rest
        and any(
            len(p) >= 5 and (fuzz.ratio(rest, p) >= TYPO_INSIDE or _typo_inside(rest, p))
            for p in others
        )
    ]


def _multiple(
    question: Question, reply: str, phrases: dict[str, list[str]], lexicon: _Lexicon
) -> Interpretation:
    parts = [reply]
    for separator in lexicon.separators:
        parts = [
            piece
            for part in parts
            for piece in re.split(
                rf"(?:^|\s){re.escape(separator)}(?:\s|$)|{re.escape(separator)}"
                if not separator.isalnum()
                else rf"(?:^|\s){re.escape(separator)}(?:\s|$)",
                part,
            )
        ]
    parts = [" ".join(p.split()) for p in parts if p and p.strip()]
    chosen: list[str] = []
    for part in parts:
        result = _choose(part, phrases, lexicon)
        if not result.clear:
            return result if len(parts) == 1 else NOTHING
        chosen.append(str(result.value))
    chosen = list(dict.fromkeys(chosen))
    exclusive = [c for c in chosen if (o := question.option(c)) and o.exclusive]
    if exclusive and len(chosen) > 1:
        return NOTHING
    return Interpretation(tuple(chosen), 0.9)


QUESTION_MARK = re.compile(r"[?؟፧]")
MAX_SPELLED = 6  # number words are read in replies this short: "twelve and 4", "five years"


def _numbers_in(text: str, cleaned: str, lexicon: _Lexicon, repeated: bool = False) -> list[int]:
    """The numbers a reply gives: digits of any script, Ethiopic numerals, and number words
    (in a short reply, also beside digits: "twelve + 4" gives both). ``repeated``: a number
    given twice counts twice ("5 years school and 5 years university")."""
    found = [int(n) for n in re.findall(r"\d+", cleaned) if len(n) <= 9]
    ethiopic = [ethiopic_number(run) for run in re.findall(r"[\u1369-\u137c]+", text)]
    found += [n for n in ethiopic if n is not None]
    if len(cleaned.split()) <= MAX_SPELLED:  # not a word in a sentence ("one day I ...")
        spelled = [n for _at, n in _spelled(cleaned, lexicon)]
        # beside digits, words for one and none are articles: "9 år och en kurs", "یه روز ۳"
        found += [n for n in spelled if n > 1] if found else spelled
    return found if repeated else list(dict.fromkeys(found))


def _spelled(cleaned: str, lexicon: _Lexicon) -> list[tuple[int, int]]:
    """Number words, with the index of the word they start at; the longest first ("kow iyo
    toban" is 11), also with "and" written onto them (Arabic "واربعة": and four)."""
    words = cleaned.split()
    found: list[tuple[int, int]] = []
    index = 0
    while index < len(words):
        for size in (3, 2, 1):
            phrase = " ".join(words[index : index + size])
            if len(phrase.split()) == size and phrase in lexicon.numbers:
                found.append((index, lexicon.numbers[phrase]))
                index += size
                break
        else:
            joined = _after_separator(words[index], lexicon)
            if joined in lexicon.numbers:
                found.append((index, lexicon.numbers[joined]))
            index += 1
    return found


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


MAX_PARTS = 3  # numbers added up into a total: "6 years school, 3 years high school and 4 more"


def _joined(text: str, cleaned: str, lexicon: _Lexicon) -> bool:
    """Numbers said as parts of one whole: "and", "+" or the like (a separator of the locale,
    also written onto the next number, as in Arabic "و4") between the first and the last."""
    if re.search(r"[+&]", text.strip(" +&")):  # "12 + 4", "twelve+4"; not a lone "+4"
        return True
    words = cleaned.split()
    numbers = [i for i, w in enumerate(words) if any(ch.isdigit() for ch in w)]
    numbers += [i for i, _n in _spelled(cleaned, lexicon)]
    if len(numbers) < 2:
        return False
    first, last = min(numbers), max(numbers)
    phrases = [s.split() for s in lexicon.separators if s.isalpha() or " " in s]
    between = any(words[i : i + len(p)] == p for p in phrases for i in range(first + 1, last))
    return between or any(_joined_number(words[i], lexicon) for i in numbers if i > first)


def _negated(cleaned: str, lexicon: _Lexicon) -> bool:
    """A negation word in the reply that is not also a number ("نه": no, and nine in Persian)."""
    number_words = {w for phrase in lexicon.numbers for w in phrase.split()}
    return any(lexicon.negates(w) and w not in number_words for w in cleaned.split())


def _only_numbers(cleaned: str, lexicon: _Lexicon, units: frozenset[str] = frozenset()) -> bool:
    """The reply is a number, its unit, and at most one more word ("8", "eight", "8 hours",
    "12 سنة", "about 8"); anything longer may be about something else."""
    number_words = {w for phrase in lexicon.numbers for w in phrase.split()}

    def number(word: str) -> bool:
        return word.isdigit() or word in number_words or _joined_number(word, lexicon)

    other = [w for w in cleaned.split() if not (number(w) or w in units)]
    return len(other) <= 1


def _number(
    question: Question, text: str, cleaned: str, lexicon: _Lexicon, units: frozenset[str]
) -> Interpretation:
    # A number among other words may be about something else ("I have 3 children", "not 8
    # hours", "less than 2"): it is offered for the participant to confirm, never taken.
    in_sentence = not _only_numbers(cleaned, lexicon, units) or bool(QUESTION_MARK.search(text))
    if _negated(cleaned, lexicon):
        return NOTHING  # "not 8 hours": which then? Ask again.
    parts = _numbers_in(text, cleaned, lexicon, repeated=True)
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
    if len(found) != 1:
        return NOTHING  # which one? "twelve + 4" where nothing is added up: ask again
    number = found[0]
    if (low is not None and number < low) or (high is not None and number > high):
        return NOTHING
    if in_sentence:
        return Interpretation(number, 0.7, confirm=True)
    return Interpretation(number, 1.0 if re.search(r"\d", cleaned) else 0.9)


def _year(
    question: Question, text: str, cleaned: str, locale: str, lexicon: _Lexicon, today: date | None
) -> Interpretation:
    # A birth year among other words may be someone else's ("my son was born in 2015"): it is
    # offered to confirm, never taken. Only a year on its own is taken as it is.
    in_sentence = len(cleaned.split()) > 1 or bool(QUESTION_MARK.search(text))  # "1990?"
    found = _numbers_in(text, cleaned, lexicon)
    if len(found) > 1:
        # A date ("12/05/1990", "1990-05-12"): the one number of four digits is the year.
        years = [n for n in found if 1000 <= n <= 9999]
        found, in_sentence = (years, True) if len(years) == 1 else ([], in_sentence)
    if len(found) != 1:
        return NOTHING
    year = found[0]
    low, high = year_range(question, today)
    marked = f" {cleaned} "
    if any(m in text.casefold() for m in ETHIOPIAN_MARKERS[:4]) or any(
        f" {m} " in marked for m in ETHIOPIAN_MARKERS[4:]
    ):
        converted = year + 8  # most of Ethiopian year Y falls in Gregorian Y + 8
        if low <= converted <= high:
            return Interpretation(converted, 0.9, calendar="ethiopian", typed_year=year)
        return NOTHING
    solar_range = (low - 622, high - 621)
    solar_marked = any(f" {normalise(m)} " in marked for m in SOLAR_HIJRI_MARKERS)
    if (
        (solar_marked or locale in SOLAR_HIJRI_LOCALES)
        and solar_range[0] <= year <= solar_range[1]
        and not low <= year <= high
    ):
        converted = year + 621  # Farvardin-Dey of Solar Hijri year Y fall in Gregorian Y + 621
        return Interpretation(converted, 0.9, calendar="solar_hijri", typed_year=year)
    if low <= year <= high:
        return Interpretation(year, 0.7, confirm=True) if in_sentence else Interpretation(year, 1.0)
    return NOTHING
