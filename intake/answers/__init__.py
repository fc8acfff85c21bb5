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

from collections.abc import Iterable
from dataclasses import replace
from datetime import date

from intake.answers.aids import with_the_aid
from intake.answers.choices import (
    _about_someone_else,
    _choose,
    _in_company,
    _lowest,
    _multiple,
    _person_first_is_an_answer,
)
from intake.answers.frequency import how_often
from intake.answers.levels import level_reading
from intake.answers.lexicon import (
    _cached_aid,
    _cached_levels,
    _cached_own_phrases,
    _cached_phrases,
    _cached_said,
    _cached_unit_words,
    _cached_units,
    _default_catalogs,
    _Lexicon,
    _question_lexicon,
)
from intake.answers.model import NOTHING, Interpretation
from intake.answers.numbers import (
    _number,
    _numbers_in,
    _rating,
    _says_full,
    _says_none,
    _year,
    counted_times,
    ethiopic_number,
    too_long,
)
from intake.answers.text import (
    CLAUSE,
    QUESTION_MARK,
    SENTENCE,
    join_prefixes,
    normalise,
    without_phrases,
)
from intake.i18n import Catalogs
from intake.questionnaire.model import Question, QuestionType, Typing

__all__ = ["NOTHING", "Interpretation", "ethiopic_number", "interpret", "normalise"]


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
    typing = typing or Typing("")
    lexicon = replace(_question_lexicon(catalogs, typing, question, locales))
    cleaned = join_prefixes(normalise(text), lexicon.phrase_words)  # "نمی شنوم" as "نمی‌شنوم"
    if not cleaned or too_long(cleaned):
        return NOTHING  # nothing typed, or a number too long to be an answer: ask again
    kind = question.type
    if kind is QuestionType.YEAR:
        return _year(question, text, cleaned, locale, lexicon, today)
    if kind is QuestionType.NUMBER:
        units = _cached_units(catalogs, question, locales)
        beside = _cached_unit_words(catalogs, question, locales)
        levels = _cached_levels(catalogs, question, locales)
        if levels and (level := level_reading(question, text, cleaned, lexicon, levels, units)):
            return level  # "I finished high school": 12, to confirm
        number = _number(question, text, cleaned, lexicon, units, beside)
        found = _numbers_in(text, cleaned, lexicon, units=units | beside, ordinals=True)
        if number is not NOTHING or any(found):  # a word for none is read as none below
            return number
        zero = _cached_said(catalogs, question, locales, "zero")
        full = _cached_said(catalogs, question, locales, "full")
        half = _cached_said(catalogs, question, locales, "half")
        return _none_or_most(question, text, cleaned, lexicon, zero, full, half)
    if not kind.has_options:
        return NOTHING
    if lexicon.lately and (rest := without_phrases(text, lexicon.lately)) != text:
        # "lately every day", "останнім часом часто" (its "часом" is also "sometimes"): the
        # time the question asks about is no part of the answer
        text, cleaned = rest, join_prefixes(normalise(rest), lexicon.phrase_words)
        if not cleaned:
            return NOTHING
    if kind is QuestionType.SCALE and all(o.code.isdigit() for o in question.options):
        rated = _rating(question, text, cleaned, lexicon)  # the 0-10 scale: a number
        if rated is not None:
            return rated
    phrases = _cached_phrases(catalogs, typing, question, locales)
    # the reply's parts, for answers said at the end of one ("helped on the farm, no salary")
    clauses = (join_prefixes(normalise(p), lexicon.phrase_words) for p in CLAUSE.split(text))
    lexicon = replace(lexicon, clauses=tuple(c for c in clauses if c))
    if kind is QuestionType.MULTIPLE:
        own = _cached_own_phrases(catalogs, typing, question, locales)
        chosen_many = _multiple(question, cleaned, phrases, lexicon, own)
        return NOTHING if chosen_many.clear and QUESTION_MARK.search(text) else chosen_many
    lowest = _lowest(question) if kind is QuestionType.SCALE else None
    own = _cached_own_phrases(catalogs, typing, question, locales)
    aid = _cached_aid(catalogs, question, locales)
    chosen = _one_choice(question, text, cleaned, phrases, lexicon, lowest, own, aid)
    # in every language there are words for: a reply may mix them ("nej, ناامیدم")
    worrying = _cached_said(catalogs, question, tuple(catalogs.infos), "worrying")
    if lowest is not None and _says_worrying(lexicon.clauses or (cleaned,), worrying):
        # "no hope", "I'm tired of life" on the self-harm question: its "no" is no "No"
        return _without_answer(chosen, lowest)
    if worrying and lowest in chosen.candidates:
        # "no, but sometimes i want to die", "ኣይፋል፣ ግን ክሞት ይደሊ": where risk is asked
        # about, "No" is taken only when the reply says nothing else, never offered; the
        # answers are shown again (with crisis help), "No" among them
        return _without_answer(chosen, str(lowest))
    return chosen


