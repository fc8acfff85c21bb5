from __future__ import annotations

from datetime import UTC, datetime

from intake.records import Answer, AnswerValue, Intake, Status

WHEN = datetime(2026, 11, 20, 9, 30, tzinfo=UTC)
# A sent Arabic intake, for summaries and exports built from answers.
INTAKE = Intake(
    1,
    "K7M4QX2P",
    "ar",
    "default",
    "2026-11-1",
    Status.SUBMITTED,
    datetime(2026, 11, 20, 9, tzinfo=UTC),
    WHEN,
    WHEN,
)


def answers(**values: AnswerValue | None) -> dict[str, Answer]:
    """Stored answers from keyword values (None = skipped); lists become multiple choice."""
    result = {}
    for qid, value in values.items():
        if isinstance(value, list):
            value = tuple(value)
        result[qid] = Answer(qid, value, WHEN, "ar", "1")
    return result
