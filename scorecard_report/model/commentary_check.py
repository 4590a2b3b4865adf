"""Commentary written against its figures: whether an indicator's text was written against the figures
its row shows now (docs/scorecard-rules.md, "Commentary written against its figures")."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from scorecard_report.format.commentary_check import (
    UPDATE_HINT,
    FiguresInWords,
    written_against_mark,
    written_against_sentence,
)
from scorecard_report.format.periods import format_period
from scorecard_report.inputs.commentary import ShownFigures, Text
from scorecard_report.inputs.periods import FinancialCalendar
from scorecard_report.inputs.vocabulary import Frequency, RagStatus
from scorecard_report.problems import Problem

if TYPE_CHECKING:  # the report holds the checks; the checks only read its rows
    from scorecard_report.model.report import Figure, Report, Row


@dataclass(frozen=True)
class CommentaryCheck:
    """An indicator's text that was written against other figures than its row shows now."""

    written: ShownFigures  # as the commentary file recorded them
    shown: ShownFigures  # as the report shows them
    line: int | None  # where the slot starts in the commentary file
    sentence: str  # "commentary was written against 93% (Green), the figure is now 91% (Amber)"
    mark: str  # after "Check:": "Written against 93% (Green); the figure is now 91% (Amber)."


def shown_figures(current: Figure, status: RagStatus) -> ShownFigures:
    """The figures a text is written against: the current value as shown, its status, its period."""
    return ShownFigures(current.text, status, current.period)


def commentary_check(
    text: Text | None, shown: ShownFigures, frequency: Frequency, calendar: FinancialCalendar
) -> CommentaryCheck | None:
    """The check of a slot whose recorded figures differ from ``shown``; None for one that matches, one
    with nothing recorded, or an empty slot (there is no text to mislead anyone)."""
    if text is None or text.empty or text.written_against is None:
        return None
    written = text.written_against.figures
    if written == shown:
        return None
    then = FiguresInWords.of(written, format_period(written.period, frequency, calendar))
    now = FiguresInWords.of(shown, format_period(shown.period, frequency, calendar))
    return CommentaryCheck(
        written, shown, text.line, written_against_sentence(then, now), written_against_mark(then, now)
    )


def stale_commentary(report: Report, final: bool) -> Iterator[tuple[Row, CommentaryCheck]]:
    """Each row whose text will be shown and was written against other figures, in report order.

    A draft left out of a final build (and so of everything published) misleads no one, so is not named.
    """
    for row in report.rows:
        check = row.commentary_check
        if check is not None and row.commentary is not None and not (row.commentary.draft and final):
            yield row, check


def stale_commentary_problems(report: Report, file: Path, *, final: bool, strict: bool) -> list[Problem]:
    """One problem per shown text written against other figures, naming the file, the slot's line and
    the ref: warnings, or errors under ``publish --strict-commentary``."""
    return [
        Problem(file, check.sentence, line=check.line, ref=row.ref, hint=UPDATE_HINT, warning=not strict)
        for row, check in stale_commentary(report, final)
    ]
