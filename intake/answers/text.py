"""Typed text made uniform before it is read: case, diacritics, Arabic-script variants
(Pashto and Sorani letters typed as Persian ones too), tatweel, ZWNJ, digits of any script."""

from __future__ import annotations

import re
import unicodedata

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
    if "i" in text and _CYRILLIC.search(text):
        text = _LATIN_I_IN_CYRILLIC.sub("\u0456", text)  # "собi": a Latin i for Ukrainian і
    return " ".join(_PUNCT.sub(" ", ascii_digits(text)).split())


_CYRILLIC = re.compile("[\u0400-\u04ff]")
# a Latin i beside a Cyrillic letter, as typed on a keyboard without Ukrainian і ("так собi")
_LATIN_I_IN_CYRILLIC = re.compile("(?<=[\u0400-\u04ff])i|i(?=[\u0400-\u04ff])")


def ascii_digits(text: str) -> str:
    """Digits of any script (٣, ۳) as ASCII digits; everything else as it is."""
    return "".join(str(unicodedata.decimal(ch)) if ch.isdecimal() else ch for ch in text)


# Persian and Dari verb prefixes, written with a ZWNJ ("نمی‌شنوم") or, as often on a phone, a
# space ("نمی شنوم"): joined to the next word when that makes a word Intake knows.
VERB_PREFIXES = frozenset({"می", "نمی"})


def join_prefixes(cleaned: str, known: frozenset[str]) -> str:
    """``cleaned`` with "می"/"نمی" and a space before a verb written as one word, when the
    joined word is in ``known`` (Pashto "مې" before a word is left alone: "سترګې مې کمزورې")."""
    if not VERB_PREFIXES.intersection(cleaned.split()):
        return cleaned
    words = cleaned.split()
    joined: list[str] = []
    for word in words:
        if joined and joined[-1] in VERB_PREFIXES and joined[-1] + word in known:
            joined[-1] += word
        else:
            joined.append(word)
    return " ".join(joined)


QUESTION_MARK = re.compile(r"[?؟፧]")


# The parts of a reply, each with the mark it ends with: "every day." "why do you ask?"
SENTENCE = re.compile(r"(?<=[.!?؟፧።;,،])\s*")


CLAUSE = re.compile(r"[,;.،؛።፣፤]\s*")  # where one part of a sentence ends: "my husband works, I"


def without_phrases(text: str, phrases: frozenset[str]) -> str:
    """``text`` without the words of any of ``phrases`` (normalised, whole words) said in it;
    the marks after them stay, so its parts stay apart: "lately, every day" is ", every day"."""
    if not phrases:
        return text
    tokens = text.split()
    # each normalised word, with the typed token it comes from ("don't" is "dont"; "8-12" is two)
    words = [(word, at) for at, token in enumerate(tokens) for word in normalise(token).split()]
    longest = max(len(p.split()) for p in phrases)
    dropped: set[int] = set()
    start = 0
    while start < len(words):
        for size in range(min(longest, len(words) - start), 0, -1):
            said = " ".join(w for w, _ in words[start : start + size])
            if said in phrases:
                dropped.update(at for _, at in words[start : start + size])
                start += size
                break
        else:
            start += 1
    kept = [
        "".join(ch for ch in token if not ch.isalnum()) if at in dropped else token
        for at, token in enumerate(tokens)
    ]
    return " ".join(k for k in kept if k)
