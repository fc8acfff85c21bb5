"""Plain records shared by the domain, storage and the web layer."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

# An answer's value: an option code, several codes, a number or year, or free text.
AnswerValue = str | int | tuple[str, ...]


@dataclass(frozen=True)
class Answer:
    question_id: str
    value: AnswerValue | None  # None when skipped
    answered_at: datetime
    language: str  # locale the participant answered in (free text: detected language)
    questionnaire_version: str = ""
    typed: str | None = None  # the words typed when the answer was understood from typing

    @property
    def skipped(self) -> bool:
        return self.value is None


class Status(StrEnum):
    IN_PROGRESS = "in_progress"
    DECLINED = "declined"
    SUBMITTED = "submitted"


@dataclass(frozen=True)
class Intake:
    id: int
    reference: str
    locale: str
    questionnaire_id: str
    questionnaire_version: str
    status: Status
    created_at: datetime
    updated_at: datetime
    submitted_at: datetime | None
    suggested_locale: str | None = None  # a language the participant seems to write in
    org_id: int | None = None  # the inviting caseworker's organisation (None: open self-start)
