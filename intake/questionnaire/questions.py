"""One question of a questionnaire: its type, options, condition, range and consent.

A question may refer to what the file defines before its sections (option sets, summary
sections, recipients: see ``Known``) and, in its ``when``, to the questions asked before it.
"""

from __future__ import annotations

from dataclasses import dataclass

from intake.questionnaire import rules
from intake.questionnaire.model import Option, Question, QuestionType, level_entries
from intake.questionnaire.reporting import Reporter, allowed_keys
from intake.questionnaire.yamlsource import LocatedDict, LocatedList

_OPTION_KEYS = allowed_keys("code label value? exclusive? synonyms? combines? per_week?")
_QUESTION_KEYS = allowed_keys(
    "id type text note summary why? summary_section? options? when? min? max? unit? count? zero?"
    " full? half? total? unit_words? clock? worrying? levels?"
    " aid? synonyms? max_length? recipient? required?"
)


@dataclass(frozen=True)
class Known:
    """What the questions may refer to; read from the file before its sections."""

    questionnaire: str
    option_sets: dict[str, list[Option]]
    summary_sections: set[str]
    recipients: set[str]


def read_question(
    report: Reporter,
    data: LocatedDict,
    known: Known,
    section_id: str,
    default_summary: str,
    earlier: list[Question],
) -> Question | None:
    """One question; None if its type is unknown (nothing else about it can be checked)."""
    qid = report.identifier(data, "id", "question")
    item = f"question '{qid}'" if qid else "question"
    report.keys(data, _QUESTION_KEYS, item, "a question")
    raw_type = report.typed(data, "type", str, item, "")
    try:
        qtype = QuestionType(raw_type)
    except ValueError:
        if raw_type:
            fix = "Use one of: " + ", ".join(t.value for t in QuestionType)
            report.problem("Q007", data.line_of("type"), f"unknown type '{raw_type}'", fix, item)
        return None
    context = f"{known.questionnaire}:question:{qid}"
    options = _question_options(report, data, qtype, item, context, known.option_sets)
    summary_section = _summary_section(report, data, qtype, default_summary, known, item)
    when = rules.condition(report, data, "when", item, {q.id: q for q in earlier})
    minimum = report.typed(data, "min", (int, float), item)
    maximum = report.typed(data, "max", (int, float), item)
    if qtype is QuestionType.YEAR and minimum is None:
        fix = "Add the earliest year you accept, e.g. 'min: 1920'"
        report.problem("Q002", data.line, "a year question has no 'min'", fix, item)
    if minimum is not None and maximum is not None and minimum > maximum:
        message = f"min {minimum} is above max {maximum}"
        report.problem("Q012", data.line_of("min"), message, "Swap them or correct one", item)
    zero = report.typed(data, "zero", str, item)
    if zero is not None and (qtype is not QuestionType.NUMBER or (minimum or 0) > 0):
        message = "'zero' (words for none) on a question that cannot be answered 0"
        fix = "Use 'zero' only on a number question whose 'min' is 0 (or not set)"
        report.problem("Q019", data.line_of("zero"), message, fix, item)
    full = report.typed(data, "full", str, item)
    if full is not None and (qtype is not QuestionType.NUMBER or maximum is None):
        message = "'full' (words for the most) on a question without a highest number"
        fix = "Use 'full' only on a number question with a 'max'"
        report.problem("Q025", data.line_of("full"), message, fix, item)
    half = report.typed(data, "half", str, item)
    if half is not None and (qtype is not QuestionType.NUMBER or maximum is None):
        message = "'half' (words for half of the most) on a question without a highest number"
        fix = "Use 'half' only on a number question with a 'max'"
        report.problem("Q026", data.line_of("half"), message, fix, item)
    total = bool(report.typed(data, "total", bool, item, False))
    if total and qtype is not QuestionType.NUMBER:
        message = "'total' (numbers in parts may be added up) on a question that is not a number"
        fix = "Use 'total: true' only on a number question that asks for a total"
        report.problem("Q020", data.line_of("total"), message, fix, item)
    clock = bool(report.typed(data, "clock", bool, item, False))
    if clock and qtype is not QuestionType.NUMBER:
        message = (
            "'clock' (a span of the day is the hours between) on a question that is not a number"
        )
        fix = "Use 'clock: true' only on a number question that asks for hours"
        report.problem("Q028", data.line_of("clock"), message, fix, item)
    aid = report.typed(data, "aid", str, item)
    if aid is not None and not options:
        message = "'aid' (words for glasses, a hearing aid) on a question without answers to choose"
        fix = "Use 'aid' only on a question with options, about doing something with an aid"
        report.problem("Q023", data.line_of("aid"), message, fix, item)
    unit_words = report.typed(data, "unit_words", str, item)
    if unit_words is not None and qtype is not QuestionType.NUMBER:
        message = "'unit_words' (more words beside a number) on a question that is not a number"
        fix = "Use 'unit_words' only on a number question"
        report.problem("Q027", data.line_of("unit_words"), message, fix, item)
    levels = report.typed(data, "levels", str, item)
    if levels is not None and not _levels_ok(levels, qtype, minimum, maximum):
        message = "'levels' is not 'words=years|...' within the range of a number question"
        fix = "Write levels as 'finished high school=12|bachelor=16' on a number question"
        report.problem("Q030", data.line_of("levels"), message, fix, item)
    worrying = report.typed(data, "worrying", str, item)
    if worrying is not None and not (options and all(o.value is not None for o in options)):
        message = "'worrying' (words that show risk) on a question whose answers have no values"
        fix = "Use 'worrying' only on a scale question whose answers all have a 'value'"
        report.problem("Q029", data.line_of("worrying"), message, fix, item)
    synonyms = _question_synonyms(report, data, options, item)
    count = _count(report, data, qtype, item)
    recipient = report.typed(data, "recipient", str, item)
    required = bool(report.typed(data, "required", bool, item, False))
    _check_consent(report, data, qtype, options, recipient, known, item)
    return Question(
        id=qid,
        type=qtype,
        text=report.typed(data, "text", str, item, ""),
        summary_label=report.typed(data, "summary", str, item, ""),
        translator_note=report.typed(data, "note", str, item, ""),
        section_id=section_id,
        summary_section=summary_section,
        line=data.line,
        context=context,
        why=report.typed(data, "why", str, item),
        options=tuple(options),
        when=when,
        minimum=float(minimum) if minimum is not None else None,
        maximum=float(maximum) if maximum is not None else None,
        unit=report.typed(data, "unit", str, item),
        count=count,
        zero=zero,
        full=full,
        half=half,
        total=total,
        aid=aid,
        unit_words=unit_words,
        clock=clock,
        worrying=worrying,
        levels=levels,
        synonyms=synonyms,
        max_length=report.typed(data, "max_length", int, item, 500),
        skippable=qtype is not QuestionType.CONSENT,
        recipient=recipient,
        required_consent=required,
    )


