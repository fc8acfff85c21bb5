"""Conditions: structured data that says when a question is shown or a flag is raised.

A condition is a small tree, written in YAML as a mapping, never as code:

    {question: pain, in: [often, always]}     # one answer among these codes
    {question: pain, equals: often}
    {question: languages, includes: other}    # a multiple-choice answer holds this code
    {question: distress, at_least: 7}         # number, year or an option's value
    {question: distress, at_most: 3}
    {question: pain, answered: true}          # answered (not skipped, not unanswered)
    {score: wellbeing, at_least: 10}
    {flag: self_harm}                         # another flag is raised
    {any: [...]}, {all: [...]}, {not: {...}}

Evaluation is a pure function of the answers (and the scores and flags computed from them).
``explain`` names the questions whose answers made a condition true, so the summary can show
the caseworker *why* a flag was raised.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol


class Facts(Protocol):
    """What a condition can look at: answer values, option values, scores and raised flags."""

    def value(self, question_id: str) -> object | None: ...

    def numeric(self, question_id: str) -> float | None: ...

    def score(self, score_id: str) -> float | None: ...

    def flag(self, flag_id: str) -> bool: ...


@dataclass(frozen=True)
class AnswerTest:
    """A test on one question's answer."""

    question: str
    op: str  # "in", "includes", "at_least", "at_most", "answered"
    codes: tuple[str, ...] = ()
    number: float | None = None
    answered: bool = True

    def holds(self, facts: Facts) -> bool:
        value = facts.value(self.question)
        if self.op == "answered":
            return (value is not None) == self.answered
        if value is None:
            return False
        if self.op == "in":
            return isinstance(value, str) and value in self.codes
        if self.op == "includes":
            return isinstance(value, tuple) and any(code in value for code in self.codes)
        number = facts.numeric(self.question)
        if number is None or self.number is None:
            return False
        return number >= self.number if self.op == "at_least" else number <= self.number


@dataclass(frozen=True)
class ScoreTest:
    score: str
    at_least: float | None = None
    at_most: float | None = None

    def holds(self, facts: Facts) -> bool:
        value = facts.score(self.score)
        if value is None:
            return False
        if self.at_least is not None and value < self.at_least:
            return False
        return not (self.at_most is not None and value > self.at_most)


@dataclass(frozen=True)
class FlagTest:
    flag: str

    def holds(self, facts: Facts) -> bool:
        return facts.flag(self.flag)


@dataclass(frozen=True)
class AnyOf:
    items: tuple[Condition, ...]

    def holds(self, facts: Facts) -> bool:
        return any(item.holds(facts) for item in self.items)


@dataclass(frozen=True)
class AllOf:
    items: tuple[Condition, ...]

    def holds(self, facts: Facts) -> bool:
        return all(item.holds(facts) for item in self.items)


@dataclass(frozen=True)
class Not:
    item: Condition

    def holds(self, facts: Facts) -> bool:
        return not self.item.holds(facts)


Condition = AnswerTest | ScoreTest | FlagTest | AnyOf | AllOf | Not


def referenced_questions(condition: Condition) -> list[str]:
    """Every question id a condition reads, in the order written."""
    if isinstance(condition, AnswerTest):
        return [condition.question]
    if isinstance(condition, AnyOf | AllOf):
        return [q for item in condition.items for q in referenced_questions(item)]
    if isinstance(condition, Not):
        return referenced_questions(condition.item)
    return []


def referenced(condition: Condition, kind: type[ScoreTest] | type[FlagTest]) -> list[str]:
    """Every score id (kind=ScoreTest) or flag id (kind=FlagTest) a condition reads."""
    if isinstance(condition, kind):
        return [condition.score if isinstance(condition, ScoreTest) else condition.flag]
    if isinstance(condition, AnyOf | AllOf):
        return [x for item in condition.items for x in referenced(item, kind)]
    if isinstance(condition, Not):
        return referenced(condition.item, kind)
    return []


