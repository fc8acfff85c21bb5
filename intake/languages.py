"""Find a language in the picker by typing, in any script: "arab", "عربي", "tigr", "ትግርኛ",
"dari", "دری". Fuzzy matching (rapidfuzz) over each locale's own name, English and Swedish
names, its code, and the aliases in ``locales/language-names.yaml``.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Mapping

from rapidfuzz import fuzz

from intake.i18n import LocaleInfo

THRESHOLD = 80


def normalise(text: str) -> str:
    """Case-folded, without diacritics or tatweel, Arabic-script letter variants unified."""
    text = unicodedata.normalize("NFKD", text.casefold())
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return text.translate(_ARABIC_VARIANTS).replace("\u0640", "").replace("\u200c", "").strip()


_ARABIC_VARIANTS = str.maketrans(
    {"ي": "ی", "ى": "ی", "ك": "ک", "ة": "ه", "أ": "ا", "إ": "ا", "آ": "ا"}
)


def search_terms(info: LocaleInfo, aliases: Iterable[str]) -> list[str]:
    terms = [info.own_name, info.english_name, info.swedish_name, info.code, *aliases]
    return [normalise(t) for t in terms if t]


def score(query: str, terms: Iterable[str]) -> float:
    """How well a typed query matches any of a language's names (0-100)."""
    best = 0.0
    for term in terms:
        if term == query or term.startswith(query):
            return 100.0
        words = term.split()
        if any(word.startswith(query) for word in words):
            best = max(best, 95.0)
        elif len(query) >= 3:
            best = max(
                best,
                fuzz.partial_ratio(query, term)
                if len(term) >= len(query)
                else fuzz.ratio(query, term),
            )
    return best


def filter_languages(
    infos: Iterable[LocaleInfo], query: str, aliases: Mapping[str, Iterable[str]]
) -> list[LocaleInfo]:
    """The languages that match a typed query, best first; all of them for an empty query."""
    wanted = normalise(query)
    infos = list(infos)
    if not wanted:
        return infos
    scored = [
        (score(wanted, search_terms(i, aliases.get(i.code, ()))), n, i) for n, i in enumerate(infos)
    ]
    return [i for s, _n, i in sorted(scored, key=lambda x: (-x[0], x[1])) if s >= THRESHOLD]
