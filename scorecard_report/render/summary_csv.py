"""The machine-readable summary: one CSV row per indicator, numbers as in the data.

A text cell that a spreadsheet would run as a formula (OWASP's CSV injection: one starting with ``=``,
``+``, ``-``, ``@``, a tab or a carriage return) is written with a ``'`` in front; a number such as
``-5`` is left as it is.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from decimal import Decimal

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
    """Every CSV the tool writes: UTF-8 without a BOM, LF line ends, each cell ``spreadsheet_safe``."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow([spreadsheet_safe(cell) for cell in header])
    writer.writerows([spreadsheet_safe(cell) for cell in line] for line in lines)
    return buffer.getvalue().encode("utf-8")


def _number(value: Decimal | None) -> str:
    return "" if value is None else plain(value)


def _month(month: Month | None) -> str:
    return "" if month is None else month.iso()


def _benchmark_age_cells(benchmark: BenchmarkComparison) -> list[str]:
    """``<id>_year`` and ``<id>_too_old``: the year of the figures as written and yes or no; both empty
    where the indicator has no value for the benchmark."""
    if benchmark.value is None:
        return ["", ""]
    return [benchmark.year or "", "yes" if benchmark.too_old else "no"]


def _cells(row: Row, section: str) -> list[str]:
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
        _number(row.current.value),
        _number(row.previous_period.value),
        _number(row.previous_year.value),
        row.target.written if row.target else "",
        str(row.status),
        row.band or "",
        str(row.direction),
        str(row.judgement),
        str(row.spc.variation),
        str(row.spc.assurance),
        row.spc.reading_text,
        "yes" if row.spc.attention else "no",
        _number(row.spc.centre),
        _number(row.spc.lower),
        _number(row.spc.upper),
        str(row.spc.points),
        row.spc.capable_band or "",
        *(_number(benchmark.value) for benchmark in row.benchmarks),
        *(cell for benchmark in row.benchmarks for cell in _benchmark_age_cells(benchmark)),
    ]


SERIES_COLUMNS = ("ref", "period", "value", "centre", "lower_limit", "upper_limit", "point", "rule")


def render_series_csv(report: Report) -> bytes:
    """One row per indicator per month its trend shows: the value, its segment's limits (empty where
    the segment is too short), the point's label and the rule that flagged it."""
    lines = (
        [
            row.ref,
            point.period.iso(),
            _number(point.value),
            _number(point.centre),
            _number(point.lower),
            _number(point.upper),
            str(point.point),
            str(point.rule or ""),
        ]
        for row in report.rows
        for point in row.spc.series
    )
    return csv_bytes(SERIES_COLUMNS, lines)


def benchmark_columns(report: Report) -> list[str]:
    """One column per benchmark id (its value), then ``<id>_year`` and ``<id>_too_old`` for each."""
    ids = [source.id for source in report.benchmarks]
    return [*ids, *(f"{benchmark_id}_{part}" for benchmark_id in ids for part in ("year", "too_old"))]


def render_summary_csv(report: Report) -> bytes:
    """The summary as UTF-8 CSV bytes: the fixed columns, then the benchmarks' values, then each
    benchmark's year and whether it is too old to compare."""
    lines = (_cells(row, section.id) for section in report.sections for row in section.rows)
    return csv_bytes([*COLUMNS, *benchmark_columns(report)], lines)
