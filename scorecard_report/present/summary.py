"""The summary page: each section's counts, and the largest movements either way."""

from __future__ import annotations

from dataclasses import dataclass

from scorecard_report.format.display import format_count, format_relative_change
from scorecard_report.model.report import Mover, Report, StatusCounts

COUNT_COLUMNS = ("Green", "Amber", "Red", "No status", "Improving", "Declining")
MOVER_COLUMNS = ("Ref", "Indicator", "Was", "Now", "Relative change")


@dataclass(frozen=True)
class SummaryLine:
    title: str
    counts: tuple[str, ...]
    total: bool = False  # the line for the whole report, under the sections'


@dataclass(frozen=True)
class MoversTable:
    heading: str
    columns: tuple[str, ...]
    lines: tuple[tuple[str, ...], ...]
    empty: str  # said instead of the table when nothing moved that way


@dataclass(frozen=True)
class SummaryView:
    anchor: str
    title: str
    columns: tuple[str, ...]
    lines: tuple[SummaryLine, ...]
    movers: tuple[MoversTable, ...]


def summary_view(report: Report) -> SummaryView:
    lines = tuple(_line(counts) for counts in report.summary)
    if report.total is not None:
        lines += (_line(report.total, total=True),)
    return SummaryView(
        anchor="summary",
        title="Summary",
        columns=("Section", *COUNT_COLUMNS),
        lines=lines,
        movers=(
            _movers("Largest improvements", report.improvements),
            _movers("Largest deteriorations", report.deteriorations),
        ),
    )


def _line(counts: StatusCounts, *, total: bool = False) -> SummaryLine:
    numbers = (counts.green, counts.amber, counts.red, counts.no_status, counts.improving, counts.declining)
    return SummaryLine(counts.title, tuple(format_count(number) for number in numbers), total)


def _movers(heading: str, movers: tuple[Mover, ...]) -> MoversTable:
    lines = tuple(
        (m.ref, m.title, m.before, m.after, format_relative_change(m.relative_change)) for m in movers
    )
    return MoversTable(heading, MOVER_COLUMNS, lines, "None this period.")
