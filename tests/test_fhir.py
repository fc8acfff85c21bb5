"""FHIR R4 export: the questionnaire and an intake's answers validate and say what was answered."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

import pytest
from fhir.resources.R4B.questionnaire import Questionnaire as FhirQuestionnaire
from fhir.resources.R4B.questionnaireresponse import (
    QuestionnaireResponse as FhirQuestionnaireResponse,
)

from intake.fhir import questionnaire_resource, questionnaire_response
from intake.flow import build_flow
from intake.i18n import Catalogs, Translator
from intake.questionnaire import Questionnaire
from intake.questionnaire.model import QuestionType
from intake.records import AnswerValue, Intake, Status
from intake.settings import PROJECT_ROOT
from tests.domain_helpers import INTAKE, WHEN, answers

BASE = "https://intake.example.se"

ARABIC_WORDS = "  أنام قليلاً\nوأحتاج إلى الراحة  "

ANSWERS: dict[str, AnswerValue | None] = {
    "consent_answer": "yes",
    "consent_region": "yes",
    "birth_year": 1987,
    "gender": "man",  # hides gender_own_words
    "gender_own_words": "should not appear",
    "languages": ("arabic", "somali"),
    "schooling_years": 9,
    "pain": None,  # skipped
    "seeing": "a_lot",
    "anything_else": ARABIC_WORDS,
}


@pytest.fixture(scope="module")
def swedish() -> Translator:
    return Catalogs(PROJECT_ROOT / "locales").translator("sv")


@pytest.fixture(scope="module")
def resource(questionnaire: Questionnaire, swedish: Translator) -> dict[str, Any]:
    return questionnaire_resource(questionnaire, swedish, BASE)


def response_for(
    questionnaire: Questionnaire,
    swedish: Translator,
    intake: Intake = INTAKE,
    values: dict[str, AnswerValue | None] = ANSWERS,
    **kwargs: Any,
) -> dict[str, Any]:
    flow = build_flow(questionnaire, answers(**values))
    return questionnaire_response(questionnaire, intake, flow, swedish, BASE, **kwargs)


def questions_of(resource: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Question items by link id (the items inside the section groups)."""
    return {item["linkId"]: item for group in resource.get("item", []) for item in group["item"]}


# --- Questionnaire ----------------------------------------------------------------------------


def test_questionnaire_validates_and_round_trips(resource: dict[str, Any]) -> None:
    model = FhirQuestionnaire.model_validate(resource)
    assert model.model_dump(mode="json", exclude_none=True) == resource
    assert json.loads(json.dumps(resource)) == resource
    assert resource["resourceType"] == "Questionnaire"
    assert resource["url"] == f"{BASE}/fhir/Questionnaire/default"
    assert resource["version"] == "2026-11-1"
    assert resource["status"] == "active"
    assert resource["language"] == "sv"
    assert resource["name"] == "IntakeDefault"


def test_one_group_per_section_and_one_item_per_question(
    questionnaire: Questionnaire, resource: dict[str, Any]
) -> None:
    groups = resource["item"]
    assert [g["type"] for g in groups] == ["group"] * len(questionnaire.sections)
    assert [[i["linkId"] for i in g["item"]] for g in groups] == [
        list(s.question_ids) for s in questionnaire.sections
    ]
    # Link ids are unique even where a section and a question share an id (general_health).
    link_ids = [g["linkId"] for g in groups] + list(questions_of(resource))
    assert len(link_ids) == len(set(link_ids))
    assert "section-general_health" in link_ids and "general_health" in link_ids


def test_item_types_follow_question_types(
    questionnaire: Questionnaire, resource: dict[str, Any]
) -> None:
    items = questions_of(resource)
    expected = {
        QuestionType.SINGLE: "choice",
        QuestionType.MULTIPLE: "choice",
        QuestionType.YESNO: "choice",
        QuestionType.SCALE: "choice",
        QuestionType.CONSENT: "choice",
        QuestionType.NUMBER: "integer",
        QuestionType.YEAR: "integer",
        QuestionType.TEXT: "text",
    }
    for question in questionnaire.questions:
        item = items[question.id]
        assert item["type"] == expected[question.type], question.id
        assert item.get("repeats", False) is (question.type is QuestionType.MULTIPLE)
        if question.type is QuestionType.TEXT:
            assert item["maxLength"] == question.max_length
        assert "enableWhen" not in item
    assert items["gender_own_words"]["maxLength"] == 100


