"""The summary page: each section's counts, and the largest movements either way."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from scorecard_report.format.display import format_count
from scorecard_report.format.words import STATUS_WORDS
from scorecard_report.model.report import Mover, Report, SpcCounts, StatusCounts
from scorecard_report.model.summary import MOVERS_KEY
from scorecard_report.present.table import most_common

STATUS_COLUMNS = ("Green", "Amber", "Red", "No status")
DIRECTION_COLUMNS = ("Improving", "Declining")
NO_BAND = "No band"
# "Was" and "Now" give way to the periods they hold, where the movers have any.
MOVER_COLUMNS = ("Ref", "Indicator", "Was", "Now", "Change", "Against its usual movement")


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
class AttentionTable:
    """Every row the SPC reading marks for attention, with who owns it."""

    heading: str
    columns: tuple[str, ...]
    lines: tuple[tuple[str, ...], ...]
    empty: str  # said instead of the table when no row needs attention
    note: str  # why these rows, said under the table


@dataclass(frozen=True)
class DataNotesTable:
    """Every late or stale row, with what is missing and who supplies it."""

    heading: str
    columns: tuple[str, ...]
    lines: tuple[tuple[str, ...], ...]
    empty: str  # said instead of the table when every row's data is on time


@dataclass(frozen=True)
class SpcSummary:
    """Each section's count of variation and assurance judgements."""

    heading: str
    columns: tuple[str, ...]
    lines: tuple[SummaryLine, ...]


@dataclass(frozen=True)
class SummaryView:
    anchor: str
    title: str
    columns: tuple[str, ...]
    lines: tuple[SummaryLine, ...]
    movers: tuple[MoversTable, ...]
    movers_note: str  # what the ranking means, said under the movers
    attention: AttentionTable | None = None  # where any row has statistical process control
    spc: SpcSummary | None = None
    data_notes: DataNotesTable | None = None


def summary_view(report: Report) -> SummaryView:
    lines = tuple(_line(counts) for counts in report.summary)
    if report.total is not None:
        lines += (_line(report.total, total=True),)
    now = {row.ref: row.current.period_text for row in report.rows}
    return SummaryView(
        anchor="summary",
        title="Summary",
        columns=("Section", *_count_columns(report)),
        lines=lines,
        movers=(
            _movers("Largest improvements", report.improvements, now),
            _movers("Largest deteriorations", report.deteriorations, now),
        ),
        movers_note=MOVERS_KEY,
        attention=_attention(report) if report.has_spc else None,
        spc=_spc_summary(report) if report.has_spc else None,
        data_notes=data_notes_table(report),
    )


DATA_NOTES_COLUMNS = ("Ref", "Indicator", "Section", "Data", "What is missing", "Source", "Supplied by")


def data_notes_table(report: Report) -> DataNotesTable:
    """The summary's "Data notes": each late or stale row's word and mark (as beside its value), the
    sentence saying what is missing, and its source and owner; a column no note fills is left out."""
    lines = [
        (
            note.ref,
            note.title,
            note.section,
            f"{note.word} {note.mark}",
            note.sentence,
            note.source or "",
            note.owner or "",
        )
        for note in report.data_notes
    ]
    kept = [
        index for index in range(len(DATA_NOTES_COLUMNS)) if index < 5 or any(line[index] for line in lines)
    ]
    return DataNotesTable(
        "Data notes",
        tuple(DATA_NOTES_COLUMNS[index] for index in kept),
        tuple(tuple(line[index] for index in kept) for line in lines),
        "Every indicator's data is in as expected for this period.",
    )


ATTENTION_COLUMNS = ("Ref", "Indicator", "Section", "Owner", "This month", "Reading")
ATTENTION_NOTE = (
    "Listed where statistical process control shows a special cause of concern, or a process that "
    "will not reliably meet its target: the rows that need a change, not just a better month."
)


def _attention(report: Report) -> AttentionTable:
    lines = tuple(
        (
            item.ref,
            item.title,
            item.section,
            item.owner or "",
            STATUS_WORDS.get(item.status, "No status"),
            item.reading,
        )
        for item in report.attention
    )
    return AttentionTable(
        "Needs attention",
        ATTENTION_COLUMNS,
        lines,
        "No indicator needs attention this period.",
        ATTENTION_NOTE,
    )


SPC_COLUMNS = (
    "Section",
    "Improvement",
    "Concern",
    "Common cause",
    "Unusual",
    "No SPC",
    "Pass",
    "Fail",
    "Hit or miss",
)


def _spc_summary(report: Report) -> SpcSummary:
    def line(counts: SpcCounts, total: bool = False) -> SummaryLine:
        numbers = (
            counts.improvement,
            counts.concern,
            counts.common_cause,
            counts.neither,
            counts.no_variation,
            counts.passing,
            counts.failing,
            counts.hit_or_miss,
        )
        return SummaryLine(counts.title, tuple(format_count(n) for n in numbers), total)

    lines = tuple(line(counts) for counts in report.spc_summary)
    if report.spc_total is not None:
        lines += (line(report.spc_total, total=True),)
    return SpcSummary("Variation and assurance", SPC_COLUMNS, lines)


def _count_columns(report: Report) -> tuple[str, ...]:
    """RAG, then each performance band beside it where the report has any, then direction of travel."""
    first = report.summary[0] if report.summary else report.total
    bands = (*(band.label for band in first.bands), NO_BAND) if first and first.bands else ()
    return (*STATUS_COLUMNS, *bands, *DIRECTION_COLUMNS)


def _line(counts: StatusCounts, *, total: bool = False) -> SummaryLine:
    statuses = (counts.green, counts.amber, counts.red, counts.no_status)
    bands = (*(band.count for band in counts.bands), counts.no_band) if counts.bands else ()
    numbers = (*statuses, *bands, counts.improving, counts.declining)
    return SummaryLine(counts.title, tuple(format_count(number) for number in numbers), total)


def _movers(heading: str, movers: tuple[Mover, ...], now: Mapping[str, str]) -> MoversTable:
    """The movers with the periods they compare: the one most share heads the column ("Sep 2026"), and a
    value from another period names it ("22% (Oct 2025)")."""
    before = _periods([(m.before, m.comparator_period_text) for m in movers])
    after = _periods([(m.after, now[m.ref]) for m in movers])
    lines = tuple(
        (m.ref, m.title, was, is_, m.change_text, f"{m.score_text} × usual {m.typical_movement_text}")
        for m, was, is_ in zip(movers, before.cells, after.cells, strict=True)
    )
    columns = (*MOVER_COLUMNS[:2], before.heading or "Was", after.heading or "Now", *MOVER_COLUMNS[4:])
    return MoversTable(heading, columns, lines, "None this period.")


@dataclass(frozen=True)
class _PeriodColumn:
    heading: str
    cells: tuple[str, ...]


def _periods(values: list[tuple[str, str]]) -> _PeriodColumn:
    heading = most_common([period for _value, period in values])
    return _PeriodColumn(
        heading, tuple(value if period == heading else f"{value} ({period})" for value, period in values)
    )
