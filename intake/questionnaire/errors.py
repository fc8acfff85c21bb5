"""Questionnaire errors: each has a code, a place (file, line, question) and a fix."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    code: str
    path: str
    line: int
    message: str
    fix: str
    item: str | None = None  # "question 'pain'", "flag 'self_harm'", ...

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        item = f" {self.item}:" if self.item else ""
        return f"{where}:{item} [{self.code}] {self.message}. {self.fix}"


class QuestionnaireError(Exception):
    """A questionnaire file that cannot be used; holds every problem found in it."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        count = len(problems)
        head = f"{count} problem{'s' if count != 1 else ''} in questionnaire file"
        super().__init__(head + ":\n" + "\n".join(f"  {p}" for p in problems))

    @property
    def codes(self) -> list[str]:
        return [p.code for p in self.problems]


# The kinds of problem, each with a bad-file test case in tests/questionnaires/bad/.
CODES: dict[str, str] = {
    "Q001": "the file is not valid YAML",
    "Q002": "a required key is missing",
    "Q003": "a key is not part of the format (often a typo)",
    "Q004": "a value has the wrong type",
    "Q005": "an id is used twice",
    "Q006": "an id is not a lower-case identifier",
    "Q007": "an unknown question type",
    "Q008": "a question's options are missing, unknown or not allowed for its type",
    "Q009": "a condition is not written in the condition grammar",
    "Q010": "a condition refers to an unknown question, or one that is not asked before it",
    "Q011": "a condition uses an option code the question does not have",
    "Q012": "a number range is empty (min above max)",
    "Q013": "a score is inconsistent (question without option values, bands with gaps)",
    "Q014": "a flag is inconsistent (unknown level, unknown score or flag)",
    "Q015": "a next step refers to an unknown flag",
    "Q016": "a consent question is inconsistent (recipient, yes/no options)",
    "Q017": "a question names an unknown summary section",
    "Q018": "an unsupported format version",
    "Q019": "words for none ('zero') on a question that cannot be answered 0",
    "Q020": "'total' on a question that is not a number question",
    "Q021": "a question's 'synonyms' name no answer of it, or have no words",
    "Q022": "an option's 'per_week' is not two numbers, the lower first",
    "Q023": "'aid' on a question without answers to choose",
    "Q024": "'count' is not two texts with %(num)s, or is on a question that is not a number",
    "Q025": "words for the most ('full') on a question without a highest number",
    "Q026": "words for half the most ('half') on a question without a highest number",
    "Q027": "'unit_words' on a question that is not a number question",
    "Q028": "'clock' on a question that is not a number question",
    "Q029": "words that show risk ('worrying') on a question whose answers have no values",
    "Q030": "'levels' is not 'words=years|...' within the range of a number question",
}
