"""The words Intake reads typed answers with, per question and languages: the answers'
phrases (labels and synonyms in the catalogs), the questionnaire's typing words (numbers,
negations, separators, intensifiers, contrasts) and negative verbs written as one word
(``intake/data/negative-verbs.yaml``)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache
from typing import Any

import yaml

from intake.answers.text import normalise
from intake.i18n import Catalogs, Translator
from intake.questionnaire.model import WORD_LISTS, Question, Typing, level_entries
from intake.settings import PROJECT_ROOT


@cache
def _default_catalogs() -> Catalogs:
    return Catalogs(PROJECT_ROOT / "locales")


def _words(translated: str) -> list[str]:
    """A catalog's "|"-separated words, each normalised."""
    return list(_catalog_words(translated))


@lru_cache(maxsize=8192)
def _catalog_words(translated: str) -> tuple[str, ...]:
    # Cached: catalog strings only (the same option set serves many questions), never a
    # participant's words.
    return tuple(w for w in (normalise(part) for part in translated.split("|")) if w)


@dataclass(frozen=True)
class _NegativeVerb:
    """Words that start with ``prefix`` and end with ``suffix`` are negative verbs."""

    prefix: str
    suffix: str = ""
    shortest: int = 1
    unlike: tuple[str, ...] = ()  # beginnings of words that only look like one (navîn, night)
    # a relative or "without" form ("የሌለኝ": that I do not have): negative in form only, so
    # never a negation of the reply; read only before "there is no day" (``_no_day_without``)
    relative: bool = False

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
    limits: frozenset[str] = frozenset()  # "more", "longer": "not more than 2" is at most 2
    others: frozenset[str] = frozenset()  # "my husband", "he": a reply about someone else
    pronouns: frozenset[str] = frozenset()  # "i", "я": often left out ("не могу спать")
    weeks: frozenset[str] = frozenset()  # "week": "2 or 3 times a week"
    months: frozenset[str] = frozenset()  # "month": "once a month"
    without: frozenset[str] = frozenset()  # "without", "بدونها": a part about doing without
    positive: frozenset[str] = frozenset()  # "good", "khub": "very good" is no "very hard"
    times: frozenset[str] = frozenset()  # "times", "раза": "2 times" is no 2 hours
    born: frozenset[str] = frozenset()  # "born", "متولد": "born 89" is a year
    alternatives: frozenset[str] = frozenset()  # "or", "یا": "6 or 7", numbers to choose from
    not_understood: frozenset[str] = frozenset()  # "i don't understand", "نه پوهیږم"
    no_day: frozenset[str] = frozenset()  # "there is no day", "ma jiro maalin"
    until: frozenset[str] = frozenset()  # "to", "до", "تا": "from 8 to 2" on a clock question
    comparisons: frozenset[str] = frozenset()  # "less", "at least": a bound, not the amount
    solar_hijri: frozenset[str] = frozenset()  # "shamsi", "ش": a year of that calendar
    ethiopian: frozenset[str] = frozenset()  # "ethiopian", "ዓ.ም": a year of that calendar
    lately: frozenset[str] = frozenset()  # "lately", "останнім часом": no part of an answer
    me: frozenset[str] = frozenset()  # "me", "меня": with ``pronouns``, a reply about oneself
    ordinals: dict[str, int] = field(default_factory=dict)  # "sixth": 6, always confirmed
    negative_verbs: tuple[_NegativeVerb, ...] = ()
    answer_words: frozenset[str] = frozenset()  # words of the question's answers and numbers
    phrase_words: frozenset[str] = frozenset()  # also those of the question's own synonyms
    # The reply's parts between commas and stops, for one reading ("no, sleep is ok": "no"
    # and "sleep is ok"); none: the reply is one part
    clauses: tuple[str, ...] = ()
    # Words already looked at, for one reading: a fresh copy of the lexicon per reply
    # (``_for_one_reply``), so no word a participant typed is kept after it.
    seen: dict[str, bool] = field(default_factory=dict, init=False, compare=False, repr=False)

    def negative_verb(self, word: str) -> bool:
        """A negative verb written as one word (Persian نمی‌بینم), not a negation word."""
        return word not in self.negations and any(
            v.matches(word) for v in self.negative_verbs if not v.relative
        )

    def relative_negative(self, word: str) -> bool:
        """A negative relative or "without" form ("የሌለኝ", "ሳያመኝ"): "a day I have no pain"."""
        return any(v.relative and v.matches(word) for v in self.negative_verbs)

    def negates_any(self, reply: str) -> bool:
        """A negation among the words of ``reply`` (remembered for this reading)."""
        key = "\0" + reply  # no word holds a NUL: reply and word memos never meet
        hit = self.seen.get(key)
        if hit is None:
            hit = any(self.negates(w) for w in reply.split())
            self.seen[key] = hit
        return hit

    def negates(self, word: str) -> bool:
        """A negation word, or a negative verb written as one word (Persian نمی‌بینم)."""
        hit = self.seen.get(word)
        if hit is None:
            hit = word in self.negations or any(
                v.matches(word) for v in self.negative_verbs if not v.relative
            )
            self.seen[word] = hit
        return hit