def test_texts_are_swedish(resource: dict[str, Any]) -> None:
    items = questions_of(resource)
    assert resource["title"] == "Din hälsa och din vardag"
    assert [g["text"] for g in resource["item"]][:2] == ["Innan vi börjar", "Om dig"]
    assert items["seeing"]["text"] == (
        "Hur svårt är det för dig att se? Om du har glasögon, tänk på när du har dem på dig."
    )
    consent = items["consent_answer"]["answerOption"][0]["valueCoding"]
    assert consent["display"] == "Ja, jag godkänner"


def test_answer_options_carry_the_option_codes(
    questionnaire: Questionnaire, resource: dict[str, Any]
) -> None:
    items = questions_of(resource)
    for question in questionnaire.questions:
        options = items[question.id].get("answerOption", [])
        assert [o["valueCoding"]["code"] for o in options] == [o.code for o in question.options]
        system = f"{BASE}/fhir/CodeSystem/default-{question.id}"
        assert all(o["valueCoding"]["system"] == system for o in options)
        assert all(o["valueCoding"]["display"] for o in options)


def test_number_ranges_become_min_and_max_extensions(resource: dict[str, Any]) -> None:
    items = questions_of(resource)
    assert items["schooling_years"]["extension"] == [
        {"url": "http://hl7.org/fhir/StructureDefinition/minValue", "valueInteger": 0},
        {"url": "http://hl7.org/fhir/StructureDefinition/maxValue", "valueInteger": 30},
    ]
    # A year's maximum defaults to the current year at answer time: not exported.
    assert items["birth_year"]["extension"] == [
        {"url": "http://hl7.org/fhir/StructureDefinition/minValue", "valueInteger": 1920}
    ]


def test_a_trailing_slash_in_the_base_url_is_ignored(
    questionnaire: Questionnaire, swedish: Translator
) -> None:
    resource = questionnaire_resource(questionnaire, swedish, BASE + "/")
    assert resource["url"] == f"{BASE}/fhir/Questionnaire/default"


# --- QuestionnaireResponse --------------------------------------------------------------------


def test_response_validates_and_points_to_the_questionnaire(
    questionnaire: Questionnaire, swedish: Translator, resource: dict[str, Any]
) -> None:
    response = response_for(questionnaire, swedish)
    model = FhirQuestionnaireResponse.model_validate(response)
    assert model.model_dump(mode="json", exclude_none=True) == response
    assert json.loads(json.dumps(response)) == response
    assert response["resourceType"] == "QuestionnaireResponse"
    assert response["questionnaire"] == f"{resource['url']}|{resource['version']}"
    assert response["identifier"] == {
        "system": f"{BASE}/fhir/intake-reference",
        "value": "K7M4QX2P",
    }
    assert response["language"] == "sv"
    assert response["status"] == "completed"
    assert datetime.fromisoformat(response["authored"]) == WHEN


def test_answers_have_the_value_type_of_their_question(
    questionnaire: Questionnaire, swedish: Translator
) -> None:
    items = questions_of(response_for(questionnaire, swedish))
    assert items["gender"]["answer"] == [
        {
            "valueCoding": {
                "system": f"{BASE}/fhir/CodeSystem/default-gender",
                "code": "man",
                "display": "Man",
            }
        }
    ]
    assert [a["valueCoding"]["code"] for a in items["languages"]["answer"]] == [
        "arabic",
        "somali",
    ]
    assert items["languages"]["answer"][0]["valueCoding"]["display"] == "Arabiska"
    assert items["seeing"]["answer"][0]["valueCoding"]["code"] == "a_lot"
    assert items["schooling_years"]["answer"] == [{"valueInteger": 9}]
    assert items["birth_year"]["answer"] == [{"valueInteger": 1987}]
    assert items["gender"]["text"] == "Vilket kön har du?"