def explain(condition: Condition, facts: Facts) -> list[str]:
    """The question ids (and ``score:ID`` entries) whose answers make ``condition`` true.

    Empty when the condition does not hold. Negations contribute nothing: an answer that is
    *not* something is not a reason a caseworker can act on.
    """
    if not condition.holds(facts):
        return []
    if isinstance(condition, AnswerTest):
        return [condition.question]
    if isinstance(condition, ScoreTest):
        return [f"score:{condition.score}"]
    if isinstance(condition, FlagTest):
        return [f"flag:{condition.flag}"]
    if isinstance(condition, AnyOf | AllOf):
        seen: dict[str, None] = {}
        for item in condition.items:
            for reason in explain(item, facts):
                seen.setdefault(reason)
        return list(seen)
    return []


class ConditionSyntaxError(ValueError):
    """A condition mapping that does not follow the grammar; the message says what to write."""


_ANSWER_OPS = ("in", "equals", "includes", "at_least", "at_most", "answered")


def parse_condition(data: object) -> Condition:
    """Parse the YAML form of a condition into an immutable tree."""
    if not isinstance(data, Mapping):
        raise ConditionSyntaxError(
            "a condition must be a mapping such as {question: ID, in: [CODE, ...]}"
        )
    keys = set(data)
    for combinator in ("any", "all"):
        if combinator in keys:
            _only(keys, {combinator})
            items = data[combinator]
            if not isinstance(items, Sequence) or isinstance(items, str) or not items:
                raise ConditionSyntaxError(f"'{combinator}' takes a non-empty list of conditions")
            parsed = tuple(parse_condition(item) for item in items)
            return AnyOf(parsed) if combinator == "any" else AllOf(parsed)
    if "not" in keys:
        _only(keys, {"not"})
        return Not(parse_condition(data["not"]))
    if "flag" in keys:
        _only(keys, {"flag"})
        return FlagTest(_identifier(data["flag"], "flag"))
    if "score" in keys:
        _only(keys, {"score", "at_least", "at_most"})
        if "at_least" not in keys and "at_most" not in keys:
            raise ConditionSyntaxError("a score condition needs 'at_least' or 'at_most'")
        return ScoreTest(
            _identifier(data["score"], "score"),
            at_least=_number(data, "at_least"),
            at_most=_number(data, "at_most"),
        )
    if "question" in keys:
        ops = [op for op in _ANSWER_OPS if op in keys]
        if len(ops) != 1:
            raise ConditionSyntaxError(
                "a question condition needs exactly one of: " + ", ".join(_ANSWER_OPS)
            )
        op = ops[0]
        _only(keys, {"question", op})
        question = _identifier(data["question"], "question")
        raw = data[op]
        if op in ("in", "includes", "equals"):
            codes = _codes(raw, op)
            return AnswerTest(question, "in" if op == "equals" else op, codes=codes)
        if op == "answered":
            if not isinstance(raw, bool):
                raise ConditionSyntaxError("'answered' takes true or false")
            return AnswerTest(question, "answered", answered=raw)
        return AnswerTest(question, op, number=_number(data, op))
    raise ConditionSyntaxError(
        f"unknown condition keys {sorted(map(str, keys))}; "
        "use question, score, flag, any, all or not"
    )


def _only(keys: set[object], allowed: set[str]) -> None:
    extra = sorted(str(k) for k in keys - allowed)
    if extra:
        raise ConditionSyntaxError(f"unexpected key(s) {extra} next to {sorted(allowed)}")


def _identifier(value: object, what: str) -> str:
    if not isinstance(value, str) or not value:
        raise ConditionSyntaxError(f"'{what}' must name an id")
    return value


def _codes(value: object, op: str) -> tuple[str, ...]:
    if op == "equals" or isinstance(value, str | bool | int):
        value = [value]
    if not isinstance(value, Sequence) or not value:
        raise ConditionSyntaxError(f"'{op}' takes an option code or a list of codes")
    return tuple(_code_text(v) for v in value)


def _code_text(value: object) -> str:
    # YAML 1.1 reads a bare yes/no as a boolean; codes are always strings.
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


def _number(data: Mapping[str, object], key: str) -> float | None:
    if key not in data:
        return None
    value = data[key]
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ConditionSyntaxError(f"'{key}' takes a number")
    return float(value)
