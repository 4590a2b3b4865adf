"""Build the report model: apply every rule to every indicator for the report period."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal

from scorecard_report.format.display import format_change, format_target, format_value
from scorecard_report.format.periods import format_period, quarter_heading, report_period_text
from scorecard_report.inputs.benchmarks import BenchmarkTable
from scorecard_report.inputs.catalogue import Catalogue, Indicator
from scorecard_report.inputs.commentary import NO_COMMENTARY, Commentary
from scorecard_report.inputs.periods import Month
from scorecard_report.inputs.values import ValueTable
from scorecard_report.inputs.vocabulary import Comparator, Frequency, Judgement
from scorecard_report.model.report import (
    BenchmarkComparison,
    Figure,
    QuarterFigure,
    Report,
    Row,
    SectionReport,
)
from scorecard_report.model.summary import largest_movers, status_counts
from scorecard_report.rules.bands import performance_band, performance_band_key
from scorecard_report.rules.benchmarks import compare_with_benchmark
from scorecard_report.rules.direction import direction_of_travel, judgement
from scorecard_report.rules.numbers import round_half_away
from scorecard_report.rules.selection import (
    current_period,
    previous_period,
    previous_year,
    trend_periods,
    value_at,
)
from scorecard_report.rules.targets import rag_status, variance_from_target

Series = Mapping[Month, Decimal | None]


def build_report(
    catalogue: Catalogue,
    values: ValueTable,
    period: Month,
    benchmarks: BenchmarkTable | None = None,
    commentary: Commentary = NO_COMMENTARY,
) -> Report:
    """The report for ``period``: every indicator's figures, judgements and their display text."""
    sections = tuple(
        SectionReport(
            section.id,
            section.title,
            section.owner,
            tuple(
                _row(catalogue, indicator, values.series(indicator.ref), period, benchmarks, commentary)
                for indicator in section.indicators
            ),
            commentary.section(section.id),
        )
        for section in catalogue.sections
    )
    all_rows = [row for section in sections for row in section.rows]
    return Report(
        title=catalogue.title,
        organisation=catalogue.organisation,
        name=catalogue.name,
        period=period,
        period_text=report_period_text(period, catalogue.report.layout, catalogue.calendar),
        missing_label=catalogue.missing_label,
        below_bands=catalogue.below_bands,
        benchmarks=catalogue.benchmarks,
        sections=sections,
        settings=catalogue.report,
        commentary=commentary.report,
        summary=tuple(status_counts(section.title, section.rows) for section in sections),
        total=status_counts("All sections", all_rows),
        improvements=largest_movers(sections, Judgement.IMPROVING),
        deteriorations=largest_movers(sections, Judgement.DECLINING),
        fields=catalogue.fields,
        year_label=format_period(period, Frequency.ANNUAL, catalogue.calendar),
        source=catalogue.path,
    )


def _figure(
    catalogue: Catalogue, indicator: Indicator, series: Series, month: Month, report: Month
) -> Figure:
    value = value_at(series, month, report)
    shown = round_half_away(value, indicator.decimals) if value is not None else None
    variance = variance_from_target(indicator.target, shown)
    return Figure(
        period=month,
        period_text=format_period(month, indicator.frequency, catalogue.calendar),
        value=value,
        text=format_value(value, indicator.unit, indicator.decimals, catalogue.missing_label),
        shown=shown,
        variance=variance,
        variance_text=format_change(variance, indicator.unit, indicator.decimals),
    )