def test_free_text_is_kept_verbatim(questionnaire: Questionnaire, swedish: Translator) -> None:
    items = questions_of(response_for(questionnaire, swedish))
    assert items["anything_else"]["answer"] == [{"valueString": ARABIC_WORDS}]


def test_response_codings_are_options_of_the_questionnaire(
    questionnaire: Questionnaire, swedish: Translator, resource: dict[str, Any]
) -> None:
    options = {
        link_id: [o["valueCoding"] for o in item.get("answerOption", [])]
        for link_id, item in questions_of(resource).items()
    }
    for link_id, item in questions_of(response_for(questionnaire, swedish)).items():
        for answer in item["answer"]:
            if "valueCoding" in answer:
                assert answer["valueCoding"] in options[link_id]


def test_skipped_hidden_and_unanswered_questions_are_left_out(
    questionnaire: Questionnaire, swedish: Translator
) -> None:
    response = response_for(questionnaire, swedish)
    items = questions_of(response)
    assert "pain" not in items  # skipped
    assert "gender_own_words" not in items  # hidden: gender is not other_words
    assert "hearing" not in items  # not answered yet
    assert list(items) == [
        "consent_answer",
        "consent_region",
        "birth_year",
        "gender",
        "languages",
        "schooling_years",
        "seeing",
        "anything_else",
    ]
    # Groups follow the sections; a section without answers has no group.
    assert [g["linkId"] for g in response["item"]] == [
        "section-consent",
        "section-about",
        "section-functioning",
        "section-closing",
    ]
    assert all(g["item"] for g in response["item"])


def test_a_branch_answer_is_kept_when_its_question_is_asked(
    questionnaire: Questionnaire, swedish: Translator
) -> None:
    values = {**ANSWERS, "gender": "other_words", "gender_own_words": "Icke-binär"}
    items = questions_of(response_for(questionnaire, swedish, values=values))
    assert items["gender_own_words"]["answer"] == [{"valueString": "Icke-binär"}]


def test_include_chooses_the_questions(questionnaire: Questionnaire, swedish: Translator) -> None:
    response = response_for(
        questionnaire,
        swedish,
        include=lambda q: q.type is not QuestionType.CONSENT and q.id != "anything_else",
    )
    FhirQuestionnaireResponse.model_validate(response)
    items = questions_of(response)
    assert "anything_else" not in items
    assert not any(link_id.startswith("consent") for link_id in items)
    assert "section-consent" not in [g["linkId"] for g in response["item"]]
    assert "seeing" in items


def test_nothing_included_still_validates(
    questionnaire: Questionnaire, swedish: Translator
) -> None:
    response = response_for(questionnaire, swedish, include=lambda q: False)
    FhirQuestionnaireResponse.model_validate(response)
    assert "item" not in response


@pytest.mark.parametrize(
    ("status", "expected"),
    [
        (Status.SUBMITTED, "completed"),
        (Status.IN_PROGRESS, "in-progress"),
        (Status.DECLINED, "in-progress"),
    ],
)
def test_status_follows_the_intake(
    questionnaire: Questionnaire, swedish: Translator, status: Status, expected: str
) -> None:
    submitted = WHEN if status is Status.SUBMITTED else None
    intake = replace(INTAKE, status=status, submitted_at=submitted)
    response = response_for(questionnaire, swedish, intake)
    assert response["status"] == expected


def test_authored_is_submission_else_last_update_with_a_time_zone(
    questionnaire: Questionnaire, swedish: Translator
) -> None:
    updated = datetime(2026, 11, 21, 14, 5)  # naive, as SQLite returns it: UTC
    intake = replace(INTAKE, status=Status.IN_PROGRESS, submitted_at=None, updated_at=updated)
    authored = response_for(questionnaire, swedish, intake)["authored"]
    assert datetime.fromisoformat(authored) == updated.replace(tzinfo=UTC)
