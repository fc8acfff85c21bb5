"""Which option a typed reply names: phrases matched whole, inside the reply or with a typo
(rapidfuzz), never against a negation, a prefix or a question back; unclear replies give
candidates to ask about."""

from __future__ import annotations

import re
from collections import Counter, OrderedDict
from collections.abc import Callable
from functools import cache

from rapidfuzz import fuzz, process

from intake.answers.lexicon import _Lexicon
from intake.answers.model import NOTHING, Interpretation
from intake.questionnaire.model import Option, Question

CLEAR = 88.0  # a match at least this good, and clearly better than the next, is taken


AMBIGUOUS = 72.0  # matches at least this good are offered as candidates


MARGIN = 12.0  # how much better the best match must be than the next to be taken


# An answer said among many more words ("almost every day I am sad since I came"): offered as
# a "did you mean", never taken.
FOUND_AMONG_MANY = 75.0


OTHERS_AT_START = 3  # "my husband has diabetes", "no, my mother has": a reply about them
SHORT_PERSON = 2  # "he": letters that other languages' words also make once accents go


def _person_named(words: list[str], lexicon: _Lexicon, start: int = 0) -> tuple[int, int] | None:
    """Where the first person of typing ``others`` is named among the reply's first words, from
    word ``start`` on: (index, number of words), or None."""
    others = _longest_first(lexicon.others)
    for i in range(start, min(OTHERS_AT_START, len(words))):
        named = next((o for o in others if words[i : i + len(o)] == o), None)
        if named:
            return i, len(named)
    return None


def _about_someone_else(reply: str, lexicon: _Lexicon, first: bool = False) -> bool:
    """The reply begins by naming another person ("my husband", "у мужа", "شوهرم"), not with
    the participant too ("my wife and i worked in a factory"). The first person named counts.
    ``first``: only a person named by the reply's first words ("my husband wants to work",
    not "I want to work, my son will study"), and not by two letters."""
    words = reply.split()
    found = _person_named(words, lexicon)
    if found is None or (first and found[0] > 0):
        return False
    at, size = found
    if first and len(" ".join(words[at : at + size])) <= SHORT_PERSON:
        return False  # "hê nizanim" (Kurmanji: still, I don't know) is no "he"
    after = words[at + size : at + size + 2]
    with_me = bool(after) and after[0] in lexicon.separators
    return not (with_me and bool(set(after[1:]) & lexicon.pronouns))


def _person_first_is_an_answer(
    reply: str, phrases: dict[str, list[str]], lexicon: _Lexicon
) -> bool:
    """The person the reply begins with is itself an answer's phrase ("mother of three" on the
    gender question: "mother" says "Woman")."""
    words = reply.split()
    found = _person_named(words, lexicon)
    if found is None or found[0] > 0:
        return False
    person = " ".join(words[: found[1]])
    return any(person in ps for ps in phrases.values())


def _in_company(reply: str, lexicon: _Lexicon) -> bool:
    """A person named after another word with an "I" within two words after: someone the
    participant did something with ("with my father I worked on the farm"), so the reply may
    be about the participant (read, but offered, never taken: "yes, my son i think has
    asthma" may not)."""
    words = reply.split()
    found = _person_named(words, lexicon, start=1)
    if found is None:
        return False
    at, size = found
    return bool(set(words[at + size : at + size + 2]) & lexicon.pronouns)


@cache
def _longest_first(phrases: frozenset[str]) -> tuple[list[str], ...]:
    """Phrases as lists of words, those of most words first."""
    return tuple(sorted((p.split() for p in phrases), key=len, reverse=True))


def _step_between(named: list[str], options: tuple[Option, ...]) -> list[str]:
    """The one step of a scale between two answers named ("walking is fine but stairs are
    very hard": "a bit hard" lies between, and is often the truth), or none."""
    values = {o.code: o.value for o in options if o.value is not None}
    if len(named) != 2 or not all(code in values for code in named):
        return []
    low, high = sorted(values[code] for code in named)
    between = [code for code, value in values.items() if low < value < high]
    return between if len(between) == 1 else []


