"""Encryption at rest of answers: AES-256-GCM (the ``cryptography`` package).

Keys live outside the database, in a key file (JSON, mode 0600) or in the ``INTAKE_DATA_KEY``
setting. Every value carries the id of the key that encrypted it, so ``intake keys rotate`` can
add a new key, re-encrypt every value with it, and only then drop the old ones. The associated
data binds a value to its row (intake and question): a value copied to another row does not
decrypt.
"""

from __future__ import annotations

import base64
import json
import os
import secrets
from dataclasses import dataclass, field
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

PREFIX = "enc1"


class KeyError_(Exception):
    """A value cannot be decrypted with the keys at hand; the message says what to do."""


@dataclass
class Keyring:
    keys: dict[str, bytes]
    current: str
    path: Path | None = None
    _ciphers: dict[str, AESGCM] = field(default_factory=dict, repr=False)

    @classmethod
    def generate(cls, path: Path | None = None) -> Keyring:
        kid = secrets.token_hex(4)
        return cls({kid: AESGCM.generate_key(bit_length=256)}, kid, path)

    @classmethod
    def load(cls, path: Path, key: str = "") -> Keyring:
        """The keys of a key file (created on first use), or the one key of a setting."""
        if key:
            raw = base64.b64decode(key)
            if len(raw) != 32:
                raise KeyError_(
                    "INTAKE_DATA_KEY must be 32 bytes, base64-encoded; create one "
                    'with: python -c "import os,base64;'
                    'print(base64.b64encode(os.urandom(32)).decode())"'
                )
            return cls({"setting": raw}, "setting")
        if not path.exists():
            keyring = cls.generate(path)
            keyring.save()
            return keyring
        data = json.loads(path.read_text(encoding="utf-8"))
        return cls(
            {kid: base64.b64decode(k) for kid, k in data["keys"].items()}, data["current"], path
        )

    def save(self) -> None:
        if self.path is None:
            raise KeyError_("keys from INTAKE_DATA_KEY cannot be rotated; use a key file")
        self.path.parent.mkdir(parents=True, exist_ok=True)
        data = {
            "current": self.current,
            "keys": {kid: base64.b64encode(k).decode() for kid, k in self.keys.items()},
        }
        temporary = self.path.with_suffix(".tmp")
        fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(data, handle)
        temporary.replace(self.path)

    def _cipher(self, kid: str) -> AESGCM:
        if kid not in self._ciphers:
            if kid not in self.keys:
                raise KeyError_(
                    f"no key '{kid}' in the key file: restore the key file that "
                    "was in use when the data was written"
                )
            self._ciphers[kid] = AESGCM(self.keys[kid])
        return self._ciphers[kid]

    def encrypt(self, text: str, aad: str) -> str:
        nonce = os.urandom(12)
        sealed = self._cipher(self.current).encrypt(nonce, text.encode(), aad.encode())
        return f"{PREFIX}:{self.current}:{base64.b64encode(nonce + sealed).decode()}"

    def decrypt(self, token: str, aad: str) -> str:
        prefix, kid, payload = token.split(":", 2)
        if prefix != PREFIX:
            raise KeyError_(f"not an encrypted value ({prefix!r})")
        raw = base64.b64decode(payload)
        try:
            return self._cipher(kid).decrypt(raw[:12], raw[12:], aad.encode()).decode()
        except InvalidTag as exc:
            raise KeyError_("a value does not match its key or its row") from exc

    @staticmethod
    def is_encrypted(raw: str) -> bool:
        return raw.startswith(PREFIX + ":")

    def key_id(self, token: str) -> str:
        return token.split(":", 2)[1]

    def add_key(self) -> str:
        """A new current key (the old ones stay until every value is re-encrypted)."""
        kid = secrets.token_hex(4)
        self.keys[kid] = AESGCM.generate_key(bit_length=256)
        self.current = kid
        return kid

    def drop_old_keys(self) -> list[str]:
        dropped = [kid for kid in self.keys if kid != self.current]
        for kid in dropped:
            del self.keys[kid]
            self._ciphers.pop(kid, None)
        return dropped
