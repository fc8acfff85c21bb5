"""The questionnaire and an intake's answers as FHIR R4 resources.

Why: a region's health care system (and the journal systems behind it) can import a FHIR
``Questionnaire`` and ``QuestionnaireResponse``, so answers a participant agreed to share with
health care can reach it as data rather than as a retyped summary. The target is FHIR R4; the
resources are built and validated with the ``fhir.resources.R4B`` models, because the installed
``fhir.resources`` (version 8) defaults to R5 and ships no R4 package. ``Questionnaire`` and
``QuestionnaireResponse`` have the same JSON structure in R4 (4.0.1) and R4B (4.3.0), and only
elements that exist in R4 are used.

What the resources hold:

- ``questionnaire_resource``: one ``group`` item per section, one item per question, with every
  text in Swedish (through the Swedish catalog): option questions are ``choice`` items whose
  ``answerOption`` codings name a code system per question
  (``{base}/fhir/CodeSystem/{questionnaire}-{question}``), multiple choice repeats, numbers and
  years are ``integer`` items (with the ``minValue``/``maxValue`` extensions when the range is
  set), free text is ``text`` with ``maxLength``. No item is ``required``: a response may
  carry only some of the answers (those a consent covers), and a ``completed`` response that
  lacks a required item does not conform to its questionnaire.
- ``questionnaire_response``: the answers in force (``Flow.answers``, so answers hidden by a
  changed earlier answer are already gone), grouped by section like the questionnaire; option
  answers as ``valueCoding`` (one answer per chosen code), numbers and years as
  ``valueInteger``, free text as ``valueString`` exactly as the participant wrote it.

What is left out, and why:

- ``enableWhen``: the condition grammar (``in``, ``includes``, ``at_least`` on option values,
  ``any``/``all``/``not``, ...) is richer than FHIR's ``enableWhen``; a partial translation would
  show or hide questions differently from Intake. Every question is therefore exported as always
  enabled; the response carries only the questions that were actually asked.
- Skipped questions: an item without an answer says nothing useful to an importing system, so
  a skipped question has no item in the response. The Swedish referral summary lists skipped
  questions as skipped.
- The section intros, the "why we ask" texts, units, the Swedish summary labels, scores, flags
  and next steps: they belong to the conversation or to the caseworker's summary, not to the
  answers themselves.
- The language of free text: the response's ``language`` is Swedish (every text in it is
  Swedish except the participant's own words). R4's ``language`` extension is not defined for
  strings, so the language of a verbatim answer is not marked.
- ``Questionnaire.id``: the server that stores the resource assigns it; the canonical ``url``
  (and ``version``) identify the questionnaire.

Group items use the link id ``section-{section id}``, not the bare section id: FHIR requires link
ids to be unique within a questionnaire, and a section may share its id with one of its questions
(the default questionnaire's ``general_health``). Question ids never contain a hyphen, so the two
cannot collide.

Both functions are pure and return plain JSON-able dicts that validate with ``fhir.resources``.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from fhir.resources.R4B.questionnaire import Questionnaire as FhirQuestionnaire
from fhir.resources.R4B.questionnaireresponse import (
    QuestionnaireResponse as FhirQuestionnaireResponse,
)

from intake.flow import Flow
from intake.questionnaire.model import Question, Questionnaire, QuestionType, Section
from intake.records import Answer, AnswerValue, Intake, Status
from intake.summary import SwedishTexts

JSON = dict[str, Any]

LANGUAGE = "sv"
MIN_VALUE = "http://hl7.org/fhir/StructureDefinition/minValue"
MAX_VALUE = "http://hl7.org/fhir/StructureDefinition/maxValue"

_CHOICE_TYPES = frozenset(
    {
        QuestionType.SINGLE,
        QuestionType.MULTIPLE,
        QuestionType.YESNO,
        QuestionType.SCALE,
        QuestionType.CONSENT,
    }
)
_INTEGER_TYPES = frozenset({QuestionType.NUMBER, QuestionType.YEAR})


def questionnaire_url(questionnaire: Questionnaire, base_url: str) -> str:
    """The canonical URL of the questionnaire (without its version)."""
    return f"{_base(base_url)}/fhir/Questionnaire/{questionnaire.id}"


def questionnaire_canonical(questionnaire: Questionnaire, base_url: str) -> str:
    """The versioned canonical reference, ``url|version``, that a response points to."""
    return f"{questionnaire_url(questionnaire, base_url)}|{questionnaire.version}"


def code_system(questionnaire: Questionnaire, question: Question, base_url: str) -> str:
    """The code system of a question's option codes (one per question)."""
    return f"{_base(base_url)}/fhir/CodeSystem/{questionnaire.id}-{question.id}"


def reference_system(base_url: str) -> str:
    """The identifier system of intake references."""
    return f"{_base(base_url)}/fhir/intake-reference"


def section_link_id(section: Section) -> str:
    """A group's link id; distinct from every question id (those have no hyphen)."""
    return f"section-{section.id}"


