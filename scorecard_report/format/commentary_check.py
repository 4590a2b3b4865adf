"""The words for commentary written against other figures: the build's warning and the slot's mark.

Each names the figure as recorded and as it is now; the status and the period only where they changed,
so the common case reads plainly: "written against 93%, the figure is now 91%".
"""

from __future__ import annotations

from dataclasses import dataclass

from scorecard_report.format.words import STATUS_WORDS
from scorecard_report.inputs.commentary import ShownFigures

CHECK = "Check"  # the word before the mark, in every format: a word, never colour alone


@dataclass(frozen=True)
class FiguresInWords:
    """Figures as a sentence names them: ``93%``, ``Green``, ``Oct 2026`` (or ``Q2 2026/27``)."""

    value: str
    status: str
    period: str

    @classmethod
    def of(cls, figures: ShownFigures, period_text: str) -> FiguresInWords:
        return cls(figures.value, STATUS_WORDS[figures.status], period_text)


def _named(figures: FiguresInWords, *, status: bool, period: bool) -> str:
    """``93%``, ``93% (Green)``, ``93% (Green) for Sep 2026``."""
    named = figures.value + (f" ({figures.status})" if status else "")
    return named + (f" for {figures.period}" if period else "")


def _pair(written: FiguresInWords, now: FiguresInWords) -> tuple[str, str]:
    status, period = written.status != now.status, written.period != now.period
    return _named(written, status=status, period=period), _named(now, status=status, period=period)


def written_against_sentence(written: FiguresInWords, now: FiguresInWords) -> str:
    """The build's warning: ``commentary was written against 93% (Green), the figure is now 91% (Amber)``."""
    then_text, now_text = _pair(written, now)
    return f"commentary was written against {then_text}, the figure is now {now_text}"


def written_against_mark(written: FiguresInWords, now: FiguresInWords) -> str:
    """The slot's mark after ``Check:``: ``Written against 93% (Green); the figure is now 91% (Amber).``"""
    then_text, now_text = _pair(written, now)
    return f"Written against {then_text}; the figure is now {now_text}."


UPDATE_HINT = (
    "rewrite the text if it no longer holds, or delete its written_against line if it does; then "
    "`scorecard commentary init --update` records the figures it is written against"
)
