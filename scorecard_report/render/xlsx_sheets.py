"""What each sheet of the workbook holds: its headings and cells, every number with its Excel format.

A cell is a number (the value as in the data, never its text), a date (a series month), or words as the
documents write them; a status or band cell names its tone, which the workbook fills with the documents'
colour. Nothing here knows openpyxl: ``summary_xlsx.py`` writes these.

Percentages stay as the data holds them, 0–100, shown with a literal per cent sign (``0.0"%"``) at the
indicator's decimals, rather than divided by 100 under Excel's ``0%``: the cell then equals the value in
the data, the summary CSV and the target (70.5 against a target of 73), so a formula or a pivot table
reads as the scorecard does, and no division adds a binary fraction to a figure.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from scorecard_report.format.derived import rule_words
from scorecard_report.format.display import JOIN, format_value, label_with_year
from scorecard_report.format.spc import point_word, rule_name
from scorecard_report.format.words import STATUS_WORDS, direction_word, judgement_word
from scorecard_report.inputs.periods import Month
from scorecard_report.inputs.spc import PointKind
from scorecard_report.inputs.vocabulary import Judgement, RagStatus, Unit
from scorecard_report.model.report import BenchmarkComparison, Report, Row, SectionReport, SpcPoint
from scorecard_report.present.changes import KIND_HEADINGS, intro_sentence
from scorecard_report.present.key import key_view
from scorecard_report.present.palette import Tone, band_tone, status_tone

Value = str | Decimal | int | dt.date | None

TEXT = "@"  # Excel's text format: what is typed into a words cell stays words
WHOLE = "0"
MONTH = "mmm yyyy"  # a series month as the documents write it: Jan 2023


@dataclass(frozen=True)
class SheetCell:
    """One cell: its value, its Excel number format, the tone it is filled with (its word is the value),
    and the text a reader sees, which sets the column's width."""

    value: Value
    number_format: str = "General"
    tone: Tone | None = None
    shown: str = ""


@dataclass(frozen=True)
class SheetTable:
    """A sheet that is one Excel table: a header row of unique headings, then one line per record."""

    name: str  # the sheet's tab and the table's name
    headings: tuple[str, ...]
    lines: tuple[tuple[SheetCell, ...], ...]


@dataclass(frozen=True)
class KeyLine:
    """A line of the About sheet: a label (filled with ``tone`` where it is a fill's word) and its text."""

    label: str
    text: str = ""
    tone: Tone | None = None
    heading: bool = False


def number_format(unit: Unit, decimals: int) -> str:
    """``#,##0`` for a count, ``#,##0.0"%"`` for a percentage at 1 decimal, ``"£"#,##0`` for money (in
    full pounds: a spreadsheet has the room the page's £1.2m saves), ``#,##0.0`` for a rate or days."""
    grouped = "#,##0" + ("." + "0" * decimals if decimals > 0 else "")
    if unit is Unit.PERCENT:
        return f'{grouped}"%"'
    if unit is Unit.CURRENCY:
        return f'"£"{grouped}'
    return grouped


def words(text: str | None) -> SheetCell:
    """Words as the documents show them, without the invisible joiner that keeps a sign to its number;
    none is an empty cell."""
    cleaned = (text or "").replace(JOIN, "")
    return SheetCell(cleaned or None, TEXT, shown=cleaned)


def number(value: Decimal | None, row: Row) -> SheetCell:
    """The value as in the data, shown at the row's decimals; a missing value is an empty cell."""
    if value is None:
        return SheetCell(None, number_format(row.unit, row.decimals))
    shown = format_value(value, row.unit, row.decimals, "", millions=None).replace(JOIN, "")
    return SheetCell(value, number_format(row.unit, row.decimals), shown=shown)


def count(value: int) -> SheetCell:
    return SheetCell(value, WHOLE, shown=str(value))


def filled(word: str | None, tone: Tone | None) -> SheetCell:
    """A status or band: its word, filled with its colour (none for a band of the council's own naming)."""
    return SheetCell(word or None, TEXT, tone if word else None, shown=word or "")


def yes_no(flag: bool) -> SheetCell:
    return words("Yes" if flag else "No")


def month_cell(month: Month, text: str) -> SheetCell:
    """A series month as a real date (its first day), so Excel sorts, filters and charts it as one;
    shown as ``text`` is (Jan 2023)."""
    return SheetCell(dt.date(month.year, month.month, 1), MONTH, shown=text)


# ---------------------------------------------------------------- the summary

SUMMARY_HEADINGS = (
    "Ref",
    "Indicator",
    "Section",
    "Unit",
    "Frequency",
    "Period",
    "Current",
    "Previous period",
    "Previous year",
    "Target",
    "Status",
    "Band",
    "Direction",
    "Judgement",
    "Timeliness",
    "Data to",
    "Due",
    "Variation",
    "Assurance",
    "Reading",
    "Needs attention",
    "SPC average",
    "SPC lower limit",
    "SPC upper limit",
    "SPC points",
    "Capable band",
    "Computed",
    "How computed",
)


def unit_words(row: Row) -> str:
    """``Percent``, ``Rate per 10,000``: the unit, with the catalogue's label where it gives one."""
    unit = str(row.unit).capitalize()
    return f"{unit} {row.unit_label}" if row.unit_label else unit


def _judgement(judgement: Judgement) -> str:
    return "" if judgement is Judgement.NONE else judgement_word(judgement)


def _band(row: Row) -> SheetCell:
    return filled(row.band, band_tone(row.band_key) if row.band_key else None)


def _status(status: RagStatus) -> SheetCell:
    return filled(STATUS_WORDS[status], status_tone(status))


