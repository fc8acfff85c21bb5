"""A Babel extractor for questionnaire files.

Yields every participant-facing string with a context (``msgctxt``) naming the questionnaire and
the question, option set, section or crisis line it belongs to, and the author's translator
note as the extracted comment. Configured in ``pyproject.toml`` under ``[tool.babel]``.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import IO, Any

from intake.questionnaire import load_questionnaire_text

Extracted = tuple[int, str, tuple[str, ...], list[str]]  # (context, msgid) or + plural


# The typing word lists of a questionnaire, with the comment translators see for each.
TYPING_COMMENTS = {
    "negations": "Words that turn an answer around ('not often'). An answer typed with one of "
    "them is never taken as the option without it.",
    "separators": "Words between several answers to a multiple-choice question ('pain and "
    "sleep'), and between the parts of a total ('9 years school and 3 years university', also "
    "'then', 'after that').",
    "intensifiers": "Words that make an answer stronger ('very bad' is not 'bad').",
    "contrasts": "Words that start another thought ('sometimes, but I would never do it'): a "
    "'not' after them does not turn the answer before them around.",
    "limits": "Words for 'more' or 'longer' that, with a 'not', make a number the most: 'not more "
    "than 2 hours', 'I cannot more than 3' (offered as 2, 3 to confirm).",
    "others": "Words for other people, as a reply about them begins ('my husband has diabetes', "
    "'he is sick'): such a reply is never taken as the participant's own answer, only asked "
    "about. Write the forms people type: with 'my' written onto the word, after 'at' or 'of'.",
    "pronouns": "Words for 'I' that people often leave out: a typed phrase that starts with one "
    "('I can't sleep') is also understood without it ('can't sleep'). Leave empty if your "
    "language does not leave 'I' out.",
    "me": "Words for 'me' as words of their own (not 'my', not 'I': those are in the list of "
    "words for 'I'): a reply that begins with another person ('my husband wants to work') and "
    "has no word for 'I' or 'me' is about that person, not read as the participant's answer "
    "('my husband gave me work' is read).",
    "weeks": "Words for 'week' as people type them in 'twice a week', '2 or 3 days a week', 'in "
    "2 weeks' (all forms: with 'a', 'per', 'in the' written onto the word).",
    "months": "Words for 'month' as people type them in 'once a month'.",
    "without": "Words for 'without' (also with 'it' or 'them' written onto the word): on a "
    "question about seeing with glasses, 'fine with glasses, without them nothing' is read as "
    "'fine'; what follows 'without' is not the answer.",
    "positive": "Everyday words for 'good' or 'fine' (also in chat spelling): after a word for "
    "'very', they make 'very good' mean good, never 'very hard' or 'often'.",
    "times": "Words for 'time(s)' as in '2 times', 'два раза' (also written onto the number): a "
    "number with one is a count of times, so on 'How many hours...' it is only offered to "
    "confirm, never stored as hours.",
    "born": "Words people use when they give the year they were born ('born 89', 'I was born in "
    "'72'): with one, a number of two digits is read as a year, always confirmed.",
    "alternatives": "Words for 'or' between two numbers ('6 or 7 years', '1965 or 66'): both "
    "are offered to choose from, never added up.",
    "not_understood": "Ways people type that they do not understand the question ('I don't "
    "understand', 'what does it mean'): such a reply is asked again, and its 'not' is never "
    "read as the answer 'No' or 'Not at all'.",
    "comparisons": "Words that compare an amount ('less', 'more', 'at least', 'at most'): 'less "
    "than half a day' or 'more than a full day' is not read as half a day or a full day.",
    "until": "Words for 'to' or 'until' between two times of the day ('from 8 to 2', 'з 9 до "
    "15'), also written onto the number: on 'How many hours a day...' such a span is offered "
    "as the hours between.",
    "solar_hijri": "Words that mark a year as of the Solar Hijri calendar, as people type them "
    "after the year ('1365 shamsi', '۱۳۶۵ ش', 'in the Afghan calendar'): such a year is "
    "converted (+621) and shown to confirm. Only words for that calendar, not the lunar Hijri "
    "one ('هجری قمری').",
    "ethiopian": "Words that mark a year as of the Ethiopian calendar, as people type them after "
    "the year ('1982 E.C.', '1982 ዓ.ም'): such a year is converted (+8) and shown to confirm.",
    "lately": "Ways people name the time a question asks about, said beside the answer ('lately', "
    "'these days', 'in the last two weeks'): read as no part of the answer, so their words (a "
    "'two', a 'days', a word that is also 'sometimes') are not taken for one. Not 'now' or "
    "'before': a reply may set them against each other.",
    "no_day": "Ways people begin 'there is no day (that I don't have pain)', 'not a single day "
    "(without worry)': with a 'not' after them, the reply means every day, offered to confirm.",
}


def extract_questionnaire(
    fileobj: IO[bytes], keywords: Any, comment_tags: Any, options: dict[str, Any]
) -> Iterator[Extracted]:
    """Babel extraction method ``intake.extract:extract_questionnaire``."""
    text = fileobj.read().decode("utf-8")
    questionnaire = load_questionnaire_text(text, getattr(fileobj, "name", "<questionnaire>"))
    qid = questionnaire.id
    typing_note = questionnaire.typing.note
    yield (
        1,
        "pgettext",
        (questionnaire.context, questionnaire.title),
        [f"Title of the questionnaire '{qid}', shown on the welcome page and in the tab."],
    )
    seen_options: set[tuple[str, str]] = set()
    by_section = {s.id: s for s in questionnaire.sections}
    for section in questionnaire.sections:
        first = questionnaire.question(section.question_ids[0]) if section.question_ids else None
        line = first.line - 1 if first else 1
        yield (
            line,
            "pgettext",
            (section.context, section.title),
            [f"Heading of the section '{section.id}' in the conversation."],
        )
        if section.intro:
            yield (
                line,
                "pgettext",
                (section.context, section.intro),
                [f"Introduction to the section '{section.id}', said by the assistant."],
            )
    for question in questionnaire.questions:
        section = by_section[question.section_id]
        where = f"Question '{question.id}' ({question.type.value}) in section '{section.id}'."
        note = [where, question.translator_note] if question.translator_note else [where]
        yield (question.line, "pgettext", (question.context, question.text), note)
        own_texts: tuple[tuple[str, str | None, str], ...] = (
            ("", question.why, f"'Why we ask' for question '{question.id}'."),
            ("", question.unit, f"Unit shown after the number field of question '{question.id}'."),
            (
                ":zero",
                question.zero,
                f"Not shown: ways people type 'none' as the answer to question '{question.id}' "
                "(read as 0, then confirmed). Not translations: write what people in your "
                "language really type, separated by |.",
            ),
            (
                ":full",
                question.full,
                f"Not shown: ways people say they can do the most ('full time', 'a whole day') "
                f"as the answer to question '{question.id}' (offered as its highest number, "
                "then confirmed). Not translations: write what people in your language really "
                "type, separated by |.",
            ),
            (
                ":half",
                question.half,
                f"Not shown: ways people say they can do half of the most ('half a day', "
                f"'part time') as the answer to question '{question.id}' (offered as half its "
                "highest number, then confirmed). Not translations: write what people in your "
                "language really type, separated by |.",
            ),
            (
                ":unit_words",
                question.unit_words,
                f"Not shown: words that stand right beside the number in a reply to question "
                f"'{question.id}' besides its unit ('grade 9', '12 classes'), as people type "
                "them, separated by |: a number word beside one is read also in a long reply.",
            ),
            (
                ":levels",
                question.levels,
                f"Not shown: levels of school people say they FINISHED, as the answer to "
                f"question '{question.id}', each with '=' and the years of school it means in "
                "total where your language's speakers went to school ('finished high school=12', "
                "'bachelor=16'). Keep the form words=number, separated by |; change the number "
                "where school takes other years (11 where school ends after 11 years). Offered "
                "to confirm, never stored without the participant's yes.",
            ),
            (
                ":worrying",
                question.worrying,
                f"Not shown: words that show risk in a reply to question '{question.id}' without "
                "naming an answer ('no hope', 'tired of life', 'I can't go on'), as people in "
                "your language really type them, separated by |. A reply that says one is never "
                "read as the least answer (asked again instead). Not translations: more words "
                "are welcome.",
            ),
            (
                ":aid",
                question.aid,
                f"Not shown: words for the aid question '{question.id}' asks about using "
                "(glasses, a hearing aid), as people type them, also with 'my', separated by "
                "|. A reply that names it and says 'without' is read for the part with it.",
            ),
        )
        for suffix, msgid, about in own_texts:
            if msgid:
                yield question.line, "pgettext", (question.context + suffix, msgid), [about]
        if question.count:
            about = (
                f"The answer to question '{question.id}' with its unit, as the participant sees "
                "it after answering and on buttons to choose a number: %(num)s is the number. "
                "Give every plural form your language needs."
            )
            yield question.line, "npgettext", (question.count_context, *question.count), [about]
        for code, words in question.synonyms:
            label = next((o.label for o in question.options if o.code == code), code)
            yield (
                question.line,
                "pgettext",
                (question.synonyms_context(code), words),
                [
                    f"Not shown: ways people TYPE the answer '{code}' ({label}) to question "
                    f'\'{question.id}\' only, often in their own words ("I am blind" for "I '
                    'cannot do it at all" when asked about seeing). Not a translation: what '
                    "people really write in your language, separated by |. Taken only when it "
                    "is the whole reply, so write whole short replies, also in chat spelling.",
                ],
            )
        for option in question.options:
            key = (option.context, option.label)
            if key in seen_options:
                continue
            seen_options.add(key)
            shared = option.context != question.context
            comment = [
                f"Answer option '{option.code}'"
                + (" of a shared option set, first used by " if shared else " of ")
                + f"question '{question.id}'."
            ]
            if option.note:
                comment.append(option.note)
            yield (question.line, "pgettext", key, comment)
            if option.synonyms:
                yield (
                    question.line,
                    "pgettext",
                    (option.synonyms_context, option.synonyms),
                    [
                        f"Other ways people TYPE the answer '{option.code}' ({option.label}) "
                        + (
                            "of every question of this shared option set (first used by "
                            f"'{question.id}'): only words that mean it whatever the question."
                            if shared
                            else f"of question '{question.id}'."
                        )
                        + " Not a translation: the words people really write in your "
                        "language, also chat spelling, separated by |.",
                        *([typing_note] if typing_note else []),
                    ],
                )
    typing = questionnaire.typing
    typing_notes = [typing_note] if typing_note else []
    for part, explanation in TYPING_COMMENTS.items():
        if listed := str(getattr(typing, part)):
            yield (
                1,
                "pgettext",
                (f"{typing.context}:{part}", listed),
                [explanation, *typing_notes],
            )
    for number, words in enumerate(typing.numbers):
        yield (
            1,
            "pgettext",
            (typing.numbers_context(number), words),
            [f"How people write the number {number} in words, separated by |.", *typing_notes],
        )
    for number, words in typing.more_numbers:
        yield (
            1,
            "pgettext",
            (typing.numbers_context(number), words),
            [
                f"How people write {number} in words, separated by |, as a part of bigger "
                "numbers ('nineteen ninety', 'тысяча девятьсот'). The words for 100 and 1000 "
                "multiply the number before them. Leave a form out if your language says it "
                "in two words ('nine hundred').",
                *typing_notes,
            ],
        )
    for number, words in enumerate(typing.ordinals):
        if words:
            yield (
                1,
                "pgettext",
                (typing.ordinals_context(number), words),
                [
                    f"How people write the ordinal {number} ('the sixth class': six years of "
                    "school), separated by |. Read as the number, always confirmed."
                    + (
                        " Read only as the end of a year written in words, as in Russian "
                        "'тысяча девятьсот восемьдесят первый' (1981): leave empty if your "
                        "language says years with numbers only."
                        if number < 3
                        else ""
                    ),
                    *typing_notes,
                ],
            )
    for crisis in questionnaire.crisis_lines:
        comment = [f"Crisis help line {crisis.number}. Keep the number unchanged."]
        yield (1, "pgettext", (crisis.context, crisis.name), comment)
        yield (1, "pgettext", (crisis.context, crisis.text), comment)
