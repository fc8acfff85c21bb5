"""The server's access log without secrets: a participant's link token (``/s/<token>``) and
an invitation code (``/i/<code>``) are as good as a password, so they never reach the log."""

from __future__ import annotations

import logging
import re

_SECRET_IN_PATH = re.compile(r"^(/(?:s|i)/)[^/?#]+")


def masked(path: str) -> str:
    """The path with its token or code replaced by ``…``."""
    return _SECRET_IN_PATH.sub(r"\1…", path)


class MaskSecrets(logging.Filter):
    """For uvicorn's access logger, whose record arguments are (client, method, path, http
    version, status)."""

    def filter(self, record: logging.LogRecord) -> bool:
        args = record.args
        if isinstance(args, tuple) and len(args) >= 3 and isinstance(args[2], str):
            record.args = (*args[:2], masked(args[2]), *args[3:])
        return True


def mask_access_log() -> None:
    logging.getLogger("uvicorn.access").addFilter(MaskSecrets())