def _benchmark_age(benchmark: BenchmarkComparison) -> list[SheetCell]:
    """The year of the benchmark's figures and whether it is too old; both empty without a value."""
    if benchmark.value is None:
        return [words(None), words(None)]
    return [words(benchmark.year), yes_no(benchmark.too_old)]


def summary_line(row: Row, section: SectionReport) -> tuple[SheetCell, ...]:
    """The row's line, in the order of ``summary_headings``."""
    spc, timeliness = row.spc, row.timeliness
    return (
        words(row.ref),
        words(row.title),
        words(section.title),
        words(unit_words(row)),
        words(str(row.frequency).capitalize()),
        words(row.current.period_text),
        number(row.current.value, row),
        number(row.previous_period.value, row),
        number(row.previous_year.value, row),
        words(row.target_text),
        _status(row.status),
        _band(row),
        words(direction_word(row.direction)),
        words(_judgement(row.judgement)),
        words(timeliness.word),
        words(timeliness.data_to_text),
        words(timeliness.due_text),
        words(spc.variation_text),
        words(spc.assurance_text),
        words(spc.reading_text),
        yes_no(spc.attention),
        number(spc.centre, row),
        number(spc.lower, row),
        number(spc.upper, row),
        count(spc.points),
        words(spc.capable_band),
        yes_no(row.derived is not None),
        words(rule_words(row.derived, row.frequency) if row.derived else None),
        *(number(benchmark.value, row) for benchmark in row.benchmarks),
        *(cell for benchmark in row.benchmarks for cell in _benchmark_age(benchmark)),
    )


def unique(headings: list[str]) -> tuple[str, ...]:
    """Excel refuses a table whose headings repeat (ignoring case): a benchmark labelled ``Target`` is
    headed ``Target 2``."""
    seen: set[str] = set()
    kept = []
    for heading in headings:
        candidate, suffix = heading, 2
        while candidate.casefold() in seen:
            candidate, suffix = f"{heading} {suffix}", suffix + 1
        seen.add(candidate.casefold())
        kept.append(candidate)
    return tuple(kept)


def summary_headings(report: Report) -> tuple[str, ...]:
    """The fixed headings, then one per benchmark (its label and year), then each one's year and age."""
    labels = [label_with_year(source.label, source.year) for source in report.benchmarks]
    ages = [f"{source.label} {part}" for source in report.benchmarks for part in ("year", "too old")]
    return unique([*SUMMARY_HEADINGS, *labels, *ages])


def summary_sheet(report: Report) -> SheetTable:
    """Every indicator in one table, in catalogue order, with a Section column: filters, sorting and
    pivot tables then work across the whole scorecard, and a section is one filter away."""
    lines = tuple(summary_line(row, section) for section in report.sections for row in section.rows)
    return SheetTable("Summary", summary_headings(report), lines)


# ---------------------------------------------------------------- the series and the changes

SERIES_HEADINGS = (
    "Ref",
    "Indicator",
    "Period",
    "Value",
    "Average",
    "Lower limit",
    "Upper limit",
    "Point",
    "Rule",
    "Computed",
)


def _point(point: SpcPoint) -> str:
    return "" if point.point is PointKind.NONE else point_word(point.point)


def series_line(row: Row, point: SpcPoint) -> tuple[SheetCell, ...]:
    """One month of the row's chart, as the series CSV has it; the rule by its name there."""
    return (
        words(row.ref),
        words(row.title),
        month_cell(point.period, point.period_text),
        number(point.value, row),
        number(point.centre, row),
        number(point.lower, row),
        number(point.upper, row),
        words(_point(point)),
        words(rule_name(point.rule) if point.rule else None),
        yes_no(row.derived is not None),
    )


def series_sheet(report: Report) -> SheetTable:
    """One line per indicator per month its trend shows: the series CSV as a table."""
    lines = tuple(series_line(row, point) for row in report.rows for point in row.spc.series)
    return SheetTable("Series", SERIES_HEADINGS, lines)


CHANGES_HEADINGS = ("Kind", "Ref", "Indicator", "Section", "Period", "Was", "Now")


def changes_sheet(report: Report) -> SheetTable | None:
    """The changes since the edition compared with, as the changes CSV; none with nothing compared."""
    if report.changes is None:
        return None
    lines = tuple(
        (
            words(KIND_HEADINGS[change.kind]),
            words(change.ref),
            words(change.title),
            words(change.section),
            words(change.period_text),
            words(change.was),
            words(change.now),
        )
        for change in report.changes.changes
    )
    return SheetTable("Changes", CHANGES_HEADINGS, lines)


# ---------------------------------------------------------------- about

NUMBERS_NOTE = (
    "Numbers are as in the data, shown at each indicator's decimals; percentages are held as 0-100 "
    "(70.5 is 70.5%). A missing value is an empty cell."
)


def about_lines(report: Report, produced: str) -> tuple[KeyLine, ...]:
    """What the workbook is, then the words of every fill: a status or band cell carries its word, so
    the colour is never the only signal."""
    key = key_view(report)
    compared = (KeyLine("Compared with", intro_sentence(report.changes.earlier)),) if report.changes else ()
    fills = tuple(
        KeyLine(entry.sample or entry.cells[0], entry.cells[-1], entry.tone)
        for table in (key.statuses, key.bands)
        for entry in table.entries
    )
    return (
        KeyLine(report.title, heading=True),
        KeyLine("Organisation", report.organisation),
        KeyLine("Period", report.period_text),
        KeyLine("Marking", report.settings.marking),
        KeyLine("Produced", produced),
        *compared,
        KeyLine("Numbers", NUMBERS_NOTE),
        KeyLine(""),
        KeyLine(key.statuses.heading, heading=True),
        *fills[: len(key.statuses.entries)],
        KeyLine(""),
        KeyLine(key.bands.heading, heading=True),
        *fills[len(key.statuses.entries) :],
    )
