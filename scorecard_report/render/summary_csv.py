"""The machine-readable summary: one CSV row per indicator, numbers as in the data.

A text cell that a spreadsheet would run as a formula (OWASP's CSV injection: one starting with ``=``,
``+``, ``-``, ``@``, a tab or a carriage return) is written with a ``'`` in front; a number such as
``-5`` is left as it is.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator, Sequence
from decimal import Decimal

from scorecard_report.format.derived import rule_words
from scorecard_report.format.display import plain
from scorecard_report.inputs.periods import Month
from scorecard_report.model.report import BenchmarkComparison, Report, Row
from scorecard_report.rules.numbers import NumberError, parse_number

COLUMNS = (
    "ref",
    "section",
    "title",
    "unit",
    "frequency",
    "period",
    "data_to",
    "due",
    "timeliness",
    "current",
    "previous_period",
    "previous_year",
    "target",
    "status",
    "band",
    "direction",
    "judgement",
    "variation",
    "assurance",
    "reading",
    "attention",
    "spc_centre",
    "spc_lower",
    "spc_upper",
    "spc_points",
    "capable_band",
    "derived",
    "how_computed",
)


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(cell: str) -> str:
    """``=HYPERLINK(...)`` → ``'=HYPERLINK(...)``, so a spreadsheet shows it as text; ``-5`` stays."""
    if not cell.startswith(FORMULA_STARTS):
        return cell
    try:
        parse_number(cell)
    except NumberError:
        return "'" + cell
    return cell


def csv_bytes(header: Sequence[str], lines: Iterable[Sequence[str]]) -> bytes:
    """Every CSV the tool writes: UTF-8 (the byte-order mark is ``with_bom``'s), LF line ends, each cell
    ``spreadsheet_safe``."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow([spreadsheet_safe(cell) for cell in header])
    writer.writerows([spreadsheet_safe(cell) for cell in line] for line in lines)
    return buffer.getvalue().encode("utf-8")


UTF8_BOM = "\ufeff".encode()  # EF BB BF: how Excel on Windows knows a CSV is UTF-8, not its code page


def with_bom(content: bytes, bom: bool) -> bytes:
    """``content`` with the byte-order mark in front when ``bom`` (the config's ``csv_bom``, on by
    default): Excel double-clicked on Windows then shows "£" and "–", not "Â£" and "â€“"."""
    return UTF8_BOM + content if bom else content


Cell = str | Decimal | int | bool | None
"""One summary value as data: words, a number as in the data, a count, yes or no, or nothing. The CSV
writes each as ``cell_text`` does; the notebook API's frames keep the type."""

# What a fixed column's cells hold where that is not words (``str``): the frames keep these types.
SUMMARY_TYPES: dict[str, type] = {
    "current": Decimal,
    "previous_period": Decimal,
    "previous_year": Decimal,
    "attention": bool,
    "spc_centre": Decimal,
    "spc_lower": Decimal,
    "spc_upper": Decimal,
    "spc_points": int,
    "derived": bool,
}
SERIES_TYPES: dict[str, type] = {
    "derived": bool,
    "value": Decimal,
    "centre": Decimal,
    "lower_limit": Decimal,
    "upper_limit": Decimal,
}


def cell_text(cell: Cell) -> str:
    """A cell as the CSV writes it: nothing as empty, yes or no, a number as in the data (``plain``)."""
    if cell is None:
        return ""
    if isinstance(cell, bool):  # before int: a bool is an int
        return "yes" if cell else "no"
    if isinstance(cell, Decimal):
        return plain(cell)
    return str(cell)


def _month(month: Month | None) -> str | None:
    return None if month is None else month.iso()


def _benchmark_age_cells(benchmark: BenchmarkComparison) -> list[Cell]:
    """``<id>_year`` and ``<id>_too_old``: the year of the figures as written and yes or no; both empty
    where the indicator has no value for the benchmark."""
    if benchmark.value is None:
        return [None, None]
    return [benchmark.year or None, benchmark.too_old]


def summary_cells(row: Row, section: str) -> list[Cell]:
    """The row's summary line, in the order of ``summary_columns``."""
    return [
        row.ref,
        section,
        row.title,
        str(row.unit),
        str(row.frequency),
        row.current.period.iso(),
        _month(row.timeliness.data_to),
        _month(row.timeliness.due),
        str(row.timeliness.timeliness),
        row.current.value,
        row.previous_period.value,
        row.previous_year.value,
        row.target.written if row.target else None,
        str(row.status),
        row.band or None,
        str(row.direction),
        str(row.judgement),
        str(row.spc.variation),
        str(row.spc.assurance),
        row.spc.reading_text or None,
        row.spc.attention,
        row.spc.centre,
        row.spc.lower,
        row.spc.upper,
        row.spc.points,
        row.spc.capable_band or None,
        row.derived is not None,
        rule_words(row.derived, row.frequency) if row.derived else None,
        *(benchmark.value for benchmark in row.benchmarks),
        *(cell for benchmark in row.benchmarks for cell in _benchmark_age_cells(benchmark)),
    ]


def summary_lines(report: Report) -> list[list[Cell]]:
    """One line per indicator, in catalogue order."""
    return [summary_cells(row, section.id) for section in report.sections for row in section.rows]


SERIES_COLUMNS = (
    "ref",
    "period",
    "value",
    "centre",
    "lower_limit",
    "upper_limit",
    "point",
    "rule",
    "derived",
)


def series_lines(report: Report) -> list[list[Cell]]:
    """One line per indicator per month its trend shows, in the order of ``SERIES_COLUMNS``."""
    return [
        [
            row.ref,
            point.period.iso(),
            point.value,
            point.centre,
            point.lower,
            point.upper,
            str(point.point),
            str(point.rule) if point.rule else None,
            row.derived is not None,
        ]
        for row in report.rows
        for point in row.spc.series
    ]


def render_series_csv(report: Report) -> bytes:
    """One row per indicator per month its trend shows: the value, its segment's limits (empty where
    the segment is too short), the point's label and the rule that flagged it."""
    return csv_bytes(SERIES_COLUMNS, _texts(series_lines(report)))


def _texts(lines: list[list[Cell]]) -> Iterator[list[str]]:
    return ([cell_text(cell) for cell in line] for line in lines)


def benchmark_columns(report: Report) -> list[str]:
    """One column per benchmark id (its value), then ``<id>_year`` and ``<id>_too_old`` for each."""
    return list(_benchmark_types(report))


def _benchmark_types(report: Report) -> dict[str, type]:
    ids = [source.id for source in report.benchmarks]
    ages = {
        f"{benchmark_id}_{part}": kind
        for benchmark_id in ids
        for part, kind in (("year", str), ("too_old", bool))
    }
    return {**dict.fromkeys(ids, Decimal), **ages}


def summary_columns(report: Report) -> dict[str, type]:
    """Each column, in order, with what its cells hold besides nothing: the fixed columns, then the
    benchmarks' values, then each benchmark's year and whether it is too old to compare."""
    return {**{column: SUMMARY_TYPES.get(column, str) for column in COLUMNS}, **_benchmark_types(report)}


def series_columns() -> dict[str, type]:
    """Each series column, in order, with what its cells hold besides nothing."""
    return {column: SERIES_TYPES.get(column, str) for column in SERIES_COLUMNS}


def render_summary_csv(report: Report) -> bytes:
    """The summary as UTF-8 CSV bytes, a line per indicator under ``summary_columns``."""
    return csv_bytes(list(summary_columns(report)), _texts(summary_lines(report)))
