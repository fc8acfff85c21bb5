"""The parts of a questionnaire that refer to others: conditions, scores, flags and next steps.

Every reference is checked at load time, so a typo in a question id, option code, score or flag
stops the file from loading instead of silently never matching. Crisis help and typing hints
are read here too: they come last in a file and refer to nothing.
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import pairwise

from intake.questionnaire.conditions import (
    AllOf,
    AnswerTest,
    AnyOf,
    Condition,
    ConditionSyntaxError,
    FlagTest,
    Not,
    ScoreTest,
    parse_condition,
    referenced,
)
from intake.questionnaire.model import (
    TYPING_LISTS,
    TYPING_TEXTS,
    Band,
    CrisisLine,
    Flag,
    FlagLevel,
    NextStep,
    Question,
    QuestionType,
    Score,
    Typing,
)
from intake.questionnaire.reporting import Reporter, allowed_keys
from intake.questionnaire.yamlsource import LocatedDict, LocatedList

_SCORE_KEYS = allowed_keys("id label questions bands")
_BAND_KEYS = allowed_keys("min max label")
_FLAG_KEYS = allowed_keys("id level when summary crisis?")
_STEP_KEYS = allowed_keys("id flags text")
_CRISIS_KEYS = allowed_keys("number name text chat_url?")
_TYPING_KEYS = allowed_keys(" ".join(f"{key}?" for key in (*TYPING_TEXTS, *TYPING_LISTS)))


def condition(
    report: Reporter,
    data: LocatedDict,
    key: str,
    item: str,
    earlier: dict[str, Question],
    score_ids: Iterable[str] | None = None,
    flag_ids: Iterable[str] | None = None,
) -> Condition | None:
    """Parse ``data[key]`` and check what it refers to.

    A question's ``when`` (no ``score_ids``) may only read questions asked before it; a flag may
    read any question, the scores and the flags defined above it.
    """
    if key not in data:
        return None
    line = data.line_of(key)
    try:
        parsed = parse_condition(data[key])
    except ConditionSyntaxError as exc:
        fix = "See 'Conditions' in docs/questionnaire-format.md"
        report.problem("Q009", line, f"'{key}': {exc}", fix, item)
        return None
    earlier_only = key == "when" and score_ids is None
    where = "an earlier question" if earlier_only else "a question of this questionnaire"
    for test in _answer_tests(parsed):
        _check_answer_test(report, test, line, item, earlier, key, where)
    known_scores = set(score_ids or ())
    for score in referenced(parsed, ScoreTest):
        if score not in known_scores:
            fix = "Use a score id defined under scores:"
            report.problem("Q014", line, f"unknown score '{score}'", fix, item)
    known_flags = set(flag_ids or ())
    for flag in referenced(parsed, FlagTest):
        if flag not in known_flags:
            fix = "Refer only to flags defined above this one"
            report.problem("Q014", line, f"unknown flag '{flag}'", fix, item)
    return parsed


def _check_answer_test(
    report: Reporter,
    test: AnswerTest,
    line: int,
    item: str,
    earlier: dict[str, Question],
    key: str,
    where: str,
) -> None:
    question = earlier.get(test.question)
    if question is None:
        message = f"'{key}' refers to '{test.question}', which is not {where}"
        fix = "Correct the id, or move the question so that the one it depends on is asked first"
        report.problem("Q010", line, message, fix, item)
        return
    if test.op in ("in", "includes"):
        codes = {o.code for o in question.options}
        unknown = [c for c in test.codes if c not in codes]
        if unknown:
            fix = "Use one of: " + ", ".join(sorted(codes))
            report.problem("Q011", line, f"'{test.question}' has no option {unknown}", fix, item)
        if test.op == "includes" and question.type is not QuestionType.MULTIPLE:
            message = "'includes' works on multiple-choice questions"
            report.problem("Q009", line, message, "Use 'in' for a question with one answer", item)
        if test.op == "in" and question.type is QuestionType.MULTIPLE:
            message = f"'{test.question}' is multiple choice, so 'in'/'equals' can never hold"
            report.problem("Q009", line, message, "Use 'includes' instead", item)
    if test.op in ("at_least", "at_most") and not _numeric(question):
        message = f"'{test.op}' needs a number, but '{test.question}' has no numbers"
        fix = "Use a number, year or scale question, or give its options values"
        report.problem("Q009", line, message, fix, item)


def scores(report: Reporter, top: LocatedDict, questions: dict[str, Question]) -> list[Score]:
    result = []
    seen: dict[str, int] = {}
    for data in report.mappings(top, "scores", None):
        sid = report.identifier(data, "id", "score")
        item = f"score '{sid}'"
        report.keys(data, _SCORE_KEYS, item, "a score")
        report.unique(seen, sid, data.line, "score")
        line = data.line_of("questions")
        ids = _id_list(report, data, "questions", item)
        for qid in ids:
            question = questions.get(qid)
            if question is None:
                fix = "List ids of questions in this questionnaire"
                report.problem("Q013", line, f"unknown question '{qid}'", fix, item)
            elif question.type is not QuestionType.NUMBER and (
                not question.options or any(o.value is None for o in question.options)
            ):
                message = f"question '{qid}' has options without a 'value'"
                fix = "Give every option a value, or use a number question"
                report.problem("Q013", line, message, fix, item)
        bands = _bands(report, data, item)
        known = [questions[q] for q in ids if q in questions]
        span = _possible_range(known) if len(known) == len(ids) else None
        _check_coverage(report, bands, span, data.line_of("bands"), item)
        label = report.typed(data, "label", str, item, "")
        result.append(Score(sid, label, tuple(str(q) for q in ids), tuple(bands), data.line))
    return result


def _bands(report: Reporter, data: LocatedDict, item: str) -> list[Band]:
    """A score's bands, lowest first."""
    bands = []
    for band in report.mappings(data, "bands", item):
        report.keys(band, _BAND_KEYS, item, "a band")
        low = report.typed(band, "min", (int, float), item, 0)
        high = report.typed(band, "max", (int, float), item, 0)
        if low > high:
            message = f"band min {low} is above max {high}"
            report.problem("Q012", band.line, message, "Swap them or correct one", item)
        bands.append(Band(float(low), float(high), report.typed(band, "label", str, item, "")))
    bands.sort(key=lambda b: b.minimum)
    return bands


