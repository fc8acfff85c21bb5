"""What may appear in Latin letters on a page in a non-Latin-script language."""

from __future__ import annotations

import re

LATIN_WORD = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿ]{3,}")
# Swedish names of agencies and roles that participants meet on letters and in meetings; the
# translations give them, often in brackets, on purpose, so they are recognised. Not a leak.
SWEDISH_NAMES = {
    "Försäkringskassan",
    "Mind",
    "Självmordslinjen",
    "vårdcentral",
    "vårdcentralen",
    "handläggare",
    "handläggaren",
    "socialtjänsten",
    "socialtjänst",
}
NON_LATIN_LOCALES = {"ar", "fa", "fa_AF", "ps", "ckb", "ti", "am", "uk", "ru"}


def latin_leaks(text: str) -> set[str]:
    return {
        w
        for w in LATIN_WORD.findall(text)
        if w not in SWEDISH_NAMES and not any(w in name for name in SWEDISH_NAMES)
    }
