"""Scores, flags and suggested next steps, computed from the answers in force."""

from __future__ import annotations

from dataclasses import dataclass

from intake.flow import AnswerFacts, Flow
from intake.questionnaire.conditions import explain
from intake.questionnaire.model import Band, Flag, FlagLevel, NextStep, Score


@dataclass(frozen=True)
class ScoreResult:
    score: Score
    value: float
    answered: int  # items answered
    total: int  # items asked

    @property
    def complete(self) -> bool:
        return self.answered == self.total

    @property
    def band(self) -> Band | None:
        return self.score.band(self.value) if self.answered else None


@dataclass(frozen=True)
class FlagResult:
    flag: Flag
    reasons: tuple[str, ...]  # question ids, "score:ID" or "flag:ID" that raised it


@dataclass(frozen=True)
class Findings:
    scores: tuple[ScoreResult, ...]
    flags: tuple[FlagResult, ...]
    next_steps: tuple[NextStep, ...]

    def raised(self, flag_id: str) -> bool:
        return any(r.flag.id == flag_id for r in self.flags)

    def at_level(self, level: FlagLevel) -> list[FlagResult]:
        return [r for r in self.flags if r.flag.level is level]

    @property
    def crisis(self) -> bool:
        """A raised flag asks for crisis help to be shown to the participant."""
        return any(r.flag.crisis for r in self.flags)


def evaluate(flow: Flow) -> Findings:
    """Compute scores (sums of option values), then flags in file order, then next steps."""
    questionnaire = flow.questionnaire
    facts = AnswerFacts(questionnaire, flow.answers)
    scores = []
    for score in questionnaire.scores:
        asked = [qid for qid in score.question_ids if flow.is_asked(qid)]
        values = [facts.numeric(qid) for qid in asked]
        present = [v for v in values if v is not None]
        result = ScoreResult(score, float(sum(present)), len(present), len(asked))
        scores.append(result)
        if present:
            facts.scores[score.id] = result.value
    flags = []
    for flag in questionnaire.flags:
        if flag.when.holds(facts):
            facts.flags.add(flag.id)
            flags.append(FlagResult(flag, tuple(explain(flag.when, facts))))
    order = {FlagLevel.URGENT: 0, FlagLevel.ATTENTION: 1, FlagLevel.INFO: 2}
    flags.sort(key=lambda r: order[r.flag.level])
    steps = tuple(s for s in questionnaire.next_steps if any(f in facts.flags for f in s.flags))
    return Findings(tuple(scores), tuple(flags), steps)
