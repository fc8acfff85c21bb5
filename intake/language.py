"""Which language is a short text written in? ``detect(text) -> Detection | None``.

langdetect (made deterministic) judges the languages it has profiles for. It knows neither
Pashto, Tigrinya, Amharic, Sorani nor Kurmanji, and cannot tell Dari from Persian, so script,
letter and common-word evidence (``intake/data/language-evidence.yaml``) fills the gap:

- Ethiopic script: Tigrinya or Amharic (ኣ, the ቐ and ኸ rows, common words);
- Arabic script: Arabic, Persian, Dari, Pashto (ټ ډ ړ ږ ښ ګ ڼ ې ۍ), Sorani (ە ێ ۆ ڕ ڵ), Urdu;
- Latin script: Kurmanji (ê î û, "xw", common words also typed without ê î û ç ş), Somali,
  English, Swedish (langdetect's Danish or Norwegian without æ ø), ...;
- Cyrillic: Ukrainian (і ї є ґ) or Russian (ы э ъ ё).

It returns ``None`` rather than guess when the text is too short or too mixed to tell. Where
Dari and Persian cannot be told apart, both are given with their confidence; callers let the
participant's own choice win (see ``same_language``).
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml
from langdetect import DetectorFactory
from langdetect.detector_factory import init_factory
from langdetect.lang_detect_exception import LangDetectException

EVIDENCE = Path(__file__).parent / "data" / "language-evidence.yaml"
# Longer word lists, one entry a word with its other typed spellings and an English gloss, so a
# native reviewer can check each one.
WORD_LISTS = Path(__file__).parent / "data" / "language-words.yaml"
MIN_LETTERS = 3
MIN_EVIDENCE = 2.0
MIN_CONFIDENCE = 0.5
LANGDETECT_MIN_LETTERS = 8
# Languages one script can be; the scores of the others are never raised.
SCRIPT_LANGUAGES = {
    "ARABIC": ("ar", "fa", "fa_AF", "ps", "ckb", "ur"),
    "ETHIOPIC": ("ti", "am"),
    "CYRILLIC": ("uk", "ru", "bg", "mk"),
}
# Persian words that begin like a Sorani verb's ده- (دەبینم): mouth, farmer, village, decade.
PERSIAN_DE = ("دهان", "دهن", "دهق", "دهک", "دهه", "دهات")
# Pashto words of three letters Persian also writes (mullah, ant): not Pashto-only evidence.
PERSIAN_TOO = ("ملا", "مور")
# Languages the participant may mean by the same text; their own choice wins among these.
CLOSE = ({"fa", "fa_AF"},)
# On a tie within a group: far more participants in the programme write Dari than Persian.
PREFERRED = frozenset({"fa_AF"})


@dataclass(frozen=True)
class Detection:
    locale: str  # CLDR locale id, as in locales/: fa_AF for Dari, ckb for Sorani
    confidence: float  # 0 to 1
    alternatives: tuple[tuple[str, float], ...] = ()  # other likely locales, best first


def same_language(a: str, b: str) -> bool:
    """Two locales a short text cannot tell apart (Dari and Persian), or the same one."""
    return a == b or any(a in group and b in group for group in CLOSE)


def undecided(detection: Detection, margin: float = 0.15) -> tuple[str, ...]:
    """Close languages the text could just as well be in, besides ``detection.locale``: Persian
    when Dari was found with no word only Dari uses, and the other way round. A participant
    offered a language should be offered these too."""
    return tuple(
        code
        for code, confidence in detection.alternatives
        if same_language(code, detection.locale) and confidence >= detection.confidence - margin
    )


_ARABIC_UNIFY = str.maketrans(
    {"ي": "ی", "ى": "ی", "ك": "ک", "ة": "ه", "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا"}
)
_DROP = dict.fromkeys(map(ord, "\u200c\u200d\u0640"), None)  # ZWNJ, ZWJ, tatweel
_TOKEN = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


def normalise(text: str) -> str:
    """Lower case, Arabic-script variants unified, harakat, tatweel and ZWNJ removed."""
    text = unicodedata.normalize("NFC", text).casefold().translate(_DROP)
    text = "".join(ch for ch in text if not ("\u064b" <= ch <= "\u065f" or ch == "\u0670"))
    return text.translate(_ARABIC_UNIFY)


def _script(ch: str) -> str:
    name = unicodedata.name(ch, "")
    first = name.split(" ", 1)[0]
    return "CJK" if first in ("CJK", "HIRAGANA", "KATAKANA") else first


@dataclass(frozen=True)
class _Evidence:
    letters: dict[str, frozenset[str]]
    words: dict[str, frozenset[str]]
    endings: dict[str, tuple[str, ...]]
    infixes: dict[str, tuple[str, ...]]
    romanised: dict[str, frozenset[str]]
    romanised_endings: dict[str, tuple[str, ...]]
    persian_common: frozenset[str]
    rows: dict[str, frozenset[str]]
    langdetect: frozenset[str]
    neutral: tuple[str, ...]
    danish_norwegian: frozenset[str]


# Sorani letters written as their Persian look-alikes, for matching words typed either way.
_KURDISH_PLAIN = str.maketrans({"ە": "ه", "ێ": "ی", "ۆ": "و", "ڕ": "ر", "ڵ": "ل", "ڤ": "ف"})


_HELD = re.compile(r"(\w)\1{2,}")  # a letter three times or more in a row


def _plain(word: str) -> str:
    return normalise(word).translate(_KURDISH_PLAIN)


# Kurmanji typed without its letters (nexwes for nexweş), as on most phones' keyboards.
_KURMANJI_BARE = str.maketrans({"ê": "e", "î": "i", "û": "u", "ç": "c", "ş": "s"})
# Folded words that are words of other languages participants write (German diese, English
# nine, Italian cima, Spanish pase, romanised Arabic and Persian bas).
_KURMANJI_BARE_SKIP = frozenset(
    {"diese", "bere", "pirse", "nine", "bas", "mere", "bun", "bum", "pase", "dile", "razem", "cima"}
)


@cache
def _other_latin_words() -> frozenset[str]:
    """Words of the other languages read in Latin letters: English, Swedish, Somali, and the
    romanised words of Arabic, Persian, Dari, Pashto, Sorani, Tigrinya and Amharic."""
    evidence = _evidence()
    words = set().union(*(evidence.words[code] for code in ("en", "sv", "so")))
    return frozenset(words.union(*evidence.romanised.values()))


@cache
def _kurmanji_bare_words() -> frozenset[str]:
    """Kurmanji's common words written with its letters, as typed without them; the ones that
    are then two letters or fewer, or words of other languages, are left out."""
    words = _evidence().words["ku"]
    folded = {w.translate(_KURMANJI_BARE) for w in words}
    skip = _KURMANJI_BARE_SKIP | _other_latin_words()
    return frozenset(w for w in folded - words if len(w) > 2 and w not in skip)


# Pashto letters typed as their Persian look-alikes on a Persian keyboard (ډېر as دیر).
_PASHTO_PLAIN = str.maketrans(
    {"ډ": "د", "ښ": "ش", "ړ": "ر", "ږ": "ژ", "ګ": "گ", "ټ": "ت", "ڼ": "ن", "ې": "ی", "ۍ": "ی"}
)


@cache
def _pashto_plain_words() -> frozenset[str]:
    """Pashto's common words as typed without Pashto letters, less those that are then Persian
    or Dari words (څه is not folded: سه is "three" in Persian)."""
    evidence = _evidence()
    persian = evidence.words["persian"] | evidence.words["fa"] | evidence.words["fa_AF"]
    persian |= evidence.persian_common
    folded = {w.translate(_PASHTO_PLAIN) for w in evidence.words["ps"]}
    return frozenset(w for w in folded if w not in persian and w not in evidence.words["ps"])


@cache
def _pashto_only_words() -> frozenset[str]:
    """Pashto's words that Persian and Dari do not write (in any spelling listed for them), of
    three letters or more: ده (ten), شم, ته, دی are Persian too, and so are ملا (mullah) and
    مور (ant)."""
    evidence = _evidence()
    persian = evidence.words["persian"] | evidence.words["fa"] | evidence.words["fa_AF"]
    only = evidence.words["ps"] - persian - evidence.persian_common - evidence.words["ar"]
    return frozenset(w for w in only if len(w) >= 3 and w not in PERSIAN_TOO)


@cache
def _evidence() -> _Evidence:
    data = yaml.safe_load(EVIDENCE.read_text(encoding="utf-8"))
    words = {k: frozenset(_plain(str(w)) for w in v) for k, v in data["words"].items()}
    words["ar"] = words["ar"] | words.pop("ar_more", frozenset())
    for code, more in _word_lists().items():
        words[code] = words.get(code, frozenset()) | more
    return _Evidence(
        letters={k: frozenset(v or "") for k, v in data["letters"].items()},
        words=words,
        endings={k: tuple(v) for k, v in data.get("endings", {}).items()},
        infixes={k: tuple(_plain(str(w)) for w in v) for k, v in data.get("infixes", {}).items()},
        romanised=_merged(
            {k: frozenset(map(str, v)) for k, v in data.get("romanised", {}).items()},
            _romanised_lists(),
        ),
        romanised_endings={
            k: tuple(map(str, v)) for k, v in data.get("romanised_endings", {}).items()
        },
        persian_common=frozenset(_plain(str(w)) for w in data.get("persian_common", ())),
        rows={k: frozenset(v) for k, v in data.get("rows", {}).items()},
        langdetect=frozenset(data["langdetect"]),
        neutral=tuple(normalise(w) for w in data.get("neutral", ())),
        danish_norwegian=frozenset(normalise(w) for w in data.get("danish_norwegian", ())),
    )


@cache
def _word_list_data() -> dict[str, Any]:
    """``WORD_LISTS`` as read, once for both its kinds of lists."""
    if not WORD_LISTS.exists():
        return {}
    data = yaml.safe_load(WORD_LISTS.read_text(encoding="utf-8"))
    return data if isinstance(data, dict) else {}


def _word_lists() -> dict[str, frozenset[str]]:
    """``WORD_LISTS``: per locale, each word and its other typed spellings."""
    data = _word_list_data()
    return {
        str(code): frozenset(
            _plain(str(form))
            for entry in entries
            for form in [entry["word"], *entry.get("typed", ())]
            if str(form).strip()
        )
        for code, entries in data.items()
        if code != "romanised"
    }


def _merged(*lists: dict[str, frozenset[str]]) -> dict[str, frozenset[str]]:
    merged: dict[str, frozenset[str]] = {}
    for each in lists:
        for code, words in each.items():
            merged[code] = merged.get(code, frozenset()) | words
    return merged


def _romanised_lists() -> dict[str, frozenset[str]]:
    """``WORD_LISTS``' ``romanised``: per language, words as typed in Latin letters."""
    data = _word_list_data()
    return {
        str(code): frozenset(normalise(str(w)) for w in words if str(w).strip())
        for code, words in (data.get("romanised") or {}).items()
    }


