"""The condition grammar: parsing, evaluation and explanations, without any questionnaire file."""

from __future__ import annotations

import pytest

from intake.questionnaire.conditions import (
    AnswerTest,
    ConditionSyntaxError,
    explain,
    parse_condition,
)


class Facts:
    def __init__(
        self,
        values: dict,
        numbers: dict | None = None,
        scores: dict | None = None,
        flags: set | None = None,
    ) -> None:
        self.values, self.numbers = values, numbers or {}
        self.scores, self.flags = scores or {}, flags or set()

    def value(self, qid):
        return self.values.get(qid)

    def numeric(self, qid):
        return self.numbers.get(qid)

    def score(self, sid):
        return self.scores.get(sid)

    def flag(self, fid):
        return fid in self.flags


def test_in_equals_includes() -> None:
    facts = Facts({"pain": "often", "langs": ("ar", "sv")})
    assert parse_condition({"question": "pain", "in": ["often", "always"]}).holds(facts)
    assert parse_condition({"question": "pain", "equals": "often"}).holds(facts)
    assert not parse_condition({"question": "pain", "equals": "never"}).holds(facts)
    assert parse_condition({"question": "langs", "includes": "sv"}).holds(facts)
    assert not parse_condition({"question": "langs", "includes": ["fa"]}).holds(facts)


def test_numbers_scores_flags() -> None:
    facts = Facts({"distress": "8"}, numbers={"distress": 8.0}, scores={"s": 12}, flags={"f"})
    assert parse_condition({"question": "distress", "at_least": 7}).holds(facts)
    assert not parse_condition({"question": "distress", "at_most": 7}).holds(facts)
    assert parse_condition({"score": "s", "at_least": 12}).holds(facts)
    assert not parse_condition({"score": "s", "at_least": 12, "at_most": 11}).holds(facts)
    assert parse_condition({"flag": "f"}).holds(facts)


def test_skipped_or_hidden_answers_make_tests_false_except_answered_false() -> None:
    facts = Facts({})
    assert not parse_condition({"question": "pain", "in": ["often"]}).holds(facts)
    assert not parse_condition({"question": "pain", "at_least": 0}).holds(facts)
    assert parse_condition({"question": "pain", "answered": False}).holds(facts)
    assert parse_condition({"not": {"question": "pain", "in": ["often"]}}).holds(facts)


def test_combinations_and_explanations() -> None:
    condition = parse_condition(
        {
            "any": [
                {"question": "seeing", "in": ["a_lot", "cannot"]},
                {"question": "hearing", "in": ["a_lot", "cannot"]},
                {"all": [{"question": "walking", "in": ["some"]}, {"score": "s", "at_least": 3}]},
            ]
        }
    )
    facts = Facts({"seeing": "a_lot", "hearing": "none", "walking": "some"}, scores={"s": 4})
    assert condition.holds(facts)
    assert explain(condition, facts) == ["seeing", "walking", "score:s"]
    assert explain(condition, Facts({"seeing": "none"})) == []


def test_yaml_booleans_are_codes() -> None:
    assert parse_condition({"question": "q", "in": [True]}) == AnswerTest("q", "in", ("yes",))


@pytest.mark.parametrize(
    "bad",
    [
        "pain == often",
        {"question": "pain"},
        {"question": "pain", "in": ["a"], "at_least": 1},
        {"question": "pain", "is": "often"},
        {"any": []},
        {"score": "s"},
        {"question": "pain", "at_least": "seven"},
        {"question": "pain", "answered": "yes"},
        {"all": [{"question": "x", "in": ["a"]}], "extra": 1},
    ],
)
def test_malformed_conditions_are_refused_with_a_hint(bad: object) -> None:
    with pytest.raises(ConditionSyntaxError) as caught:
        parse_condition(bad)
    assert str(caught.value)
