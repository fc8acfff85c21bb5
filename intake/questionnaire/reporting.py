"""Read values out of a parsed questionnaire file, collecting a ``Problem`` for each bad one.

The reader never stops at the first problem: a missing or mistyped value is reported and replaced
by a default, so one run lists everything that is wrong with a file.
"""

from __future__ import annotations

import re
from typing import Any

from intake.questionnaire.errors import Problem
from intake.questionnaire.yamlsource import LocatedDict, LocatedList

ID = re.compile(r"^[a-z][a-z0-9_]*$")


def allowed_keys(keys: str) -> dict[str, bool]:
    """The keys a mapping allows, in order (the order of the hints); ``key?`` is optional."""
    return {key.removesuffix("?"): not key.endswith("?") for key in keys.split()}


def _kind_name(kind: type) -> str:
    return (
        kind.__name__.replace("str", "text")
        .replace("LocatedDict", "mapping")
        .replace("LocatedList", "list")
        .replace("float", "number")
        .replace("int", "whole number")
    )


class Reporter:
    """The problems found in one file, and typed access to its values."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.problems: list[Problem] = []

    def problem(
        self, code: str, line: int, message: str, fix: str, item: str | None = None
    ) -> None:
        self.problems.append(Problem(code, self.path, line, message, fix, item))

    def keys(self, data: LocatedDict, spec: dict[str, bool], item: str | None, what: str) -> bool:
        """Report missing required keys (Q002) and unknown ones (Q003); False if any is missing."""
        ok = True
        for key, required in spec.items():
            if required and key not in data:
                message, fix = f"{what} has no '{key}'", f"Add '{key}:' to it"
                self.problem("Q002", data.line, message, fix, item)
                ok = False
        allowed = "Remove it or correct the spelling; allowed keys: " + ", ".join(spec)
        for key in data:
            if key not in spec:
                message = f"unknown key '{key}' in {what}"
                self.problem("Q003", data.line_of(key), message, allowed, item)
        return ok

    def typed(
        self,
        data: LocatedDict,
        key: str,
        kind: type | tuple[type, ...],
        item: str | None,
        default: Any = None,
    ) -> Any:
        """``data[key]`` if it is of ``kind`` (a bool only if asked for), else ``default``."""
        if key not in data:
            return default
        value = data[key]
        kinds = kind if isinstance(kind, tuple) else (kind,)
        if isinstance(value, bool) and bool not in kinds:
            value = None
        if value is None or not isinstance(value, kinds):
            names = " or ".join(_kind_name(k) for k in kinds)
            message, fix = f"'{key}' must be {names}", f"Write '{key}' as {names}"
            self.problem("Q004", data.line_of(key), message, fix, item)
            return default
        return value

    def identifier(self, data: LocatedDict, key: str, item: str | None) -> str:
        value = self.typed(data, key, str, item, "")
        if value and not ID.match(value):
            fix = "Use lower-case letters, digits and '_', starting with a letter"
            self.problem("Q006", data.line_of(key), f"'{value}' is not a valid id", fix, item)
        return str(value)

    def unique(self, seen: dict[str, int], ident: str, line: int, what: str) -> None:
        """Record ``ident`` as used on ``line``; report it (Q005) if it was used before."""
        if not ident:
            return
        if ident in seen:
            message = f"{what} id '{ident}' is already used on line {seen[ident]}"
            self.problem("Q005", line, message, "Give each one its own id", f"{what} '{ident}'")
        else:
            seen[ident] = line

    def mappings(self, data: LocatedDict, key: str, item: str | None) -> list[LocatedDict]:
        """The entries of the list ``data[key]`` that are mappings; the others are reported."""
        items = self.typed(data, key, LocatedList, item, LocatedList())
        result = []
        for index, entry in enumerate(items):
            if isinstance(entry, LocatedDict):
                result.append(entry)
            else:
                line = items.item_lines[index] if index < len(items.item_lines) else items.line
                message = f"each entry of '{key}' must be a mapping"
                fix = "Write it as 'key: value' lines under a '-'"
                self.problem("Q004", line, message, fix, item)
        return result