# The typing word lists read as sets of words: "negations" in the questionnaire is
# ``_Lexicon.negations``, and so on.
WORD_SETS = WORD_LISTS


def _lexicon(typing: Typing, texts: Iterable[Translator]) -> _Lexicon:
    numbers: dict[str, int] = {}
    ordinals: dict[str, int] = {}
    sets: dict[str, set[str]] = {name: set() for name in WORD_SETS}
    separators: list[str] = []
    for t in texts:
        for number, words in enumerate(typing.numbers):
            for word in _words(t.pgettext(typing.numbers_context(number), words)):
                numbers.setdefault(word, number)
        for number, words in typing.more_numbers:
            for word in _words(t.pgettext(typing.numbers_context(number), words)):
                numbers.setdefault(word, number)
        for number, words in enumerate(typing.ordinals):
            if words:
                for word in _words(t.pgettext(typing.ordinals_context(number), words)):
                    ordinals.setdefault(word, number)
        if typing.separators:
            separators += _words(t.pgettext(typing.context + ":separators", typing.separators))
        for name in WORD_SETS:
            if listed := getattr(typing, name):
                sets[name].update(_words(t.pgettext(f"{typing.context}:{name}", listed)))
    bare = _Lexicon(numbers, frozenset(), tuple(dict.fromkeys(separators)), frozenset())
    word_sets: dict[str, Any] = {name: frozenset(words) for name, words in sets.items()}
    return replace(bare, ordinals=ordinals, **word_sets)


def _phrases(
    question: Question, texts: Iterable[Translator]
) -> tuple[dict[str, list[str]], frozenset[str]]:
    """Every phrase that means each option, in the given languages; and the question's own
    synonyms ("i am blind" on seeing) that no option's label or synonym also holds:
    descriptions, taken only as the whole reply."""
    texts = list(texts)
    result: dict[str, list[str]] = {o.code: [] for o in question.options}
    own: set[str] = set()
    for t in texts:
        for option in question.options:
            result[option.code] += _words(t.pgettext(option.context, option.label))
            if option.synonyms:
                result[option.code] += _words(t.pgettext(option.synonyms_context, option.synonyms))
        for code, words in question.synonyms:
            own.update(_words(t.pgettext(question.synonyms_context(code), words)))
    shared = {p for ps in result.values() for p in ps}
    for code, words in question.synonyms:
        for t in texts:
            result[code] += _words(t.pgettext(question.synonyms_context(code), words))
    phrases = {code: list(dict.fromkeys(p)) for code, p in result.items()}
    return phrases, frozenset(own - shared)


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
                bool(f.get("relative", False)),
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
def _cached_unit_words(
    catalogs: Catalogs, question: Question, locales: tuple[str, ...]
) -> frozenset[str]:
    """A number question's other words a number stands beside (``unit_words``: "grade",
    "ټولګي"), in the given languages: they let number words be read in a long reply, but a
    number beside one is always confirmed ("åk 3 gymnasiet" is no 3 years of school)."""
    if not question.unit_words:
        return frozenset()
    texts = _translators(catalogs, locales)
    context = f"{question.context}:unit_words"
    said = (p for t in texts for p in _words(t.pgettext(context, question.unit_words)))
    return frozenset(w for phrase in said for w in phrase.split())


@lru_cache(maxsize=4096)
def _cached_aid(catalogs: Catalogs, question: Question, locales: tuple[str, ...]) -> frozenset[str]:
    """Words for the aid a question asks about using ("glasses", "عینک"), in those languages."""
    if not question.aid:
        return frozenset()
    texts = _translators(catalogs, locales)
    return frozenset(
        w for t in texts for w in _words(t.pgettext(question.context + ":aid", question.aid))
    )


