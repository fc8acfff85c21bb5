"""Years of school said as a level finished: "I finished high school" is 12 years, "خلصت بكالوريا
وبعدين سنتين جامعة" (baccalaureate, then two years of university) 14.

A number question's ``levels`` ("finished high school=12|bachelor=16") are translated per
locale, numbers included: a level means other years in other school systems ("закінчив школу"
is 11 years in Ukraine). Every reading is offered to confirm, never taken.
"""

from __future__ import annotations

from intake.answers.choices import SHORT_PERSON, _about_someone_else
from intake.answers.lexicon import _Lexicon
from intake.answers.model import NOTHING, Interpretation
from intake.answers.numbers import _beside_unit, _numbers_in, digits_at
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
    4 years university": 16, on a question asking for a total). Years said after the first
    level named add to it; with none, the highest level named counts.

    None (the reply is read as any other) when the reply names no level, has a negation ("I
    did not finish high school"), a number or other words than "I" before the level ("12
    years, I finished high school", "jag hoppade av gymnasiet": I dropped out of high school,
    "неполное среднее": incomplete secondary), or words after it that do not join years to
    it ("ዲግሪ እየተማርኩ ነበር": I was studying for a degree; "bachelor, dropped out"). Asked again
    (nothing offered) in a question back, about someone else or naming another person ("I
    finished high school, my husband university"), or with years after it not joined to it
    ("bachelor 2 years", "bachelor, 4 years": which?)."""
    padded = f" {cleaned} "
    named = [(padded.index(f" {p} "), len(p), n) for p, n in levels if f" {p} " in padded]
    if not named or lexicon.negates_any(cleaned):
        return None
    start, size, first = min(named, key=lambda hit: (hit[0], -hit[1]))
    if any(w not in lexicon.pronouns for w in cleaned[:start].split()):
        return None  # a number or other words before the level
    if (
        QUESTION_MARK.search(text)
        or _about_someone_else(cleaned, lexicon)
        or any(f" {person} " in padded for person in lexicon.others if len(person) > SHORT_PERSON)
    ):
        return NOTHING
    after = cleaned[start + size :].strip()
    joined = _then(after, lexicon)
    parts = _numbers_in(after, after, lexicon, repeated=True, units=units)
    restated = bool(parts) and parts[0] == first
    if restated:
        # "دیپلم دارم، ۱۲ سال" (a diploma, 12 years), "dugsi sare ... 12 fasal, kadib jaamacad
        # 2 sano": the level's own years said again; what follows may add to them
        parts = parts[1:]
        joined = joined or bool(set(after.split()) & set(lexicon.separators))
    own = first if restated else None
    if parts and not (question.total and joined and _years_only(after, lexicon, units, own)):
        # "bachelor 2 years", "bachelor, 4 years": years of it, or more? "finished high
        # school and have 3 children": no years. Asked again, never read as the number alone
        return NOTHING
    if not parts and after and not restated:
        return None  # "ዲግሪ እየተማርኩ ነበር" (was studying for a degree), "bachelor, dropped out"
    total = first + sum(parts) if parts else max(n for _at, _size, n in named)
    low, high = question.minimum, question.maximum
    if (low is not None and total < low) or (high is not None and total > high):
        return NOTHING
    return Interpretation(total, 0.6, confirm=True)


def _years_only(after: str, lexicon: _Lexicon, units: frozenset[str], own: int | None) -> bool:
    """Every number written in digits after the level, but for its ``own`` years said again,
    stands beside the question's unit ("then 4 years university"; not "and have 3
    children"); number words count as they are ("سنتين", two years)."""
    words = after.split()
    found = digits_at(after, lexicon)
    return all(_beside_unit(words, at, units) for at, n in found if n != own)


def _then(after: str, lexicon: _Lexicon) -> bool:
    """What follows the level begins with "and", "then" (a separator of the locale, also
    written onto the next word: Arabic "وبعدين")."""
    words = after.split()
    return bool(words) and any(
        after == s or after.startswith(f"{s} ") for s in lexicon.separators if s.isalpha()
    )