def _one_choice(
    question: Question,
    text: str,
    cleaned: str,
    phrases: dict[str, list[str]],
    lexicon: _Lexicon,
    lowest: str | None,
    own: frozenset[str],
    aid: frozenset[str],
) -> Interpretation:
    """The answer a reply to a single-choice, yes/no or scale question names: taken, offered
    or none."""
    kind = question.type
    someone_else = _about_someone_else(cleaned, lexicon) and not _person_in_answer(
        cleaned, phrases, lexicon
    )
    company = someone_else and _in_company(cleaned, lexicon)  # "with my father I worked"
    if kind is QuestionType.YESNO and own and someone_else and not company:
        return _about_someone(question, text, cleaned, phrases, lexicon, own)
    scale = kind is QuestionType.SCALE
    # "fine with my glasses, without them nothing": the question asks about using the aid
    if aided := with_the_aid(text, aid, lexicon):
        with_aid = _choose(
            aided, phrases, lexicon, question.options, lowest, scale=scale, whole_only=own
        )
        if with_aid.clear or with_aid.candidates:
            offered = with_aid.offered()
            if lowest is not None and offered.candidates == (lowest,):
                # "fine with my glasses, without them nothing": no difficulty as asked, but
                # needing the aid may be "a bit hard" to the participant: both are offered
                offered = replace(offered, candidates=(lowest, *_step_above(question, lowest)))
            return offered
    chosen = _read_choice(question, text, cleaned, phrases, lexicon, lowest, own)
    if (
        not chosen.clear
        and len(chosen.candidates) < 2
        and (either := _either(question, cleaned, phrases, lexicon, lowest, own))
    ):
        # "ትንሽ ነው ወይስ በጣም አላውቅም" (a little or very, I don't know): both sides offered
        chosen = Interpretation(None, 0.7, either)
    if chosen.clear and _but_after(cleaned, lexicon):
        # "працювати за фахом, але спочатку мову вчити" (work in my field, but first learn the
        # language): what follows a "but" may change the answer; asked, with the answers that
        # combine it with another ("Both work and study")
        combined = [o.code for o in question.options if chosen.value in o.combines]
        chosen = replace(chosen.offered(), candidates=(str(chosen.value), *combined)[:3])
    if not chosen.clear and (rest := _understood(cleaned, phrases, lexicon)) != cleaned:
        # "په دې پوښتنه نه پوهیږم" (I don't understand this question): its "not" is no "Not
        # at all"
        chosen = _besides(question, rest, phrases, lexicon, lowest, own)
    if (
        someone_else
        and kind is not QuestionType.SCALE
        and (chosen.clear or chosen.candidates)
        and _about_someone_else(cleaned, lexicon, first=True)
        and not set(cleaned.split()) & (lexicon.pronouns | lexicon.me)
        and not _person_first_is_an_answer(cleaned, phrases, lexicon)
    ):
        # "my husband wants to work as a driver", "خانمم مریض است" (my wife is ill): the reply
        # begins with them, says nothing of "I" or "me" and names an answer (theirs): not
        # offered; the participant is asked to answer about themselves. Not on a scale, where
        # the person is often the cause and "I" and "me" are often left out or written onto the
        # verb ("زوجي بيضربني كل يوم": my husband beats me every day; "муж умер и иногда
        # хочется умереть": my husband died and sometimes I want to die): tried and reverted
        # after a review
        return replace(NOTHING, someone_else=True)
    if someone_else:
        chosen = chosen.offered()  # "my son has asthma, I am fine": asked
    if QUESTION_MARK.search(text) and (chosen.clear or chosen.candidates):
        if len(cleaned.split()) <= 2:  # "yes?" alone: offered, never taken
            return chosen.offered()
        if someone_else:
            # "my son cant hear well, does that count?": asked about another person
            return replace(NOTHING, someone_else=True)
        # A question back is no answer ("а что такое vårdcentral?", "what does sometimes
        # mean?", "no, but sometimes?"); what is said besides a question that names no
        # answer may be ("every day. why do you ask?", "I worry every day, is that normal?"):
        # offered, never taken.
        parts = [p for p in SENTENCE.split(text.strip()) if p]
        asked = normalise(" ".join(p for p in parts if QUESTION_MARK.search(p)))
        said = " ".join(p for p in parts if not QUESTION_MARK.search(p))
        named = _choose(asked, phrases, lexicon, question.options, lowest, whole_only=own)
        if not said or named.clear or named.candidates:
            return NOTHING
        besides = _read_choice(question, said, normalise(said), phrases, lexicon, lowest, own)
        return besides.offered()
    return chosen


