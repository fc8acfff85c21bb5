"""Settings from ``INTAKE_*`` environment variables, each with a default and a help text.

``docs/settings.md`` documents every setting; a test checks that it stays complete.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

PROJECT_ROOT = Path(__file__).resolve().parent.parent

HTMX_VERSION = "2.0.11"
HTMX_URL = f"https://cdn.jsdelivr.net/npm/htmx.org@{HTMX_VERSION}/dist/htmx.min.js"
# sha384 of dist/htmx.min.js in the npm package htmx.org@2.0.11 (checked by a test against the
# copy that the test set-up installs from the npm registry).
HTMX_INTEGRITY = "sha384-2OatzQy1H+Zd/IIrjr1TcuDGqLXeHhbooAyJY1KdQMKnr4LZ22k31GBLdYKHmVjg"


class SettingsError(ValueError):
    """A setting has a value that cannot be used; the message names it and says what to do."""


def _setting(default: Any, help: str) -> Any:
    return field(default=default, metadata={"help": help})


@dataclass(frozen=True)
class Settings:
    data_dir: Path = _setting(
        Path("var"),
        "Folder for the SQLite database and the generated secret key; created on first run.",
    )
    database_url: str = _setting(
        "", "SQLAlchemy database URL. Empty: a SQLite file `intake.sqlite3` in the data folder."
    )
    secret_key: str = _setting(
        "",
        "Secret from which participants' links and resume codes are derived. Empty: "
        "generated once into `<data_dir>/secret_key`. Keep it stable and out of the database "
        "backups; links and codes already given keep working if it changes.",
    )
    questionnaire: Path = _setting(
        PROJECT_ROOT / "questionnaires" / "default.yaml",
        "The questionnaire file participants answer.",
    )
    locales_dir: Path = _setting(
        PROJECT_ROOT / "locales", "Folder of gettext catalogs, one sub-folder per locale."
    )
    default_locale: str = _setting(
        "sv", "Locale used when the browser's languages match none of the catalogs."
    )
    htmx_url: str = _setting(
        HTMX_URL,
        "Where pages load htmx from. Point it at a copy you serve yourself to avoid "
        "the CDN; empty turns htmx off (pages work without it).",
    )
    htmx_integrity: str = _setting(
        HTMX_INTEGRITY, "Subresource Integrity hash of the htmx file at `htmx_url`."
    )
    key_file: Path = _setting(
        Path(""),
        "Key file for the encryption of answers (AES-256-GCM keys, JSON, mode 0600). "
        "Empty: `<data_dir>/keys.json`, created on first run. Keep it outside the database's "
        "backups: without it the answers cannot be read.",
    )
    data_key: str = _setting(
        "",
        "Instead of a key file: one base64-encoded 32-byte key. Cannot be rotated with "
        "`intake keys rotate`.",
    )
    base_url: str = _setting(
        "http://127.0.0.1:8000",
        "The address participants and caseworkers use; invitation links and QR codes point to it.",
    )
    trusted_proxies: str = _setting(
        "",
        "For `intake serve` behind a reverse proxy: the proxy's addresses (comma-separated) "
        "whose X-Forwarded-For header names the real client. Set it there, or every "
        "participant counts as the proxy's address for the limits on wrong codes.",
    )
    open_start: bool = _setting(
        False,
        "Let anyone start an intake from the front page, without an invitation. The "
        "intake then belongs to no organisation (only the command line lists it).",
    )
    invitation_days: int = _setting(14, "Days an invitation code can be used.")
    retention_days: int = _setting(
        365,
        "Days after submission when an intake and its answers are disposed of "
        "(`intake purge`, and hourly while the server runs). The audit log keeps that it "
        "happened.",
    )
    abandoned_days: int = _setting(
        90, "Days without activity after which an intake never submitted is disposed of."
    )
    session_hours: int = _setting(10, "Hours a caseworker's login lasts.")
    insecure_cookies: bool = _setting(
        False,
        "Development over plain http only: send the login cookie without Secure (and "
        "without the __Host- prefix). Never in production.",
    )
    demo: bool = _setting(
        False,
        "On an empty database, create a demo organisation and caseworker and print the "
        "login once, so both sides can be tried at once (`make run` turns it on).",
    )
    api_docs: bool = _setting(False, "Serve FastAPI's /docs and /openapi.json.")
    translator_preview: bool = _setting(
        True,
        "Open the translator preview at /translate: every string with its context and "
        "review state, and each question as participants see it in each language (for "
        "logged-in staff).",
    )
    log_level: str = _setting("INFO", "Logging level: DEBUG, INFO, WARNING or ERROR.")

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None, **overrides: Any) -> Settings:
        """Read ``INTAKE_<NAME>`` for each setting; keyword overrides win (for tests)."""
        environ = os.environ if environ is None else environ
        values: dict[str, Any] = {}
        for f in fields(cls):
            name = f"INTAKE_{f.name.upper()}"
            if name in environ:
                values[f.name] = _convert(name, environ[name], f.default)
        values.update(overrides)
        return cls(**values)

    def resolved(self) -> Settings:
        """Fill the derived defaults: database URL and secret key under the data folder."""
        result = self
        if not self.database_url:
            path = (self.data_dir / "intake.sqlite3").resolve()
            result = replace(result, database_url=f"sqlite:///{path}")
        if not self.secret_key:
            result = replace(result, secret_key=_secret_key(self.data_dir / "secret_key"))
        if not str(self.key_file) or str(self.key_file) == ".":
            result = replace(result, key_file=self.data_dir / "keys.json")
        return result

    @classmethod
    def documented(cls) -> list[tuple[str, str, str]]:
        """(environment variable, default, help) for each setting."""
        return [
            (f"INTAKE_{f.name.upper()}", _show(f.default), f.metadata["help"]) for f in fields(cls)
        ]


def _convert(name: str, raw: str, default: Any) -> Any:
    if isinstance(default, bool):
        lowered = raw.strip().lower()
        if lowered in ("1", "true", "yes", "on"):
            return True
        if lowered in ("0", "false", "no", "off"):
            return False
        raise SettingsError(f"{name}={raw!r} is not a yes/no value; use true or false")
    if isinstance(default, Path):
        return Path(raw)
    if isinstance(default, int):
        try:
            return int(raw)
        except ValueError:
            raise SettingsError(f"{name}={raw!r} is not a whole number") from None
    return raw


def _show(default: Any) -> str:
    if isinstance(default, Path):
        try:
            return str(default.relative_to(PROJECT_ROOT))
        except ValueError:
            return str(default)
    if isinstance(default, bool):
        return "true" if default else "false"
    return str(default)


def _secret_key(path: Path) -> str:
    if path.exists():
        return path.read_text(encoding="utf-8").strip()
    path.parent.mkdir(parents=True, exist_ok=True)
    key = secrets.token_urlsafe(32)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(key + "\n")
    return key
