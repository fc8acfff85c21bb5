"""Load a questionnaire file: parse, validate every reference, build the immutable model.

All problems in a file are collected and reported together, each with its file, line, item,
code and what to do about it (see ``errors.CODES``). This module reads the file top-down up to
the questions; ``rules`` reads what refers back to them (scores, flags, next steps).
"""

from __future__ import annotations

from pathlib import Path

import yaml

from intake.questionnaire import rules
from intake.questionnaire.errors import QuestionnaireError
from intake.questionnaire.model import (
    Option,
    Question,
    Questionnaire,
    Recipient,
    Section,
    SummarySection,
)
from intake.questionnaire.questions import Known, read_options, read_question
from intake.questionnaire.reporting import ID, Reporter, allowed_keys
from intake.questionnaire.yamlsource import LocatedDict, load_located

FORMAT_VERSION = 1

_TOP_KEYS = allowed_keys(
    "format id version title estimated_minutes recipients summary option_sets? sections"
    " scores? flags? next_steps? crisis_help typing?"
)
_SUMMARY_KEYS = allowed_keys("title disclaimer sections")
_SUMMARY_SECTION_KEYS = allowed_keys("id title")
_SET_KEYS = allowed_keys("options note?")
_SECTION_KEYS = allowed_keys("id title questions intro? summary_section?")


def load_questionnaire(path: str | Path) -> Questionnaire:
    """Load and validate one questionnaire file; raise ``QuestionnaireError`` listing problems."""
    path = Path(path)
    return _Builder(str(path), path.read_text(encoding="utf-8")).build()


def load_questionnaire_text(text: str, name: str = "<inline>") -> Questionnaire:
    """Load from a string; for tests and tools."""
    return _Builder(name, text).build()


def load_all(directory: Path) -> dict[str, Questionnaire]:
    """Every ``*.yaml`` questionnaire in a folder, by id; the first bad file raises."""
    result = {}
    for path in sorted(directory.glob("*.yaml")):
        questionnaire = load_questionnaire(path)
        result[questionnaire.id] = questionnaire
    return result


class _Builder(Reporter):
    def __init__(self, path: str, text: str) -> None:
        super().__init__(path)
        self.text = text

    def build(self) -> Questionnaire:
        top = self.parse()
        self.keys(top, _TOP_KEYS, None, "the questionnaire")
        fmt = top.get("format")
        if fmt is not None and fmt != FORMAT_VERSION:
            fix = f"This version of Intake reads format {FORMAT_VERSION}"
            self.problem("Q018", top.line_of("format"), f"format {fmt!r} is not supported", fix)
        qn_id = self.identifier(top, "id", None) or "questionnaire"
        version = str(self.typed(top, "version", (str, int, float), None, ""))
        title = self.typed(top, "title", str, None, "")
        minutes = self.typed(top, "estimated_minutes", int, None, 0)

        recipients = self.recipients(top)
        summary_title, disclaimer, summary_sections = self.summary(top)
        option_sets = self.option_sets(top, qn_id)
        known = Known(
            qn_id, option_sets, {s.id for s in summary_sections}, {r.id for r in recipients}
        )
        sections, questions = self.sections(top, known)
        by_id = {q.id: q for q in questions}
        scores = rules.scores(self, top, by_id)
        flags = rules.flags(self, top, by_id, {s.id for s in scores})
        steps = rules.next_steps(self, top, {f.id for f in flags})
        crisis = rules.crisis_lines(self, top, qn_id)
        typing = rules.typing(self, top, qn_id)
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

    def parse(self) -> LocatedDict:
        """The file's top-level mapping; without one there is nothing more to check."""
        try:
            data = load_located(self.text)
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
            line = mark.line + 1 if mark else 0
            detail = getattr(exc, "problem", None) or str(exc)
            fix = "Check indentation, colons and quotes around this line"
            self.problem("Q001", line, f"invalid YAML: {detail}", fix)
            raise QuestionnaireError(self.problems) from None
        if not isinstance(data, LocatedDict):
            message = "the file must be a mapping of keys such as 'id:' and 'sections:'"
            self.problem("Q004", 1, message, "Start from docs/questionnaire-format.md")
            raise QuestionnaireError(self.problems)
        return data

    def recipients(self, top: LocatedDict) -> list[Recipient]:
        data = self.typed(top, "recipients", LocatedDict, None, LocatedDict())
        result = []
        for ident, name in data.items():
            item, line = f"recipient '{ident}'", data.line_of(ident)
            if not ID.match(ident):
                fix = "Use lower-case letters, digits and '_'"
                self.problem("Q006", line, f"'{ident}' is not a valid id", fix, item)
            if not isinstance(name, str):
                message = "a recipient needs its Swedish name"
                self.problem("Q004", line, message, "Write 'id: Swedish name'", item)
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
            self.keys(entry, _SUMMARY_SECTION_KEYS, "summary", "a summary section")
            ident = self.identifier(entry, "id", "summary")
            self.unique(seen, ident, entry.line, "summary section")
            sections.append(SummarySection(ident, self.typed(entry, "title", str, "summary", "")))
        return (
            self.typed(data, "title", str, "summary", ""),
            self.typed(data, "disclaimer", str, "summary", ""),
            sections,
        )

    def option_sets(self, top: LocatedDict, qn_id: str) -> dict[str, list[Option]]:
        data = self.typed(top, "option_sets", LocatedDict, None, LocatedDict())
        result = {}
        for name, body in data.items():
            item, line = f"option set '{name}'", data.line_of(name)
            if not ID.match(name):
                fix = "Use lower-case letters, digits and '_'"
                self.problem("Q006", line, f"'{name}' is not a valid id", fix, item)
            if not isinstance(body, LocatedDict):
                message = "an option set must be a mapping with 'options:'"
                self.problem("Q004", line, message, "See docs/questionnaire-format.md", item)
                continue
            self.keys(body, _SET_KEYS, item, "an option set")
            entries = self.mappings(body, "options", item)
            note = self.typed(body, "note", str, item, "")
            result[name] = read_options(self, entries, item, f"{qn_id}:options:{name}", note)
        return result

    def sections(self, top: LocatedDict, known: Known) -> tuple[list[Section], list[Question]]:
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
                question = read_question(self, qdata, known, sid, default_summary, questions)
                if question is None:
                    continue
                self.unique(seen_questions, question.id, qdata.line, "question")
                questions.append(question)
                ids.append(question.id)
            title = self.typed(sdata, "title", str, item, "")
            context = f"{known.questionnaire}:section:{sid}"
            intro = self.typed(sdata, "intro", str, item)
            sections.append(Section(sid, title, context, tuple(ids), intro))
        return sections, questions