def _says_worrying(parts: Iterable[str], worrying: Iterable[str]) -> bool:
    """A phrase that shows risk ("no hope", "tired of life") said whole in one part of the
    reply: "no, the future is good" says no "no future"."""
    padded = [f" {part} " for part in parts]
    return any(f" {phrase} " in part for phrase in worrying for part in padded)


def _without_answer(chosen: Interpretation, code: str) -> Interpretation:
    """``chosen`` with the answer ``code`` neither taken nor offered: asked again when it was
    all the reply named."""
    left = tuple(c for c in chosen.candidates if c != code)
    if chosen.value == code or (chosen.value is None and not left):
        return NOTHING
    return chosen if left == chosen.candidates else replace(chosen, candidates=left)


def _no_day_without(question: Question, cleaned: str, lexicon: _Lexicon) -> str | None:
    """The scale's highest answer when a part of the reply says "there is no day" and a
    negation or a "without" after it in that part ("no day without pain", "not a day I don't
    worry"), or, where the verb comes last, ends with a "there is no day" that ends in its own
    negation with a negative relative form right before it ("ህመም የሌለኝ ቀን የለም"), else
    None. Not a negation in another part, which may agree ("not one day, never"), nor "I have
    no pain, not a day" (its "not a day" ends in no negation of its own)."""
    values = question.scale_values
    if not values:
        return None
    for part in lexicon.clauses or (cleaned,):
        padded = f" {part} "
        said = [p for p in lexicon.no_day if f" {p} " in padded]
        if not said:
            continue
        first = min(said, key=lambda p: padded.index(f" {p} "))
        after = padded[padded.index(f" {first} ") + len(first) + 1 :].split()
        turned = [at for at, w in enumerate(after) if lexicon.negates(w) or w in lexicon.without]
        if turned and not _good_beside(after, turned[0], lexicon):
            return max(values, key=values.__getitem__)
        # Verb last: "ህመም የሌለኝ ቀን የለም" (a day I have no pain, there is none): a phrase that
        # ends in its own negation ends the part, a negative relative form ("የሌለኝ": that I do
        # not have) right before it; not a finished negative verb ("ህመም የለብኝም አንድም ቀን
        # የለም": I have no pain, not one day)
        last = max(said, key=lambda p: padded.index(f" {p} "))
        before = padded[: padded.index(f" {last} ")].split()
        if (
            len(last.split()) > 1
            and lexicon.negates(last.split()[-1])
            and padded.endswith(f" {last} ")
            and any(
                lexicon.relative_negative(w) and not _good_beside(before, at, lexicon)
                for at, w in enumerate(before)
                if at >= len(before) - 2
            )
        ):
            return max(values, key=values.__getitem__)
    return None


def _good_beside(words: list[str], at: int, lexicon: _Lexicon) -> bool:
    """A good word right beside the negation at ``at`` ("not happy", "ደስ የማይለኝ"): "there is
    no day I am not happy" is never sad, not every day."""
    return any(w in lexicon.positive for w in words[max(0, at - 1) : at + 2] if w != words[at])


MAX_NOT_THAT = 5  # "not so bad", "my health is not great": short replies only
NOT_AT_END = 2  # a negation after an answer, and at most one word after it ("xun ma aha")


