"""Tokens and short codes.

- Each intake has a random 128-bit seed. From it and the server's secret key (HMAC) come the
  participant's link token (192 bits, URL-safe) and the resume code (8 characters), so both can be
  shown again (the resume code on every page; the link after resuming by code) while the
  database holds only the seed and the hashes used for look-up. Without the secret key, a copy
  of the database yields neither.
- The reference: 8 random characters a caseworker quotes (``intake summary K7M4QX2P``).

Short codes use an alphabet without look-alike characters (no 0/O, 1/I/L, 5/S, 2/Z, 8/B) and are
shown in groups of four.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets

from intake.text import ascii_digits

ALPHABET = "34679ACDEFGHJKMNPQRTUVWXY"


def new_seed() -> str:
    return secrets.token_hex(16)


def _derive(secret_key: str, purpose: str, seed: str) -> bytes:
    return hmac.new(secret_key.encode(), f"{purpose}:{seed}".encode(), hashlib.sha256).digest()


def link_token(secret_key: str, seed: str) -> str:
    return base64.urlsafe_b64encode(_derive(secret_key, "link", seed)[:24]).decode()


def new_reference() -> str:
    return "".join(secrets.choice(ALPHABET) for _ in range(8))


def resume_code(secret_key: str, seed: str) -> str:
    number = int.from_bytes(_derive(secret_key, "resume", seed)[:8], "big")
    chars = []
    for _ in range(8):
        number, index = divmod(number, len(ALPHABET))
        chars.append(ALPHABET[index])
    return "".join(chars)


def normalise_code(text: str) -> str:
    """Upper case, ASCII digits, no spaces or dashes: as typed from paper on any keyboard."""
    return "".join(ch for ch in ascii_digits(text).upper() if ch.isalnum())


def grouped(code: str) -> str:
    """``K7M4QX2P`` -> ``K7M4-QX2P``: easier to read aloud and copy."""
    return "-".join(code[i : i + 4] for i in range(0, len(code), 4))