def _levels_ok(levels: str, qtype: QuestionType, low: float | None, high: float | None) -> bool:
    """Every "words=years" entry has words and a whole number the question allows."""
    if qtype is not QuestionType.NUMBER:
        return False
    entries = level_entries(levels)
    return all(
        entry is not None
        and (low is None or entry[1] >= low)
        and (high is None or entry[1] <= high)
        for entry in entries
    )


def _question_synonyms(
    report: Reporter, data: LocatedDict, options: list[Option], item: str
) -> tuple[tuple[str, str], ...]:
    """A question's own typed words per answer code: ``{cannot: "i am blind|blind"}``."""
    if "synonyms" not in data:
        return ()
    raw = data["synonyms"]
    line = data.line_of("synonyms")
    codes = [o.code for o in options]
    if not isinstance(raw, dict) or not codes:
        message = "'synonyms' of a question must map its answer codes to words"
        fix = "Write e.g. 'synonyms: {cannot: \"i am blind|blind\"}' on a question with options"
        report.problem("Q021", line, message, fix, item)
        return ()
    result = []
    for code, words in raw.items():
        if str(code) not in codes or not isinstance(words, str) or not words.strip():
            message = f"synonyms for '{code}': not an answer of this question, or no words"
            fix = "Use one of: " + ", ".join(codes) + ", with words separated by |"
            report.problem("Q021", line, message, fix, item)
            continue
        result.append((str(code), words))
    return tuple(result)


def _count(
    report: Reporter, data: LocatedDict, qtype: QuestionType, item: str
) -> tuple[str, str] | None:
    """The number with its unit, singular and plural: ["%(num)s hour", "%(num)s hours"]."""
    forms = report.typed(data, "count", LocatedList, item)
    if forms is None:
        return None
    if (
        qtype is not QuestionType.NUMBER
        or len(forms) != 2
        or not all(isinstance(form, str) and "%(num)s" in form for form in forms)
    ):
        message = "'count' must be two texts with %(num)s, on a number question"
        fix = 'Write the singular and the plural: count: ["%(num)s hour", "%(num)s hours"]'
        report.problem("Q024", data.line_of("count"), message, fix, item)
        return None
    return forms[0], forms[1]


def _question_options(
    report: Reporter,
    data: LocatedDict,
    qtype: QuestionType,
    item: str,
    context: str,
    option_sets: dict[str, list[Option]],
) -> list[Option]:
    """The options of one question: its own list or a named option set, checked per type."""
    raw = data.get("options")
    line = data.line_of("options")
    if not qtype.has_options:
        if raw is not None:
            message = f"a {qtype.value} question takes no options"
            report.problem("Q008", line, message, "Remove 'options' or change the type", item)
        return []
    if raw is None:
        message = f"a {qtype.value} question has no options"
        fix = "Add 'options:' with an option set name or a list"
        report.problem("Q008", data.line, message, fix, item)
        return []
    if isinstance(raw, str):
        if raw not in option_sets:
            names = ", ".join(sorted(option_sets))
            fix = f"Define it under option_sets: or use one of: {names}"
            report.problem("Q008", line, f"unknown option set '{raw}'", fix, item)
            return []
        options = option_sets[raw]
    elif isinstance(raw, LocatedList):
        options = read_options(report, report.mappings(data, "options", item), item, context)
    else:
        message = "'options' must be an option set name or a list"
        report.problem("Q004", line, message, "See docs/questionnaire-format.md", item)
        return []
    if qtype is not QuestionType.MULTIPLE and any(o.exclusive for o in options):
        message = "'exclusive' only applies to multiple-choice options"
        fix = "Remove 'exclusive' or make the question type: multiple"
        report.problem("Q008", line, message, fix, item)
    if qtype is QuestionType.SCALE and any(o.value is None for o in options):
        message = "every option of a scale needs a 'value'"
        report.problem("Q008", line, message, "Give each option a number, in order", item)
    if qtype is QuestionType.YESNO and not {"yes", "no"} <= {o.code for o in options}:
        message = "a yes/no question needs options 'yes' and 'no'"
        report.problem("Q008", line, message, "Use an option set with codes yes and no", item)
    return options