def _not_that(
    question: Question, cleaned: str, phrases: dict[str, list[str]], lexicon: _Lexicon
) -> tuple[str, ...]:
    """A short reply that says an answer is not so ("not great", "not too bad", "xun ma aha":
    bad it is not) on a scale whose options have values: the two answers next to it towards
    the other end of the scale ("not great": good, okay), or the two beside it when it is the
    middle one. None when no answer's phrase is said with a negation right beside it in the
    same part of the reply ("excellent, never sick"), or when that answer says none itself
    ("በፍፁም አላስብም": never, I don't think of it, is no "not never")."""
    values = question.scale_values
    if len(cleaned.split()) > MAX_NOT_THAT or len(values) < 3:
        return ()
    parts = [c.split() for c in lexicon.clauses or (cleaned,)]
    negated = []
    plain: list[str] = []  # answers said with no negation beside them: "excellent, never sick"
    # Never on a scale whose least answer says none ("No", "Never", "Not at all"): "not often"
    # may be some of it ("it happens, not often" on the self-harm question), and a negation
    # after an answer is what happens ("sometimes don't want to live"). A negation after an
    # answer turns it around only at the end of the reply ("xun ma aha": bad it is not).
    least = min(values, key=values.__getitem__)
    if any(lexicon.negates_any(p) for p in phrases.get(least, ())):
        return ()
    for code, ps in phrases.items():
        if ps and lexicon.negates_any(ps[0]):
            continue  # "No", "Never", "Not at all": a negation beside them agrees
        for phrase in ps:
            said = phrase.split()
            if len(said) > 2 or lexicon.negates_any(phrase):
                continue
            for words in parts:
                at = next((i for i in range(len(words)) if words[i : i + len(said)] == said), None)
                if at is None:
                    continue
                before = [w for w in words[max(0, at - 2) : at] if w not in lexicon.intensifiers]
                after = words[at + len(said) :]
                ends = bool(after) and len(after) <= NOT_AT_END and lexicon.negates(after[0])
                if (before and lexicon.negates(before[-1])) or ends:
                    negated.append((len(phrase), values[code], code))
                elif code not in plain:
                    plain.append(code)
    if not negated:
        return ()
    # the longest phrase said ("very hard" in "not very hard", not "hard"); of a phrase of two
    # answers, the higher ("not difficult": not "a bit hard" nor "very hard", so below both)
    return tuple(dict.fromkeys([*plain, *_beside(values, max(negated)[2])]))[:3]


def _beside(values: dict[str, float], code: str) -> tuple[str, ...]:
    """The two answers next to ``code`` towards the other end of the scale, or on both sides
    of the middle one, in the scale's order."""
    order = sorted(values, key=values.__getitem__)
    at = order.index(code)
    middle = (len(order) - 1) / 2
    if at < middle:
        near = order[at + 1 : at + 3]
    elif at > middle:
        near = order[max(0, at - 2) : at]
    else:
        near = [order[at - 1], order[at + 1]]
    return tuple(c for c in values if c in near)


MIN_AFTER_BUT = 2  # "work, but first the language"; not "yes but" alone


def _but_after(cleaned: str, lexicon: _Lexicon) -> bool:
    """A "but" after the first word of the reply with two words or more after it."""
    words = cleaned.split()
    return any(
        words[i] in lexicon.contrasts and len(words) - i - 1 >= MIN_AFTER_BUT
        for i in range(1, len(words))
    )


MAX_EITHER = 8  # words of a reply read as "this or that"


def _either(
    question: Question,
    cleaned: str,
    phrases: dict[str, list[str]],
    lexicon: _Lexicon,
    lowest: str | None,
    own: frozenset[str],
) -> tuple[str, ...]:
    """A short reply of two sides with a word for "or" between them, each side naming an
    answer of its own ("maalmaha qaar ama in ka badan": some days or more), or the second a
    word for "very" ("ትንሽ ነው ወይስ በጣም": a little or very): the answers of both sides, in their
    order (the step above the first for "very"); none unless each side names one."""
    part = next((c for c in lexicon.clauses if set(c.split()) & lexicon.alternatives), cleaned)
    words = part.split()  # "maalmaha qaar ama in ka badan", not ", ma garanayo" (I don't know)
    ors = [i for i, w in enumerate(words) if w in lexicon.alternatives]
    if len(ors) != 1 or len(cleaned.split()) > MAX_EITHER or not 0 < ors[0] < len(words) - 1:
        return ()
    named: list[str] = []
    for side in (words[: ors[0]], words[ors[0] + 1 :]):
        codes = _side(question, side, phrases, lexicon, lowest, own)
        if not codes and named and set(side) & lexicon.intensifiers:
            codes = _step_above(question, named[0])
        if not codes:
            return ()
        named += codes
    return tuple(dict.fromkeys(named)) if len(set(named)) == 2 else ()