def _check_coverage(
    report: Reporter, bands: list[Band], span: tuple[float, float] | None, line: int, item: str
) -> None:
    """Sorted bands must cover every possible sum (``span``, if known), without gaps or overlaps."""
    if bands and span and (bands[0].minimum > span[0] or bands[-1].maximum < span[1]):
        message = (
            f"bands cover {bands[0].minimum:g}–{bands[-1].maximum:g} but the "
            f"sum can be {span[0]:g}–{span[1]:g}"
        )
        report.problem("Q013", line, message, "Make the bands cover every possible sum", item)
    for before, after in pairwise(bands):
        if after.minimum > before.maximum + 1 or after.minimum <= before.maximum:
            message = (
                f"bands {before.minimum:g}–{before.maximum:g} and "
                f"{after.minimum:g}–{after.maximum:g} leave a gap or overlap"
            )
            fix = "Make each band start one above the previous band's max"
            report.problem("Q013", line, message, fix, item)


def flags(
    report: Reporter, top: LocatedDict, questions: dict[str, Question], score_ids: set[str]
) -> list[Flag]:
    result: list[Flag] = []
    seen: dict[str, int] = {}
    for data in report.mappings(top, "flags", None):
        fid = report.identifier(data, "id", "flag")
        item = f"flag '{fid}'"
        report.keys(data, _FLAG_KEYS, item, "a flag")
        report.unique(seen, fid, data.line, "flag")
        raw_level = report.typed(data, "level", str, item, "")
        try:
            level = FlagLevel(raw_level)
        except ValueError:
            if raw_level:
                message = f"unknown level '{raw_level}'"
                fix = "Use urgent, attention or info"
                report.problem("Q014", data.line_of("level"), message, fix, item)
            level = FlagLevel.INFO
        crisis = bool(report.typed(data, "crisis", bool, item, False))
        if crisis and level is not FlagLevel.URGENT:
            message = "crisis help is only for urgent flags"
            fix = "Set 'level: urgent' or remove 'crisis'"
            report.problem("Q014", data.line_of("crisis"), message, fix, item)
        above = [f.id for f in result]
        when = condition(report, data, "when", item, questions, score_ids, above)
        if when is None:
            continue
        summary = report.typed(data, "summary", str, item, "")
        result.append(Flag(fid, level, when, summary, crisis, data.line))
    return result


