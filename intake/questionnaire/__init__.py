"""Questionnaires as data: the model, its conditions and the loader that validates files."""

from intake.questionnaire.errors import Problem, QuestionnaireError
from intake.questionnaire.loader import load_all, load_questionnaire, load_questionnaire_text
from intake.questionnaire.model import (
    Flag,
    FlagLevel,
    Option,
    Question,
    Questionnaire,
    QuestionType,
    Score,
    Section,
)

__all__ = [
    "Flag",
    "FlagLevel",
    "Option",
    "Problem",
    "Question",
    "QuestionType",
    "Questionnaire",
    "QuestionnaireError",
    "Score",
    "Section",
    "load_all",
    "load_questionnaire",
    "load_questionnaire_text",
]
