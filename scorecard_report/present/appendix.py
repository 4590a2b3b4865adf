"""The appendix: one page per indicator, with its headline figures, chart, variances and benchmarks."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from scorecard_report.format.display import label_with_year
from scorecard_report.format.words import DASH, comparison_word, polarity_words
from scorecard_report.inputs.vocabulary import Comparator
from scorecard_report.model.report import BenchmarkComparison, Report, Row, SectionReport
from scorecard_report.present.anchors import anchor
from scorecard_report.present.commentary import CommentaryView, commentary_view, placeholder_text
from scorecard_report.present.pictures import ChartView, DrawnChart, chart_view
from scorecard_report.present.table import ValueCell, current_cell


@dataclass(frozen=True)
class LabelledFigure:
    label: str
    text: str


@dataclass(frozen=True)
class BenchmarkLine:
    label: str
    value: str
    difference: str
    word: str


@dataclass(frozen=True)
class AppendixLabels:
    """The words every indicator page uses."""

    current: str = "Current"
    variances: str = "Variance from target"
    benchmarks: str = "Benchmarks"
    benchmark_columns: tuple[str, ...] = ("Comparator", "Value", "Ours minus theirs", "We are")
    commentary: str = "Commentary"
    description: str = "What it shows"


@dataclass(frozen=True)
class AppendixPage:
    anchor: str
    ref: str
    title: str
    heading: str  # "FD8 Screenings completed", where a format has one line for it
    section_line: str  # "Front Door · Jan 2023"
    current: ValueCell
    figures: tuple[LabelledFigure, ...]  # the headline boxes after the current value
    chart: ChartView | None
    variances: tuple[LabelledFigure, ...]  # by period, oldest first
    benchmarks: tuple[BenchmarkLine, ...]
    commentary: CommentaryView
    description: str


@dataclass(frozen=True)
class AppendixView:
    anchor: str
    title: str
    labels: AppendixLabels
    pages: tuple[AppendixPage, ...]


LABELS = AppendixLabels()


def appendix_view(report: Report, large: Mapping[str, DrawnChart], final: bool) -> AppendixView | None:
    pages = tuple(
        appendix_page(row, section, large, final)
        for section in report.sections
        for row in section.rows
        if row.in_appendix
    )
    return AppendixView("appendix", "Appendix: indicator pages", LABELS, pages) if pages else None


def appendix_page(
    row: Row, section: SectionReport, large: Mapping[str, DrawnChart], final: bool
) -> AppendixPage:
    placeholder = placeholder_text(f"{row.ref} {row.title}", section.owner)
    chart = large.get(row.ref)
    return AppendixPage(
        anchor=anchor("indicator", row.ref),
        ref=row.ref,
        title=row.title,
        heading=f"{row.ref} {row.title}",
        section_line=f"{section.title} · {row.current.period_text}",
        current=current_cell(row),
        figures=_figures(row),
        chart=None if chart is None else _chart(row, chart),
        variances=tuple(LabelledFigure(f.period_text, f.variance_text or DASH) for f in row.trend)
        if row.target
        else (),
        benchmarks=tuple(_benchmark(b) for b in row.benchmarks if b.value is not None),
        commentary=commentary_view(row.commentary, placeholder, final),
        description=row.description,
    )


def _chart(row: Row, chart: DrawnChart) -> ChartView:
    return chart_view(row, chart, caption=chart.alt)  # the caption spells out the chart for every reader


def _figures(row: Row) -> tuple[LabelledFigure, ...]:
    # The change is shown only where it is the change the direction of travel was judged on.
    change = row.change_text if row.comparator is Comparator.PREVIOUS_PERIOD else ""
    return (
        LabelledFigure("Polarity", polarity_words(row.polarity)),
        LabelledFigure("Target", row.target_text or "No target"),
        LabelledFigure(LABELS.variances, row.current.variance_text or DASH),
        LabelledFigure(f"Previous period ({row.previous_period.period_text})", row.previous_period.text),
        LabelledFigure("Change", change or DASH),
    )


def _benchmark(benchmark: BenchmarkComparison) -> BenchmarkLine:
    return BenchmarkLine(
        label_with_year(benchmark.source.label, benchmark.year),
        benchmark.text,
        benchmark.difference_text or DASH,
        comparison_word(benchmark.comparison),
    )
