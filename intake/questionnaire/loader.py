"""Load a questionnaire file: parse, validate every reference, build the immutable model.

All problems in a file are collected and reported together, each with its file, line, item,
code and what to do about it (see ``errors.CODES``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from itertools import pairwise
from pathlib import Path
from typing import Any, TypeVar

import yaml

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
from intake.questionnaire.errors import Problem, QuestionnaireError
from intake.questionnaire.model import (
    Band,
    CrisisLine,
    Flag,
    FlagLevel,
    NextStep,
    Option,
    Question,
    Questionnaire,
    QuestionType,
    Recipient,
    Score,
    Section,
    SummarySection,
    Typing,
)
from intake.questionnaire.yamlsource import LocatedDict, LocatedList, load_located

FORMAT_VERSION = 1
_ID = re.compile(r"^[a-z][a-z0-9_]*$")
T = TypeVar("T")

_TOP_KEYS = {
    "format": True,
    "id": True,
    "version": True,
    "title": True,
    "estimated_minutes": True,
    "recipients": True,
    "summary": True,
    "option_sets": False,
    "sections": True,
    "scores": False,
    "flags": False,
    "next_steps": False,
    "crisis_help": True,
    "typing": False,
}
_QUESTION_KEYS = {
    "id": True,
    "type": True,
    "text": True,
    "note": True,
    "summary": True,
    "why": False,
    "summary_section": False,
    "options": False,
    "when": False,
    "min": False,
    "max": False,
    "unit": False,
    "max_length": False,
    "recipient": False,
    "required": False,
}
_SECTION_KEYS = {
    "id": True,
    "title": True,
    "questions": True,
    "intro": False,
    "summary_section": False,
}
_OPTION_KEYS = {"code": True, "label": True, "value": False, "exclusive": False, "synonyms": False}
_TYPING_KEYS = {
    "note": False,
    "negations": False,
    "separators": False,
    "intensifiers": False,
    "numbers": False,
}
_SET_KEYS = {"options": True, "note": False}
_SCORE_KEYS = {"id": True, "label": True, "questions": True, "bands": True}
_BAND_KEYS = {"min": True, "max": True, "label": True}
_FLAG_KEYS = {"id": True, "level": True, "when": True, "summary": True, "crisis": False}
_STEP_KEYS = {"id": True, "flags": True, "text": True}
_SUMMARY_KEYS = {"title": True, "disclaimer": True, "sections": True}
_CRISIS_KEYS = {"number": True, "name": True, "text": True, "chat_url": False}


def load_questionnaire(path: str | Path) -> Questionnaire:
    """Load and validate one questionnaire file; raise ``QuestionnaireError`` listing problems."""
    path = Path(path)
    return _Builder(str(path), path.read_text(encoding="utf-8")).build()


def load_questionnaire_text(text: str, name: str = "<inline>") -> Questionnaire:
    """Load from a string; for tests and tools."""
    return _Builder(name, text).build()


class _Builder:
    def __init__(self, path: str, text: str) -> None:
        self.path = path
        self.text = text
        self.problems: list[Problem] = []
        self.qid = ""

    # -- reporting ---------------------------------------------------------------------------

    def problem(
        self, code: str, line: int, message: str, fix: str, item: str | None = None
    ) -> None:
        self.problems.append(Problem(code, self.path, line, message, fix, item))

    def keys(self, data: LocatedDict, spec: dict[str, bool], item: str | None, what: str) -> bool:
        ok = True
        for key, required in spec.items():
            if required and key not in data:
                self.problem(
                    "Q002", data.line, f"{what} has no '{key}'", f"Add '{key}:' to it", item
                )
                ok = False
        for key in data:
            if key not in spec:
                self.problem(
                    "Q003",
                    data.line_of(key),
                    f"unknown key '{key}' in {what}",
                    "Remove it or correct the spelling; allowed keys: " + ", ".join(spec),
                    item,
                )
        return ok

    def typed(
        self,
        data: LocatedDict,
        key: str,
        kind: type[T] | tuple[type, ...],
        item: str | None,
        default: Any = None,
    ) -> Any:
        if key not in data:
            return default
        value = data[key]
        kinds = kind if isinstance(kind, tuple) else (kind,)
        if isinstance(value, bool) and bool not in kinds:
            value = None
        if value is None or not isinstance(value, kinds):
            names = " or ".join(
                k.__name__.replace("str", "text")
                .replace("LocatedDict", "mapping")
                .replace("LocatedList", "list")
                .replace("float", "number")
                .replace("int", "whole number")
                for k in kinds
            )
            self.problem(
                "Q004",
                data.line_of(key),
                f"'{key}' must be {names}",
                f"Write '{key}' as {names}",
                item,
            )
            return default
        return value

    def identifier(self, data: LocatedDict, key: str, item: str | None) -> str:
        value = self.typed(data, key, str, item, "")
        if value and not _ID.match(value):
            self.problem(
                "Q006",
                data.line_of(key),
                f"'{value}' is not a valid id",
                "Use lower-case letters, digits and '_', starting with a letter",
                item,
            )
        return str(value)

    def unique(self, seen: dict[str, int], ident: str, line: int, what: str) -> None:
        if not ident:
            return
        if ident in seen:
            self.problem(
                "Q005",
                line,
                f"{what} id '{ident}' is already used on line {seen[ident]}",
                "Give each one its own id",
                f"{what} '{ident}'",
            )
        else:
            seen[ident] = line

    # -- building ----------------------------------------------------------------------------

    def build(self) -> Questionnaire:
        try:
            data = load_located(self.text)
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
            line = mark.line + 1 if mark else 0
            detail = getattr(exc, "problem", None) or str(exc)
            self.problem(
                "Q001",
                line,
                f"invalid YAML: {detail}",
                "Check indentation, colons and quotes around this line",
            )
            raise QuestionnaireError(self.problems) from None
        if not isinstance(data, LocatedDict):
            self.problem(
                "Q004",
                1,
                "the file must be a mapping of keys such as 'id:' and 'sections:'",
                "Start from docs/questionnaire-format.md",
            )
            raise QuestionnaireError(self.problems)
        top = data
        self.keys(top, _TOP_KEYS, None, "the questionnaire")
        fmt = top.get("format")
        if fmt is not None and fmt != FORMAT_VERSION:
            self.problem(
                "Q018",
                top.line_of("format"),
                f"format {fmt!r} is not supported",
                f"This version of Intake reads format {FORMAT_VERSION}",
            )
        qn_id = self.identifier(top, "id", None) or "questionnaire"
        version = str(self.typed(top, "version", (str, int, float), None, ""))
        title = self.typed(top, "title", str, None, "")
        minutes = self.typed(top, "estimated_minutes", int, None, 0)

        recipients = self.recipients(top)
        summary_title, disclaimer, summary_sections = self.summary(top)
        option_sets = self.option_sets(top, qn_id)
        sections, questions = self.sections(
            top, qn_id, option_sets, {s.id for s in summary_sections}, {r.id for r in recipients}
        )
        by_id = {q.id: q for q in questions}
        scores = self.scores(top, by_id)
        flags = self.flags(top, by_id, {s.id for s in scores})
        steps = self.next_steps(top, {f.id for f in flags})
        crisis = self.crisis(top, qn_id)
        typing = self.typing(top, qn_id)
        if self.problems:
            raise QuestionnaireError(self.problems)
        return Questionnaire(
            id=qn_id,
            version=version,
            path=self.path,
            title=title,
            estimated_minutes=minutes,
            sections=tuple(sections),
            questions=tuple(questions),
            scores=tuple(scores),
            flags=tuple(flags),
            next_steps=tuple(steps),
            summary_sections=tuple(summary_sections),
            summary_title=summary_title,
            disclaimer=disclaimer,
            recipients=tuple(recipients),
            crisis_lines=tuple(crisis),
            typing=typing,
        )

    def mappings(self, data: LocatedDict, key: str, item: str | None) -> list[LocatedDict]:
        items = self.typed(data, key, LocatedList, item, LocatedList())
        result = []
        for index, entry in enumerate(items):
            if isinstance(entry, LocatedDict):
                result.append(entry)
            else:
                line = items.item_lines[index] if index < len(items.item_lines) else items.line
                self.problem(
                    "Q004",
                    line,
                    f"each entry of '{key}' must be a mapping",
                    "Write it as 'key: value' lines under a '-'",
                    item,
                )
        return result

    def recipients(self, top: LocatedDict) -> list[Recipient]:
        data = self.typed(top, "recipients", LocatedDict, None, LocatedDict())
        result = []
        for ident, name in data.items():
            if not _ID.match(ident):
                self.problem(
                    "Q006",
                    data.line_of(ident),
                    f"'{ident}' is not a valid id",
                    "Use lower-case letters, digits and '_'",
                    f"recipient '{ident}'",
                )
            if not isinstance(name, str):
                self.problem(
                    "Q004",
                    data.line_of(ident),
                    "a recipient needs its Swedish name",
                    "Write 'id: Swedish name'",
                    f"recipient '{ident}'",
                )
                continue
            result.append(Recipient(ident, name))
        return result

    def summary(self, top: LocatedDict) -> tuple[str, str, list[SummarySection]]:
        data = self.typed(top, "summary", LocatedDict, None, LocatedDict())
        if "summary" in top:
            self.keys(data, _SUMMARY_KEYS, None, "summary")
        sections = []
        seen: dict[str, int] = {}
        for entry in self.mappings(data, "sections", "summary"):
            self.keys(entry, {"id": True, "title": True}, "summary", "a summary section")
            ident = self.identifier(entry, "id", "summary")
            self.unique(seen, ident, entry.line, "summary section")
            sections.append(SummarySection(ident, self.typed(entry, "title", str, "summary", "")))
        return (
            self.typed(data, "title", str, "summary", ""),
            self.typed(data, "disclaimer", str, "summary", ""),
            sections,
        )

    def options(
        self, entries: list[LocatedDict], item: str, context: str, note: str = ""
    ) -> list[Option]:
        seen: dict[str, int] = {}
        result = []
        for entry in entries:
            self.keys(entry, _OPTION_KEYS, item, "an option")
            raw = entry.get("code")
            code = str(raw) if isinstance(raw, str | int) and not isinstance(raw, bool) else ""
            if not code:
                self.problem(
                    "Q004",
                    entry.line_of("code"),
                    "an option code must be text",
                    "Write code: some_code",
                    item,
                )
            self.unique(seen, code, entry.line, f"{item} option")
            value = self.typed(entry, "value", (int, float), item)
            result.append(
                Option(
                    code,
                    self.typed(entry, "label", str, item, ""),
                    float(value) if value is not None else None,
                    context,
                    bool(self.typed(entry, "exclusive", bool, item, False)),
                    note,
                    self.typed(entry, "synonyms", str, item, ""),
                )
            )
        return result

    def option_sets(self, top: LocatedDict, qn_id: str) -> dict[str, list[Option]]:
        data = self.typed(top, "option_sets", LocatedDict, None, LocatedDict())
        result = {}
        for name, body in data.items():
            item = f"option set '{name}'"
            if not _ID.match(name):
                self.problem(
                    "Q006",
                    data.line_of(name),
                    f"'{name}' is not a valid id",
                    "Use lower-case letters, digits and '_'",
                    item,
                )
            if not isinstance(body, LocatedDict):
                self.problem(
                    "Q004",
                    data.line_of(name),
                    "an option set must be a mapping with 'options:'",
                    "See docs/questionnaire-format.md",
                    item,
                )
                continue
            self.keys(body, _SET_KEYS, item, "an option set")
            result[name] = self.options(
                self.mappings(body, "options", item),
                item,
                f"{qn_id}:options:{name}",
                self.typed(body, "note", str, item, ""),
            )
        return result

    def sections(
        self,
        top: LocatedDict,
        qn_id: str,
        option_sets: dict[str, list[Option]],
        summary_ids: set[str],
        recipient_ids: set[str],
    ) -> tuple[list[Section], list[Question]]:
        sections: list[Section] = []
        questions: list[Question] = []
        seen_sections: dict[str, int] = {}
        seen_questions: dict[str, int] = {}
        for sdata in self.mappings(top, "sections", None):
            sid = self.identifier(sdata, "id", "section")
            item = f"section '{sid}'"
            self.keys(sdata, _SECTION_KEYS, item, "a section")
            self.unique(seen_sections, sid, sdata.line, "section")
            default_summary = self.typed(sdata, "summary_section", str, item, "")
            ids = []
            for qdata in self.mappings(sdata, "questions", item):
                question = self.question(
                    qdata,
                    qn_id,
                    sid,
                    default_summary,
                    option_sets,
                    summary_ids,
                    recipient_ids,
                    questions,
                )
                if question is None:
                    continue
                self.unique(seen_questions, question.id, qdata.line, "question")
                questions.append(question)
                ids.append(question.id)
            sections.append(
                Section(
                    sid,
                    self.typed(sdata, "title", str, item, ""),
                    f"{qn_id}:section:{sid}",
                    tuple(ids),
                    self.typed(sdata, "intro", str, item),
                )
            )
        return sections, questions

    def question(
        self,
        data: LocatedDict,
        qn_id: str,
        section_id: str,
        default_summary: str,
        option_sets: dict[str, list[Option]],
        summary_ids: set[str],
        recipient_ids: set[str],
        earlier: list[Question],
    ) -> Question | None:
        qid = self.identifier(data, "id", "question")
        item = f"question '{qid}'" if qid else "question"
        self.keys(data, _QUESTION_KEYS, item, "a question")
        raw_type = self.typed(data, "type", str, item, "")
        try:
            qtype = QuestionType(raw_type)
        except ValueError:
            if raw_type:
                self.problem(
                    "Q007",
                    data.line_of("type"),
                    f"unknown type '{raw_type}'",
                    "Use one of: " + ", ".join(t.value for t in QuestionType),
                    item,
                )
            return None
        context = f"{qn_id}:question:{qid}"
        options = self.question_options(data, qtype, item, context, option_sets)
        own_section = self.typed(data, "summary_section", str, item, "")
        summary_section = own_section or default_summary
        if qtype is QuestionType.TEXT and not own_section:
            summary_section = "own_words"
        if summary_section not in summary_ids and summary_section not in ("own_words", "consent"):
            self.problem(
                "Q017",
                data.line_of("summary_section") if "summary_section" in data else data.line,
                f"unknown summary section '{summary_section}'",
                "Use an id listed under summary: sections:, 'consent' or 'own_words'",
                item,
            )
        when = self.condition(data, "when", item, {q.id: q for q in earlier})
        minimum = self.typed(data, "min", (int, float), item)
        maximum = self.typed(data, "max", (int, float), item)
        if qtype is QuestionType.YEAR and minimum is None:
            self.problem(
                "Q002",
                data.line,
                "a year question has no 'min'",
                "Add the earliest year you accept, e.g. 'min: 1920'",
                item,
            )
        if minimum is not None and maximum is not None and minimum > maximum:
            self.problem(
                "Q012",
                data.line_of("min"),
                f"min {minimum} is above max {maximum}",
                "Swap them or correct one",
                item,
            )
        recipient = self.typed(data, "recipient", str, item)
        required = bool(self.typed(data, "required", bool, item, False))
        if qtype is QuestionType.CONSENT:
            if recipient is None:
                self.problem(
                    "Q016",
                    data.line,
                    "a consent question has no 'recipient'",
                    "Name who may read or receive the answers (see recipients:)",
                    item,
                )
            elif recipient not in recipient_ids:
                self.problem(
                    "Q016",
                    data.line_of("recipient"),
                    f"unknown recipient '{recipient}'",
                    "Use one of: " + ", ".join(sorted(recipient_ids)),
                    item,
                )
            if {o.code for o in options} != {"yes", "no"}:
                self.problem(
                    "Q016",
                    data.line_of("options") if "options" in data else data.line,
                    "a consent question needs exactly the options 'yes' and 'no'",
                    "Use an option set with codes yes and no",
                    item,
                )
        elif recipient is not None or "required" in data:
            self.problem(
                "Q016",
                data.line_of("recipient" if recipient else "required"),
                "'recipient' and 'required' belong to consent questions only",
                "Remove them or make the question type: consent",
                item,
            )
        return Question(
            id=qid,
            type=qtype,
            text=self.typed(data, "text", str, item, ""),
            summary_label=self.typed(data, "summary", str, item, ""),
            translator_note=self.typed(data, "note", str, item, ""),
            section_id=section_id,
            summary_section=summary_section,
            line=data.line,
            context=context,
            why=self.typed(data, "why", str, item),
            options=tuple(options),
            when=when,
            minimum=float(minimum) if minimum is not None else None,
            maximum=float(maximum) if maximum is not None else None,
            unit=self.typed(data, "unit", str, item),
            max_length=self.typed(data, "max_length", int, item, 500),
            skippable=qtype is not QuestionType.CONSENT,
            recipient=recipient,
            required_consent=required,
        )

    def question_options(
        self,
        data: LocatedDict,
        qtype: QuestionType,
        item: str,
        context: str,
        option_sets: dict[str, list[Option]],
    ) -> list[Option]:
        raw = data.get("options")
        line = data.line_of("options")
        if not qtype.has_options:
            if raw is not None:
                self.problem(
                    "Q008",
                    line,
                    f"a {qtype.value} question takes no options",
                    "Remove 'options' or change the type",
                    item,
                )
            return []
        if raw is None:
            self.problem(
                "Q008",
                data.line,
                f"a {qtype.value} question has no options",
                "Add 'options:' with an option set name or a list",
                item,
            )
            return []
        if isinstance(raw, str):
            if raw not in option_sets:
                self.problem(
                    "Q008",
                    line,
                    f"unknown option set '{raw}'",
                    "Define it under option_sets: or use one of: " + ", ".join(sorted(option_sets)),
                    item,
                )
                return []
            options = option_sets[raw]
        elif isinstance(raw, LocatedList):
            options = self.options(self.mappings(data, "options", item), item, context)
        else:
            self.problem(
                "Q004",
                line,
                "'options' must be an option set name or a list",
                "See docs/questionnaire-format.md",
                item,
            )
            return []
        if qtype is not QuestionType.MULTIPLE and any(o.exclusive for o in options):
            self.problem(
                "Q008",
                line,
                "'exclusive' only applies to multiple-choice options",
                "Remove 'exclusive' or make the question type: multiple",
                item,
            )
        if qtype is QuestionType.SCALE and any(o.value is None for o in options):
            self.problem(
                "Q008",
                line,
                "every option of a scale needs a 'value'",
                "Give each option a number, in order",
                item,
            )
        if qtype is QuestionType.YESNO and not {"yes", "no"} <= {o.code for o in options}:
            self.problem(
                "Q008",
                line,
                "a yes/no question needs options 'yes' and 'no'",
                "Use an option set with codes yes and no",
                item,
            )
        return options

    def condition(
        self,
        data: LocatedDict,
        key: str,
        item: str,
        earlier: dict[str, Question],
        scores: Iterable[str] | None = None,
        flags: Iterable[str] | None = None,
    ) -> Condition | None:
        if key not in data:
            return None
        line = data.line_of(key)
        try:
            condition = parse_condition(data[key])
        except ConditionSyntaxError as exc:
            self.problem(
                "Q009",
                line,
                f"'{key}': {exc}",
                "See 'Conditions' in docs/questionnaire-format.md",
                item,
            )
            return None
        self.check_references(condition, line, item, earlier, scores, flags, key)
        return condition

    def check_references(
        self,
        condition: Condition,
        line: int,
        item: str,
        earlier: dict[str, Question],
        scores: Iterable[str] | None,
        flags: Iterable[str] | None,
        key: str,
    ) -> None:
        for test in _answer_tests(condition):
            question = earlier.get(test.question)
            if question is None:
                where = (
                    "an earlier question"
                    if key == "when" and scores is None
                    else "a question of this questionnaire"
                )
                self.problem(
                    "Q010",
                    line,
                    f"'{key}' refers to '{test.question}', which is not {where}",
                    "Correct the id, or move the question so that the one "
                    "it depends on is asked first",
                    item,
                )
                continue
            codes = {o.code for o in question.options}
            if test.op in ("in", "includes"):
                unknown = [c for c in test.codes if c not in codes]
                if unknown:
                    self.problem(
                        "Q011",
                        line,
                        f"'{test.question}' has no option {unknown}",
                        "Use one of: " + ", ".join(sorted(codes)),
                        item,
                    )
                if test.op == "includes" and question.type is not QuestionType.MULTIPLE:
                    self.problem(
                        "Q009",
                        line,
                        "'includes' works on multiple-choice questions",
                        "Use 'in' for a question with one answer",
                        item,
                    )
                if test.op == "in" and question.type is QuestionType.MULTIPLE:
                    self.problem(
                        "Q009",
                        line,
                        f"'{test.question}' is multiple choice, so 'in'/'equals' can never hold",
                        "Use 'includes' instead",
                        item,
                    )
            if test.op in ("at_least", "at_most") and not _numeric(question):
                self.problem(
                    "Q009",
                    line,
                    f"'{test.op}' needs a number, but '{test.question}' has no numbers",
                    "Use a number, year or scale question, or give its options values",
                    item,
                )
        known_scores = set(scores or ())
        for score in referenced(condition, ScoreTest):
            if score not in known_scores:
                self.problem(
                    "Q014",
                    line,
                    f"unknown score '{score}'",
                    "Use a score id defined under scores:",
                    item,
                )
        known_flags = set(flags or ())
        for flag in referenced(condition, FlagTest):
            if flag not in known_flags:
                self.problem(
                    "Q014",
                    line,
                    f"unknown flag '{flag}'",
                    "Refer only to flags defined above this one",
                    item,
                )

    def scores(self, top: LocatedDict, questions: dict[str, Question]) -> list[Score]:
        result = []
        seen: dict[str, int] = {}
        for data in self.mappings(top, "scores", None):
            sid = self.identifier(data, "id", "score")
            item = f"score '{sid}'"
            self.keys(data, _SCORE_KEYS, item, "a score")
            self.unique(seen, sid, data.line, "score")
            ids = self.typed(data, "questions", LocatedList, item, LocatedList())
            for qid in ids:
                question = questions.get(qid)
                if question is None:
                    self.problem(
                        "Q013",
                        data.line_of("questions"),
                        f"unknown question '{qid}'",
                        "List ids of questions in this questionnaire",
                        item,
                    )
                elif question.type not in (QuestionType.NUMBER,) and (
                    not question.options or any(o.value is None for o in question.options)
                ):
                    self.problem(
                        "Q013",
                        data.line_of("questions"),
                        f"question '{qid}' has options without a 'value'",
                        "Give every option a value, or use a number question",
                        item,
                    )
            bands = []
            for band in self.mappings(data, "bands", item):
                self.keys(band, _BAND_KEYS, item, "a band")
                low = self.typed(band, "min", (int, float), item, 0)
                high = self.typed(band, "max", (int, float), item, 0)
                if low > high:
                    self.problem(
                        "Q012",
                        band.line,
                        f"band min {low} is above max {high}",
                        "Swap them or correct one",
                        item,
                    )
                bands.append(
                    Band(float(low), float(high), self.typed(band, "label", str, item, ""))
                )
            bands.sort(key=lambda b: b.minimum)
            known = [questions[q] for q in ids if q in questions]
            span = _possible_range(known) if len(known) == len(ids) else None
            if bands and span and (bands[0].minimum > span[0] or bands[-1].maximum < span[1]):
                self.problem(
                    "Q013",
                    data.line_of("bands"),
                    f"bands cover {bands[0].minimum:g}–{bands[-1].maximum:g} but the "
                    f"sum can be {span[0]:g}–{span[1]:g}",
                    "Make the bands cover every possible sum",
                    item,
                )
            for before, after in pairwise(bands):
                if after.minimum > before.maximum + 1 or after.minimum <= before.maximum:
                    self.problem(
                        "Q013",
                        data.line_of("bands"),
                        f"bands {before.minimum:g}–{before.maximum:g} and "
                        f"{after.minimum:g}–{after.maximum:g} leave a gap or overlap",
                        "Make each band start one above the previous band's max",
                        item,
                    )
            result.append(
                Score(
                    sid,
                    self.typed(data, "label", str, item, ""),
                    tuple(str(q) for q in ids),
                    tuple(bands),
                    data.line,
                )
            )
        return result

    def flags(
        self, top: LocatedDict, questions: dict[str, Question], scores: set[str]
    ) -> list[Flag]:
        result = []
        seen: dict[str, int] = {}
        for data in self.mappings(top, "flags", None):
            fid = self.identifier(data, "id", "flag")
            item = f"flag '{fid}'"
            self.keys(data, _FLAG_KEYS, item, "a flag")
            self.unique(seen, fid, data.line, "flag")
            raw_level = self.typed(data, "level", str, item, "")
            try:
                level = FlagLevel(raw_level)
            except ValueError:
                if raw_level:
                    self.problem(
                        "Q014",
                        data.line_of("level"),
                        f"unknown level '{raw_level}'",
                        "Use urgent, attention or info",
                        item,
                    )
                level = FlagLevel.INFO
            crisis = bool(self.typed(data, "crisis", bool, item, False))
            if crisis and level is not FlagLevel.URGENT:
                self.problem(
                    "Q014",
                    data.line_of("crisis"),
                    "crisis help is only for urgent flags",
                    "Set 'level: urgent' or remove 'crisis'",
                    item,
                )
            when = self.condition(data, "when", item, questions, scores, [f.id for f in result])
            if when is None:
                continue
            result.append(
                Flag(
                    fid, level, when, self.typed(data, "summary", str, item, ""), crisis, data.line
                )
            )
        return result

    def next_steps(self, top: LocatedDict, flags: set[str]) -> list[NextStep]:
        result = []
        seen: dict[str, int] = {}
        for data in self.mappings(top, "next_steps", None):
            nid = self.identifier(data, "id", "next step")
            item = f"next step '{nid}'"
            self.keys(data, _STEP_KEYS, item, "a next step")
            self.unique(seen, nid, data.line, "next step")
            ids = self.typed(data, "flags", LocatedList, item, LocatedList())
            for fid in ids:
                if fid not in flags:
                    self.problem(
                        "Q015",
                        data.line_of("flags"),
                        f"unknown flag '{fid}'",
                        "Use flag ids defined under flags:",
                        item,
                    )
            result.append(
                NextStep(nid, tuple(map(str, ids)), self.typed(data, "text", str, item, ""))
            )
        return result

    def typing(self, top: LocatedDict, qn_id: str) -> Typing:
        return _typing(self, top, qn_id)

    def crisis(self, top: LocatedDict, qn_id: str) -> list[CrisisLine]:
        result = []
        for data in self.mappings(top, "crisis_help", None):
            self.keys(data, _CRISIS_KEYS, "crisis help", "a crisis line")
            number = str(self.typed(data, "number", (str, int), "crisis help", ""))
            result.append(
                CrisisLine(
                    number,
                    self.typed(data, "name", str, "crisis help", ""),
                    self.typed(data, "text", str, "crisis help", ""),
                    f"{qn_id}:crisis:{number}",
                    self.typed(data, "chat_url", str, "crisis help"),
                )
            )
        if "crisis_help" in top and not result:
            self.problem(
                "Q002",
                top.line_of("crisis_help"),
                "crisis_help lists no line",
                "List at least the emergency number",
            )
        return result


def _typing(builder: _Builder, top: LocatedDict, qn_id: str) -> Typing:
    data = builder.typed(top, "typing", LocatedDict, None, LocatedDict())
    if "typing" in top:
        builder.keys(data, _TYPING_KEYS, "typing", "typing")
    numbers = builder.typed(data, "numbers", LocatedList, "typing", LocatedList())
    if any(not isinstance(n, str) for n in numbers):
        builder.problem(
            "Q004",
            data.line_of("numbers"),
            "'numbers' must be a list of texts",
            "Write one entry per number, from zero up, words separated by |",
            "typing",
        )
    return Typing(
        f"{qn_id}:typing",
        builder.typed(data, "note", str, "typing", ""),
        builder.typed(data, "negations", str, "typing", ""),
        builder.typed(data, "separators", str, "typing", ""),
        builder.typed(data, "intensifiers", str, "typing", ""),
        tuple(str(n) for n in numbers),
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


def load_all(directory: Path) -> dict[str, Questionnaire]:
    """Every ``*.yaml`` questionnaire in a folder, by id; the first bad file raises."""
    result = {}
    for path in sorted(directory.glob("*.yaml")):
        questionnaire = load_questionnaire(path)
        result[questionnaire.id] = questionnaire
    return result