def next_steps(report: Reporter, top: LocatedDict, flag_ids: set[str]) -> list[NextStep]:
    result = []
    seen: dict[str, int] = {}
    for data in report.mappings(top, "next_steps", None):
        nid = report.identifier(data, "id", "next step")
        item = f"next step '{nid}'"
        report.keys(data, _STEP_KEYS, item, "a next step")
        report.unique(seen, nid, data.line, "next step")
        ids = _id_list(report, data, "flags", item)
        for fid in ids:
            if fid not in flag_ids:
                fix = "Use flag ids defined under flags:"
                report.problem("Q015", data.line_of("flags"), f"unknown flag '{fid}'", fix, item)
        text = report.typed(data, "text", str, item, "")
        result.append(NextStep(nid, tuple(map(str, ids)), text))
    return result


def _id_list(report: Reporter, data: LocatedDict, key: str, item: str) -> list[str]:
    """A list of ids; an entry that is not an id is reported (Q004) and left out."""
    ids = report.typed(data, key, LocatedList, item, LocatedList())
    if any(not isinstance(i, str) for i in ids):
        fix = f"Write '{key}' as a list of ids, e.g. [{key[:-1]}_a, {key[:-1]}_b]"
        report.problem("Q004", data.line_of(key), f"'{key}' must list ids", fix, item)
    return [i for i in ids if isinstance(i, str)]


def crisis_lines(report: Reporter, top: LocatedDict, qn_id: str) -> list[CrisisLine]:
    result = []
    item = "crisis help"
    for data in report.mappings(top, "crisis_help", None):
        report.keys(data, _CRISIS_KEYS, item, "a crisis line")
        number = str(report.typed(data, "number", (str, int), item, ""))
        name = report.typed(data, "name", str, item, "")
        text = report.typed(data, "text", str, item, "")
        chat_url = report.typed(data, "chat_url", str, item)
        result.append(CrisisLine(number, name, text, f"{qn_id}:crisis:{number}", chat_url))
    if "crisis_help" in top and not result:
        fix = "List at least the emergency number"
        report.problem("Q002", top.line_of("crisis_help"), "crisis_help lists no line", fix)
    return result


def typing(report: Reporter, top: LocatedDict, qn_id: str) -> Typing:
    data = report.typed(top, "typing", LocatedDict, None, LocatedDict())
    if "typing" in top:
        report.keys(data, _TYPING_KEYS, "typing", "typing")
    numbers = report.typed(data, "numbers", LocatedList, "typing", LocatedList())
    ordinals = report.typed(data, "ordinals", LocatedList, "typing", LocatedList())
    for key, listed in (("numbers", numbers), ("ordinals", ordinals)):
        if any(not isinstance(n, str) for n in listed):
            message = f"'{key}' must be a list of texts"
            fix = "Write one entry per number, from zero up, words separated by |"
            report.problem("Q004", data.line_of(key), message, fix, "typing")
    texts = {key: report.typed(data, key, str, "typing", "") for key in TYPING_TEXTS}
    more = report.typed(data, "more_numbers", LocatedDict, "typing", LocatedDict())
    if any(not str(n).isdigit() or int(n) <= 20 or not isinstance(w, str) for n, w in more.items()):
        message = "'more_numbers' must map numbers above 20 to texts"
        fix = 'Write one number per line, words separated by |: 30: "thirty"'
        report.problem("Q004", data.line_of("more_numbers"), message, fix, "typing")
        more = LocatedDict()
    return Typing(
        f"{qn_id}:typing",
        numbers=tuple(str(n) for n in numbers),
        ordinals=tuple(str(n) for n in ordinals),
        more_numbers=tuple(sorted((int(n), str(w)) for n, w in more.items())),
        **texts,
    )


def _numeric(question: Question) -> bool:
    if question.type in (QuestionType.NUMBER, QuestionType.YEAR):
        return True
    return bool(question.options) and all(o.value is not None for o in question.options)


def _possible_range(questions: list[Question]) -> tuple[float, float] | None:
    """Lowest and highest possible sum of a score's items, if every item is bounded."""
    low = high = 0.0
    for question in questions:
        if question.type is QuestionType.NUMBER:
            if question.minimum is None or question.maximum is None:
                return None
            low, high = low + question.minimum, high + question.maximum
        else:
            values = [o.value for o in question.options if o.value is not None]
            if not values:
                return None
            low, high = low + min(values), high + max(values)
    return low, high


def _answer_tests(condition: Condition) -> list[AnswerTest]:
    if isinstance(condition, AnswerTest):
        return [condition]
    if isinstance(condition, AnyOf | AllOf):
        return [t for item in condition.items for t in _answer_tests(item)]
    if isinstance(condition, Not):
        return _answer_tests(condition.item)
    return []