@cache
def _factory() -> DetectorFactory:
    DetectorFactory.seed = 0  # deterministic
    init_factory()
    from langdetect import detector_factory

    return detector_factory._factory


def _langdetect_weight(letters: int) -> float:
    """langdetect is unreliable on a word or two: its weight grows with the text's length."""
    return 4.0 * min(1.0, letters / 15)


def _langdetect(text: str, allowed: Iterable[str]) -> dict[str, float]:
    allowed = [code for code in allowed if code in _langdetect_codes()]
    if not allowed or sum(ch.isalpha() for ch in text) < LANGDETECT_MIN_LETTERS:
        return {}  # a word or two: langdetect guesses, slowly; the other evidence decides
    detector = _factory().create()
    detector.n_trial = 3  # 7 by default; 3 gives the same answers here, twice as fast
    detector.set_prior_map({code: 1.0 for code in allowed})
    detector.set_max_text_length(120)  # chat replies: the start tells enough, and faster
    detector.append(text)
    try:
        return {p.lang: p.prob for p in detector.get_probabilities()}
    except LangDetectException:
        return {}


@cache
def _langdetect_codes() -> frozenset[str]:
    return frozenset(_factory().get_lang_list())


def _word_hits(tokens: list[str], words: frozenset[str]) -> float:
    """Common words, and two-word phrases (counted twice, on top of their listed words), found
    in the text."""
    pairs = [f"{a} {b}" for a, b in itertools.pairwise(tokens)]
    return sum(1.0 for t in tokens if t in words) + sum(2.0 for p in pairs if p in words)


