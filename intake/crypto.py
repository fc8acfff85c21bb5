"""Encryption at rest of answers: AES-256-GCM (the ``cryptography`` package).

Keys live outside the database, in a key file (JSON, mode 0600) or in the ``INTAKE_DATA_KEY``
setting. Every value carries the id of the key that encrypted it, so ``intake keys rotate`` can
add a new key, re-encrypt every value with it, and only then drop the old ones. A running server
notices a changed key file and reloads it before it encrypts or decrypts, so it never writes with
a key that rotation is about to drop. The associated data binds a value to its intake, question
and column (``db.answer_aad``): a value copied anywhere else does not decrypt.
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
    created: bool = False  # the key file was made just now (a new installation)
    _ciphers: dict[str, AESGCM] = field(default_factory=dict, repr=False)
    _mtime: float = 0.0

    @classmethod
    def generate(cls, path: Path | None = None) -> Keyring:
        kid = secrets.token_hex(4)
        return cls({kid: AESGCM.generate_key(bit_length=256)}, kid, path, created=True)

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
        keyring = cls({}, "", path)
        keyring._read()
        return keyring

    def _read(self) -> None:
        assert self.path is not None
        data = json.loads(self.path.read_text(encoding="utf-8"))
        self.keys = {kid: base64.b64decode(k) for kid, k in data["keys"].items()}
        self.current = data["current"]
        self._ciphers.clear()
        self._mtime = self.path.stat().st_mtime_ns

    def _fresh(self) -> None:
        """Reload the key file if another process (``intake keys rotate``) changed it."""
        if (
            self.path is not None
            and self.path.exists()
            and self.path.stat().st_mtime_ns != self._mtime
        ):
            self._read()

    def save(self) -> None:
        """Write the key file atomically and durably (it must never lag behind the data)."""
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
            handle.flush()
            os.fsync(handle.fileno())
        temporary.replace(self.path)
        directory = os.open(self.path.parent, os.O_RDONLY)
        try:
            os.fsync(directory)
        finally:
            os.close(directory)
        self._mtime = self.path.stat().st_mtime_ns

    def _cipher(self, kid: str) -> AESGCM:
        if kid not in self._ciphers:
            if kid not in self.keys:
                self._fresh()
            if kid not in self.keys:
                raise KeyError_(
                    f"no key '{kid}' in the key file: restore the key file that "
                    "was in use when the data was written"
                )
            self._ciphers[kid] = AESGCM(self.keys[kid])
        return self._ciphers[kid]

    def encrypt(self, text: str, aad: str) -> str:
        self._fresh()
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

    @staticmethod
    def key_id(token: str) -> str:
        return token.split(":", 2)[1]

    def add_key(self) -> str:
        """A new current key (the old ones stay until every value is re-encrypted)."""
        self._fresh()
        kid = secrets.token_hex(4)
        self.keys[kid] = AESGCM.generate_key(bit_length=256)
        self.current = kid
        return kid

    def drop_keys(self, kids: list[str]) -> None:
        for kid in kids:
            if kid != self.current:
                self.keys.pop(kid, None)
                self._ciphers.pop(kid, None)
