"""A chart's alt text: what it shows in the report's own words, judged as the row's direction of travel."""

from __future__ import annotations

from scorecard_report.format.display import format_count, label_with_year
from scorecard_report.format.periods import period_noun
from scorecard_report.format.words import moved_word
from scorecard_report.inputs.vocabulary import Direction
from scorecard_report.model.report import BenchmarkComparison, Row


def alt_text(row: Row) -> str:
    """One or two sentences that say what the chart shows, in the report's own words and numbers."""
    span = _span_text(row)
    if all(figure.missing for figure in row.trend):
        return f"{row.ref}: no values in the {span}{_context_text(row)}."
    return f"{_latest_text(row)}{_context_text(row)}. Trend of {span}{_missing_text(row)}."


def _latest_text(row: Row) -> str:
    # The change is the row's own direction of travel, against its own comparator: the alt text never
    # says "rose" where the table's arrow says down.
    current, before = row.current, row.compared_with
    if current.shown is None:
        last = next(figure for figure in reversed(row.trend) if not figure.missing)
        return (
            f"{row.ref}: no value for {current.period_text} ({current.text});"
            f" last value {last.text} in {last.period_text}"
        )
    if row.direction is Direction.NONE:
        return (
            f"{row.ref} was {current.text} in {current.period_text}, with no value for {before.period_text}"
        )
    if row.direction is Direction.SAME:
        stayed = moved_word(Direction.SAME)
        return f"{row.ref} {stayed} at {current.text} in {before.period_text} and {current.period_text}"
    moved = moved_word(row.direction)
    if current.text == before.text:  # £1.4m both times: the change is below the shown precision
        return (
            f"{row.ref} {moved} slightly from {before.period_text} to {current.period_text}, {current.text}"
        )
    return (
        f"{row.ref} {moved} from {before.text} in {before.period_text}"
        f" to {current.text} in {current.period_text}"
    )


def _context_text(row: Row) -> str:
    parts = [f"target {row.target_text}"] if row.target_text else []
    benchmark = charted_benchmark(row)
    if benchmark is not None:
        parts.append(f"{benchmark_label(benchmark)} {benchmark.text}")
    return "".join(f"; {part}" for part in parts)


def _span_text(row: Row) -> str:
    count = len(row.chart_trend)
    if count == 1:
        return f"1 {period_noun(row.frequency, plural=False)}, {row.chart_trend[0].period_text}"
    return (
        f"{format_count(count)} {period_noun(row.frequency, plural=count != 1)}"
        f" from {row.chart_trend[0].period_text} to {row.chart_trend[-1].period_text}"
    )


def _missing_text(row: Row) -> str:
    missing = sum(figure.missing for figure in row.chart_trend)
    return f", {format_count(missing)} of them without a value" if missing else ""


def charted_benchmark(row: Row) -> BenchmarkComparison | None:
    """The benchmark the chart draws and its alt text names: the first one with a value."""
    return next((benchmark for benchmark in row.benchmarks if benchmark.value is not None), None)


def benchmark_label(benchmark: BenchmarkComparison) -> str:
    return label_with_year(benchmark.source.label, benchmark.year)
