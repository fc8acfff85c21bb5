"""Render a ``Summary`` as HTML, plain text or JSON; always Swedish."""

from __future__ import annotations

import dataclasses
import json
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from babel.dates import format_datetime
from jinja2 import Environment

from intake.i18n import Translator
from intake.summary import Summary
from intake.templating import render

FORMATS = ("html", "text", "json")
SCHEMA = "intake-summary/1"
STOCKHOLM = ZoneInfo("Europe/Stockholm")


def swedish_time(value: datetime | None) -> str:
    if value is None:
        return ""
    return format_datetime(value, "yyyy-MM-dd HH:mm", tzinfo=STOCKHOLM, locale="sv")


def to_jsonable(summary: Summary) -> dict[str, Any]:
    def convert(value: Any) -> Any:
        if isinstance(value, datetime):
            return value.isoformat()
        if isinstance(value, dict):
            return {k: convert(v) for k, v in value.items()}
        if isinstance(value, list | tuple):
            return [convert(v) for v in value]
        return value

    return {"schema": SCHEMA, **convert(dataclasses.asdict(summary))}


def render_summary(summary: Summary, fmt: str, env: Environment, swedish: Translator) -> str:
    if fmt == "json":
        return json.dumps(to_jsonable(summary), ensure_ascii=False, indent=2)
    template = {"html": "summary/summary.html", "text": "summary/summary.txt"}[fmt]
    return render(env, template, {"s": summary, "when": swedish_time}, swedish)