def _main_script(text: str) -> tuple[str, str] | None:
    """The script most words are written in, and the text without words in other scripts
    (a Swedish name in an Arabic sentence says nothing about the Arabic)."""
    neutral = _evidence().neutral
    words = [
        w
        for w in re.findall(r"\w+(?:\u200c\w+)*", unicodedata.normalize("NFC", text))
        if not normalise(w).startswith(neutral)
    ]
    by_script: dict[str, list[str]] = {}
    for word in words:
        letters = [ch for ch in word if ch.isalpha()]
        if letters:
            script = Counter(_script(ch) for ch in letters).most_common(1)[0][0]
            by_script.setdefault(script, []).append(word)
    if not by_script:
        return None
    # Most words decide; on a tie, not Latin (Swedish names and loanwords in a sentence).
    ranked = sorted(by_script.items(), key=lambda item: (-len(item[1]), item[0] == "LATIN"))
    script, kept = ranked[0]
    total = sum(len(ws) for ws in by_script.values())
    if len(kept) / total < 0.4:
        return None  # too mixed to tell
    return script, " ".join(kept)


_ARABIZI = re.compile(r"^(?=(?:.*[a-z]){2})[a-z]*[23579][a-z0-9]*$")  # 3andi, mni7, la2, 5alas
_NOT_ARABIZI = re.compile(r"^\d+(st|nd|rd|th|am|pm|mg|kg|ml|cm|km|min|h|x)$")  # 7th, 5mg


