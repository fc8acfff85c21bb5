"""Small text helpers shared by input parsing and code handling."""

from __future__ import annotations

import unicodedata


def ascii_digits(text: str) -> str:
    """Digits of any script (Arabic-Indic ٣, Extended Arabic-Indic ۳, ...) as ASCII digits."""
    return "".join(
        str(unicodedata.decimal(ch))
        if not ch.isascii() and unicodedata.decimal(ch, None) is not None
        else ch
        for ch in text
    )
