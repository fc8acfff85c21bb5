"""What a typed reply was read as: a value, candidates to ask about, or nothing."""

from __future__ import annotations

from dataclasses import dataclass

from intake.records import AnswerValue


@dataclass(frozen=True)
class Interpretation:
    value: AnswerValue | None  # an option code, codes, a number or year; None when unclear
    confidence: float  # 0 to 1
    candidates: tuple[str, ...] = ()  # option codes to ask about when ambiguous
    calendar: str | None = None  # "solar_hijri" or "ethiopian" when a year was converted
    typed_year: int | None = None  # the year as written, before conversion
    confirm: bool = False  # a number read from a sentence: shown to the participant to confirm
    numbers: tuple[int, ...] = ()  # several numbers or years in one reply: which one is meant?
    someone_else: bool = False  # about another person ("my husband has diabetes"): ask again

    @property
    def clear(self) -> bool:
        return self.value is not None

    def offered(self) -> Interpretation:
        """This reading asked about ("Did you mean ...?"), never taken: a clear answer becomes
        the one candidate; candidates and nothing stay as they are."""
        if not self.clear:
            return self
        return Interpretation(None, self.confidence, (str(self.value),))

    @property
    def asks(self) -> bool:
        """The value is a reading for the participant to confirm before it is stored."""
        return self.confirm or self.calendar is not None


NOTHING = Interpretation(None, 0.0)