def _romanised(normalised: str) -> dict[str, float]:
    """Evidence for languages of other scripts typed in Latin letters: their common words, and
    Arabizi's digits for Arabic sounds inside words."""
    tokens = re.findall(r"[^\W_]+", normalised)
    points: dict[str, float] = defaultdict(float)
    for code, words in _evidence().romanised.items():
        hits = 3.0 * _word_hits(tokens, words)
        for target in ("fa", "fa_AF") if code == "persian" else (code,):
            points[target] += hits
    for code, endings in _evidence().romanised_endings.items():
        points[code] += 3.0 * sum(
            1
            for t in tokens
            if len(t) > 5 and t.endswith(endings) and t not in _evidence().romanised[code]
        )
    points["ar"] += 3.0 * sum(
        1
        for t in tokens
        if _ARABIZI.match(t) and not _NOT_ARABIZI.match(t) and t not in _evidence().romanised["ar"]
    )
    return {code: p for code, p in points.items() if p}


def detect(text: str) -> Detection | None:
    """The language of ``text`` as a locale id, or ``None`` when it cannot be told."""
    scored = _scores(text)
    if scored is None:
        return None
    scores, tokens = scored
    return _decide(scores, tokens)


def _scores(text: str) -> tuple[dict[str, float], list[str]] | None:
    found = _main_script(text)
    if found is None:
        return None
    script, text = found
    letters = [ch for ch in text if ch.isalpha()]
    if len(letters) < MIN_LETTERS:
        return None
    evidence = _evidence()
    normalised = normalise(text)
    if script == "CYRILLIC":
        normalised = normalised.replace("i", "і")  # Latin i typed for Ukrainian і
    tokens = _TOKEN.findall(normalised)
    raw = set(unicodedata.normalize("NFC", text).casefold())
    scores: dict[str, float] = defaultdict(float)
    candidates = SCRIPT_LANGUAGES.get(script)
    weight = _langdetect_weight(len(letters))
    # a letter held for feeling ("مرسیییی", "sooo") is written once: "مرسی"
    plain = [_HELD.sub(r"\1", t.translate(_KURDISH_PLAIN)) for t in tokens]

    def letters_of(code: str) -> int:
        return sum(1 for ch in raw if ch in evidence.letters.get(code, ()))

    for code, words in evidence.words.items():
        if code != "persian" and (candidates is None or code in candidates):
            scores[code] += 2.0 * _word_hits(plain, words)
    if script == "ARABIC":
        persian = _word_hits(plain, evidence.words["persian"])
        scores["fa"] += 2.0 * persian
        scores["fa_AF"] += 2.0 * persian
        scores["ps"] += 3.0 * sum(1 for ch in text if ch in evidence.letters["ps"])
        if scores.get("ps"):  # folded words only beside other Pashto evidence
            scores["ps"] += 2.0 * _word_hits(tokens, _pashto_plain_words())
        # Sorani typed with Persian letters still shows: words begin with ئ (ئەم، ئازار), which
        # Persian writes with ا; verbs take ده- (دەبینم) where Persian has می-.
        scores["ckb"] += 2.0 * sum(1 for t in tokens if t.startswith("ئ") and len(t) > 1)
        scores["ckb"] += 1.5 * sum(
            1 for t in plain if len(t) >= 5 and t.startswith("ده") and not t.startswith(PERSIAN_DE)
        )
        for code in ("ckb", "ur"):
            scores[code] += 4.0 * letters_of(code)
        scores["ar"] += 1.5 * letters_of("ar") + 1.0 * sum(t.startswith("ال") for t in tokens)
        pashto = any(ch in evidence.letters["ps"] for ch in text)
        for code in ("ckb",) if pashto else ("ckb", "fa"):
            endings = tuple(_plain(e) for e in evidence.endings.get(code, ()))
            scores[code] += 1.5 * sum(1 for t in plain if len(t) > 4 and t.endswith(endings))
        for code, infixes in evidence.infixes.items():
            if not pashto:  # Pashto plurals and verbs share these parts
                scores[code] += 2.0 * sum(1 for t in plain if any(i in t for i in infixes))
        # پ چ ژ گ: Persian and Dari letters, also in Pashto, Sorani and Urdu, which have letters
        # of their own besides (counted above), so these tell them less.
        persian_letters = letters_of("fa")
        for code in ("fa", "fa_AF"):
            scores[code] += 1.0 * persian_letters
        for code in ("ps", "ckb", "ur"):
            scores[code] += 0.5 * persian_letters
        probs = _langdetect(text, ("ar", "fa", "ur"))
        urdu = probs.get("ur", 0.0)
        if not letters_of("ur") and not _word_hits(plain, evidence.words["ur"]):
            # Urdu is written with letters Persian lacks (ے ں ہ ٹ) and its own small words;
            # without any of them, langdetect's "Urdu" is its doubt between Urdu and Persian.
            probs["fa"], urdu = probs.get("fa", 0.0) + urdu, 0.0
        scores["ar"] += weight * probs.get("ar", 0.0)
        scores["fa"] += 0.75 * weight * probs.get("fa", 0.0)  # langdetect's "fa" is either
        scores["fa_AF"] += 0.75 * weight * probs.get("fa", 0.0)
        if pashto or _word_hits(plain, _pashto_only_words()) >= 2:
            # langdetect has no Pashto: beside Pashto letters or two words only Pashto writes,
            # its "Persian" may be Pashto as well.
            scores["ps"] += 0.75 * weight * probs.get("fa", 0.0)
        scores["ur"] += weight * urdu
    elif script == "ETHIOPIC":
        for code in ("ti", "am"):
            rows = evidence.rows.get(code, frozenset())
            scores[code] += 0.5 * sum(1 for ch in text if ch in rows)
            endings = evidence.endings.get(code, ())
            scores[code] += 2.0 * sum(1 for t in tokens if t.endswith(endings))
    elif script == "CYRILLIC":
        scores["uk"] += 3.0 * letters_of("uk") + 2.0 * normalised.count("і")
        scores["ru"] += 3.0 * letters_of("ru")
        for code, prob in _langdetect(text, SCRIPT_LANGUAGES["CYRILLIC"]).items():
            scores[code] += weight * prob
    elif script == "LATIN":
        # Kurmanji's own: ê î û, "xw" (xwe, xwarin, nexweş), its longer words also as typed
        # without ê î û ç ş (not "in", "we", "me": English and Kurmanji both write them).
        others = _other_latin_words()
        long_words = sum(
            1 for t in tokens if len(t) > 3 and t in evidence.words["ku"] and t not in others
        )
        kurmanji = 2.5 * letters_of("ku") + 1.0 * _word_hits(tokens, _kurmanji_bare_words())
        if kurmanji or long_words:  # "xw" only beside other Kurmanji: Sorani writes it too
            kurmanji += 1.0 * sum(1 for t in tokens if "xw" in t)
        scores["ku"] += kurmanji + 0.5 * letters_of("ku_weak")
        scores["sv"] += 1.0 * letters_of("sv")
        for code in ("en", "sv", "ku", "so"):
            scores[code] += 1.0 * _word_hits(plain, evidence.words[code])  # 3 in all
        romanised = _romanised(normalised)
        for code, points in romanised.items():
            scores[code] += points
        latin_words = max(scores.get(code, 0.0) for code in ("en", "sv", "ku", "so"))
        romanised_text = sum(romanised.values()) > latin_words
        latin = [c for c in evidence.langdetect if c not in ("ar", "fa", "ur", "uk", "ru")]
        # langdetect reads a language of another script typed in Latin letters as whatever its
        # letters look like (Somali, Italian, Turkish): in a text with such words it counts
        # half. Its Somali, which it finds in many such texts, counts in full only beside a
        # Somali word (waa, iyo, ayaa, ...): Somali is offered to participants, so a wrong
        # Somali is a wrong offer.
        # It has no Kurmanji at all: beside more Kurmanji evidence than English, Swedish or
        # Somali words, what it finds (Turkish, German, Dutch) counts half too.
        kurmanji_text = kurmanji + long_words >= 2.0 and scores["ku"] > max(
            scores.get(code, 0.0) for code in ("en", "sv", "so")
        )
        trust = 0.5 if romanised_text or kurmanji_text else 1.0
        somali = 1.0 if _word_hits(plain, evidence.words["so"]) else 0.3
        # Where a language of another script is plain from its words (two or more), langdetect
        # would only add its guess at half weight: not asked, which also saves its time.
        sure = romanised_text and max(romanised.values(), default=0.0) >= 6.0
        probs = {} if sure else _langdetect(text, latin)
        if not raw & set("æø") and not set(tokens) & evidence.danish_norwegian:
            # Danish and Norwegian write æ ø; without them, langdetect's Danish or Norwegian
            # for a text typed in Sweden is its doubt between them and Swedish.
            probs["sv"] = probs.get("sv", 0.0) + probs.pop("da", 0.0) + probs.pop("no", 0.0)
        for code, prob in probs.items():
            scores[code] += 1.5 * weight * prob * trust * (somali if code == "so" else 1.0)
    else:
        for code, prob in _langdetect(text, _langdetect_codes()).items():
            scores[code] += max(weight, 2.0) * prob  # no other evidence for other scripts
    if candidates is not None:
        scores = {code: s for code, s in scores.items() if code in candidates}
    return scores, tokens


