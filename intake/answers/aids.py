"""Replies about doing something with and without an aid: "fine with my glasses, without them
I can't see a thing". The question asks about using the aid (glasses, a hearing aid); what a
reply says after "without" is about something else and is left out."""

from __future__ import annotations

from intake.answers.lexicon import _Lexicon
from intake.answers.text import CLAUSE, normalise


def with_the_aid(text: str, aid: frozenset[str], lexicon: _Lexicon) -> str | None:
    """The reply without its parts about doing without the aid, normalised; None unless it
    names the aid, a "without", and an answer with the aid: the aid named again ("fine with
    my glasses, without them nothing") or a part of its own beside the one that starts with
    "without" ("without glasses nothing, with them ok"). "I can't see without glasses" says
    nothing of seeing with them: None."""
    cleaned = normalise(text)
    if not any(f" {a} " in f" {cleaned} " for a in aid) or not lexicon.without & set(
        cleaned.split()
    ):
        return None
    kept: list[str] = []
    dropped_whole = kept_whole = False
    for words in _parts(text, lexicon):
        # not Swedish "inte svårt ... utan jättesvårt": right after a "not", with no "but"
        # between, "utan" is "but rather"
        cut = next(
            (
                i
                for i, w in enumerate(words)
                if w in lexicon.without and not _rather(words, i, lexicon)
            ),
            len(words),
        )
        before = " ".join(words[:cut])
        if 0 < cut < len(words) and not any(f" {a} " in f" {before} " for a in aid):
            cut = 0  # "ser dåligt utan glasögon" (I see badly without glasses): all without
        dropped_whole |= cut == 0 and bool(words)
        kept_whole |= cut == len(words) and bool(words)
        kept += words[:cut]  # "with glasses fine without nothing": "with glasses fine"
    reading = " ".join(kept)
    names_aid = any(f" {a} " in f" {reading} " for a in aid)
    return reading if reading and (names_aid or (dropped_whole and kept_whole)) else None


def _parts(text: str, lexicon: _Lexicon) -> list[list[str]]:
    """The reply's parts as words: between commas and stops, and before each "but" ("ser
    dåligt utan glasögon men med glasögonen är det inga problem")."""
    parts = []
    for clause in CLAUSE.split(text):
        words = normalise(clause).split()
        starts = [0, *(i for i, w in enumerate(words) if i and w in lexicon.contrasts)]
        parts += [words[a:b] for a, b in zip(starts, [*starts[1:], len(words)], strict=True)]
    return parts


def _rather(words: list[str], at: int, lexicon: _Lexicon) -> bool:
    """A negation before ``at`` in the clause, with no contrast word between them."""
    for word in reversed(words[:at]):
        if word in lexicon.contrasts:
            return False
        if lexicon.negates(word):
            return True
    return False
