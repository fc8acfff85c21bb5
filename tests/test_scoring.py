"""Scores, flags and next steps on the default questionnaire."""

from __future__ import annotations

from intake.flow import build_flow
from intake.scoring import evaluate
from tests.domain_helpers import answers

DOMAINS = ("seeing", "hearing", "walking", "remembering", "self_care", "communicating")


def findings(questionnaire, **values):
    return evaluate(build_flow(questionnaire, answers(consent_answer="yes", **values)))


def test_one_domain_at_a_lot_of_difficulty_raises_the_disability_flag(questionnaire) -> None:
    calm = {d: "some" for d in DOMAINS}
    assert not findings(questionnaire, **calm).raised("disability")
    for level in ("a_lot", "cannot"):
        result = findings(questionnaire, **{**calm, "walking": level})
        assert result.raised("disability")
        flag = next(r for r in result.flags if r.flag.id == "disability")
        assert flag.reasons == ("walking",)


def test_functioning_score_sums_option_values_and_bands(questionnaire) -> None:
    result = findings(
        questionnaire,
        seeing="a_lot",
        hearing="some",
        walking="none",
        remembering="cannot",
        self_care="none",
        communicating="none",
    )
    score = next(s for s in result.scores if s.score.id == "functioning_total")
    assert (score.value, score.answered, score.total) == (6, 6, 6)
    assert score.band is not None and score.band.minimum <= 6 <= score.band.maximum


def test_skipped_items_make_a_partial_score(questionnaire) -> None:
    result = findings(questionnaire, seeing="a_lot", hearing=None)
    score = next(s for s in result.scores if s.score.id == "functioning_total")
    assert (score.value, score.answered, score.total, score.complete) == (2, 1, 6, False)


def test_self_harm_is_urgent_with_crisis_help_and_same_day_step(questionnaire) -> None:
    result = findings(questionnaire, self_harm="sometimes")
    assert result.crisis
    assert result.flags[0].flag.id == "self_harm" and result.flags[0].flag.level == "urgent"
    assert any("samma dag" in step.text for step in result.next_steps)
    assert not findings(questionnaire, self_harm="no").crisis
    assert not findings(questionnaire, self_harm=None).crisis


def test_distress_rating_or_high_wellbeing_sum_raises_attention(questionnaire) -> None:
    assert findings(questionnaire, distress="7").raised("distress")
    assert not findings(questionnaire, distress="6").raised("distress")
    high = {
        q: "nearly_every_day"
        for q in ("worry", "low_mood", "sleep", "concentration", "memories", "hopelessness")
    }
    result = findings(questionnaire, distress="2", **high)
    assert result.raised("distress")
    flag = next(r for r in result.flags if r.flag.id == "distress")
    assert flag.reasons == ("score:wellbeing_sum",)


def test_flag_built_on_other_flags(questionnaire) -> None:
    assert findings(questionnaire, pain="often", care_contact="no").raised("no_care_contact")
    assert not findings(questionnaire, pain="often", care_contact="yes").raised("no_care_contact")


def test_answers_hidden_by_branching_raise_nothing(questionnaire) -> None:
    # interpreter_language is only asked when an interpreter is needed.
    result = findings(questionnaire, interpreter_need="no", interpreter_language="dari")
    assert not result.raised("interpreter")


def test_flags_are_ordered_urgent_first(questionnaire) -> None:
    result = findings(
        questionnaire, interpreter_need="yes", general_health="poor", self_harm="often"
    )
    levels = [r.flag.level.value for r in result.flags]
    assert levels == sorted(levels, key=["urgent", "attention", "info"].index)