@lru_cache(maxsize=4096)
def _cached_levels(
    catalogs: Catalogs, question: Question, locales: tuple[str, ...]
) -> tuple[tuple[str, int], ...]:
    """A number question's ``levels`` in those languages: (words, years), as each locale's
    catalog gives them ("закінчив школу=11"); an entry not written "words=years" is left out."""
    if not question.levels:
        return ()
    texts = _translators(catalogs, locales)
    found: dict[str, int] = {}
    for t in texts:
        for entry in level_entries(t.pgettext(f"{question.context}:levels", question.levels)):
            if entry and normalise(entry[0]):
                found.setdefault(normalise(entry[0]), entry[1])
    return tuple(found.items())


@lru_cache(maxsize=4096)
def _cached_said(
    catalogs: Catalogs, question: Question, locales: tuple[str, ...], key: str
) -> tuple[str, ...]:
    """A question's own phrases of ``key`` in those languages: "zero", ways of saying none
    ("never went to school"); "full", ways of saying the most ("full time"); "worrying", words
    that show risk ("no hope")."""
    msgid = getattr(question, key)
    if not msgid:
        return ()
    texts = _translators(catalogs, locales)
    words = [w for t in texts for w in _words(t.pgettext(f"{question.context}:{key}", msgid))]
    return tuple(dict.fromkeys(words))


MIN_WITHOUT_PRONOUN = 2  # "i can't sleep" is also "can't sleep"; "i do" is not "do"


def _without_pronoun(phrase: str, lexicon: _Lexicon) -> str | None:
    """A phrase that starts with "I" without it ("я не могу спать": "не могу спать"), or None.
    Not when a helper verb and a negation are all that is left ("i do not": "do not know" is no
    "no")."""
    first, _, rest = phrase.partition(" ")
    words = rest.split()
    if first not in lexicon.pronouns or len(words) < MIN_WITHOUT_PRONOUN:
        return None
    return None if lexicon.negates(words[-1]) else rest


@lru_cache(maxsize=4096)
def _cached_phrase_sets(
    catalogs: Catalogs, typing: Typing, question: Question, locales: tuple[str, ...]
) -> tuple[dict[str, list[str]], frozenset[str]]:
    """The question's phrases per answer and its own descriptions (taken only as the whole
    reply). A phrase that starts with "I" in its language is also understood without it,
    as the whole reply only (pro-drop: "не могу спать", "نمی‌تونم بخوابم"; "he can read" is
    no "i can read")."""
    phrases, own = _phrases(question, _translators(catalogs, locales))
    known = {p for ps in phrases.values() for p in ps}
    shorter: dict[str, list[str]] = {code: [] for code in phrases}
    for locale in locales:  # each language's "I" on its own phrases: Swedish "i" is "in"
        lexicon = _cached_lexicon(catalogs, typing, (locale,))
        if not lexicon.pronouns:
            continue
        own_phrases, _own = _phrases(question, _translators(catalogs, (locale,)))
        for code, ps in own_phrases.items():
            shorter[code] += [
                d for p in ps if (d := _without_pronoun(p, lexicon)) and d not in known
            ]
    if not any(shorter.values()):
        return phrases, own
    with_shorter = {
        code: list(dict.fromkeys([*ps, *shorter[code]])) for code, ps in phrases.items()
    }
    return with_shorter, own | {d for ds in shorter.values() for d in ds}


def _cached_phrases(
    catalogs: Catalogs, typing: Typing, question: Question, locales: tuple[str, ...]
) -> dict[str, list[str]]:
    return _cached_phrase_sets(catalogs, typing, question, locales)[0]


def _cached_own_phrases(
    catalogs: Catalogs, typing: Typing, question: Question, locales: tuple[str, ...]
) -> frozenset[str]:
    """The question's own descriptions, taken only as the whole reply."""
    return _cached_phrase_sets(catalogs, typing, question, locales)[1]


@lru_cache(maxsize=4096)
def _question_lexicon(
    catalogs: Catalogs, typing: Typing, question: Question, locales: tuple[str, ...]
) -> _Lexicon:
    """The locales' words, knowing which words are this question's answers and numbers."""
    lexicon = _cached_lexicon(catalogs, typing, locales)
    phrases, own = _cached_phrase_sets(catalogs, typing, question, locales)
    # Not the words of the question's own descriptions: their "ما بشوف" (I don't see) would
    # make "ما" an answer word, and "ما بشوف منيح" (I don't see well) name "بشوف منيح".
    words = {w for options in phrases.values() for p in options if p not in own for w in p.split()}
    words |= {w for number in lexicon.numbers for w in number.split()}
    every = words | {w for p in own for w in p.split()}
    return replace(lexicon, answer_words=frozenset(words), phrase_words=frozenset(every))