def _side(
    question: Question,
    side: list[str],
    phrases: dict[str, list[str]],
    lexicon: _Lexicon,
    lowest: str | None,
    own: frozenset[str],
) -> tuple[str, ...]:
    """The answer one side of "this or that" names, read alone or without its last word
    ("በጣም አላውቅም": very, I don't know)."""
    for said in (" ".join(side), " ".join(side[:-1])):
        if said:
            read = _read_choice(question, said, said, phrases, lexicon, lowest, own)
            if codes := ((str(read.value),) if read.clear else read.candidates[:1]):
                return codes
    return ()


def _besides(
    question: Question,
    rest: str,
    phrases: dict[str, list[str]],
    lexicon: _Lexicon,
    lowest: str | None,
    own: frozenset[str],
) -> Interpretation:
    """What a reply that says it does not understand says besides (``rest``): offered only as
    answers' words said whole, not negations alone ("i dont understand why i never sleep") nor
    words alike ("не понимаю по-шведски" is no "I understand Swedish"); never taken."""
    besides = _read_choice(question, rest, rest, phrases, lexicon, lowest, own)
    codes = (str(besides.value),) if besides.clear else besides.candidates
    whole = bool(codes) and all(
        any(
            f" {p} " in f" {rest} " and not all(lexicon.negates(w) for w in p.split())
            for p in phrases[code]
        )
        for code in codes
    )
    return besides.offered() if whole else NOTHING


def _understood(cleaned: str, phrases: dict[str, list[str]], lexicon: _Lexicon) -> str:
    """The reply without the words that say it is not understood ("i don't understand"), or
    as it is when an answer's own words hold them ("i don't understand swedish")."""
    padded = f" {cleaned} "
    said = [p for p in lexicon.not_understood if f" {p} " in padded]
    if not said or any(
        f" {p} " in padded and any(f" {s} " in f" {p} " for s in said)
        for ps in phrases.values()
        for p in ps
    ):
        return cleaned
    for p in sorted(said, key=len, reverse=True):
        padded = padded.replace(f" {p} ", " ")
    return " ".join(padded.split())


def _step_above(question: Question, code: str) -> tuple[str, ...]:
    """The answer one step above ``code`` on a scale whose options have values, or none."""
    values = question.scale_values
    above = [c for c, v in values.items() if code in values and v > values[code]]
    return (min(above, key=values.__getitem__),) if above else ()