def _decide(scores: dict[str, float], tokens: list[str]) -> Detection | None:
    """Scores to probabilities. Close languages (Dari and Persian) share one piece of the whole,
    split between them by their own evidence, so evidence for "Persian or Dari" is not counted
    twice against a third language."""
    scores = {code: s for code, s in scores.items() if s > 0}
    groups = [group & scores.keys() for group in CLOSE]
    grouped = set().union(*groups)
    total = sum(s for code, s in scores.items() if code not in grouped) + sum(
        max(scores[c] for c in group) for group in groups if group
    )
    if total < MIN_EVIDENCE:
        return None
    certainty = 1.0 if len(tokens) >= 3 else 0.9  # one or two words: less sure, whatever
    share: dict[str, float] = {}
    whole: dict[str, float] = {}  # the share of the code's group (or of the code alone)
    for code, score in scores.items():
        group = next((g for g in groups if code in g), None)
        if group:
            whole[code] = max(scores[c] for c in group) / total
            share[code] = whole[code] * score / sum(scores[c] for c in group)
        else:
            whole[code] = share[code] = score / total
    order = sorted(share, key=lambda c: (-whole[c], -share[c], c not in PREFERRED))
    ranked = [(code, certainty * share[code]) for code in order]
    best, confidence = ranked[0]
    if certainty * whole[best] < MIN_CONFIDENCE:
        return None  # not even the group of close languages is likely
    alternatives = tuple((code, round(p, 3)) for code, p in ranked[1:4] if p >= 0.1)
    return Detection(best, round(confidence, 3), alternatives)