def _row(
    catalogue: Catalogue,
    indicator: Indicator,
    series: Series,
    report: Month,
    benchmark_table: BenchmarkTable | None,
    commentary: Commentary,
) -> Row:
    current_month = current_period(indicator.frequency, report, catalogue.calendar)
    figures: dict[Month, Figure] = {}  # the trend repeats current and previous: work each out once

    def figure(month: Month) -> Figure:
        if month not in figures:
            figures[month] = _figure(catalogue, indicator, series, month, report)
        return figures[month]

    current = figure(current_month)
    previous = figure(previous_period(indicator.frequency, current_month))
    last_year = figure(previous_year(current_month))
    comparator = previous if indicator.comparator is Comparator.PREVIOUS_PERIOD else last_year
    direction = direction_of_travel(current.shown, comparator.shown)
    change = (
        current.shown - comparator.shown
        if current.shown is not None and comparator.shown is not None
        else None
    )
    return Row(
        ref=indicator.ref,
        title=indicator.title,
        description=indicator.description,
        unit=indicator.unit,
        unit_label=indicator.unit_label,
        decimals=indicator.decimals,
        polarity=indicator.polarity,
        frequency=indicator.frequency,
        highlight=indicator.highlight,
        current=current,
        previous_period=previous,
        previous_year=last_year,
        target=indicator.target,
        target_text=format_target(indicator.target, indicator.unit),
        status=rag_status(indicator.target, current.shown, indicator.polarity, indicator.tolerance),
        band=performance_band(indicator.bands, current.shown, indicator.polarity, catalogue.below_bands),
        band_key=performance_band_key(indicator.bands, current.shown, indicator.polarity),
        comparator=indicator.comparator,
        direction=direction,
        judgement=judgement(direction, indicator.polarity),
        change_text=format_change(change, indicator.unit, indicator.decimals),
        benchmarks=_benchmarks(catalogue, indicator, current, benchmark_table),
        trend=tuple(
            figure(month)
            for month in trend_periods(indicator.frequency, current_month, catalogue.trend_length)
        ),
        in_appendix=catalogue.report.in_appendix(indicator.ref, indicator.highlight),
        commentary=commentary.indicator(indicator.ref),
        group=indicator.group,
        fields=indicator.fields,
        bands=tuple((band.key, band.label, band.threshold.written) for band in indicator.bands),
        quarters=_quarters(catalogue, indicator, series, report),
        annual=figure(catalogue.calendar.latest_year_end(report)),
    )


def _quarters(
    catalogue: Catalogue, indicator: Indicator, series: Series, report: Month
) -> tuple[QuarterFigure, ...]:
    """Q1-Q4 of the financial year containing the report period, each judged against the bands."""
    calendar = catalogue.calendar
    year_start = calendar.year_start(report).year
    quarters = []
    for number in range(1, 5):
        end = calendar.quarter_end(year_start, number)
        if end > report:
            quarters.append(QuarterFigure(quarter_heading(number), None, None, None))
            continue
        figure = _figure(catalogue, indicator, series, end, report)
        quarters.append(
            QuarterFigure(
                quarter_heading(number),
                figure,
                performance_band(indicator.bands, figure.shown, indicator.polarity, catalogue.below_bands),
                performance_band_key(indicator.bands, figure.shown, indicator.polarity),
            )
        )
    return tuple(quarters)


def _benchmarks(
    catalogue: Catalogue, indicator: Indicator, current: Figure, table: BenchmarkTable | None
) -> tuple[BenchmarkComparison, ...]:
    comparisons = []
    for source in catalogue.benchmarks:
        from_file = table.get(indicator.ref, source.id) if table else None
        value = from_file.value if from_file else indicator.benchmark(source.id)
        year = from_file.year if from_file and from_file.year else source.year
        shown = round_half_away(value, indicator.decimals) if value is not None else None
        difference = current.shown - shown if current.shown is not None and shown is not None else None
        comparisons.append(
            BenchmarkComparison(
                source=source,
                year=year,
                value=value,
                text=format_value(value, indicator.unit, indicator.decimals, ""),
                difference=difference,
                difference_text=format_change(difference, indicator.unit, indicator.decimals),
                comparison=compare_with_benchmark(current.shown, shown, indicator.polarity),
            )
        )
    return tuple(comparisons)