def _very(reply: list[str], phrase: str, lexicon: _Lexicon) -> float | None:
    """The most a one-word phrase that is a word for "very" ("very", "kteer": "very hard",
    "often") may score in a reply where it stands before another word, or None. Before a word
    for "good" ("very good", "kteer mnih"), in a reply of two words ("خیلی کم", very little;
    "very easily") or before a word of another answer it says nothing by itself: 0. In a
    longer reply ("زیاد فکر میکنم", I think of it a lot) it is offered, never taken. Last, or
    before another word for "very" ("ja mycket", "very much", "كتير كتير"), it counts."""
    if phrase not in lexicon.intensifiers or phrase not in reply:
        return None
    at = reply.index(phrase)
    after = reply[at + 1] if at + 1 < len(reply) else phrase
    if after == phrase or after in lexicon.intensifiers:
        return None
    if after in lexicon.positive or len(reply) == 2 or after in lexicon.answer_words:
        return 0.0
    return TYPO_INSIDE_SCORE


def _lowest(question: Question) -> str | None:
    """The least answer of a scale ("Not at all", "Never"), when its options have values."""
    values = question.scale_values
    return min(values, key=values.__getitem__) if values else None


def _score(
    reply: str,
    phrase: str,
    lexicon: _Lexicon,
    scale: bool = False,
    same: frozenset[str] = frozenset(),
    *,
    least: bool = False,
) -> float:
    """How well a reply matches one phrase (0-100). ``scale``: a how-often or how-hard
    question, where an answer first and a sentence after ("every night I sleep well") may say
    how often something else happens. ``least``: the phrase is of the scale's least answer,
    which a negation in a later part may turn around ("хочу жить, не могу больше": I want to
    live, I can't anymore). ``same``: the option's one-word phrases ("no", "never":
    "no no, never" says one thing)."""
    if reply == phrase:
        return 100.0
    if len(phrase) == 1 and not _letter_alone(phrase, reply, lexicon):
        return 0.0  # not the "m" of "i m a woman"
    said = f" {phrase} " in f" {reply} "
    if not said:
        # Alike enough to be it with a typo? Both of four letters or more, of lengths that
        # allow a ratio of AMBIGUOUS (at most twice the shorter over both: a cheap first check)
        short, both = min(len(reply), len(phrase)), len(reply) + len(phrase)
        if short < 4 or 200.0 * short < AMBIGUOUS * both:
            return 0.0
        if not fuzz.ratio(reply, phrase, score_cutoff=AMBIGUOUS):
            return 0.0  # neither said in the reply nor alike enough (most phrases)
    reply_words = reply.split()
    phrase_words = phrase.split()

    def adds(words: frozenset[str]) -> bool:
        """The reply has one of ``words`` that the phrase does not have."""
        return any(w in words for w in reply_words) and not any(w in words for w in phrase_words)

    negated = lexicon.negates_any(reply) and not any(lexicon.negates(w) for w in phrase_words)
    size = len(phrase_words)
    at = (
        next((i for i in range(len(reply_words)) if reply_words[i : i + size] == phrase_words), -1)
        if said
        else -1
    )
    if at >= 0:
        # The phrase is said in the reply ("yes sometimes" holds "sometimes"): good, unless the
        # reply turns it around ("not often"), makes it stronger ("very bad" holds "bad"), or
        # says much more than the phrase.
        if (
            any(lexicon.negates(w) for w in phrase_words)
            and _after_contrast(reply_words, at, lexicon)
            and (scale or not _all_after_contrast(reply_words, at, size, lexicon))
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
            if (
                _negated_later(reply_words, at, size, lexicon, parts=not least)
                or _negated_before(reply_words, at, lexicon)
                or _negated_far(reply_words, at, size, lexicon, SCALE_FAR if scale else FAR)
            ):
                # "sometimes, but I would never do it", "not sad, but sometimes": the negation
                # is about something else; offered, never taken.
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
        if first and size > 1:
            # "i have a question", "i do sport": a phrase of more words than "yes" said first
            # may begin a sentence about something else: offered, never taken.
            return TYPO_INSIDE_SCORE
        if first:
            return 90.0  # the answer first, then more: "yes, I have diabetes"
        if size > 1:
            # Words before a phrase of more words may be about another thing than the answer:
            # "english i read well", "before i read well", "امي تعبانة كتير" (my mother is
            # very tired). Offered, never taken.
            return TYPO_INSIDE_SCORE
        return max(FOUND_AMONG_MANY, 96.0 - 6.0 * extra)
    if negated or min(len(reply), len(phrase)) < 4:
        return 0.0
    # Typos: similarity of the whole reply to the phrase (not of a part of it), when it is high
    # enough to matter (a lower score is never taken nor offered), and not one of these:
    similarity = fuzz.ratio(reply, phrase, score_cutoff=AMBIGUOUS)
    if not similarity:
        return 0.0
    if _prefixed(reply_words, phrase_words, lexicon):
        return 0.0  # a word with a prefix is another word: "недобре" (not good), "very unwell"
    if any(lexicon.negates(w) for w in phrase_words) and reply.replace(" ", "") != phrase.replace(
        " ", ""
    ):
        return 0.0  # "i can" is no typo of "i cannot": a negation is never read into a reply
    shared = set(reply_words) & set(phrase_words)
    if shared:
        # Alike only by the words they share: "mycket obra" (very bad) is no typo of "mycket
        # god" (very good), "jag pratar spanska" none of "jag pratar svenska". A word added
        # or left out is no typo either: "i speak bad swedish" is not "i speak swedish", "i walk
        # so slowly" not "i walk slowly". The words that differ must be alike, or one the other
        # cut short ("maalmaha qaar" for "maalmaha qaarkood").
        rest = " ".join(w for w in reply_words if w not in shared)
        wanted = " ".join(w for w in phrase_words if w not in shared)
        if bool(rest) != bool(wanted):
            return 0.0
        cut_short = len(rest) >= 3 and wanted.startswith(rest)  # not "canot" for "can"
        if rest and not cut_short and fuzz.ratio(rest, wanted) < TYPO_REST:
            return 0.0
    return similarity


TYPO_REST = 80.0  # how alike the words a reply and a phrase do not share must be for a typo


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


def _negated_later(
    reply: list[str], start: int, size: int, lexicon: _Lexicon, parts: bool = True
) -> bool:
    """Every negation in the reply comes after a "but" that comes after the phrase said at
    ``start`` (``size`` words), or, with ``parts``, in a later part of the reply that says more
    than a negation made stronger ("ښه یا متوسطه، سم نه پوهیږم": good or medium, I don't know
    exactly; "excellent, never sick"; not "i am fine, not really", "not much")."""
    phrase = reply[start : start + size]
    negations = [i for i, w in enumerate(reply) if lexicon.negates(w) and w not in phrase]
    starts = _clause_starts(reply, lexicon) if parts else []
    ends = [*starts[1:], len(reply)] if starts else []
    long_parts = [
        i
        for i, end in zip(starts, ends, strict=True)
        if i >= start + size
        and end - i >= 2
        and not all(lexicon.negates(w) or w in lexicon.intensifiers for w in reply[i:end])
    ]
    contrast = min(
        [
            *(i for i in _contrasts_at(reply, lexicon) if i >= start + size),
            *(i - 1 for i in long_parts),
        ],
        default=None,
    )
    return contrast is not None and all(i > contrast for i in negations)


def _turned_around(reply: str, phrases: list[str], lexicon: _Lexicon) -> bool:
    """The reply names the answer only by a negation word ("هیچ", "never") and has a negative
    verb after it: two negations, not the least answer."""
    words = reply.split()
    said = [p for p in phrases if f" {p} " in f" {reply} "]
    if not said or not all(all(lexicon.negates(w) for w in p.split()) for p in said):
        return False
    first = min(words.index(p.split()[0]) for p in said)
    return any(lexicon.negative_verb(w) for w in words[first + 1 :])


FAR = 3  # words between an answer and a negation after it, that is then about something else


# On a how-often or how-hard question, a negation this far after the answer is what happens
# ("майже щодня не можу зібратись": almost daily I cannot concentrate), not the answer turned
# around; right after it, it may be ("sometimes not", "every day no").
SCALE_FAR = 2


def _negated_far(
    reply: list[str], start: int, size: int, lexicon: _Lexicon, far: int = FAR
) -> bool:
    """Every negation in the reply comes ``far`` words or more after the phrase said at
    ``start``: "maalin walba ka welwelaa, taleefanka ma qabtaan" (every day I worry, they do not
    answer the phone). Not before it: "I don't have pain often"."""
    end = start + size
    negations = [i for i, w in enumerate(reply) if lexicon.negates(w)]
    return all(i >= end + far for i in negations)


def _negated_before(reply: list[str], start: int, lexicon: _Lexicon) -> bool:
    """Every negation in the reply comes before a "but" that comes before the phrase said at
    ``start`` ("нет, но иногда": no, but sometimes), or before the part of the reply the phrase
    starts ("Ma murugeysni, maalmaha qaarkood oo keliya": I am not sad, only some days)."""
    negations = [i for i, w in enumerate(reply) if lexicon.negates(w)]
    starts = [
        *(i for i in _contrasts_at(reply, lexicon) if i < start),
        # a part that starts with the answer: not "not now, before yes", "not sad, I laugh
        # every day"
        *(i for i in _clause_starts(reply, lexicon) if i == start),
    ]
    contrast = max(starts, default=None)
    return contrast is not None and bool(negations) and all(i < contrast for i in negations)


def _clause_starts(reply: list[str], lexicon: _Lexicon) -> list[int]:
    """Where the reply's parts after the first start in its words (none when the parts are
    not known or are not these words)."""
    sizes = [len(c.split()) for c in lexicon.clauses]
    if len(sizes) < 2 or sum(sizes) != len(reply):
        return []
    return [sum(sizes[:n]) for n in range(1, len(sizes))]


def _after_contrast(reply: list[str], start: int, lexicon: _Lexicon) -> bool:
    """The phrase said at ``start`` comes after a "but" that has words before it."""
    return any(0 < i < start for i in _contrasts_at(reply, lexicon))


def _all_after_contrast(reply: list[str], start: int, size: int, lexicon: _Lexicon) -> bool:
    """The phrase said at ``start`` is all that follows a "but" that has words before it
    ("እንግሊዝኛ ትንሽ እችላለሁ ግን እርግጠኛ አይደለሁም": I can a little English, but I am not
    sure): the answer itself, not a negation about something else."""
    if start + size != len(reply):
        return False
    said = reply[start : start + size]
    if all(lexicon.negates(w) or w in lexicon.pronouns for w in said):
        return False  # "yes, but no", "sometimes, but i don't": a negation only, no answer
    phrases = [c.split() for c in lexicon.contrasts]
    return any(start - len(p) > 0 and reply[start - len(p) : start] == p for p in phrases)


TYPO_INSIDE = 88.0  # how alike a part of the reply must be to a phrase written with a typo


TYPO_INSIDE_SCORE = 80.0  # below CLEAR: such a match is offered as "did you mean", never taken


LEAST_DESCRIBED = 95.0  # a description of the least answer: offered (below 100), never taken


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


class _Index:
    """A question's phrases arranged so that a reply is scored only against those that can
    match it: said in it (their first word is one of its words) or alike enough for a typo
    (found by rapidfuzz over all of them at once, in C). Most of ~2,000 phrases are neither."""

    def __init__(self, phrases: dict[str, list[str]]) -> None:
        self.phrases = phrases  # kept: the index is found again by the identity of this dict
        self.pairs = [(code, p) for code, ps in phrases.items() for p in ps]
        self.texts = [p for _, p in self.pairs]
        self.by_text = frozenset(self.texts)
        self.by_first: dict[str, list[int]] = {}
        for i, phrase in enumerate(self.texts):
            self.by_first.setdefault(phrase.split(" ", 1)[0], []).append(i)
        self.same = {code: frozenset(p for p in ps if " " not in p) for code, ps in phrases.items()}

    def said(self, reply: str, words: list[str]) -> list[tuple[str, str]]:
        """(code, phrase) for every phrase said in the reply as whole words."""
        padded = f" {reply} "
        found = sorted(
            i
            for w in dict.fromkeys(words)
            for i in self.by_first.get(w, ())
            if f" {self.texts[i]} " in padded
        )
        return [self.pairs[i] for i in found]  # in the order of the phrase lists

    def alike(
        self, reply: str, scorer: Callable[..., float], cutoff: float
    ) -> list[tuple[str, str]]:
        """(code, phrase) for every phrase that ``scorer`` finds at least ``cutoff`` alike."""
        found = process.extract(
            reply,
            self.texts,
            scorer=scorer,
            score_cutoff=cutoff,
            limit=None,
        )
        return [self.pairs[i] for _, _, i in found]


_INDEXES: OrderedDict[int, _Index] = OrderedDict()
INDEXES_KEPT = 1024  # the least recently used go first (a dict made for one reply gets one)


def _index(phrases: dict[str, list[str]]) -> _Index:
    """The index of a question's phrases (cached: they are built once per question and
    language)."""
    found = _INDEXES.get(id(phrases))
    if found is None or found.phrases is not phrases:
        if len(_INDEXES) >= INDEXES_KEPT:
            _INDEXES.popitem(last=False)
        found = _INDEXES[id(phrases)] = _Index(phrases)
    _INDEXES.move_to_end(id(phrases))
    return found


def _ranked(
    reply: str,
    phrases: dict[str, list[str]],
    lexicon: _Lexicon,
    scale: bool = False,
    whole_only: frozenset[str] = frozenset(),
    lowest: str | None = None,
) -> list[tuple[float, str]]:
    padded = f" {reply} "
    words = reply.split()

    def score(phrase: str, same: frozenset[str], code: str) -> float:
        result = _score(reply, phrase, lexicon, scale, same, least=code == lowest)
        if not result:
            return result  # not said (most phrases): nothing below can raise it
        if (most := _very(words, phrase, lexicon)) is not None:
            result = min(result, most)
        if phrase in whole_only and reply != phrase and f" {phrase} " in padded:
            # A description ("i am blind") among more words ("... in one eye"): offered only.
            return min(result, TYPO_INSIDE_SCORE)
        if phrase in whole_only and code == lowest:
            # A description of the least answer ("I want to live" to the self-harm question,
            # "I sleep well"), even the whole reply: asked ("Did you mean No?"), never taken.
            return min(result, LEAST_DESCRIBED)
        if phrase in whole_only and " " not in phrase:
            # One word of a question's own ("hospital", "depressed", "insulin"), even the whole
            # reply: offered, never taken.
            return min(result, TYPO_INSIDE_SCORE)
        if (
            result > 0
            and not scale  # "I have no hope", "no day without pain" say how often or how hard
            and phrase in whole_only
            and code not in negative
            and lexicon.negates_any(phrase)
            and phrase not in twice()  # one fitting two answers is asked about anyway
        ):
            # A negation in a description of an answer that says none ("no salary": worked
            # unpaid, or had no job?), even the whole reply: asked.
            return min(result, TYPO_INSIDE_SCORE)
        return result

    # answers whose label says a negation ("No", "Not at all", "Never")
    negative = {code for code, ps in phrases.items() if ps and lexicon.negates_any(ps[0])}

    @cache
    def twice() -> frozenset[str]:
        """Phrases listed under two answers or more."""
        listed = Counter(p for ps in phrases.values() for p in set(ps))
        return frozenset(p for p, n in listed.items() if n > 1)

    index = _index(phrases)
    said = index.said(reply, words)
    # Only phrases said in the reply or alike enough to be it with a typo can score: the rest
    # score 0 and are not scored.
    alike = index.alike(reply, fuzz.ratio, AMBIGUOUS) if len(reply) >= 4 else []
    covered = _covered(reply, said, lexicon)
    scores = dict.fromkeys(phrases, 0.0)
    for code, p in dict.fromkeys([*said, *alike]):
        if (code, p) not in covered:
            scores[code] = max(scores[code], score(p, index.same[code], code))
    if max(scores.values(), default=0.0) < AMBIGUOUS and not any(
        lexicon.negates(w) for w in reply.split()
    ):
        # Nothing said as it is written: a phrase written with a typo among other words ("evry
        # day my back") is offered as a "did you mean", never taken.
        for code, p in index.alike(reply, fuzz.partial_ratio, TYPO_INSIDE):
            if (
                not _prefixed(words, p.split(), lexicon, aligned=True)
                and not any(lexicon.negates(w) for w in p.split())
                and p not in lexicon.intensifiers  # "kheili kam": very little
            ):
                scores[code] = max(scores[code], _typo_inside(reply, p))
    return sorted(((s, code) for code, s in scores.items()), reverse=True)


def _covered(reply: str, said: list[tuple[str, str]], lexicon: _Lexicon) -> set[tuple[str, str]]:
    """Phrases (code, phrase) said in the reply only as a part of a longer phrase of another
    answer that it also says at the end of a part of the reply: "no" in "helped my uncle, no
    salary" ("no salary" is worked, unpaid) says no "no". Not in "no, sleep is ok" (two
    parts) nor "no sleep problems" (more words after it change it), nor a phrase made
    stronger ("hard" in "very hard": which of the two is meant is asked). ``said``: the
    phrases said in the reply."""
    parts = lexicon.clauses or (reply,)
    longer = [
        (code, p)
        for code, p in said
        if " " in p and any(part == p or part.endswith(f" {p}") for part in parts)
    ]
    if not longer:
        return set()
    padded = f" {reply} "
    covered = set()
    for code, p in said:
        inside = [
            q
            for other, q in longer
            if other != code
            and len(q) > len(p)
            and f" {p} " in f" {q} "
            and not set(q.split()) - set(p.split()) <= lexicon.intensifiers
        ]
        if inside:
            rest = padded
            for q in inside:
                rest = rest.replace(f" {q} ", " | ")
            if f" {p} " not in rest:
                covered.add((code, p))
    return covered


def _mentioned(
    reply: str, phrases: dict[str, list[str]], lexicon: _Lexicon, lowest: str | None = None
) -> list[str]:
    """Options the reply names, each by a phrase not part of a longer phrase it also names
    ("very bad" names only "very bad", not "bad"), in the order the reply names them. A
    negative phrase after a "but" names nothing ("sometimes, but I would never do it") unless
    it is all that follows the "but" on a question that is no scale (``lowest`` None: "...,
    but I am not sure"); nor does the ``lowest`` answer's phrase with a negative verb after
    it."""
    padded = f" {reply} "
    words = reply.split()

    def names(phrase: str, code: str) -> bool:
        one_letter = len(phrase) == 1 and not _letter_alone(phrase, reply, lexicon)
        if f" {phrase} " not in padded or one_letter:
            return False
        at = len(padded[: padded.index(f" {phrase} ")].split())
        before = words[at - 1] if at > 0 else ""
        if lexicon.negates(before) and before not in lexicon.answer_words:
            return False  # "never hard" names no "hard" ("not never, sometimes" names both)
        end = at + len(phrase.split())
        after = words[end] if end < len(words) else ""
        if code == lowest and lexicon.negative_verb(after):
            # Verb last: "خوب نمی‌بینم" (I do not see well) names no "خوب" (well: not hard)
            return False
        if not any(lexicon.negates(w) for w in phrase.split()):
            return True
        if lowest is None and _all_after_contrast(words, at, end - at, lexicon):
            # "..., but I am not sure": the answer itself (not on a scale: "I try to study but
            # I can't concentrate" says nothing of how often)
            return True
        return not _after_contrast(words, at, lexicon)

    hits = _index(phrases).said(reply, words)
    said = {code: [p for c, p in hits if c == code and names(p, code)] for code in phrases}
    every = [p for ps in said.values() for p in ps]
    named = {
        code: min(padded.index(f" {p} ") for p in ps)
        for code, ps in said.items()
        if any(not any(p != q and f" {p} " in f" {q} " for q in every) for p in ps)
    }
    return sorted(named, key=named.__getitem__)


def _letter_alone(letter: str, reply: str, lexicon: _Lexicon) -> bool:
    """A phrase of one letter ("m", "є": man; there is, yes) said as the whole reply, a part of
    its own ("є, діабет"), or its first or last word ("є досвід", "sex: m"); not inside ("i m a
    woman")."""
    words = reply.split()
    return letter in lexicon.clauses or letter in (words[0], words[-1]) if words else False


def _only_the_least(
    reply: str,
    phrases: dict[str, list[str]],
    lowest: str,
    lexicon: _Lexicon,
    whole_only: frozenset[str] = frozenset(),
) -> bool:
    """A reply of two parts or more that all say the least answer: each word a phrase of it
    ("no never", "اصلا نی": not at all, no), or, between commas and stops, its phrases (the
    question's own descriptions too: "no, I have hope") after bare negation words (typing
    ``negations``, not negative verbs): "no, never", "нет, никогда", "nej, inte svårt" (no,
    not hard). Without a comma, a "no" of the answer's own and a phrase of it that says a
    negation too: "no i never thought about it", "አይ እንደዚህ አላሰብኩም" (no, I have not thought
    like this); not "never sleep good" (I never sleep well). A negation after a word that is
    neither a negation nor an intensifier turns it around: not "خوب نه" (well, no: not
    well), "fine, no", "امید دارم، نه" (I have hope, no). Nor "not never", "no, I don't know"
    (a verb), nor with a phrase of another answer ("no, sometimes")."""
    least = set(phrases[lowest])
    others = {p for code, ps in phrases.items() if code != lowest for p in ps}
    clauses = list(lexicon.clauses) if " ".join(lexicon.clauses) == reply else [reply]
    whole = len(clauses) == 1
    words = reply.split()
    for lead, word in enumerate(words):
        if word not in lexicon.negations or word not in least:
            break  # "no", "never": not "can't" ("cant see good": a bit or very hard)
        rest = " ".join(words[lead + 1 :])
        if " " in rest and rest in least and lexicon.negates_any(rest):
            return True
    parts = reply.split() if whole else clauses  # "no never": words, each a phrase of its own
    if len(parts) < 2 or any(p in others for p in parts):
        return False
    negations = lexicon.negations
    # a word of the answer's own phrases agrees with a negation after it ("never no", "اصلا
    # نی", "hechkala na"), unless it is a good word ("fine, no", "خوب نه": not well) or a
    # description ("امید دارم، نه": I have hope, no)
    agreeing = negations | lexicon.intensifiers | (least - whole_only - lexicon.positive)
    for at, part in enumerate(parts):
        if part in negations and any(p not in agreeing for p in parts[:at]):
            return False  # "fine, no": the negation after turns it around
        bare = not whole and part in negations and all(p in negations for p in parts[:at])
        if part not in least and not (bare and any(p in least for p in parts[at + 1 :])):
            return False  # a bare "no" only before the answer's words: not "no, can't"
    return any(p in least for p in parts)


def _choose(
    reply: str,
    phrases: dict[str, list[str]],
    lexicon: _Lexicon,
    options: tuple[Option, ...] = (),
    lowest: str | None = None,
    *,
    scale: bool = False,
    whole_only: frozenset[str] = frozenset(),
) -> Interpretation:
    """The option a reply names: taken when clear, else candidates to ask about.

    ``lowest``: the scale's least answer ("Not at all"), taken only when the reply is exactly
    one of its phrases. Among more words its "at all", "never" often strengthen a complaint
    ("اصلا خوابم نمیبره": I cannot sleep at all), so it is offered, never taken.
    ``whole_only``: phrases (the question's own descriptions) taken only as the whole reply."""
    if lowest is not None and _only_the_least(reply, phrases, lowest, lexicon, whole_only):
        return Interpretation(lowest, 1.0)  # "no, never", "нет, не трудно": one answer
    ranked = _ranked(reply, phrases, lexicon, scale, whole_only, lowest)
    best, code = ranked[0]
    # of the least answer (the harmless one on the self-harm question: "لا امل", no hope),
    # whatever it looks like, it is asked again
    alike_best = None if code == lowest else code
    if best < 100.0 and _like_a_negative_phrase(reply, phrases, lexicon, alike_best):
        # "нколи" is a typo of "ніколи" (never) as much as of "інколи" (sometimes): a short reply
        # that looks like a negative answer is asked again, never read as another one.
        return NOTHING
    runner_up = ranked[1][0] if len(ranked) > 1 else 0.0
    if best < 100.0:
        named = _mentioned(reply, phrases, lexicon, lowest)
        if len(named) >= 2 and lowest in named and _turned_around(reply, phrases[lowest], lexicon):
            # "هیچ روزی نیست که درد نداشته باشم" (there is no day I have no pain): its "هیچ"
            # (none) before a negative verb is no "never"; the other answers are asked about.
            named = [c for c in named if c != lowest]
            if len(named) == 1:
                return Interpretation(None, round(best / 100, 3), (named[0],))
        if (
            best >= AMBIGUOUS
            and len(named) == 1
            and _inside(reply, phrases[code], phrases[named[0]])
        ):
            # The best answer's words are said only inside a longer phrase of another answer
            # ("jobba" in "jobba och plugga båda": both): that answer is asked about.
            return Interpretation(None, round(best / 100, 3), (named[0],))
        if len(named) >= 2:  # "sometimes or often, it depends": ask which
            # "work and study" in other words may mean the option that combines them: first.
            together = [o.code for o in options if o.combines and set(o.combines) <= set(named)]
            if step := _step_between(named, options):  # shown in the scale's order
                named = sorted([*named, *step], key=[o.code for o in options].index)
            named_first = [*together, *named]
            return Interpretation(None, round(best / 100, 3), tuple(dict.fromkeys(named_first))[:3])
    if best < 100.0 and best >= AMBIGUOUS:
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


def _inside(reply: str, phrases: list[str], others: list[str]) -> bool:
    """Some of ``phrases`` are said in the reply, each only inside a longer one of ``others``
    that is said too ("jobba" in "jobba och plugga")."""
    padded = f" {reply} "
    said = [p for p in phrases if f" {p} " in padded]
    longer = [q for q in others if f" {q} " in padded]
    return bool(said) and all(
        any(len(q) > len(p) and f" {p} " in f" {q} " for q in longer) for p in said
    )


def _like_a_negative_phrase(
    reply: str, phrases: dict[str, list[str]], lexicon: _Lexicon, best: str | None = None
) -> bool:
    """A reply of one or two words, no phrase as it is written, that is alike (a typo) to a
    phrase with a negation in it, and to a phrase of another answer than ``best`` ("لا
    الحمدلله" is like "لا الحمد لله" and only other phrases of "No": no doubt)."""
    index = _index(phrases)
    if len(reply.split()) > 2 or reply in index.by_text:
        return False
    alike = index.alike(reply, fuzz.ratio, AMBIGUOUS)
    return any(
        len(p.split()) <= 2 and any(lexicon.negates(w) for w in p.split()) for _, p in alike
    ) and (best is None or any(code != best for code, _ in alike))


def _typo_rivals(reply: str, code: str, phrases: dict[str, list[str]]) -> list[str]:
    """Other options whose words (five letters or more) are written with a typo in what is
    left of the reply once the words of ``code`` are taken out. Not words said as they are:
    ``_mentioned`` reads those, with what turns them around ("sometimes, but I would never do
    it" names no "never")."""
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
            len(p) >= 5
            and f" {p} " not in f" {rest} "
            and (fuzz.ratio(rest, p) >= TYPO_INSIDE or _typo_inside(rest, p))
            for p in others
        )
    ]


def _multiple(
    question: Question,
    reply: str,
    phrases: dict[str, list[str]],
    lexicon: _Lexicon,
    whole_only: frozenset[str] = frozenset(),
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
        result = _choose(part, phrases, lexicon, whole_only=whole_only)
        if not result.clear:
            return result if len(parts) == 1 else NOTHING
        chosen.append(str(result.value))
    chosen = list(dict.fromkeys(chosen))
    exclusive = [c for c in chosen if (o := question.option(c)) and o.exclusive]
    if exclusive and len(chosen) > 1:
        return NOTHING
    return Interpretation(tuple(chosen), 0.9)
