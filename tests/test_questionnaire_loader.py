"""Loading questionnaires: the default loads; each kind of error names file, line, item, fix."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from intake.questionnaire import (
    QuestionnaireError,
    QuestionType,
    load_all,
    load_questionnaire,
    load_questionnaire_text,
)
from intake.questionnaire.errors import CODES
from intake.settings import PROJECT_ROOT

HERE = Path(__file__).parent / "questionnaires"
BAD = sorted((HERE / "bad").glob("*.yaml"))
EXPECT = re.compile(r"^# expect: (Q\d{3}) line (\d+)(?: (.*))?$")


def test_every_questionnaire_in_the_repository_loads() -> None:
    loaded = load_all(PROJECT_ROOT / "questionnaires")
    assert "default" in loaded


def test_default_questionnaire_covers_the_screening_areas(questionnaire) -> None:
    ids = {q.id for q in questionnaire.questions}
    assert {"consent_answer", "consent_fk", "consent_region", "consent_social"} <= ids
    assert {"seeing", "hearing", "walking", "remembering", "self_care", "communicating"} <= ids
    assert {"self_harm", "distress", "activity_hours", "anything_else"} <= ids
    types = {q.type for q in questionnaire.questions}
    assert types == set(QuestionType)
    crisis = [f for f in questionnaire.flags if f.crisis]
    assert [f.id for f in crisis] == ["self_harm"]
    assert {line.number for line in questionnaire.crisis_lines} == {"112", "1177", "90101"}
    for question in questionnaire.questions:
        assert question.translator_note and question.summary_label and question.why, question.id
        assert question.skippable == (question.type is not QuestionType.CONSENT)


def test_model_is_immutable(questionnaire) -> None:
    with pytest.raises(AttributeError):
        questionnaire.questions[0].text = "changed"  # type: ignore[misc]


def test_minimal_file_loads() -> None:
    loaded = load_questionnaire(HERE / "minimal.yaml")
    assert [q.id for q in loaded.questions] == ["consent_answer", "pain", "pain_words"]
    assert loaded.question("pain_words").summary_section == "own_words"


def test_every_error_code_has_a_bad_file_case() -> None:
    covered = {EXPECT.match(path.read_text().splitlines()[0]).group(1) for path in BAD}
    assert covered == set(CODES)


def test_every_error_code_is_explained_in_the_format_guide() -> None:
    guide = (HERE.parent.parent / "docs" / "questionnaire-format.md").read_text(encoding="utf-8")
    assert {code for code in CODES if f"| {code} |" not in guide} == set()


@pytest.mark.parametrize("path", BAD, ids=[p.stem for p in BAD])
def test_bad_file_is_reported_with_place_and_fix(path: Path) -> None:
    code, line, item = EXPECT.match(path.read_text().splitlines()[0]).groups()
    with pytest.raises(QuestionnaireError) as caught:
        load_questionnaire(path)
    problems = [p for p in caught.value.problems if p.code == code]
    assert problems, f"expected {code}, got: {caught.value}"
    problem = problems[0]
    assert problem.line == int(line)
    assert problem.path == str(path)
    if item:
        assert problem.item == item
    message = str(caught.value)
    assert f"{path}:{line}:" in message and f"[{code}]" in message
    assert problem.fix.strip(), "every problem says what to do"


def test_yes_and_no_stay_option_codes() -> None:
    loaded = load_questionnaire_text((HERE / "minimal.yaml").read_text())
    assert [o.code for o in loaded.question("consent_answer").options] == ["yes", "no"]


def test_all_problems_are_reported_together() -> None:
    text = (HERE / "minimal.yaml").read_text()
    text = text.replace("type: scale", "type: slider").replace("level: attention", "level: x")
    with pytest.raises(QuestionnaireError) as caught:
        load_questionnaire_text(text, "two.yaml")
    assert {"Q007", "Q014"} <= set(caught.value.codes)


def test_app_refuses_to_start_on_a_bad_questionnaire(tmp_path: Path) -> None:
    from intake.app import create_app
    from intake.settings import Settings

    bad = BAD[0]
    with pytest.raises(QuestionnaireError):
        create_app(Settings.from_env({}, data_dir=tmp_path, questionnaire=bad))


def test_a_mapping_where_an_id_belongs_is_reported_not_a_crash() -> None:
    text = (
        (HERE / "minimal.yaml").read_text().replace("questions: [pain]", "questions: [{id: pain}]")
    )
    with pytest.raises(QuestionnaireError) as caught:
        load_questionnaire_text(text, "ids.yaml")
    assert caught.value.codes == ["Q004"]


def test_combines_must_name_other_options_of_the_same_list() -> None:
    text = (HERE / "minimal.yaml").read_text()
    text = text.replace(
        "{code: often, label: Often, value: 2}",
        "{code: often, label: Often, value: 2, combines: [rarely, never]}",
    )
    with pytest.raises(QuestionnaireError) as caught:
        load_questionnaire_text(text, "combines.yaml")
    assert "combines ['rarely']" in str(caught.value) and "Q008" in caught.value.codes


@pytest.mark.parametrize("per_week", ["[5, 2]", "[2]", "two", "[-1, 2]"])
def test_per_week_must_be_two_numbers_the_lower_first(per_week: str) -> None:
    text = (HERE / "minimal.yaml").read_text()
    text = text.replace(
        "{code: often, label: Often, value: 2}",
        f"{{code: often, label: Often, value: 2, per_week: {per_week}}}",
    )
    with pytest.raises(QuestionnaireError) as caught:
        load_questionnaire_text(text, "per_week.yaml")
    assert caught.value.codes == ["Q022"]


def test_an_aid_belongs_to_a_question_with_answers() -> None:
    text = (HERE / "minimal.yaml").read_text()
    text = text.replace("        type: text\n", "        type: text\n        aid: glasses\n", 1)
    with pytest.raises(QuestionnaireError) as caught:
        load_questionnaire_text(text, "aid.yaml")
    assert caught.value.codes == ["Q023"]


def test_the_default_how_often_answers_say_how_many_times_a_week(questionnaire) -> None:
    pain = questionnaire.question("pain")
    assert [o.per_week for o in pain.options] == [(0, 0), (0.1, 2), (2, 5.5), (5.5, 7)]


def test_a_questions_own_synonyms_are_read_per_answer(questionnaire) -> None:
    seeing = questionnaire.question("seeing")
    words = dict(seeing.synonyms)
    assert "i am blind" in words["cannot"].split("|")
    assert seeing.synonyms_context("cannot") == "default:question:seeing:synonyms:cannot"