def _none_or_most(
    question: Question,
    text: str,
    cleaned: str,
    lexicon: _Lexicon,
    zero: tuple[str, ...],
    full: tuple[str, ...],
    half: tuple[str, ...] = (),
) -> Interpretation:
    """A number question answered without a number: words for none ("I never went to
    school") offer 0, words for the most ("I can work a full day") the highest number, words
    for half of it ("half a day", "halv heltid") half of it, rounded down; never in a question
    back ("heltid? omöjligt"), about someone else ("my husband works full time"), with a word
    that compares ("less than half a day") or a word for "or" ("part time or full time")."""
    if _says_none(cleaned, zero) or _none_in_a_part(text, cleaned, zero, lexicon):
        return Interpretation(0, 0.7, confirm=True)
    words = set(cleaned.split())
    if (
        question.maximum is None
        or QUESTION_MARK.search(text)
        or _about_someone_else(cleaned, lexicon)
        or words & (lexicon.alternatives | lexicon.comparisons)
        or any(f" {c} " in f" {cleaned} " for c in lexicon.comparisons if " " in c)
    ):
        return NOTHING
    if _says_full(cleaned, half, lexicon):
        return Interpretation(int(question.maximum) // 2, 0.7, confirm=True)
    if _says_full(cleaned, full, lexicon):
        return Interpretation(int(question.maximum), 0.7, confirm=True)
    return NOTHING


MIN_SAID = 4  # letters of a word of the words for none that says what they are about


def _none_in_a_part(text: str, cleaned: str, zero: tuple[str, ...], lexicon: _Lexicon) -> bool:
    """A part of the reply says none and the others give a reason ("never went to school, had
    to work"): not with a "but", a word for "then" ("no school, then university"), a word of
    the words for none ("no school here, I studied in Iran") in another part, nor about
    someone else ("my husband never went to school, I went")."""
    parts = [c for p in CLAUSE.split(text) if (c := normalise(p))]
    said = {  # "school", "studied": not "to", "i"
        w for z in zero for w in z.split() if len(w) >= MIN_SAID and not lexicon.negates(w)
    }
    for at, part in enumerate(parts):
        if not _says_none(part, zero):
            continue
        others = " ".join(p for n, p in enumerate(parts) if n != at)
        joined = lexicon.contrasts | set(lexicon.separators)
        return not (
            any(f" {c} " in f" {others} " for c in joined)
            or set(others.split()) & said
            or _about_someone_else(cleaned, lexicon)
        )
    return False


def _person_in_answer(cleaned: str, phrases: dict[str, list[str]], lexicon: _Lexicon) -> bool:
    """Another person named inside a phrase of an answer the reply says: "i helped my father"
    (unpaid work) is about the participant; so is a reply that is an answer's word ("муж",
    husband, and man: the answer to what one's gender is)."""
    padded = f" {cleaned} "
    return any(
        cleaned == p
        or (" " in p and f" {p} " in padded and any(f" {o} " in f" {p} " for o in lexicon.others))
        for ps in phrases.values()
        for p in ps
    )


def _read_choice(
    question: Question,
    text: str,
    cleaned: str,
    phrases: dict[str, list[str]],
    lexicon: _Lexicon,
    lowest: str | None,
    own: frozenset[str],
) -> Interpretation:
    """The answer a reply names (``_choose``), and on a how-often question what it says in
    numbers: "2 or 3 times a week" is offered, never taken, with what the words say when the
    two disagree ("5 раз в неделю" holds "раз в неделю", once a week)."""
    scale = question.type is QuestionType.SCALE
    chosen = _choose(
        cleaned, phrases, lexicon, question.options, lowest, scale=scale, whole_only=own
    )
    if scale and not chosen.clear and (most := _no_day_without(question, cleaned, lexicon)):
        # "ma jirto maalin aanan xanuun dareemin" (there is no day I feel no pain): every day
        return Interpretation(None, 0.8, (most,))
    if not (chosen.clear or chosen.candidates) and (
        beside := _not_that(question, cleaned, phrases, lexicon)
    ):
        return Interpretation(None, 0.7, beside)  # "not so bad", "xun ma aha": what is beside
    if chosen.clear and counted_times(cleaned, lexicon):
        # "الف مرة" (a thousand times) holds "مرة" (once: sometimes): a count is offered,
        # never taken as an answer's word
        chosen = chosen.offered()
    codes = how_often(question, text, cleaned, lexicon)
    if not codes or (chosen.clear and chosen.value in codes):
        return chosen
    said = [str(chosen.value)] if chosen.clear else list(chosen.candidates)
    keep = [*said, *(c for c in codes if c not in said)][:3]  # what the words name, first
    return Interpretation(None, 0.7, tuple(o.code for o in question.options if o.code in keep))


def _about_someone(
    question: Question,
    text: str,
    cleaned: str,
    phrases: dict[str, list[str]],
    lexicon: _Lexicon,
    own: frozenset[str],
) -> Interpretation:
    """A reply to a yes/no question that begins with another person ("my husband has
    diabetes", "у мужа диабет"): the question's own words (an illness, a job, a doctor) say
    something about them, not about the participant. Only the answers' own words count ("no,
    my mother has"), offered, never taken; when only the question's words named an answer,
    the participant is asked to answer about themselves."""
    answers_only = {code: [p for p in ps if p not in own] for code, ps in phrases.items()}
    chosen = _choose(cleaned, answers_only, lexicon, question.options, None)
    if not (chosen.clear or chosen.candidates):
        # "my husband works, I never worked": what follows is the participant's own
        rest = normalise(CLAUSE.split(text, maxsplit=1)[-1]) if CLAUSE.search(text) else ""
        if rest and not _about_someone_else(rest, lexicon):
            chosen = _choose(rest, phrases, lexicon, question.options, None, whole_only=own)
    if chosen.clear or chosen.candidates:
        return chosen.offered()
    named = _choose(cleaned, phrases, lexicon, question.options, None, whole_only=own)
    return replace(NOTHING, someone_else=bool(named.clear or named.candidates))