def _summary_section(
    report: Reporter, data: LocatedDict, qtype: QuestionType, default: str, known: Known, item: str
) -> str:
    """The question's own summary section, else its section's; free text goes to own_words."""
    own = report.typed(data, "summary_section", str, item, "")
    section = own or default
    if qtype is QuestionType.TEXT and not own:
        section = "own_words"
    if section not in known.summary_sections and section not in ("own_words", "consent"):
        line = data.line_of("summary_section") if "summary_section" in data else data.line
        fix = "Use an id listed under summary: sections:, 'consent' or 'own_words'"
        report.problem("Q017", line, f"unknown summary section '{section}'", fix, item)
    return section


def _check_consent(
    report: Reporter,
    data: LocatedDict,
    qtype: QuestionType,
    options: list[Option],
    recipient: str | None,
    known: Known,
    item: str,
) -> None:
    """A consent question names a known recipient and has exactly yes/no; no other does."""
    if qtype is QuestionType.CONSENT:
        if recipient is None:
            message = "a consent question has no 'recipient'"
            fix = "Name who may read or receive the answers (see recipients:)"
            report.problem("Q016", data.line, message, fix, item)
        elif recipient not in known.recipients:
            fix = "Use one of: " + ", ".join(sorted(known.recipients))
            line = data.line_of("recipient")
            report.problem("Q016", line, f"unknown recipient '{recipient}'", fix, item)
        if {o.code for o in options} != {"yes", "no"}:
            line = data.line_of("options") if "options" in data else data.line
            message = "a consent question needs exactly the options 'yes' and 'no'"
            fix = "Use an option set with codes yes and no"
            report.problem("Q016", line, message, fix, item)
    elif recipient is not None or "required" in data:
        line = data.line_of("recipient" if recipient else "required")
        message = "'recipient' and 'required' belong to consent questions only"
        fix = "Remove them or make the question type: consent"
        report.problem("Q016", line, message, fix, item)


def read_options(
    report: Reporter, entries: list[LocatedDict], item: str, context: str, note: str = ""
) -> list[Option]:
    """The options of a set or of one question; ``context`` and ``note`` are for translators."""
    seen: dict[str, int] = {}
    result = []
    for entry in entries:
        report.keys(entry, _OPTION_KEYS, item, "an option")
        raw = entry.get("code")
        code = str(raw) if isinstance(raw, str | int) and not isinstance(raw, bool) else ""
        if not code:
            message, fix = "an option code must be text", "Write code: some_code"
            report.problem("Q004", entry.line_of("code"), message, fix, item)
        report.unique(seen, code, entry.line, f"{item} option")
        value = report.typed(entry, "value", (int, float), item)
        label = report.typed(entry, "label", str, item, "")
        number = float(value) if value is not None else None
        exclusive = bool(report.typed(entry, "exclusive", bool, item, False))
        synonyms = report.typed(entry, "synonyms", str, item, "")
        combines = tuple(str(c) for c in report.typed(entry, "combines", list, item, []))
        per_week = _per_week(report, entry, item)
        option = Option(code, label, number, context, exclusive, note, synonyms, combines, per_week)
        result.append(option)
    codes = {o.code for o in result}
    for entry, option in zip(entries, result, strict=True):
        unknown = [c for c in option.combines if c not in codes or c == option.code]
        if unknown or len(option.combines) == 1:
            message = f"option '{option.code}' combines {unknown or list(option.combines)}"
            fix = "List two or more other option codes of the same list, e.g. [work, studies]"
            report.problem("Q008", entry.line_of("combines"), message, fix, item)
    return result


def _per_week(report: Reporter, entry: LocatedDict, item: str) -> tuple[float, float] | None:
    """An option's ``per_week: [low, high]``: how many times a week it means."""
    if "per_week" not in entry:
        return None
    raw = entry["per_week"]
    if (
        isinstance(raw, list)
        and len(raw) == 2
        and all(isinstance(n, int | float) and not isinstance(n, bool) for n in raw)
        and 0 <= raw[0] <= raw[1]
    ):
        return float(raw[0]), float(raw[1])
    message = f"per_week must be two numbers, the lower first: {raw!r}"
    fix = "Write per_week: [low, high], times a week, e.g. [2, 5]"
    report.problem("Q022", entry.line_of("per_week"), message, fix, item)
    return None