def questionnaire_resource(
    questionnaire: Questionnaire, swedish: SwedishTexts, base_url: str
) -> JSON:
    """The questionnaire as a FHIR R4 ``Questionnaire`` in Swedish, as a JSON-able dict."""
    data: JSON = {
        "resourceType": "Questionnaire",
        "url": questionnaire_url(questionnaire, base_url),
        "version": questionnaire.version,
        "name": _computable_name(questionnaire.id),
        "title": swedish.pgettext(questionnaire.context, questionnaire.title),
        "status": "active",
        "language": LANGUAGE,
        "item": [
            {
                "linkId": section_link_id(section),
                "type": "group",
                "text": swedish.pgettext(section.context, section.title),
                "item": [
                    _question_item(questionnaire, questionnaire.question(qid), swedish, base_url)
                    for qid in section.question_ids
                ],
            }
            for section in questionnaire.sections
            if section.question_ids
        ],
    }
    return _validated(FhirQuestionnaire, data)


def questionnaire_response(
    questionnaire: Questionnaire,
    intake: Intake,
    flow: Flow,
    swedish: SwedishTexts,
    base_url: str,
    *,
    include: Callable[[Question], bool] = lambda q: True,
) -> JSON:
    """An intake's answers in force as a FHIR R4 ``QuestionnaireResponse``, as a dict.

    ``include`` chooses the questions to export (for example only those a consent covers);
    skipped questions, questions not asked and answers no longer in force are never exported.
    A naive timestamp is taken as UTC, as storage does.
    """
    groups = []
    for section in questionnaire.sections:
        items = []
        for qid in section.question_ids:
            question = questionnaire.question(qid)
            answer = flow.answers.get(qid)
            if answer is None or answer.skipped or not include(question):
                continue
            answers = _answers(questionnaire, question, answer, swedish, base_url)
            if answers:
                items.append(
                    {
                        "linkId": question.id,
                        "text": swedish.pgettext(question.context, question.text),
                        "answer": answers,
                    }
                )
        if items:
            groups.append(
                {
                    "linkId": section_link_id(section),
                    "text": swedish.pgettext(section.context, section.title),
                    "item": items,
                }
            )
    authored = intake.submitted_at or intake.updated_at
    data: JSON = {
        "resourceType": "QuestionnaireResponse",
        "questionnaire": questionnaire_canonical(questionnaire, base_url),
        "status": "completed" if intake.status is Status.SUBMITTED else "in-progress",
        "authored": _aware(authored).isoformat(),
        "identifier": {"system": reference_system(base_url), "value": intake.reference},
        "language": LANGUAGE,
    }
    if groups:
        data["item"] = groups
    return _validated(FhirQuestionnaireResponse, data)


def _question_item(
    questionnaire: Questionnaire, question: Question, swedish: SwedishTexts, base_url: str
) -> JSON:
    item: JSON = {
        "linkId": question.id,
        "text": swedish.pgettext(question.context, question.text),
    }
    if question.type in _CHOICE_TYPES:
        item["type"] = "choice"
        if question.type is QuestionType.MULTIPLE:
            item["repeats"] = True
        item["answerOption"] = [
            {"valueCoding": _coding(questionnaire, question, option.code, swedish, base_url)}
            for option in question.options
        ]
    elif question.type in _INTEGER_TYPES:
        item["type"] = "integer"
        extensions = []
        if question.minimum is not None:
            extensions.append({"url": MIN_VALUE, "valueInteger": math.ceil(question.minimum)})
        if question.maximum is not None:
            extensions.append({"url": MAX_VALUE, "valueInteger": math.floor(question.maximum)})
        if extensions:
            item["extension"] = extensions
    else:
        item["type"] = "text"
        item["maxLength"] = question.max_length
    return item


def _answers(
    questionnaire: Questionnaire,
    question: Question,
    answer: Answer,
    swedish: SwedishTexts,
    base_url: str,
) -> list[JSON]:
    """The FHIR answers to one question; empty when the stored value does not fit its type."""
    value: AnswerValue | None = answer.value
    if question.type in _CHOICE_TYPES:
        codes = value if isinstance(value, tuple) else (value,) if isinstance(value, str) else ()
        return [
            {"valueCoding": _coding(questionnaire, question, code, swedish, base_url)}
            for code in codes
        ]
    if question.type in _INTEGER_TYPES:
        return [{"valueInteger": value}] if isinstance(value, int) else []
    return [{"valueString": value}] if isinstance(value, str) and value.strip() else []


def _coding(
    questionnaire: Questionnaire,
    question: Question,
    code: str,
    swedish: SwedishTexts,
    base_url: str,
) -> JSON:
    coding: JSON = {"system": code_system(questionnaire, question, base_url), "code": code}
    option = question.option(code)
    if option is not None:  # a code from an earlier wording version keeps its bare code
        coding["display"] = swedish.pgettext(option.context, option.label)
    return coding


def _validated(model: type[FhirQuestionnaire | FhirQuestionnaireResponse], data: JSON) -> JSON:
    """Validate through the fhir.resources model and return its plain JSON form."""
    return model.model_validate(data).model_dump(mode="json", exclude_none=True)


def _computable_name(questionnaire_id: str) -> str:
    """A FHIR computable name (``^[A-Z][A-Za-z0-9_]*``): ``default`` -> ``IntakeDefault``."""
    return "Intake" + "".join(part.capitalize() for part in questionnaire_id.split("_"))


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def _base(base_url: str) -> str:
    return base_url.rstrip("/")
