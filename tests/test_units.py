"""A number answer with its unit, in each language's own plural form."""

from __future__ import annotations

from dataclasses import replace

import pytest

from intake.i18n import Catalogs
from intake.settings import PROJECT_ROOT
from intake.units import with_unit


@pytest.fixture(scope="module")
def catalogs() -> Catalogs:
    return Catalogs(PROJECT_ROOT / "locales")


@pytest.mark.parametrize(
    ("locale", "question", "number", "shown"),
    [
        ("en", "activity_hours", 1, "1 hour"),
        ("en", "activity_hours", 3, "3 hours"),
        ("en", "schooling_years", 1, "1 year"),
        ("sv", "activity_hours", 1, "1 timme"),
        ("sv", "activity_hours", 2, "2 timmar"),
        ("ru", "activity_hours", 2, "2 часа"),
        ("ru", "activity_hours", 5, "5 часов"),
        ("ru", "schooling_years", 21, "21 год"),
        ("uk", "schooling_years", 12, "12 років"),
        ("ar", "activity_hours", 3, "3 ساعات"),
        ("ar", "schooling_years", 12, "12 سنة"),
    ],
)
def test_a_number_takes_the_plural_form_its_language_needs(
    questionnaire, catalogs, locale, question, number, shown
) -> None:
    t = catalogs.translator(locale)
    assert with_unit(questionnaire.question(question), number, str(number), t) == shown


def test_without_a_count_the_unit_follows_the_number(questionnaire, catalogs) -> None:
    hours = replace(questionnaire.question("activity_hours"), count=None)
    assert with_unit(hours, 1, "1", catalogs.translator("en")) == "1 hours"
    assert with_unit(replace(hours, unit=None), 1, "1", catalogs.translator("en")) == "1"
