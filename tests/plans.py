"""Answer plans: what a participant answers, by question id, in the default questionnaire.

A value is an option code, a list of codes (multiple choice), text typed into the field, or
SKIP. Questions not in a plan are skipped.
"""

from __future__ import annotations

SKIP = object()

# Raises: self_harm (urgent, crisis), disability, distress, poor_health, long_term_illness, pain,
# limited_capacity, no_care_contact, interpreter, low_literacy.
ARABIC_URGENT: dict[str, object] = {
    "consent_answer": "yes",
    "consent_fk": "no",
    "consent_region": "yes",
    "consent_social": "no",
    "birth_year": "١٩٨٨",  # Arabic-Indic digits, as typed on an Arabic keyboard
    "gender": "woman",
    "languages": ["arabic", "english"],
    "interpreter_need": "yes",
    "interpreter_language": "العربية، اللهجة السورية",
    "reading_own_language": "a_little",
    "schooling_years": "9",
    "work_experience": "yes",
    "work_field": "خياطة",
    "general_health": "poor",
    "long_term_illness": "yes",
    "long_term_illness_words": SKIP,
    "pain": "often",
    "medication": "no",
    "care_contact": "no",
    "aids": ["glasses"],
    "seeing": "a_lot",
    "hearing": "none",
    "walking": "some",
    "remembering": "some",
    "self_care": "none",
    "communicating": "none",
    "worry": "more_than_half",
    "low_mood": "more_than_half",
    "sleep": "nearly_every_day",
    "concentration": "some_days",
    "memories": "more_than_half",
    "hopelessness": "some_days",
    "distress": "8",
    "self_harm": "sometimes",
    "activity_hours": "٣",
    "hard_things": ["worry_or_sleep", "childcare"],
    "what_helps": "أن أبدأ ببطء وأن يكون هناك مترجم",
    "goal": "work",
    "goal_field": "الخياطة أو العمل في مصنع",
    "strengths": SKIP,
    "adjustments": ["interpreter", "breaks"],
    "anything_else": "أنام قليلاً جداً منذ أن وصلت.",
}

ARABIC_URGENT_FLAGS = {
    "self_harm",
    "disability",
    "distress",
    "poor_health",
    "long_term_illness",
    "pain",
    "limited_capacity",
    "no_care_contact",
    "interpreter",
    "low_literacy",
}

# Everything well: no flags at all.
CALM: dict[str, object] = {
    "consent_answer": "yes",
    "consent_fk": "yes",
    "consent_region": "yes",
    "consent_social": "yes",
    "general_health": "good",
    "long_term_illness": "no",
    "pain": "never",
    "medication": "no",
    "care_contact": "yes",
    "seeing": "none",
    "hearing": "none",
    "walking": "none",
    "remembering": "none",
    "self_care": "none",
    "communicating": "none",
    "worry": "not_at_all",
    "low_mood": "not_at_all",
    "sleep": "not_at_all",
    "concentration": "not_at_all",
    "memories": "not_at_all",
    "hopelessness": "not_at_all",
    "distress": "1",
    "self_harm": "no",
    "activity_hours": "8",
    "interpreter_need": "no",
    "reading_own_language": "well",
}


def form_for(question_type: str, planned: object) -> dict[str, object]:
    """The form fields a browser without JavaScript would post for a planned answer."""
    if planned is SKIP:
        return {"skip": "1"}
    if isinstance(planned, list):
        return {"choice": planned}
    if question_type in ("number", "year", "text"):
        return {"typed": planned}
    return {"choice": planned}


# Free-text answers in other languages, for the same plan (what a participant would type).
TYPED_IN = {
    "ti": {
        "interpreter_language": "ትግርኛ፣ ናይ ኤርትራ",
        "work_field": "ስፌት",
        "what_helps": "ቀስ ብቐስ ምጅማር ይሕግዘኒ",
        "goal_field": "ስፌት ወይ ኣብ ፋብሪካ ምስራሕ",
        "anything_else": "ካብ ዝመጽኩሉ እዋን ጽቡቕ ኣይድቅስን እየ።",
    },
    "fa_AF": {
        "interpreter_language": "دری، لهجهٔ هراتی",
        "work_field": "خیاطی",
        "what_helps": "آهسته آهسته شروع کنم و ترجمان داشته باشم",
        "goal_field": "خیاطی یا کار در فابریکه",
        "anything_else": "از وقتی که آمده‌ام خیلی کم خواب می‌کنم.",
    },
}


def urgent_plan(locale: str) -> dict[str, object]:
    """ARABIC_URGENT with the free text written in ``locale`` (Arabic when not given)."""
    return {**ARABIC_URGENT, **TYPED_IN.get(locale, {})}
